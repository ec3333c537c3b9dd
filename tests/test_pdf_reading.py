"""PDFs as a screen reader and a large-print reader meet them: links say their words, and no text is too small."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import Result, Site
from test_pdf import struct_elements

pytestmark = pytest.mark.pdf

PDFUA = Path(sys.executable).parent / "pdfua"
INDEX = """
    title: Care & Support Plan
    type: strategy
    status: consultation
    published: 2025-06-01
    summary: How we will support people.
"""
HOMES = """---
title: Homes
---

# Homes

Read about [how we spend money on home<b>s</b> for people who need **care and support**](money.md#spending).
You can phone us on [0344 800 8020](tel:03448008020) to talk about your home.

[![A house with a garden](house.svg)](https://www.gov.uk/)

Our strategy says where people live.
"""
MONEY = """---
title: Money
---

# Money

## Spending

| Year | Spend (£m) |
|------|-----------:|
| 2023 | 120 |
| 2024 | 125 |

/// chart | Spending on homes
data: spend.csv
type: bar
y_label: Spend (£m)
///

Back to [homes](homes.md).
"""
SPEND = "Year,Homes,Support\n2023,120,80\n2024,125,85\n"
OUTCOMES = """
outcomes:
  - id: O1
    title: People live where they choose
    measures: [More people live in their own home]
    actions:
      - id: A1.1
        title: Build more homes
        owner: Housing team
        due: 2026-03-31
        updates:
          - date: 2025-05-01
            status: underway
"""
EASY_INDEX = """# Our plan in easy read

:material-home: We want you to have a good place to live.

:material-phone: You can [phone us](tel:03448008020) about our plan.

/// chart | Money we spend on homes
data: spend.csv
type: bar
///
"""
HOUSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><rect x="20" y="45" width="60" height="45" fill="#36c"/></svg>\n'
VARIANTS = {"standard": "plan.pdf", "large-print": "plan-large-print.pdf", "easy-read": "plan-easy-read.pdf",
            "review-pack": "plan-review-pack.pdf"}
ROUNDING = 0.01  # pdfplumber gives 15.9999 for 16 pt text
TARGET_ONLY = re.compile(r"^(?:c\d+(?:-\S*)?|(?:tel|mailto|https?):\S*)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Result:
    """A consultation with a chart, a table, a glossary term, outcomes and easy-read pages: every PDF variant."""
    root = tmp_path_factory.mktemp("pdf-reading")
    (root / "content").mkdir()
    site = Site(root)
    site.config["site_url"] = "https://example.gov.uk/"
    site.config["theme"]["language"] = "en"
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 2}
    site.plugin_options()["feedback"] = "views@example.gov.uk"
    site.publication("plan", INDEX, "# Care & Support Plan\n\nThis plan says what we will do. Start with [homes](homes.md).\n")
    site.write("content/plan/homes.md", HOMES)
    site.write("content/plan/money.md", MONEY)
    site.write("content/plan/spend.csv", SPEND)
    site.write("content/plan/house.svg", HOUSE)
    site.write("content/plan/outcomes.yml", OUTCOMES)
    site.write("content/glossary.yml", "- term: strategy\n  means: A big plan for the next few years.\n")
    site.write("easyread/plan/index.md", EASY_INDEX)
    site.write("easyread/plan/spend.csv", SPEND)
    result = site.build()
    assert result.ok, result.log
    return result


def pdf_path(built: Result, variant: str) -> Path:
    return built.site / "plan" / "pdf" / VARIANTS[variant]


def link_annotations(path: Path) -> list[tuple[str, str]]:
    """(/Contents, target) of every link annotation in the PDF."""
    found = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") == "/Link":
                    target = annotation.get("/Dest") if "/Dest" in annotation else annotation.A.get("/URI")
                    found.append((str(annotation.get("/Contents", "")), str(target)))
    return found


def text_sizes(path: Path) -> list[tuple[float, str, int, str | None]]:
    """(size in points, character, page number, marked-content tag) of every character that is not a space."""
    with pdfplumber.open(path) as pdf:
        return [(char["size"], char["text"], page.page_number, char.get("tag"))
                for page in pdf.pages for char in page.chars if char["text"].strip()]


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_link_annotation_says_its_words_not_its_target(built, variant):
    links = link_annotations(pdf_path(built, variant))
    assert links, f"{variant}: no links to check"
    for contents, target in links:
        assert contents.strip(), f"{variant}: a link to {target} says nothing"
        assert contents != target and not TARGET_ONLY.match(contents), f"{variant}: the link to {target} says {contents!r}"


def test_links_say_the_words_a_reader_sees(built):
    said = {contents: target for contents, target in link_annotations(pdf_path(built, "standard"))}
    assert said.get("how we spend money on homes for people who need care and support", "").endswith("-spending"), said
    assert said.get("0344 800 8020") == "tel:03448008020", said
    assert said.get("A house with a garden") == "https://www.gov.uk/", said  # a link around a picture: its alt text
    assert "Homes" in said and "Money" in said, said  # the contents list: the title, without the page number
    assert "strategy" in said, said  # a glossary term: the word, without its meaning
    assert said.get("information@example.gov.uk") == "mailto:information@example.gov.uk", said
    easy = {contents: target for contents, target in link_annotations(pdf_path(built, "easy-read"))}
    assert easy.get("phone us") == "tel:03448008020", easy


def link_parents(path: Path) -> dict[str, str]:
    """The structure type holding each link, by the link's words."""
    with pikepdf.open(path) as pdf:
        return {str(kid.Obj.get("/Contents", "")): str(link.P.S)
                for link in struct_elements(pdf) if link.S == "/Link"
                for kid in (link.K if isinstance(link.K, pikepdf.Array) else [link.K])
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"}


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_a_glossary_term_is_a_link_in_its_paragraph_without_the_webs_wrapper(built, variant):
    """On the web a term is wrapped with its meaning; the PDF has no meaning to show, and a screen reader
    meets the link straight inside the paragraph, not inside a span that says nothing."""
    assert link_parents(pdf_path(built, variant)).get("strategy") == "/P"


def test_a_link_over_two_lines_says_all_its_words_on_each_part(built):
    words = "how we spend money on homes for people who need care and support"
    parts = [contents for contents, target in link_annotations(pdf_path(built, "large-print")) if target.endswith("-spending")]
    assert len(parts) >= 2, "in large print this link should run over two lines"
    assert set(parts) == {words}


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_pdf_passes_pdfua_check(built, variant):
    process = subprocess.run([str(PDFUA), "check", str(pdf_path(built, variant))], check=False, capture_output=True, text=True)
    assert process.returncode == 0, f"{variant}: {process.stdout}{process.stderr}"


def test_no_text_in_the_large_print_pdf_is_under_16pt(built):
    small = [(round(size, 1), text, page) for size, text, page, _tag in text_sizes(pdf_path(built, "large-print")) if size < 16 - ROUNDING]
    assert not small, f"text under 16 pt: {small[:20]}"


def test_chart_text_is_at_least_18pt_in_large_print_and_14pt_in_easy_read(built):
    for variant, smallest in (("large-print", 18), ("easy-read", 14), ("review-pack", 14)):
        chart = [(round(size, 1), text, page) for size, text, page, tag in text_sizes(pdf_path(built, variant)) if tag == "Figure"]
        assert chart, f"{variant}: the chart's text should be in the PDF"
        assert min(size for size, _text, _page in chart) >= smallest - ROUNDING, f"{variant}: chart text under {smallest} pt: {chart[:20]}"


@pytest.mark.parametrize("variant", ["easy-read", "review-pack"])
def test_no_text_in_an_easy_read_pdf_is_under_14pt(built, variant):
    small = [(round(size, 1), text, page) for size, text, page, _tag in text_sizes(pdf_path(built, variant)) if size < 14 - ROUNDING]
    assert not small, f"{variant}: text under 14 pt: {small[:20]}"
