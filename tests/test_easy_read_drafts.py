"""First drafts of easy-read pages from the standard pages: marked as drafts, never written to disk."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import Site
from mkdocs_easyread.easy_read.drafts import first_draft, shorten
from mkdocs_easyread.glossary.model import Glossary, Term

GLOSSARY = Glossary([Term("personal budget", "Money for your support.", also=["personal budgets"])])
STANDARD = """\
---
title: Money
---

## How we pay for support

If the council pays for your support, you will have a personal budget; you can take it as a direct payment.

We will spend money wisely, and we will show what difference it makes to the people who use our services.

- help people travel on buses
- find homes near families

| Year | Money |
|---|---|
| 2018 | £1 |

We work with doctors.
"""


def test_draft_keeps_headings_and_gives_every_row_a_picture():
    draft = first_draft(STANDARD, "Money", GLOSSARY)
    lines = draft.text.splitlines()
    assert lines[:3] == ["---", 'title: "Money"', "---"]
    assert "## How we pay for support" in lines
    rows = [line for line in lines if line and not line.startswith(("#", "---", "title:"))]
    assert all(line.startswith(":material-") for line in rows), rows


def test_draft_splits_long_sentences_only_between_clauses():
    draft = first_draft(STANDARD, "Money", GLOSSARY).text
    assert "you will have a **personal budget**." in draft
    assert "You can take it as a direct payment." in draft  # split at the semicolon
    assert "We will spend money wisely." in draft and "We will show what difference it makes" in draft
    assert ";" not in draft


def test_draft_chooses_pictures_from_the_words():
    draft = first_draft(STANDARD, "Money", GLOSSARY, default_picture="material-star").text
    assert ":material-bus: Help people travel on buses." in draft  # list items become sentences
    assert ":material-home: Find homes near families." in draft
    assert ":material-heart-pulse: We work with doctors." in draft
    assert ":material-table: There is a table of numbers in the standard version." in draft


def test_draft_rows_remember_the_standard_line_they_came_from():
    draft = first_draft(STANDARD, "Money", GLOSSARY)
    lines = draft.text.splitlines()
    doctors = next(number for number, line in enumerate(lines, 1) if "doctors" in line)
    assert draft.source_lines[doctors] == 18


def test_draft_bolds_only_the_first_use_of_a_glossary_term():
    draft = first_draft("A personal budget is money. Your personal budget is yours.\n", "T", GLOSSARY).text
    assert draft.count("**personal budget**") == 1


def test_draft_splits_at_sentence_boundaries_not_at_every_semicolon():
    draft = first_draft("Providing support; ensuring safety; and leadership. Mr. Smith came at 10 a.m. today.\n", "T").text
    assert re.search(r"^:[a-z-]+: Providing support; ensuring safety; and leadership\.$", draft, re.M)
    assert "Mr. Smith came at 10 a.m. today." in draft


def test_draft_writes_each_sentence_of_a_row_on_its_own_line_and_numbers_as_digits():
    draft = first_draft("We met five times. It went well. Two hundred people came.\n", "T", default_picture=None).text
    assert "![Choose a picture](picture:choose) We met 5 times.\nIt went well.\n" in draft
    assert "Two hundred people came." in draft  # a compound number is left for a person


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We go.", ["We go."]),
    ("It says what we want life to be like for people with a learning disability, and what we will do together.",
     ["It says what we want life to be like for people with a learning disability, and what we will do together."]),
    ("People with a learning disability and their families worked on the plan as equal partners from the start.",
     ["People with a learning disability and their families worked on the plan as equal partners from the start."]),
    ("People are living longer than they did before, but it means support needs to change as people get older.",
     ["People are living longer than they did before.", "But it means support needs to change as people get older."]),
])
def test_shorten_is_conservative(sentence, expected):
    assert shorten(sentence, 15) == expected


# --- in a build ---------------------------------------------------------------------------------


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


DRAFT_PLAN = "title: Our money plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\neasy_read: draft\n"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafts")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.write("content/glossary.yml", "- term: personal budget\n  means: Money for your support.\n")
    site.publication("money", DRAFT_PLAN, "## About\n\nPeople with a learning disability and their families worked on the plan as equal partners from the start.\n")
    site.write("content/money/support.md", STANDARD)
    # A publication with its own easy-read page: no draft is made for it.
    site.publication("other", DRAFT_PLAN.replace("Our money plan", "Other plan"))
    site.write("content/other/chapter.md", "---\ntitle: Chapter\n---\n\nWords.\n")
    site.write("easyread/other/index.md", "---\ntitle: Other plan\n---\n\n:material-home: Written by a person.\n")
    before = {name: tree_hash(root / name) for name in ("easyread", "content")}
    result = site.build(strict=True)
    after = {name: tree_hash(root / name) for name in ("easyread", "content")}
    return result, before, after


def test_draft_pages_are_published_and_marked(drafted):
    result, _, _ = drafted
    assert result.ok, result.log
    for path in ("easy-read/money", "easy-read/money/support"):
        html = result.html(path)
        assert "<strong>Draft, not checked.</strong>" in html
        assert 'class="er-row"' in html
    assert "Easy read version of this page (draft, not checked)" in result.html("money/support")
    assert "Standard version of this page" in result.html("easy-read/money/support")
    assert "Draft, not checked." in result.html("easy-read")  # the easy-read home says so too


def test_draft_findings_are_suggestions_and_never_fail_a_build(drafted):
    result, _, _ = drafted
    assert result.warnings == []
    # Suggestions are one summary line now (each one with --verbose); the draft's 18-word sentence is one.
    assert re.search(r"\b1 suggestion\b", result.log)


def test_draft_build_points_at_the_command(drafted):
    result, _, _ = drafted
    assert "content/money/index.md: easy_read: draft shows a first easy-read draft as web pages only; to get files to edit, run: easyread draft money" in result.log


def test_drafts_never_write_into_easyread_or_content(drafted):
    _, before, after = drafted
    assert before == after


def test_drafts_never_replace_a_page_someone_wrote(drafted):
    result, _, _ = drafted
    assert "Written by a person." in result.html("easy-read/other")
    assert "Draft, not checked" not in result.html("easy-read/other")
    assert not (result.site / "easy-read/other/chapter").exists()


def test_a_long_sentence_loses_its_short_forms_and_is_cut_as_a_last_resort():
    from mkdocs_easyread.easy_read.drafts import split_sentences

    sentences = split_sentences("It took into account the close joint work already going on between the council, the Association of "
                                "Directors of Adult Social Services (ADASS) and the Local Government Association (LGA).", 15)
    assert sentences == ["It took into account the close joint work already going on between the council, the ADASS and the LGA.",
                         "ADASS is short for Association of Directors of Adult Social Services.",
                         "LGA is short for Local Government Association."]
    cut = split_sentences("The aim is to put all the recommendations into practice in good time, in a way that meets the "
                          "expectations of both the council and the people it works with.", 15)
    assert cut == ["The aim is to put all the recommendations into practice in good time.",
                   "In a way that meets the expectations of both the council and the people it works with."]
    assert split_sentences("Providing support; ensuring safety; and leadership.", 15) == ["Providing support; ensuring safety; and leadership."]
