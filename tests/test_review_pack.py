"""Review packs: a draft's easy-read PDF with numbered rows and ruled space for comments, for groups who review on paper."""

from __future__ import annotations

import datetime as dt
import re
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import lxml.html
import pikepdf
import pytest
from conftest import Result, Site

pytestmark = pytest.mark.pdf

PDFUA = Path(sys.executable).parent / "pdfua"
PLAN = """
    title: Care & Support Plan
    type: strategy
    status: consultation
    published: 2025-06-01
    summary: How we will support people.
"""
REPORT = """
    title: Annual Report
    type: quality-report
    status: published
    published: 2025-06-01
    summary: What we did this year.
"""
EASY_INDEX = """# Our plan in easy read

:material-home: We want you to have a good place to live.

:material-bus: We will make buses easier to use.
We will ask you what you think.
"""
EASY_HOMES = """---
title: Homes
---

# Homes

:material-home: Homes should be safe.

:material-account: You choose where you live.

:material-phone: You can phone us about our **strategy**.
"""
ROW_TEXTS = {
    "1.1": "We want you to have a good place to live.",
    "1.2": "We will make buses easier to use.",
    "2.1": "Homes should be safe.",
    "2.2": "You choose where you live.",
    "2.3": "You can phone us about our strategy.",
    "2.4": "strategy",  # the "Hard words" box: one row for each word
}
LABEL = "review pack for co-production groups"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Result, Result]:
    """A consultation and a published publication, both with easy-read pages, built twice unchanged."""
    root = tmp_path_factory.mktemp("review-pack")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": True}
    site.plugin_options()["feedback"] = "views@example.gov.uk"
    site.publication("plan", PLAN, "# Care & Support Plan\n\nThis plan says what we will do.\n")
    site.write("content/plan/homes.md", "# Homes\n\nWhere people live.\n")
    site.write("easyread/plan/index.md", EASY_INDEX)
    site.write("easyread/plan/homes.md", EASY_HOMES)
    site.write("content/glossary.yml", "- term: strategy\n  means: A big plan for the next few years.\n")
    site.publication("report", REPORT, "# Annual Report\n\nWhat we did.\n")
    site.write("easyread/report/index.md", "# Our year\n\n:material-home: We helped people find homes.\n")
    site.publication("closed", textwrap.dedent(PLAN).replace("Care & Support Plan", "Old Plan") + "closes: 2025-10-01\n", "# Old Plan\n\nWhat we asked.\n")
    site.write("easyread/closed/index.md", "# Our old plan\n\n:material-home: We asked what you think.\n")
    return site.build_twice()


@pytest.fixture(scope="module")
def built(builds) -> Result:
    return builds[0]


@pytest.fixture(scope="module")
def pack(built) -> Path:
    return built.site / "plan" / "pdf" / "plan-review-pack.pdf"


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_a_consultation_that_has_closed_offers_no_review_pack(built):
    """The tests' build date is 23 November 2025; this consultation closed on 1 October."""
    assert (built.site / "closed" / "pdf" / "closed-easy-read.pdf").is_file()
    assert not (built.site / "closed" / "pdf" / "closed-review-pack.pdf").exists()
    assert LABEL not in (built.site / "easy-read" / "closed" / "index.html").read_text(encoding="utf-8")
    assert LABEL in (built.site / "easy-read" / "plan" / "index.html").read_text(encoding="utf-8")


def test_a_consultation_with_easy_read_pages_gets_a_review_pack_and_a_published_one_does_not(built, pack):
    assert pack.is_file()
    assert (built.site / "plan" / "pdf" / "plan-easy-read.pdf").is_file()
    assert (built.site / "report" / "pdf" / "report-easy-read.pdf").is_file()
    assert not (built.site / "report" / "pdf" / "report-review-pack.pdf").exists()


def test_the_review_pack_passes_pdfua_check(pack):
    process = subprocess.run([str(PDFUA), "check", str(pack)], check=False, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr


def test_each_row_has_a_number_of_part_and_row_before_its_words(pack):
    text = "\n".join(page_texts(pack))
    for number, words in ROW_TEXTS.items():
        assert re.search(rf"^{re.escape(number)} {re.escape(words)}", text, re.MULTILINE), f"{number}: {text}"
    assert "Part 1" in text and "Part 2" in text
    assert "A big plan for the next few years." in text and "2.5 " not in text


def test_the_page_after_the_cover_says_how_to_use_the_pack_and_where_to_send_it(pack):
    texts = page_texts(pack)
    assert "Care & Support Plan" in texts[0] and "easy read review pack" in texts[0]
    guide = texts[1]
    for expected in ("How to use this pack", "Every row in this pack has a number, like 2.3.",
                     "Write your comments in the space under each row.",
                     "Send your comments back to us by email:", "views@example.gov.uk", "phone us on 0344 800 8020"):
        assert expected in guide, f"{expected!r} not in {guide}"
    assert "Contents" not in "\n".join(texts) and "Part 1" in texts[2]  # two easy-read pages: too short for a contents list
    with pikepdf.open(pack) as pdf:
        links = [str(a.A.URI) for a in pdf.pages[1].get("/Annots", []) if "/A" in a]
    assert any(uri.startswith("mailto:views@example.gov.uk?subject=Review%20pack%3A%20Care%20%26%20Support%20Plan")
               for uri in links), links


def test_body_text_is_at_least_14pt(pack):
    with pdfplumber.open(pack) as pdf:
        sizes = [char["size"] for page in pdf.pages for char in page.chars if char["text"].strip()]
    assert statistics.median(sizes) >= 14


def test_ruled_lines_are_decoration_and_row_numbers_are_tagged_text(pack):
    with pdfplumber.open(pack) as pdf:
        for page in pdf.pages[3:]:
            text = page.extract_text() or ""
            rows = re.findall(r"^\d\.\d ", text, re.MULTILINE)
            ruled = [line for line in page.lines if line["top"] == line["bottom"] and line["width"] > 200]
            assert rows and len(ruled) >= 3 * len(rows), f"page {page.page_number}: {len(ruled)} lines for {rows}"
            assert {line["tag"] for line in ruled} == {"Artifact"}
            numbers = [char for char in page.chars if char["text"].isdigit() and char["x0"] < 100]
            assert numbers and all(char["tag"] != "Artifact" and char["mcid"] is not None for char in numbers)


def test_the_download_box_on_easy_read_pages_lists_the_pack_with_its_size_and_pages(built, pack):
    for url in ("easy-read/plan/", "easy-read/plan/homes/"):
        html = built.html(url)
        match = re.search(rf'href="([^"]*{pack.name})"[^>]*>Download the {LABEL} '
                          rf'<span[^>]*>\(PDF, ([\d.]+) (KB|MB), (\d+) pages\)', html)
        assert match, f"{url}: no link to the review pack"
        assert (built.site / url / match[1]).resolve() == pack.resolve()
        size = float(match[2]) * (1024 if match[3] == "KB" else 1024 * 1024)
        assert abs(size - pack.stat().st_size) <= (512 if match[3] == "KB" else 52429)
        with pikepdf.open(pack) as pdf:
            assert int(match[4]) == len(pdf.pages)
    assert LABEL not in built.html("plan/"), "the pack is offered on the easy-read pages only"
    assert LABEL not in built.html("easy-read/report/"), "a published publication has no pack"


def test_an_unchanged_rebuild_renders_no_pdf(builds):
    first, second = builds
    assert re.search(r"easyread: PDF plan: 4 files, \d+ pages, 4 rendered, 0 from cache", first.log), first.log
    assert re.search(r"easyread: PDF plan: 4 files, \d+ pages, 0 rendered, 4 from cache", second.log), second.log
    assert "easyread: rendering" not in second.log


# --- pure logic: numbering and the guide ------------------------------------------------


def number(html: str, part: int = 3) -> str:
    from mkdocs_easyread.pdf.row_numbers import number_rows

    return number_rows(f'<section class="er-chapter"><div class="er-easy-read">{html}</div></section>', part)


def test_rows_plain_blocks_and_list_items_are_numbered_in_reading_order_and_headings_are_not():
    html = number(
        '<h1>Money</h1>'
        '<div class="er-row"><div class="er-row__picture">P</div><div class="er-row__words"><p>One</p></div></div>'
        '<h2>More</h2><p>Two</p>'
        '<ul class="er-rows er-rows--mixed"><li class="er-row"><div class="er-row__picture">P</div>'
        '<div class="er-row__words">Three</div></li><li>Four <b>bold</b></li></ul>'
        '<section class="er-box er-hard-words"><h2>Hard words</h2><dl>'
        '<div class="er-hard-words__item"><dt>advocacy</dt><dd>Help to say what you want.</dd></div>'
        '<div class="er-hard-words__item"><dt>strategy</dt><dd>A big plan.</dd></div></dl></section>'
        '<dl><dt>plain</dt><dd>list</dd></dl>'
        '<section class="er-feedback"><p>Web only</p></section>'
    )
    numbers = re.findall(r'<span class="er-pack-number">([\d.]+)</span>(.{0,60})', html)
    assert [n for n, _ in numbers] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"]
    assert numbers[1][1].startswith('<div class="er-pack-body"><p>Two')
    assert numbers[3][1].startswith('<div class="er-pack-body">Four <b>bold</b>')
    assert numbers[4][1].startswith('<div class="er-pack-body"><dt>advocacy</dt>')  # each hard word
    assert numbers[5][1].startswith('<div class="er-pack-body"><dt>strategy</dt>')
    assert numbers[6][1].startswith('<div class="er-pack-body"><dl><dt>plain')
    assert '<p class="er-pack-part">Part 3</p><h1>Money</h1>' in html
    assert "er-pack-list" in html and "Web only" in html


def test_only_drafts_and_consultations_get_a_review_pack():
    from mkdocs_easyread.pdf.review_pack import wants_review_pack
    from mkdocs_easyread.publications.model import Publication

    today = dt.date(2025, 11, 23)
    wanted = {status: wants_review_pack(Publication("p", "content/p/index.md", "P", status=status), today)
              for status in ("draft", "consultation", "published", "archived")}
    assert wanted == {"draft": True, "consultation": True, "published": False, "archived": False}


@pytest.mark.parametrize("feedback, email, expected", [
    ("views@example.gov.uk", "info@example.gov.uk", "by email: <a href=\"mailto:views@example.gov.uk?subject="),
    (None, "info@example.gov.uk", "by email: <a href=\"mailto:info@example.gov.uk?subject="),
    (None, None, "Give your comments to the person who gave you this pack."),
])
def test_the_guide_says_where_to_send_comments(feedback, email, expected):
    from mkdocs_easyread.pdf.review_pack import GUIDE
    from mkdocs_easyread.publications.model import Publication
    from mkdocs_easyread.render import Components

    html = Components().render(GUIDE, publication=Publication("p", "content/p/index.md", "<Plan> & more"),
                               feedback=feedback, formats=SimpleNamespace(email=email, phone=None))
    assert expected in html
    assert "<Plan>" not in html and "phone us" not in html


def test_the_download_box_on_an_easy_read_page_is_an_easy_read_box_with_a_picture(built):
    easy = lxml.html.fromstring((built.site / "easy-read" / "plan" / "index.html").read_text(encoding="utf-8"))
    box = easy.find_class("er-downloads")[0]
    assert "er-box--easy-read" in box.get("class") and box.findall(".//svg")
    standard = lxml.html.fromstring((built.site / "plan" / "index.html").read_text(encoding="utf-8"))
    assert "er-box--easy-read" not in standard.find_class("er-downloads")[0].get("class")
