"""Easy read on phones and the names of icon pictures, as a reader meets them.

Each picture stays left of its words down to 320px, with no word broken and no
sideways scroll; an icon without alt text is read as plain words, an author's
alt text wins, and an icon with no plain name gets a readable one and a
suggestion (never a warning) with file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from conftest import REPO, Site, axe_violations, sideways_scroll
from mkdocs_easyread.easy_read import drafts, pictures
from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.easy_read.config import EasyReadConfig
from mkdocs_easyread.languages.site import language_of_file
from mkdocs_easyread.languages.speaking import speaking
from mkdocs_easyread.outcomes.icons import icon_names

PLAN = """\
title: Our plan
type: action-plan
status: published
published: 2018-07-02
summary: What we will do.
easy_read: true
"""
EASY = """\
---
title: Our plan in easy read
checked_by: Co-production group, 2018-06-12
---

:material-party-popper: We had a party to start the plan.

:material-party-popper:{ aria-label="Our summer fair" } We will have a fair in the summer.

:material-kettle: You can have tea and coffee.

:material-home-outline: We will find homes near your family.

- :material-bus: We will make buses easier to use.
- :material-cash: We will help you with money.

![A house](picture:home) We read all the recommendations and thought about our responsibilities.
"""
OUTCOMES = """\
outcomes:
  - id: O1
    title: Celebrating what people do
    easy_read: We will celebrate what you do.
    picture: material-party-popper
    measures: [More people come to events]
    actions:
      - {id: A1, title: Hold an event, owner: Events team, due: 2030-01-01}
  - id: O2
    title: Being healthy
    easy_read: We will help you stay healthy.
    measures: [More people have a health check]
    actions:
      - {id: A2, title: Health checks, owner: NHS, due: 2030-01-01}
"""
ICON = re.compile(r":((?:material|fontawesome|octicons|simple)-[a-z0-9-]+):(\{[^}\n]*\})?")


def make_site(root: Path) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    site.publication("plan", PLAN, "## About\n\nWe will do things.\n")
    site.write("content/plan/outcomes.yml", OUTCOMES)
    site.write("easyread/plan/index.md", EASY)
    return site


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    result = make_site(tmp_path_factory.mktemp("easy-read-phones")).build(strict=True)
    assert result.ok, result.log
    return result


def easy_read_pages(site_dir: Path) -> list[str]:
    return sorted(str(path.parent.relative_to(site_dir)) + "/" for path in (site_dir / "easy-read").rglob("index.html"))


def picture_before(html: str, words: str) -> str | None:
    """The name a screen reader gives the last picture before ``words``: role=img + aria-label, or alt."""
    last = None
    for element in lxml.html.fromstring(html).iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("role") == "img" or element.tag == "img":
            last = element.get("aria-label") if element.get("role") == "img" else element.get("alt")
        own_text = (element.text or "") + "".join(child.tail or "" for child in element)
        if words in " ".join(own_text.split()):
            return last
    raise AssertionError(f"no words {words!r} on the page")


# --- names of icon pictures -----------------------------------------------------------


def test_an_icon_without_alt_text_is_read_as_its_plain_name_and_an_authors_alt_text_wins(small):
    html = small.html("easy-read/plan")
    assert picture_before(html, "We had a party to start the plan.") == "A party"
    assert picture_before(html, "We will have a fair in the summer.") == "Our summer fair"  # the same icon, the author's words
    assert picture_before(html, "We will make buses easier to use.") == "A bus"
    assert picture_before(html, "We will help you with money.") == "Money"
    assert picture_before(html, "We will find homes near your family.") == "A house"  # an outline style of a listed icon


def test_an_unlisted_icon_is_read_from_its_name_and_the_checker_suggests_alt_text(small):
    assert picture_before(small.html("easy-read/plan"), "You can have tea and coffee.") == "kettle"
    line = EASY.splitlines().index(":material-kettle: You can have tea and coffee.") + 1
    suggestions = [entry for entry in small.suggestions if "write alt text for this picture" in entry]
    assert len(suggestions) == 1, "listed icons and icons with alt text get no suggestion"
    assert suggestions[0].startswith(f"suggestion: easyread/plan/index.md:{line}: picture :material-kettle:")
    assert 'write alt text for this picture: `:material-kettle:{ aria-label="' in suggestions[0]
    assert not [w for w in small.warnings if "kettle" in w]  # a suggestion, not a warning: `small` was built --strict


def test_the_checker_suggests_alt_text_for_unlisted_icons_without_it_at_their_line():
    page = (
        "---\ntitle: T\n---\n\n"
        ":material-kettle: Tea.\n\n"                                  # 5: no alt, not listed
        ':material-kettle:{ aria-label="A kettle" } Tea.\n\n'         # 7: the author's alt
        ":material-kettle:{ title='A kettle' } Tea.\n\n"              # 9: the author's alt, as a title
        ':material-kettle:{ aria-label="  " } Tea.\n\n'               # 11: an empty alt is none
        ":material-bus: We go and\n:material-robot: meet a robot.\n\n"  # 13, 14: listed; in the words, not listed
        "- :material-home: Write `:material-kettle:` for a kettle.\n"  # 16: listed; code is not a picture
    )
    found = check_page(page, Settings())
    assert [(issue.line, issue.rule, issue.suggestion) for issue in found] == [
        (5, "icon-without-alt", True), (11, "icon-without-alt", True), (14, "icon-without-alt", True)]
    assert 'read as "robot"' in found[2].message
    assert check_page(page, Settings(picture_without_alt=False)) == []


def test_outcome_pictures_on_how_we_are_doing_are_read_as_plain_names(small):
    html = small.html("easy-read/plan/progress")
    assert picture_before(html, "We will celebrate what you do.") == "A party"
    assert picture_before(html, "We will help you stay healthy.") == "A flag"  # the default picture


def test_sample_site_pictures_are_read_as_plain_names(sample_site):
    """Every icon in the sample's easy read and outcomes has a plain name, pages use it, and nothing is suggested."""
    assert sample_site.ok, sample_site.log
    assert "icon-without-alt" not in sample_site.log and "write alt text for this picture" not in sample_site.log
    for source in sorted((REPO / "easyread").rglob("*.md")):
        relative = source.relative_to(REPO / "easyread")
        language = language_of_file(source)  # index.cy.md: the Welsh page, under cy/
        page = relative.with_suffix("").with_suffix("") if language else relative.with_suffix("")
        url = f"{language + '/' if language else ''}easy-read/{page.parent if page.name == 'index' else page}/"
        document = lxml.html.fromstring((sample_site.site / url / "index.html").read_text(encoding="utf-8"))
        for icon, attributes in ICON.findall(source.read_text(encoding="utf-8")):
            if not attributes:
                with speaking(language or "en"):  # the Welsh page reads its icons' Welsh names
                    name = pictures.listed_icon_name(icon)
                assert name, f"{source.name}: :{icon}: has no plain name"
                assert document.xpath("//*[@role='img'][@aria-label=$name]", name=name), (url, icon, name)
    for plan in sorted((REPO / "content").glob("*/outcomes.yml")):
        for outcome in yaml.safe_load(plan.read_text(encoding="utf-8"))["outcomes"]:
            assert pictures.listed_icon_name(outcome.get("picture") or "material-flag-outline"), (plan, outcome["id"])


def test_every_picture_a_first_draft_can_choose_has_a_plain_name():
    options = EasyReadConfig()
    options.load_dict({})
    options.validate()
    tables_and_charts = drafts.first_draft("| a | b |\n|---|---|\n| 1 | 2 |\n\n/// chart | Money\ndata: x.csv\n///\n", "T").text
    choices = [*pictures.PICTURE_WORDS, options["default_picture"], *(icon for icon, _ in ICON.findall(tables_and_charts))]
    assert len(choices) == len(pictures.PICTURE_WORDS) + 3
    assert [icon for icon in choices if not pictures.listed_icon_name(icon)] == []


def test_every_listed_icon_is_a_material_icon_with_a_short_name():
    names = pictures.plain_icon_names()
    assert len(names) >= 50
    assert [icon for icon in names if icon not in icon_names()] == []
    assert [words for words in names.values() if not 0 < len(words.split()) <= 6] == []


# --- phones ------------------------------------------------------------------------------

ROWS = """() => [...document.querySelectorAll('.er-easy-read .er-row')].map(row => {
  const box = (element) => { const r = element.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
  return {
    words: row.querySelector(':scope > .er-row__words').textContent.trim().replace(/\\s+/g, ' ').slice(0, 50),
    picture: box(row.querySelector(':scope > .er-row__picture')),
    text: box(row.querySelector(':scope > .er-row__words')),
  };
})"""
# Words split across two lines (hyphens, dashes and slashes may break a word, as in print).
BROKEN_WORDS = r"""() => {
  const broken = [];
  for (const box of document.querySelectorAll('.er-easy-read .er-row > .er-row__words')) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\s\-\u2010-\u2014\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def rows_at(browser, url: str, width: int) -> tuple[list[dict], list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        return page.evaluate(ROWS), page.evaluate(BROKEN_WORDS)
    finally:
        context.close()


@pytest.fixture(scope="module")
def sites(small, sample_site, serve):
    assert sample_site.ok, sample_site.log
    return {name: (serve(result.site), easy_read_pages(result.site)) for name, result in (("small", small), ("sample", sample_site))}


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("name", ["small", "sample"])
def test_each_picture_stays_left_of_its_words_on_phones(browser, sites, name, width):
    """Beside its words, not above them; no word broken mid-word; nothing wider than a 320px screen."""
    base, pages = sites[name]
    assert len(pages) >= 3
    if width == 320:
        assert {path: sideways_scroll(browser, base + path, 320) for path in pages} == {path: 0 for path in pages}
    for path in pages:
        rows, broken = rows_at(browser, base + path, width)
        assert rows, f"{path}: no picture rows"
        for row in rows:
            picture, text = row["picture"], row["text"]
            assert picture["right"] <= text["left"], f"{path} at {width}px: picture not left of {row['words']!r}"
            assert picture["top"] < text["bottom"] and text["top"] < picture["bottom"], f"{path} at {width}px: picture not beside {row['words']!r}"
            assert picture["width"] >= 48, f"{path} at {width}px: picture too small beside {row['words']!r}"
        assert broken == [], f"{path} at {width}px: words broken across lines"


@pytest.mark.browser
@pytest.mark.parametrize(("scheme", "width"), [("light", 320), ("dark", 375)])
@pytest.mark.parametrize("name", ["small", "sample"])
def test_no_axe_violations_on_phones(browser, sites, name, scheme, width):
    base, pages = sites[name]
    found = {path: axe_violations(browser, base + path, scheme, width=width) for path in pages}
    assert {path: v for path, v in found.items() if v} == {}
