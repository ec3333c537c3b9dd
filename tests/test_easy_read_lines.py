"""Easy read puts one sentence on each line: each source line of a row is a line on screen and in
the PDF, and the checker counts sentences and words as a reader meets them."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import Site

from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.findings import Finding, summarise

PDFUA = Path(sys.executable).parent / "pdfua"
PLAN = "title: Our plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: What we will do.\neasy_read: true\n"
FRONT = "---\ntitle: Our plan in easy read\n---\n\n"
ROWS = """\
![A house](picture:home) We will build more homes.
They will be near your family.\\
You can ask us about them.  
We will write to you.

- :material-cash: We will help you with money.
  You can ask for help.
- :material-briefcase: We will help you find a job.

![A bus](picture:travel)
Buses will be easier to use.

:material-book-open-variant: You can read about **advocacy**.
It helps you.
"""
GLOSSARY = "- term: advocacy\n  means: Getting help to say what you want.\n"
# Two sentences of 9 and 7 words: one 16-word sentence (too long) if a line break were missed.
TWO_SENTENCES = "We will build lots of new homes next year.{break_}You can ask us at any time.\n"
BREAKS = {"newline": "\n", "two spaces": "  \n", "backslash": "\\\n"}


def easy_site(root: Path, body: str, pdf: bool = False) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": pdf, "concurrency": 1}
    site.config["site_url"] = "https://example.gov.uk/"
    site.config["theme"]["language"] = "en"
    site.publication("plan", PLAN, "# Our plan\n\nWhat we will do.\n")
    site.write("content/glossary.yml", GLOSSARY)
    site.write("easyread/plan/index.md", FRONT + body)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = easy_site(tmp_path_factory.mktemp("lines"), ROWS, pdf=True).build()
    assert result.ok, result.log
    return result


# --- on screen --------------------------------------------------------------------------------


def test_each_source_line_of_a_row_is_its_own_line_whatever_the_break(built):
    html = built.html("easy-read/plan")
    assert (
        "<p>We will build more homes.<br />\nThey will be near your family.<br />\n"
        "You can ask us about them.<br />\nWe will write to you.</p>"
    ) in html
    assert "\\" not in html[html.index("We will build"):html.index("We will write")]


def test_line_breaks_keep_lists_picture_rows_and_the_glossary(built):
    html = built.html("easy-read/plan")
    assert '<div class="er-row__words">We will help you with money.<br />\n  You can ask for help.</div></li>' in html
    assert '<li class="er-row"><div class="er-row__picture">' in html
    # A picture on a line of its own: the words start at the top of the row, with no empty line.
    assert '<div class="er-row__words"><p>Buses will be easier to use.</p></div>' in html
    assert "You can read about <strong>" in html and "advocacy" in html and "<br />\nIt helps you." in html
    assert "Getting help to say what you want." in html  # the hard words box


def test_standard_pages_keep_markdowns_usual_line_joining(built):
    assert "<p>What we will do.</p>" in built.html("plan")


# --- in the PDF --------------------------------------------------------------------------


def test_each_source_line_is_its_own_line_in_the_easy_read_pdf(built):
    path = built.site / "plan" / "pdf" / "plan-easy-read.pdf"
    with pdfplumber.open(path) as pdf:
        lines = [line.strip() for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    for sentence in ("We will build more homes.", "They will be near your family.", "You can ask us about them.", "We will write to you."):
        assert sentence in lines, lines
    process = subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr


# --- the checker ------------------------------------------------------------------------------


def issues(body: str, **settings) -> list[tuple[int, str]]:
    return [(issue.line, issue.rule) for issue in check_page(FRONT + body, Settings(**settings))]


@pytest.mark.parametrize("style", BREAKS)
def test_sentences_are_counted_per_line_whatever_the_break(style):
    body = ":material-home: " + TWO_SENTENCES.format(break_=BREAKS[style])
    assert issues(body) == []
    assert issues(body, max_sentence_words=8) == [(5, "long-sentence")], "the 9-word sentence, on its own line"
    assert issues(body, max_row_sentences=1) == [(5, "long-row")]


def test_a_missing_full_stop_still_runs_on():
    assert issues(":material-home: We will build lots of new homes next year\nyou can ask us at any time.\n") == [(5, "long-sentence")]


@pytest.mark.parametrize("address", [
    "enquiries@lincolnshire.gov.uk", "https://www.lincolnshire.gov.uk/adult-social-care", "www.lincolnshire.gov.uk/bins",
    "lincolnshire.gov.uk", "<https://example.org/a-very-long-address>",
])
def test_email_and_web_addresses_are_not_words(address):
    body = f":material-email: Write to {address} for help.\n"
    assert issues(body, max_sentence_words=4) == [], "4 words: the address is not one"
    found = check_page(FRONT + body, Settings())
    assert not [issue for issue in found if issue.rule == "long-word"], found


@pytest.mark.parametrize("number", ["01522 782155", "0800 123 4567", "+44 20 7946 0000", "(01522) 782 155", "2,500", "3.5", "42"])
def test_phone_numbers_and_numbers_are_not_words(number):
    assert issues(f":material-phone: Call us on {number} today.\n", max_sentence_words=4) == []


def test_an_address_at_the_end_of_a_sentence_keeps_its_full_stop():
    body = ":material-email: Email help@example.org. Or call us on 01522 782155. We will help you today.\n"
    assert issues(body, max_row_sentences=2) == [(5, "long-row")], "3 sentences"


def test_words_around_addresses_are_still_checked():
    found = check_page(FRONT + ":material-email: Email help@example.org about accommodation.\n", Settings())
    assert [issue.message.split(" has ")[0] for issue in found if issue.rule == "long-word"] == ["'accommodation'"]


# --- the build log --------------------------------------------------------------------------


LONG_WORDS = ":material-home: We will improve the organisation of housing.\n\n:material-bus: Transport is complicated.\n"


def test_suggestions_are_listed_only_with_verbose(tmp_path):
    site = easy_site(tmp_path, LONG_WORDS)
    quiet = site.run("build", "--strict")
    assert quiet.returncode == 0, quiet.stderr
    assert "organisation" not in quiet.stderr + quiet.stdout
    verbose = site.run("build", "--strict", "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    output = verbose.stderr + verbose.stdout
    assert "suggestion: easyread/plan/index.md:5: 'organisation' has 5 syllables" in output
    assert "suggestion: easyread/plan/index.md:7: 'complicated' has 4 syllables" in output
    [line] = [line for line in output.splitlines() if "'organisation' has" in line]
    assert line.startswith("DEBUG"), line


def test_one_line_sums_up_the_suggestions(caplog):
    findings = [Finding(Path("a.md"), n, "long-word", "x", "a/", suggestion=True) for n in range(42)]
    findings.append(Finding(Path("a.md"), 1, "long-sentence", "x", "a/"))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        summarise(findings)
        summarise(findings[:1])
        summarise(findings[-1:])
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.plugins.easyread", "INFO", "42 suggestions: see the review page or build with --verbose"),
        ("mkdocs.plugins.easyread", "INFO", "1 suggestion: see the review page or build with --verbose"),
    ]


def test_the_build_log_sums_up_the_suggestions_in_one_line(tmp_path):
    result = easy_site(tmp_path, LONG_WORDS).build()
    assert result.ok, result.log
    assert "INFO: 2 suggestions: see the review page or build with --verbose" in result.log.splitlines()
    assert "organisation" not in result.log
