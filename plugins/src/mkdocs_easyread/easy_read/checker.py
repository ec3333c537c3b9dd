"""The easy-read checker: every rule over every row of one page's Markdown source.

Pure: it takes the page's text and language and returns issues with line numbers;
the feature turns them into findings. Which rules a language can have (syllables,
plain words, number words) is ``languages.py``. Unknown bold words are the glossary's rule.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from . import rules
from .blocks import rows
from .languages import LanguageRules, language_rules
from .pictures import icon_label, listed_icon_name
from .rules import Issue
from .syllables import syllables
from .text import has_picture, prose

@dataclass
class Settings:
    """Which rules run, and their thresholds (the checker options, see config.py)."""

    enabled: bool = True
    max_sentence_words: int = 15
    long_word_syllables: int = 3
    max_row_sentences: int = 3
    row_without_picture: bool = True
    picture_without_alt: bool = True
    unknown_picture: bool = True
    numbers_as_words: bool = True
    capitals: bool = True
    acronyms: list[str] = field(default_factory=list)
    italics: bool = True
    semicolons: bool = True
    plain_words: list[str] = field(default_factory=list)
    syllable_dictionary: str = "en_US"

    @classmethod
    def from_options(cls, options: Any) -> Settings:
        names = cls.__dataclass_fields__
        return cls(**{name: options[name] for name in names if name in options})


class NoGlossary:
    def lookup(self, words: str) -> None:
        return None

    def find(self, text: str) -> list:
        return []


def check_page(
    text: str, settings: Settings, glossary: Any = None, pictures: Collection[str] = (), *, language: str = "en",
) -> list[Issue]:
    """Issues of one easy-read page's source text, in line order. ``language`` is the page's ("cy", "en_GB")."""
    if not settings.enabled:
        return []
    glossary = glossary if glossary is not None else NoGlossary()
    language_of_page = language_rules(language, settings)
    issues: list[Issue] = []
    for row in rows(text, has_picture):
        issues += check_row(prose(row), settings, glossary, language_of_page, pictures)
    return sorted(issues, key=lambda issue: issue.line)


def check_row(row: Any, settings: Settings, glossary: Any, language: LanguageRules, pictures: Collection[str]) -> list[Issue]:
    spans = [(match.start, match.end) for match in glossary.find(row.text)]
    count = functools.partial(syllables, language=language.syllable_dictionary)
    numbers = language.number_words
    checks = [
        (settings.max_sentence_words > 0, lambda: rules.long_sentences(row, settings.max_sentence_words)),
        (settings.row_without_picture, lambda: rules.row_without_picture(row)),
        (settings.picture_without_alt, lambda: rules.pictures_without_alt(row)),
        (settings.picture_without_alt, lambda: rules.icons_without_alt(row, listed_icon_name, icon_label)),
        (settings.unknown_picture, lambda: rules.unknown_pictures(row, pictures)),
        (True, lambda: rules.pictures_to_choose(row)),
        (settings.numbers_as_words and numbers is not None, lambda: rules.numbers_as_words(row, numbers.find, numbers.digits)),
        (settings.capitals, lambda: rules.capitals(row, settings.acronyms, glossary.lookup, spans)),
        (settings.italics and _may_have_italics(row.row.text), lambda: rules.italics(row)),
        (settings.semicolons, lambda: rules.semicolons(row)),
        (settings.long_word_syllables > 0 and language.syllable_dictionary is not None,
         lambda: rules.long_words(row, settings.long_word_syllables, count, language.plain_words, spans)),
        (settings.max_row_sentences > 0, lambda: rules.too_many_sentences(row, settings.max_row_sentences)),
    ]
    return [issue for wanted, run in checks if wanted for issue in run()]


def _may_have_italics(text: str) -> bool:
    return any(mark in text for mark in ("*", "_", "<em", "<i>"))
