"""The easy-read checker per language: which rules run on English and Welsh pages, and which cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_easyread.easy_read import languages
from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.easy_read.languages import RuleOff, language_rules, primary, rules_off

FRONT = "---\ntitle: Test\n---\n\n"  # rows start on line 5
PLAIN_WORD_FILES = sorted(languages.PLAIN_WORDS_DIR.glob("*.txt"))


def found(body: str, language: str, rule: str | None = None, **options) -> list[tuple[int, str]]:
    issues = check_page(FRONT + body, Settings(**options), language=language)
    return [(issue.line, issue.message) for issue in issues if rule is None or issue.rule == rule]


def rules_found(body: str, language: str) -> list[str]:
    return [issue.rule for issue in check_page(FRONT + body, Settings(), language=language)]


# --- Welsh --------------------------------------------------------------------------


def test_a_long_welsh_sentence_is_reported():
    body = (":material-home: Rydyn ni eisiau i chi gael cartref da yn agos at eich teulu a'ch ffrindiau "
            "a'r bobl sy'n bwysig i chi bob dydd.\n")
    [(line, message)] = found(body, "cy", "long-sentence")
    assert line == 5
    assert message.startswith("sentence has 23 words; easy read uses at most 15")


@pytest.mark.parametrize(("words", "digits"), [("tair", "3"), ("bedwar", "4"), ("chwech", "6"), ("ugain", "20"), ("mil", "1,000")])
def test_a_welsh_number_word_is_reported_with_its_digits(words, digits):
    [(line, message)] = found(f":material-calendar: Mae {words} cyfarfod bob blwyddyn.\n", "cy", "number-as-word")
    assert (line, message) == (5, f"number written as a word: {words!r}; easy read writes numbers as digits ({digits})")


@pytest.mark.parametrize("body", [
    ":material-account: Mae pob un yn cael help.",  # 'un': each, the same, the one; left out on purpose
    ":material-scale-balance: Mae'n deg i bawb.",  # 'deg' after 'yn' is 'teg' (fair), mutated
    ":material-scale-balance: Mae hyn yn deg.",
    ":material-map: Rydyn ni'n byw yn Y Tri Chwm.",  # part of a name
    ":material-calendar: Mae 3 cyfarfod bob blwyddyn.",
])
def test_welsh_words_that_are_not_numbers_here_are_left_alone(body):
    assert found(body + "\n", "cy", "number-as-word") == []


def test_english_number_words_are_not_welsh_ones():
    assert found(":material-calendar: We meet five times.\n", "cy", "number-as-word") == []
    assert found(":material-calendar: We meet tair times.\n", "en", "number-as-word") == []
    assert found(":material-calendar: We meet five times.\n", "en", "number-as-word") != []


def test_no_long_word_suggestion_on_a_welsh_page():
    body = ":material-account-group: Bydd ymgynghoriad ar gydraddoldeb a'r organisation.\n"
    assert found(body, "cy", "long-word") == []
    assert found(body, "en", "long-word") != [], "the same words on an English page are suggested"


def test_the_other_rules_run_on_welsh_pages():
    body = "Rydyn ni'n GWRANDO; mae *hyn* yn bwysig.\n\n![](home.svg) Cartref.\n"
    assert sorted(set(rules_found(body, "cy"))) == ["capitals", "italics", "picture-without-alt", "row-without-picture", "semicolon"]


def test_a_welsh_region_code_is_welsh():
    body = ":material-calendar: Mae tair cyfarfod.\n"
    assert found(body, "cy_GB") == found(body, "cy-GB") == found(body, "CY") == found(body, "cy")


# --- English ------------------------------------------------------------------------

ENGLISH = """\
:material-home: We will improve the organisation of housing for five hundred families across the whole of the county this year.

:material-account: No one has to do this on their own; ask a GP or your ADVOCATE.

- :material-cash: We will help you with money.
"""


def test_english_pages_are_checked_as_before():
    settings = Settings(acronyms=["GP"])
    before = check_page(FRONT + ENGLISH, settings)  # the language defaults to English
    assert before == check_page(FRONT + ENGLISH, settings, language="en") == check_page(FRONT + ENGLISH, settings, language="en_GB")
    assert [(issue.line, issue.rule) for issue in before] == [
        (5, "long-sentence"), (5, "number-as-word"), (5, "number-as-word"), (5, "long-word"),
        (7, "capitals"), (7, "semicolon"),
    ]
    assert "'organisation' has 5 syllables" in before[-3].message


def test_english_long_words_use_the_syllable_dictionary_option():
    body = ":material-home: We will improve the organisation.\n"
    assert found(body, "en", "long-word") != []
    assert found(body, "en", "long-word", plain_words=["Organisation"]) == []


# --- other languages ----------------------------------------------------------------


def test_a_language_with_a_pyphen_dictionary_and_no_list_gets_long_words_and_only_the_councils_plain_words():
    body = ":material-home: Gemeinschaftsräume sind offen.\n"  # first: a capital later in a sentence is taken for a name
    assert [message for _, message in found(body, "de_DE", "long-word")] == [
        "'Gemeinschaftsräume' has 5 syllables; is there a shorter word? (or add it to the glossary or to plain_words)",
    ]
    assert found(body, "de", "long-word", plain_words=["gemeinschaftsräume"]) == []
    assert found(":material-home: Wir haben fünf Räume.\n", "de", "number-as-word") == []
    assert language_rules("de", Settings(plain_words=["Rathaus"])).plain_words == {"rathaus"}


def test_a_strange_language_code_reads_no_file_and_turns_off_what_needs_one():
    rules = language_rules("../../en", Settings(plain_words=["ours"]))
    assert rules.plain_words == {"ours"}
    assert rules.number_words is None


# --- rules_off ----------------------------------------------------------------------


def test_rules_off_for_welsh_is_long_words_for_want_of_a_syllable_dictionary():
    assert rules_off("cy", Settings()) == [RuleOff("long-word", "no-syllable-dictionary")]
    assert rules_off("cy_GB", Settings()) == rules_off("cy", Settings())


@pytest.mark.parametrize(("language", "expected"), [
    ("en", []),
    ("en_GB", []),
    ("", []),
    ("de", [RuleOff("number-as-word", "no-number-words")]),
    ("gd", [RuleOff("long-word", "no-syllable-dictionary"), RuleOff("number-as-word", "no-number-words")]),
])
def test_rules_off_per_language(language, expected):
    assert rules_off(language, Settings()) == expected


def test_rules_the_council_turned_off_are_not_listed():
    assert rules_off("cy", Settings(long_word_syllables=0)) == []
    assert rules_off("gd", Settings(numbers_as_words=False)) == [RuleOff("long-word", "no-syllable-dictionary")]
    assert rules_off("gd", Settings(enabled=False)) == []


def test_primary_subtag():
    assert [primary(code) for code in ("en", "en_GB", "cy-GB", "CY", " cy ", "")] == ["en", "en", "cy", "cy", "cy", "en"]


# --- the plain-word lists -----------------------------------------------------------


def test_the_package_ships_english_and_welsh_plain_words():
    assert [path.name for path in PLAIN_WORD_FILES] == ["cy.txt", "en.txt"]
    assert {"wheelchair", "information", "disability"} <= languages.package_plain_words("en")
    welsh = languages.package_plain_words("cy")
    assert {"cyngor", "gwasanaeth", "cymorth", "gofal", "pobl", "cartref", "help"} <= welsh
    assert len(welsh) >= 150


@pytest.mark.parametrize("path", PLAIN_WORD_FILES, ids=lambda path: path.name)
def test_a_plain_word_file_is_lowercase_sorted_one_word_a_line_without_duplicates(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "a header says where the words came from"
    words = [line for line in lines if not line.startswith("#")]
    assert words, path
    assert all(word == word.strip().lower() and word and " " not in word for word in words), path
    assert len(set(words)) == len(words), f"duplicates in {path.name}"
    assert words == sorted(words), f"{path.name} is not sorted"


# --- a build ------------------------------------------------------------------------


def test_an_english_easy_read_page_is_checked_in_a_build(site):
    site.write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: What we will do.\neasy_read: true\n")
    site.write("easyread/plan/index.md", """\
        ---
        title: Our plan in easy read
        ---

        :material-home: We will build five homes.

        :material-account-group: We will improve the organisation of housing.
        """)
    result = site.build(strict=False)
    assert result.ok, result.log
    assert [w for w in result.warnings if w.startswith("easyread/plan/index.md:")] == [
        "easyread/plan/index.md:5: number written as a word: 'five'; easy read writes numbers as digits (5)",
    ]
    assert any("easyread/plan/index.md:7: 'organisation' has 5 syllables" in s for s in result.suggestions), result.suggestions
