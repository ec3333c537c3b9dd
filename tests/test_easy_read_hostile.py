"""Hostile text in a standard page never becomes markup in its easy-read first draft, and
pictures whose names have spaces or accents show and count as pictures in every form."""

from __future__ import annotations

import posixpath
import re
import urllib.parse

import lxml.html
import pytest
from lxml import etree
from conftest import Site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_easyread.easy_read import pictures
from mkdocs_easyread.easy_read.checker import Settings, check_page

DRAFT_PLAN = """\
title: Our plan
type: strategy
status: published
published: 2018-07-02
summary: What we will do.
easy_read: draft
"""
CLEAN = "---\ntitle: Clean\n---\n\nWe will build homes.\n"

# Each attack: a chapter of the standard page, and words a reader must still see in the draft.
ATTACKS = {
    "heading-attributes": ('## Syntax `{ onclick="alert(94)" }`\n\nWe will help you.\n', 'Syntax { onclick="alert(94)" }'),
    "heading-trailing-attributes": ('## Money { #money onclick="alert(1)" }\n\nWe pay.\n', "Money"),
    "script": ("We keep <script>alert(1)</script> people safe.\n", "We keep people safe."),
    "script-block": ("<script>alert(1)</script>\n\nWe help carers.\n", "We help carers."),
    "img-onerror": ("We help <img src=x onerror=alert(2)> carers.\n", "We help carers."),
    "javascript-link": ("Read [our plan](javascript:alert(3)) today.\n", "Read our plan today."),
    "javascript-html-link": ('Read <a href="javascript:alert(3)">our plan</a> today.\n', "Read our plan today."),
    "javascript-autolink": ("Read <javascript:alert(3)> today.\n", "Read today."),
    "reference-link": ("See [the plan][p] today.\n\n[p]: javascript:alert(4)\n", "See the plan today."),
    "attribute-list-line": ('We will build homes.\n{: onclick="alert(5)" }\n\n{ onmouseover="alert(5)" }\n', "We will build homes."),
    "inline-attributes": ('We *care*{ onclick="alert(6)" } a lot.\n', "We care a lot."),
    "abbreviation": ("The HTML page.\n\n*[HTML]: Hyper <b onclick=alert(7)>Text</b>\n", "The HTML page."),
    "admonition": ('!!! note "<b onclick=alert(8)>Note</b>"\n    Money for <i onmouseover=alert(8)>care</i> is tight.\n',
                   "Money for care is tight."),
    "footnote": ("Care matters.[^1]\n\n[^1]: <b onclick=alert(9)>Note</b>\n", "Care matters."),
    "md-in-html": ('<div markdown="1" onclick="alert(10)">\n\nInside words.\n\n</div>\n', "Inside words."),
    "entities": ("We write &lt;script&gt;alert(11)&lt;/script&gt; as text.\n", "We write <script>alert(11)</script> as text."),
    "code-span": ("Type `<img src=x onerror=alert(12)>` here.\n", "Type <img src=x onerror=alert(12)> here."),
    "icon-attributes": (':material-home:{ onmouseover="alert(13)" } We build homes.\n', "We build homes."),
    "extensions": ("We ~~cut~~ ==add== ^^more^^ ++ctrl++ $x$ :smile: a|b here.\n", "We ~~cut~~ ==add== ^^more^^ ++ctrl++ $x$ a|b here."),
    "escapes": (r"We pay \*everyone\* \[fairly\](javascript:x)." + "\n", "We pay *everyone* [fairly](javascript:x)."),
    "list": ("- 1. first <svg onload=alert(14)>item\n- second `{: .x onclick=y }` item\n", "1. first item. Second {: . X onclick=y } item."),  # the sentence splitter sees ". x" as a new sentence
}
REGION_TAGS = {"div", "p", "span", "svg", "path", "strong", "br", "h1", "h2", "h3", "h4", "h5", "h6"}
REGION_ATTRIBUTES = {"class", "id", "role", "aria-label", "aria-hidden", "d", "viewbox", "xmlns"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href")
UNSAFE_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("plan", DRAFT_PLAN, "We will do things.\n")
    site.write("content/plan/clean.md", CLEAN)
    for name, (body, _) in ATTACKS.items():
        site.write(f"content/plan/{name}.md", f"---\ntitle: {name}\n---\n\n{body}")
    result = site.build(strict=False)  # the standard pages' own attacks give warnings
    assert result.ok, result.log
    return result


def scripts(document: lxml.html.HtmlElement) -> list[tuple[str | None, str]]:
    return [(script.get("src"), script.text or "") for script in document.iter("script")]


def shown_words(document: lxml.html.HtmlElement) -> str:
    return " ".join(region(document).text_content().split())


def region(document: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    found = document.find_class("er-easy-read")
    assert len(found) == 1, "no easy-read content on the page"
    return found[0]


def assert_only_template_markup(html: str, theme_scripts: list[tuple[str | None, str]]) -> None:
    """No handler, script or unsafe URL anywhere; in the page's content, only what drafts make."""
    document = lxml.html.fromstring(html)
    for element in document.iter(etree.Element):
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        assert not handlers, f"<{element.tag}> has {handlers}"
        for name in URL_ATTRIBUTES:
            value = re.sub(r"[\x00-\x20]", "", element.get(name) or "")
            assert not UNSAFE_URL.match(value), f"<{element.tag} {name}={value!r}>"
    assert scripts(document) == theme_scripts
    for element in region(document).iter(etree.Element):
        assert element.tag in REGION_TAGS, f"<{element.tag}> in the draft's content"
        assert set(element.attrib) <= REGION_ATTRIBUTES, f"<{element.tag} {dict(element.attrib)}> in the draft's content"


@pytest.fixture(scope="module")
def theme_scripts(attacked):
    return scripts(lxml.html.fromstring(attacked.html("easy-read/plan/clean/")))


@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack_in_a_standard_page_is_only_words_in_its_draft(attacked, theme_scripts, name):
    html = attacked.html(f"easy-read/plan/{name}/")
    assert_only_template_markup(html, theme_scripts)
    assert ATTACKS[name][1] in shown_words(lxml.html.fromstring(html))


def test_the_onclick_heading_is_a_plain_heading(attacked):
    document = lxml.html.fromstring(attacked.html("easy-read/plan/heading-attributes/"))
    heading = document.xpath("//h2[contains(., 'Syntax')]")
    assert [(set(h.attrib), h.text_content()) for h in heading] == [({"id"}, 'Syntax { onclick="alert(94)" }')]


# --- property: any standard page, any text ----------------------------------------------

ATTACK_FRAGMENTS = [
    '`{ onclick="alert(1)" }`', '{ onclick="alert(1)" }', "{: onclick=alert(1) }", "{#id .cls onmouseover=x}", "*x*{ onclick=alert(1) }",
    ":material-home:{ onclick=alert(1) }", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "`<img src=x onerror=alert(1)>`",
    "<svg onload=alert(1)>", "[x](javascript:alert(1))", "![x](javascript:alert(1))", "\\[x\\]\\(javascript:alert(1)\\)",
    '<a href="javascript:alert(1)">x</a>', "<javascript:alert(1)>", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;",
    '<div markdown="1" onclick=x>', "<style>*{}</style>", '--8<-- "mkdocs.yml"',
]
MARKDOWN_FRAGMENTS = [
    "</a>", "<https://example.org>", "*[HTML]: x", "[^1]", "[^1]: x", "[r]: javascript:x", "[r]", "&lt;", "&amp;", "&", "`", "``",
    "**", "*", "_", "~~", "==", "^^", "++", "$", ":smile:", "|", "---", "!!! note", "??? x", "///", "<!--", "-->", "</div>",
    "javascript:alert(1)", '"', "'", "\\", "#", "1.", "-", ">", "<", "{", "}", "[", "]", "(", ")", "!", ":", "{++ins++}",
    "{--del--}", "{>>x<<}", "é", "😀", "\u202e", "\u00a0", "ﬁ", "İ",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(ATTACK_FRAGMENTS),
        st.sampled_from(MARKDOWN_FRAGMENTS),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=8),
        st.sampled_from(["we", "help", "People", "money", "homes", "care", "and"]),
    ),
    min_size=1, max_size=10,
).map(" ".join)
ENDING = st.sampled_from(["", *ATTACK_FRAGMENTS])  # attribute lists act at the end of a heading or paragraph
BLOCK = st.one_of(
    st.builds(lambda level, text, end: f"{'#' * level} {text} {end}", st.integers(1, 6), TEXT, ENDING),
    st.builds(lambda text, end: f"{text} {end}", TEXT, ENDING),
    st.lists(TEXT, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {item}" for item in items)),
    TEXT.map(lambda text: f"!!! note\n    {text}"),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(blocks=st.lists(BLOCK, min_size=1, max_size=6))
def test_no_standard_page_puts_markup_in_its_draft(site, blocks):
    site.publication("plan", DRAFT_PLAN, "We will do things.\n")
    site.write("content/plan/clean.md", CLEAN)
    (site.root / "content/plan/hostile.md").write_text("---\ntitle: Hostile\n---\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    result = site.build(strict=False)
    assert result.ok, result.log
    assert "Traceback" not in result.log
    theme = scripts(lxml.html.fromstring(result.html("easy-read/plan/clean/")))
    assert_only_template_markup(result.html("easy-read/plan/hostile/"), theme)


# --- pictures whose names have spaces and accents ---------------------------------------

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A bus</title><rect width="10" height="10"/></svg>\n'
PICTURE_FORMS = [
    "![A bus](<pictures/my pic é.svg>)",
    '![A bus](<pictures/my pic é.svg> "The bus")',
    "![A bus](pictures/my%20pic%20%C3%A9.svg)",
    "![A bus](pictures/my%20pic%20%C3%A9.svg 'The bus')",
    "![A bus](pictures/my pic é.svg)",
    '![A bus](pictures/my pic é.svg "The bus")',
    "![A bus](<pictures/my pic é.svg>){ .big }",
]
EASY_READ_PAGE = "---\ntitle: Our plan\n---\n\n" + "\n\n".join(f"{form} We will make buses better." for form in PICTURE_FORMS) + """

- ![A bus](<pictures/my pic é.svg>) We go by bus.
- ![A house](<picture:home>) We live in homes.
"""


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictures")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("plan", DRAFT_PLAN.replace("draft", "true"), "We will do things.\n")
    site.write("easyread/plan/index.md", EASY_READ_PAGE)
    site.write("easyread/plan/pictures/my pic é.svg", PICTURE)
    return site.build(strict=False)


def test_pictures_named_with_spaces_and_accents_count_as_pictures(pictured):
    assert pictured.ok, pictured.log
    assert "row has no picture" not in pictured.log
    assert [w for w in pictured.warnings if "easyread/" in w or "easy-read/" in w] == []


def test_pictures_named_with_spaces_and_accents_show_in_their_rows(pictured):
    document = lxml.html.fromstring(pictured.html("easy-read/plan/"))
    images = document.xpath("//*[contains(@class, 'er-row__picture')]/img")
    assert len(images) == len(PICTURE_FORMS) + 1
    for img in images:
        assert img.get("alt") == "A bus"
        path = posixpath.normpath(posixpath.join("easy-read/plan/", urllib.parse.unquote(img.get("src"))))
        assert (pictured.site / path).read_text(encoding="utf-8") == PICTURE
    assert document.xpath("//*[contains(@class, 'er-row__picture')]/span[@class='er-picture'][@aria-label='A house']/*[local-name()='svg']")


@pytest.mark.parametrize("form", PICTURE_FORMS)
def test_checker_reads_the_picture_name_in_every_form(form):
    name = "pictures/my%20pic%20%C3%A9.svg" if "%20" in form else "pictures/my pic é.svg"
    page = f"---\ntitle: T\n---\n\n{form} We go.\n\n{form.replace('A bus', '')} We go.\n"
    issues = check_page(page, Settings(), pictures=pictures.names())
    assert [(issue.line, issue.rule) for issue in issues] == [(7, "picture-without-alt")]  # both rows have a picture
    assert issues[0].message.startswith(f"picture {name!r} has no alt text")


def test_checker_knows_package_pictures_in_angle_brackets():
    page = "---\ntitle: T\n---\n\n![A house](<picture:home>) We live here.\n\n![A castle](<picture:castle>) We visit.\n"
    issues = check_page(page, Settings(), pictures=pictures.names())
    assert [(issue.line, issue.rule) for issue in issues] == [(7, "unknown-picture")]
    assert "there is no picture called 'castle'" in issues[0].message
