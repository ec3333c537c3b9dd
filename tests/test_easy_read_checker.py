"""The easy-read checker's rules, each with cases it must report and cases it must leave alone."""

from __future__ import annotations

import pytest
from mkdocs_easyread.easy_read import pictures
from mkdocs_easyread.easy_read.blocks import rows
from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.easy_read.numbers import as_digits
from mkdocs_easyread.easy_read.syllables import syllables
from mkdocs_easyread.easy_read.text import has_picture
from mkdocs_easyread.glossary.model import Glossary, Term

GLOSSARY = Glossary([
    Term("advocacy", "Getting help to say what you want."),
    Term("CQC", "The Care Quality Commission checks care services.", also=["Care Quality Commission"]),
    Term("independence", "Doing things for yourself."),
])
FRONT = "---\ntitle: Test\n---\n\n"  # rows start on line 5


def issues(body: str, rule: str | None = None, **options) -> list:
    settings = Settings(acronyms=["NHS", "GP"], **options)
    found = check_page(FRONT + body, settings, GLOSSARY, pictures.names())
    return [i for i in found if rule is None or i.rule == rule]


def reported(body: str, rule: str, **options) -> list[int]:
    """Lines where ``rule`` reports something."""
    return [i.line for i in issues(body, rule, **options)]


# --- rows and their lines -------------------------------------------------------------


def test_rows_skip_front_matter_headings_code_and_tables_and_keep_line_numbers():
    text = FRONT + "# Title\n\n:material-home: One row.\n\n```\nnot a row\n```\n\n| a | b |\n|---|---|\n\n- :material-bus: Item\n- :material-cash: Item\n"
    found = rows(text, has_picture)
    assert [row.line for row in found] == [7, 16, 17]


def test_a_list_whose_first_item_alone_has_a_picture_is_one_row():
    text = FRONT + ":material-bus: We will:\n\n- :material-cash: pay\n- help\n- listen\n"
    found = rows(text, has_picture)
    assert [row.line for row in found] == [5, 7]
    assert reported(":material-bus: We will go.\n\n- :material-cash: pay\n- help\n", "row-without-picture") == []


def test_pictures_at_the_start_of_a_row():
    assert has_picture(":material-bus: Words")
    assert has_picture("![A bus](bus.svg) Words")
    assert has_picture("- ![A bus](picture:travel)\n  Words")
    assert has_picture('<img src="x.png" alt="A bus"> Words')
    assert not has_picture("Words :material-bus:")
    assert not has_picture(":smile: Words")  # an emoji is not one of the icon sets


# --- warnings --------------------------------------------------------------------------


def test_long_sentence():
    long = "We will work with you and your family to find a good home that is close to the people you love."
    assert reported(f":material-home: {long}", "long-sentence") == [5]
    assert reported(":material-home: We will find you a good home. It will be near your family.", "long-sentence") == []
    assert reported(f":material-home: {long}", "long-sentence", max_sentence_words=30) == []
    assert reported(f":material-home: {long}", "long-sentence", max_sentence_words=0) == []


def test_long_sentence_reports_the_line_where_it_starts():
    body = ":material-home: Short one.\nThis second sentence is on the next line of the row and it goes on for far too many words.\n"
    assert reported(body, "long-sentence") == [6]


def test_list_items_are_separate_sentences():
    body = ":material-home: We will:\n\n- :material-cash: pay for things\n- :material-bus: help you get about on buses and trains\n"
    assert reported(body, "long-sentence") == []


def test_row_without_picture():
    assert reported("A row with no picture.\n", "row-without-picture") == [5]
    assert reported("- :material-bus: Item\n- Item with none\n- :material-cash: Item\n", "row-without-picture") == [6]
    assert reported(":material-bus: A row.\n", "row-without-picture") == []
    assert reported("A row with no picture.\n", "row-without-picture", row_without_picture=False) == []


def test_picture_without_alt():
    assert reported("![](bus.svg) We go by bus.\n", "picture-without-alt") == [5]
    assert reported("![ ](bus.svg) We go by bus.\n", "picture-without-alt") == [5]
    assert reported('<img src="bus.svg"> We go by bus.\n', "picture-without-alt") == [5]
    assert reported("![A bus](bus.svg) We go by bus.\n", "picture-without-alt") == []
    assert reported('<img src="bus.svg" alt="A bus"> We go by bus.\n', "picture-without-alt") == []
    assert reported("![](bus.svg) We go by bus.\n", "picture-without-alt", picture_without_alt=False) == []


def test_unknown_package_picture():
    assert reported("![A castle](picture:castle) We visit.\n", "unknown-picture") == [5]
    assert reported("![A house](picture:home) We live here.\n", "unknown-picture") == []
    assert reported("![A house](picture:house) We live here.\n", "unknown-picture") == []  # an alias


@pytest.mark.parametrize("sentence", [
    "We have five things to tell you.",
    "One person told us.",
    "Only one person came.",
    "There are twenty-one of us.",
    "It costs a hundred pounds.",
    "It takes two days.",
])
def test_numbers_as_words_reported(sentence):
    assert reported(f":material-home: {sentence}", "number-as-word") == [5], sentence


@pytest.mark.parametrize("sentence", [
    "No one will be left out.",
    "Someone will help you.",
    "Everyone is welcome.",
    "Anyone can come.",
    "Which one do you want?",
    "We like the new one.",
    "People help one another.",
    "Each one is different.",
    "We have 5 things to tell you.",
    "It is the Five Year Forward View.",  # a name
    "It was a one-off.",
    "Our money is gone.",  # 'one' inside a word
])
def test_numbers_as_words_left_alone(sentence):
    assert reported(f":material-home: {sentence}", "number-as-word") == [], sentence


def test_number_words_as_digits():
    assert as_digits("five") == "5" and as_digits("twenty-one") == "21" and as_digits("thousand") == "1,000"
    assert as_digits("one-off") is None


def test_numbers_rule_can_be_turned_off():
    assert reported(":material-home: We have five things.", "number-as-word", numbers_as_words=False) == []


def test_capitals():
    assert reported(":material-home: This is VERY important.", "capitals") == [5]
    assert reported(":material-home: PLEASE READ THIS page.", "capitals") == [5]
    assert len(issues(":material-home: PLEASE READ THIS page.", "capitals")) == 1  # one run of capitals
    assert reported(":material-home: The NHS and your GP can help.", "capitals") == []  # acronyms option
    assert reported(":material-home: Ask your GPs.", "capitals") == []  # plural of an acronym
    assert reported(":material-home: The **CQC** checks care.", "capitals") == []  # a glossary term
    assert reported(":material-home: I can help. A person can help.", "capitals") == []  # one letter
    assert reported(":material-home: This is VERY important.", "capitals", capitals=False) == []


def test_italics():
    assert reported(":material-home: This is *very* important.", "italics") == [5]
    assert reported(":material-home: This is _very_ important.", "italics") == [5]
    assert reported(":material-home: This is ***very*** important.", "italics") == [5]
    assert reported(":material-home: This is <em>very</em> important.", "italics") == [5]
    assert reported(":material-home: This is **very** important.", "italics") == []
    assert reported(":material-home: See [our_plan](our_plan.md) and snake_case words.", "italics") == []
    assert reported("- :material-home: A list item, not italics.\n", "italics") == []
    assert reported(":material-home: This is *very* important.", "italics", italics=False) == []


def test_semicolons():
    assert reported(":material-home: We help you; you help us.", "semicolon") == [5]
    assert reported(":material-home: We help you &amp; you help us.", "semicolon") == []  # an HTML entity
    assert reported(":material-home: We help you. You help us.", "semicolon") == []
    assert reported(":material-home: We help you; you help us.", "semicolon", semicolons=False) == []


# --- suggestions ------------------------------------------------------------------------


def test_long_words_are_suggestions():
    found = issues(":material-home: We will improve the organisation of services.", "long-word")
    assert [i.line for i in found] == [5] and all(i.suggestion for i in found)
    assert "'organisation' has 5 syllables" in found[0].message


@pytest.mark.parametrize("sentence", [
    "We want your **independence**.",  # a glossary term
    "The Care Quality Commission checks it.",  # a name, and a glossary term
    "We will talk to Councillor Montgomery.",  # a name mid-sentence
    "Information is on the television.",  # the plain-word list
    "We will help you at home.",
])
def test_long_words_left_alone(sentence):
    assert reported(f":material-home: {sentence}", "long-word") == [], sentence


def test_long_words_threshold_plain_words_option_and_off():
    body = ":material-home: We will improve the organisation of services."
    assert reported(body, "long-word", long_word_syllables=5) == []
    assert reported(body, "long-word", plain_words=["Organisation"]) == []
    assert reported(body, "long-word", long_word_syllables=0) == []


def test_rows_with_more_than_three_sentences_are_a_suggestion():
    body = ":material-home: We help. You help. They help. All help.\n"
    found = issues(body, "long-row")
    assert [i.line for i in found] == [5] and found[0].suggestion
    assert reported(":material-home: We help. You help. They help.\n", "long-row") == []


def test_syllables_are_counted_by_the_hyphenation_dictionary():
    assert syllables("home") == 1
    assert syllables("community") == 4
    assert syllables("organisation") == 5
    assert syllables("strategy") == 3


def test_a_good_page_has_no_issues_and_the_checker_can_be_turned_off():
    good = "## Where you live\n\n:material-home: We want you to have a good home.\n\n- :material-bus: We will make buses easier to use.\n"
    assert issues(good) == []
    assert issues("No picture; FIVE *things*.", enabled=False) == []


def test_icon_names_give_text_alternatives():
    assert pictures.icon_label("material-bus") == "bus"
    assert pictures.icon_label(":material-account-group:") == "group of people"
    assert pictures.icon_label("material-home-outline") == "home"
    assert pictures.icon_label("fontawesome-solid-house") == "house"
