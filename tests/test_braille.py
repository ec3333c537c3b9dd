"""Braille-ready files (BRF): made with liblouis beside the PDFs, formatted as a transcriber would, cached."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import lxml.html
import pytest
from conftest import Result, Site

from mkdocs_easyread.braille import louis
from mkdocs_easyread.braille.layout import lines_of, page_number, paginate
from mkdocs_easyread.braille.linear import Block, linearise
from mkdocs_easyread.render import Components

pytestmark = pytest.mark.pdf
# `make test` installs liblouis; only a machine set up by hand may lack it, and CI never skips.
needs_liblouis = pytest.mark.skipif(louis.find() is None and not os.environ.get("CI"),
                                    reason="liblouis is not installed (make test installs liblouis-bin)")

INDEX = """
    title: Care Plan
    type: strategy
    status: published
    published: 2025-06-01
    summary: How we will support people.
"""
SAMPLE = "The council will help the children of the county find a good school."
BODY = f"""# Care Plan

{SAMPLE}

![A house with a garden](house.svg)

- The cat sat.
- People are safe.

| Year | Spend | Place |
|------|------:|-------|
| 2023 | 120 | Norwich |
| 2024 | 125 | Cromer |

## Money

{"We will spend the money carefully and tell you how we spent it. " * 60}
"""
EASY_READ = """# Our plan in easy read

:material-home: We want you to have a good place to live.
"""
HOUSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
ASCII_BRAILLE = re.compile(r"^[\x20-\x5F\n\f]*$")


def make_site(root: Path, **braille: object) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 2}
    if braille:
        site.plugin_options()["braille"] = braille
    site.write("content/index.md", "# Home\n\nWelcome.\n")
    site.publication("plan", INDEX, BODY)
    site.write("content/plan/house.svg", HOUSE)
    site.write("easyread/plan/index.md", EASY_READ)
    return site


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Result, Result]:
    """Built twice, unchanged: the second build translates nothing."""
    site = make_site(tmp_path_factory.mktemp("braille"))
    return site.build_twice()


@pytest.fixture(scope="module")
def built(builds) -> Result:
    return builds[0]


def pages_of(result: Result, name: str) -> list[list[str]]:
    data = (result.site / "plan" / "pdf" / name).read_bytes()
    assert ASCII_BRAILLE.match(data.decode("ascii")), "only ASCII braille, newline and form feed"
    return [page.split("\n")[:-1] for page in data.decode("ascii").split("\f")]


def back_translated(braille: str, table: str = "en-ueb-g2.ctb") -> str:
    liblouis_ascii = braille.translate({code: code + 0x20 for code in range(0x40, 0x5F)})  # its lower-case forms
    result = subprocess.run(["lou_translate", "-b", table], input=liblouis_ascii + "\n", capture_output=True, text=True, check=True)
    return result.stdout


@needs_liblouis
@pytest.mark.parametrize("name", ["plan.brf", "plan-easy-read.brf"])
def test_braille_ready_files_of_standard_and_easy_read_fit_the_page(built, name):
    pages = pages_of(built, name)
    assert len(pages) >= 2  # the title page, then the text
    for number, page in enumerate(pages, start=1):
        assert len(page) == 25, f"page {number} has {len(page)} lines"
        assert max(len(line) for line in page) <= 40
        assert page[-1].endswith(page_number(number)) and page[-1].rstrip() == page[-1]


@needs_liblouis
def test_long_text_runs_over_several_pages_with_their_numbers(built):
    pages = pages_of(built, "plan.brf")
    assert len(pages) >= 3
    assert [page[-1].split()[-1] for page in pages] == [page_number(n) for n in range(1, len(pages) + 1)]
    assert page_number(12) == "#AB"
    assert louis.translate(["12"], "en-ueb-g2.ctb") == ["#AB"]  # our page numbers are liblouis' numbers


@needs_liblouis
def test_grade_2_contracts_the(built):
    assert louis.translate(["the cat"], "en-ueb-g2.ctb") == ["! CAT"]
    text = (built.site / "plan" / "pdf" / "plan.brf").read_text(encoding="ascii")
    assert "\n,! CAT SAT4\n" in text  # a list item in cell 1: "the" contracted, capital sign, full stop


@needs_liblouis
def test_a_table_row_is_one_line_of_header_value_pairs_in_reading_order(built):
    text = " ".join(line.strip() for page in pages_of(built, "plan.brf") for line in page[:-1] if line.strip())
    rows = louis.translate(["Year: 2023; Spend: 120; Place: Norwich", "Year: 2024; Spend: 125; Place: Cromer"], "en-ueb-g2.ctb")
    assert f"{rows[0]} {rows[1]}" in text
    assert back_translated(rows[0]).strip() == "Year: 2023; Spend: 120; Place: Norwich"


@needs_liblouis
def test_pictures_are_their_alternative_text(built):
    text = (built.site / "plan" / "pdf" / "plan.brf").read_text(encoding="ascii")
    assert louis.translate(["Picture: A house with a garden"], "en-ueb-g2.ctb")[0] in text
    easy = (built.site / "plan" / "pdf" / "plan-easy-read.brf").read_text(encoding="ascii")
    assert louis.translate(["Picture: A house"], "en-ueb-g2.ctb")[0] in easy  # an icon's label


@needs_liblouis
def test_back_translation_of_a_paragraph_gives_the_source_words(built):
    pages = pages_of(built, "plan.brf")
    lines = [line for page in pages for line in page[:-1]]
    start = next(n for n, line in enumerate(lines) if line.startswith("  ,! C\\NCIL"))  # a paragraph starts in cell 3
    paragraph = " ".join(line.strip() for line in lines[start:start + 4] if line.strip())
    words = back_translated(paragraph).split()
    assert " ".join(words[: len(SAMPLE.split())]) == SAMPLE


@needs_liblouis
def test_an_unchanged_rebuild_translates_nothing(builds):
    first, second = builds
    assert "easyread: Braille plan: 2 files" in first.log and "2 translated, 0 from cache" in first.log
    assert "2 files" in second.log and "0 translated, 2 from cache" in second.log
    assert "easyread: translating" in first.log and "easyread: translating" not in second.log  # no job started
    assert (first.site / "plan/pdf/plan.brf").read_bytes() == (second.site / "plan/pdf/plan.brf").read_bytes()


@needs_liblouis
def test_the_download_box_lists_the_braille_ready_files(built):
    for url in ("plan/", "easy-read/plan/"):
        box = lxml.html.fromstring(built.html(url)).xpath("//section[contains(@class, 'er-downloads')]")[0]
        links = {a.get("href"): " ".join(a.text_content().split()) for a in box.iter("a")}
        braille = {href: words for href, words in links.items() if href.endswith(".brf")}
        assert len(braille) == 2, links
        pages = len(pages_of(built, "plan.brf"))
        assert f"Download the Braille-ready file (BRF, {pages} braille pages)" in braille.values()
        assert any(words.startswith("Download the easy read Braille-ready file (BRF, ") for words in braille.values())


def test_the_other_formats_notice_says_when_there_is_a_braille_ready_file():
    formats = {"phone": "0100", "textphone": None, "email": None, "formats": None}
    render = Components().render
    assert "Braille-ready file" in render("theme/components/alternative-formats.html", formats=formats, organisation="", braille=True)
    assert "Braille-ready file" not in render("theme/components/alternative-formats.html", formats=formats, organisation="")


def test_without_liblouis_the_build_says_once_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(louis, "which", lambda name: None)
    result = make_site(tmp_path).build()
    assert result.ok, result.log
    said = [line for line in result.log.splitlines() if "liblouis-bin liblouis-data" in line]
    assert len(said) == 1 and said[0].startswith("INFO:")
    assert (result.site / "plan/pdf/plan.pdf").exists() and not list(result.site.rglob("*.brf"))
    assert ".brf" not in result.html("plan/")


def test_without_liblouis_a_required_braille_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(louis, "which", lambda name: None)
    site = make_site(tmp_path, required=True)
    assert not site.build(strict=True).ok
    result = site.build(strict=False)
    assert result.ok and (result.site / "plan/pdf/plan.pdf").exists()
    assert len([w for w in result.warnings if "sudo apt-get install liblouis-bin liblouis-data" in w]) == 1


@needs_liblouis
def test_a_draft_says_so_on_its_title_page_as_the_pdf_cover_does(tmp_path):
    site = make_site(tmp_path)
    site.publication("plan", INDEX.replace("status: published", "status: draft"), BODY)
    result = site.build()
    assert result.ok, result.log
    title_page = " ".join(pages_of(result, "plan.brf")[0])
    assert "draft" in back_translated(title_page).lower()


@needs_liblouis
def test_turned_off_no_braille_ready_file(tmp_path):
    result = make_site(tmp_path, enabled=False).build()
    assert result.ok and not list(result.site.rglob("*.brf")) and "Braille" not in result.log


@needs_liblouis
def test_grade_1_and_welsh_tables():
    assert louis.table_for("cy", 2) == "cy-cy-g2.ctb" and louis.table_for("cy-GB", 1) == "cy-cy-g1.utb"
    assert louis.table_for("en", 1) == "en-ueb-g1.ctb" and louis.table_for("fr", 2) == "en-ueb-g2.ctb"
    assert louis.translate(["the cat"], "en-ueb-g1.ctb") == ["THE CAT"]
    assert louis.translate(["Mae'r cyngor yn falch"], "cy-cy-g2.ctb") == [",M';R CYNGOR YN FAL*"]  # Welsh contractions


def test_layout_centres_main_headings_and_never_overflows():
    blocks = [(Block("h1", "X"), "TITLE"), (Block("p", "x"), "WORD " * 200), (Block("item", "x", 2), "A" * 95)]
    lines = lines_of(blocks, 40)
    assert lines[1] == " " * 17 + "TITLE"
    pages = paginate(lines, 40, 25)
    assert all(len(page) == 25 and all(len(line) <= 40 for line in page) for page in pages)
    assert any(line.startswith("  A") and line.endswith("-") for page in pages for line in page)


def test_linear_reading_order_of_lists_tables_and_pictures():
    html = """<html><head><meta name="er-brf-picture" content="Llun: {description}"></head><body>
    <h2>Goals<a class="headerlink" href="#g">¶</a></h2><ol><li>One<ul><li>Inner</li></ul></li><li>Two</li></ol>
    <table><caption>Spend</caption><tr><th>Year</th><th>£m</th></tr><tr><td>2023</td><td>120</td></tr></table>
    <p><img alt="A house"> Home <span aria-hidden="true">hidden</span></p></body></html>"""
    assert [(b.kind, b.text, b.depth) for b in linearise(html)] == [
        ("h2", "Goals", 0), ("item", "1. One", 1), ("item", "Inner", 2), ("item", "2. Two", 1),
        ("p", "Spend", 0), ("item", "Year: 2023; £m: 120", 1), ("p", "Llun: A house Home", 0),
    ]
