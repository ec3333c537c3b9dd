"""A council site in Welsh, and a bilingual site built with mkdocs-static-i18n, as residents get them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pdfplumber
import pikepdf
import pytest
from babel.messages.pofile import read_po

from conftest import Result, Site, axe_violations
from mkdocs_easyread.languages.catalogue import catalogue_file
from mkdocs_easyread.theme.csp import hashes_in
from mkdocs_easyread.theme.inline_code import inline_script_hashes

PDFUA = Path(sys.executable).parent / "pdfua"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label")

STRATEGY = """\
title: Strategaeth Gofal Cymdeithasol
type: strategy
status: consultation
published: 2025-11-01
closes: 2025-12-19
summary: Sut y byddwn yn helpu pobl i fyw'n annibynnol.
easy_read: true
"""
REPORT = """\
title: Adolygiad o'r Ddeddf Gofal
type: committee-report
status: published
published: 2023-09-04
numbered: paragraphs
committee: Pwyllgor Gofal Cymdeithasol
meeting: 2023-09-04
item: "8"
report_of: Cyfarwyddwr Gwasanaethau Cymdeithasol
contacts:
  - name: Siân Jones
    role: Rheolwr Polisi
    email: sian.jones@example.gov.uk
"""
NEWS = """\
title: Cynllun newydd ar gyfer gofal
type: news
status: published
published: 2025-11-20
about: strategaeth
contacts:
  - name: Swyddfa'r wasg
    phone: 01234 567890
"""
OUTCOMES = """\
outcomes:
  - id: O1
    title: Mae pobl yn ddiogel
    measures:
      - Mwy o bobl yn dweud eu bod yn teimlo'n ddiogel
    actions:
      - id: A1
        title: Hyfforddi staff
        owner: Tîm diogelu
        due: 2024-03-31
        updates:
          - date: 2024-01-10
            status: underway
            note: Mae'r hyfforddiant wedi dechrau.
      - id: A2
        title: Adolygu'r polisi
        owner: Tîm polisi
        due: 2023-12-31
"""
EASY_READ = """\
---
title: Ein strategaeth
---
![Tŷ](picture:home) Rydym eisiau i chi fyw yn eich **cartref** eich hun.

![Pobl](picture:people) Dywedwch wrthym beth rydych yn ei feddwl.
"""
GLOSSARY = """\
- term: cartref
  means: Y lle rydych chi'n byw.
  more: Y tŷ neu'r fflat lle rydych chi'n byw.
"""


def welsh_site(root: Path, pdfs: bool) -> Site:
    (root / "content").mkdir()
    site = Site(root)
    site.config["theme"]["language"] = "cy"
    site.config["site_url"] = "https://example.gov.uk/"
    site.plugin_options()["pdf"] = {"enabled": pdfs}
    site.write("content/index.md", "# Cyhoeddiadau\n\nEin strategaethau a'n hadroddiadau.\n")
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("strategaeth", STRATEGY, "# Strategaeth Gofal Cymdeithasol\n\nMae pob cartref yn bwysig.\n")
    site.write("content/strategaeth/outcomes.yml", OUTCOMES)
    site.write("easyread/strategaeth/index.md", EASY_READ)
    site.publication("adolygiad", REPORT, "# Cefndir\n\nMae'r adroddiad hwn yn esbonio'r adolygiad.\n\nRoedd y gwaith yn cynnwys:\n\na) cyfarfodydd\nb) arolwg\n")
    site.publication("newyddion", NEWS, "# Cynllun newydd\n\nMae'r cyngor wedi cyhoeddi cynllun.\n\n## Nodiadau i olygyddion\n\nCysylltwch â ni.\n")
    return site


@pytest.fixture(scope="module")
def welsh(tmp_path_factory) -> Result:
    result = welsh_site(tmp_path_factory.mktemp("welsh"), pdfs=True).build()
    assert result.ok, result.log
    return result


def english_messages() -> list[str]:
    """The English of every message Welsh translates differently, in pieces between placeholders."""
    with catalogue_file("cy").open("rb") as po:
        catalogue = read_po(po, locale="cy")
    pieces = set()
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            for piece in PLACEHOLDER.split(english):
                piece = piece.strip(" :.,()")
                if len(piece) >= 6 and " " in piece or len(piece) >= 8:
                    if not any(piece in welsh for welsh in strings):  # names the same in both (PDF, CSV)
                        pieces.add(piece)
    return sorted(pieces)


def visible_text(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//script|//style|//*[@lang][not(self::html)][starts-with(@lang, 'en')]"):
        element.drop_tree()
    attributes = [value for name in VISIBLE_ATTRIBUTES for value in tree.xpath(f"//@{name}")]
    return " ".join([tree.text_content(), *attributes])


def pages(result: Result) -> list[Path]:
    return sorted(path for path in result.site.rglob("*.html") if path.name != "404.html")


def test_the_catalogue_gives_the_test_english_to_look_for():
    assert len(english_messages()) > 100


def test_no_english_word_of_the_plugin_is_on_any_welsh_page(welsh):
    english = english_messages()
    found = {}
    for path in pages(welsh):
        text = visible_text(path.read_text(encoding="utf-8"))
        if hits := [piece for piece in english if piece in text]:
            found[str(path.relative_to(welsh.site))] = hits
    assert not found, found


def test_welsh_pages_say_they_are_welsh_and_give_dates_in_welsh(welsh):
    for path in pages(welsh):
        assert '<html lang="cy"' in path.read_text(encoding="utf-8"), path
    report = welsh.html("adolygiad/")
    assert "4 Medi 2023" in report
    assert "19 Rhagfyr 2025" in welsh.html("strategaeth/")


def pdf_files(result: Result) -> list[Path]:
    return sorted(result.site.rglob("*.pdf"))


def test_welsh_pdfs_are_welsh_tagged_and_pass_pdfua(welsh):
    english = english_messages()
    files = pdf_files(welsh)
    assert len(files) >= 5
    for path in files:
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == "cy", path
        with pdfplumber.open(path) as pdf:
            text = " ".join((page.extract_text() or "") for page in pdf.pages)
        text = re.sub(r"\s+", " ", text)
        assert not [piece for piece in english if piece in text], path
        process = subprocess.run([str(PDFUA), "check", str(path)], capture_output=True, text=True, timeout=120)
        assert process.returncode == 0, process.stdout + process.stderr


def test_a_publication_can_be_welsh_on_an_english_site(site):
    site.publication("cynllun", "title: Cynllun\ntype: strategy\nstatus: published\npublished: 2023-09-04\nlanguage: cy\n")
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2023-09-04\n")
    result = site.build()
    assert result.ok and not result.warnings, result.log
    assert '<html lang="cy"' in result.html("cynllun/") and "4 Medi 2023" in result.html("cynllun/")
    assert '<html lang="en"' in result.html("plan/") and "4 September 2023" in result.html("plan/")


def test_a_language_with_no_catalogue_is_one_warning_at_its_line(site):
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2023-09-04\nlanguage: xx\n")
    result = site.build(strict=False)
    assert [w for w in result.warnings if "content/plan/index.md:6" in w and "language 'xx'" in w], result.warnings


# --- Bilingual: mkdocs-static-i18n, suffix layout --------------------------------------

I18N = {
    "i18n": {
        "docs_structure": "suffix",
        "fallback_to_default": False,
        "reconfigure_material": True,
        "languages": [
            {"locale": "en", "default": True, "name": "English", "build": True},
            {"locale": "cy", "name": "Cymraeg", "build": True},
        ],
    }
}


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> Result:
    root = tmp_path_factory.mktemp("bilingual")
    (root / "content").mkdir()
    site = Site(root)
    site.config["theme"]["language"] = "en"
    site.config["site_url"] = "https://example.gov.uk/"
    site.config["plugins"].insert(1, I18N)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.write("content/index.md", "# Publications\n\nOur strategies.\n")
    site.write("content/index.cy.md", "# Cyhoeddiadau\n\nEin strategaethau.\n")
    site.write("content/glossary.yml", "- term: home\n  means: The place where you live.\n")
    site.write("content/glossary.cy.yml", GLOSSARY)
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: published\npublished: 2023-09-04\neasy_read: true\n",
                     "# Our plan\n\nEvery home matters.\n")
    site.write("content/plan/index.cy.md", "---\ntitle: Ein cynllun\ntype: strategy\nstatus: published\npublished: 2023-09-04\n"
                                           "easy_read: true\n---\n\n# Ein cynllun\n\nMae pob cartref yn bwysig.\n")
    site.write("content/plan/more.md", "# More\n\nOnly in English.\n")
    site.write("easyread/plan/index.md", "---\ntitle: Our plan\n---\n![House](picture:home) You can live in your own **home**.\n")
    site.write("easyread/plan/index.cy.md", EASY_READ)
    site.write("easyread/plan/more.md", "---\ntitle: More\n---\n![House](picture:home) Only in English.\n")
    result = site.build()
    assert result.ok and not result.warnings, result.log
    return result


@pytest.mark.pdf
def test_an_unchanged_bilingual_site_makes_no_pdf_or_braille_file_again(tmp_path):
    """Each language's build keeps its own PDFs and Braille-ready files in the cache: the Welsh build must
    not forget the English files of the same publication as older renderings of them, nor the other way."""
    site = Site(tmp_path)
    (tmp_path / "content").mkdir()
    site.config["theme"]["language"] = "en"
    site.config["plugins"].insert(1, I18N)
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 1}
    site.write("content/index.md", "# Publications\n\nOur strategies.\n")
    site.write("content/index.cy.md", "# Cyhoeddiadau\n\nEin strategaethau.\n")
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: published\npublished: 2023-09-04\n",
                     "# Our plan\n\nEvery home matters.\n")
    site.write("content/plan/index.cy.md", "---\ntitle: Ein cynllun\ntype: strategy\nstatus: published\n"
                                           "published: 2023-09-04\n---\n\n# Ein cynllun\n\nMae pob cartref yn bwysig.\n")
    first, second = site.build_twice()
    made = re.compile(r"PDFs: \d+ files, \d+ pages, (\d+) rendered|Braille plan: \d+ files?, \d+ braille pages?, (\d+) translated")
    assert [int(a or b) for a, b in made.findall(first.log)] == [2, 1, 2, 1], first.log  # English, then Welsh
    assert [int(a or b) for a, b in made.findall(second.log)] == [0, 0, 0, 0], second.log
    assert (second.site / "cy" / "plan" / "pdf" / "plan.pdf").is_file() and (second.site / "plan" / "pdf" / "plan.pdf").is_file()


def head_alternates(html: str) -> dict[str, str]:
    tree = lxml.html.fromstring(html)
    return {link.get("hreflang"): link.get("href") for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")}


def switch_links(html: str) -> dict[str, str]:
    tree = lxml.html.fromstring(html)
    return {a.get("hreflang"): a.get("href") for a in tree.xpath("//nav[contains(@class, 'er-language-switch')]//a")}


@pytest.mark.parametrize("page", ["plan/", "plan/glossary/", "easy-read/plan/", "accessibility/", "glossary/"])
def test_each_page_and_its_welsh_version_link_to_each_other_with_hreflang(bilingual, page):
    english, welsh = bilingual.html(page), bilingual.html(f"cy/{page}")
    assert set(switch_links(english)) == {"cy"} and set(switch_links(welsh)) == {"en"}
    assert (bilingual.site / page / switch_links(english)["cy"] / "index.html").resolve() == (bilingual.site / "cy" / page / "index.html").resolve()
    assert (bilingual.site / "cy" / page / switch_links(welsh)["en"] / "index.html").resolve() == (bilingual.site / page / "index.html").resolve()
    assert head_alternates(english)["cy"] == switch_links(english)["cy"]  # Material's, for search engines
    assert head_alternates(welsh)["en"] == switch_links(welsh)["en"]
    assert '<html lang="cy"' in welsh and '<html lang="en"' in english


def test_each_language_has_its_own_words_glossary_and_easy_read(bilingual):
    assert "Geirfa" in bilingual.html("cy/plan/glossary/") and "cartref" in bilingual.html("cy/plan/glossary/")
    assert "Glossary" in bilingual.html("plan/glossary/") and "The place where you live" in bilingual.html("plan/glossary/")
    assert "Rydym eisiau i chi fyw" in bilingual.html("cy/easy-read/plan/")
    assert "You can live in your own" in bilingual.html("easy-read/plan/")


def test_the_sites_policy_lets_the_theme_run_on_the_pages_of_every_language(bilingual):
    allowed = hashes_in(bilingual.site / "csp.txt")
    for page in ("index.html", "plan/more/index.html", "cy/index.html", "cy/easy-read/plan/index.html"):
        assert inline_script_hashes((bilingual.site / page).read_text(encoding="utf-8")) <= allowed, page


def test_a_page_with_no_translation_has_no_language_link(bilingual):
    assert not switch_links(bilingual.html("plan/more/"))
    assert not (bilingual.site / "cy" / "plan" / "more").exists()
    assert not switch_links(bilingual.html("easy-read/plan/more/"))  # its easy read is in English only
    assert not (bilingual.site / "cy" / "easy-read" / "plan" / "more").exists()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["", "strategaeth/", "strategaeth/glossary/", "easy-read/strategaeth/", "adolygiad/", "newyddion/"])
def test_axe_finds_nothing_on_welsh_pages(browser, serve, welsh, scheme, page):
    base = serve(welsh.site)
    assert axe_violations(browser, f"{base}/{page}", scheme) == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_the_language_switch_is_reached_by_keyboard_and_fits_a_phone(browser, serve, bilingual, width):
    base = serve(bilingual.site)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{base.rstrip('/')}/plan/")
        link = page.locator(".er-language-switch a[hreflang=cy]")
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.closest('.er-language-switch') !== null"):
                break
        else:
            pytest.fail("Tab never reached the language switch")
        box = link.bounding_box()
        assert box["height"] >= 24 and box["x"] + box["width"] <= width
        page.wait_for_timeout(400)  # Material's language menu, passed on the way, closes with a transition
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.keyboard.press("Enter")
        page.wait_for_url("**/cy/plan/")
    finally:
        context.close()


def test_a_site_language_with_no_catalogue_is_one_warning(site):
    site.config["theme"]["language"] = "fr"
    site.publication("plan")
    result = site.build(strict=False)
    assert [w for w in result.warnings if "the site's language 'fr' has no catalogue" in w] and len(result.warnings) == 1, result.warnings


def test_a_site_language_that_is_not_a_language_code_stops_the_build_with_one_message(site):
    site.config["theme"]["language"] = "../../etc"
    result = site.build()
    assert not result.ok and "theme.language '../../etc' in mkdocs.yml is not a language code" in result.log, result.log
