"""What the easy-read checker knows of each language: syllables, plain words and number words.

A page's language is a code like "en", "cy" or "en_GB"; the primary subtag ("en") picks the
plain-word list and the number words. Rules that need something a language lacks are off for
its pages, and :func:`rules_off` says which and why (for the review page).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyphen

from . import numbers
from .text import Sentence, Token

if TYPE_CHECKING:
    from .checker import Settings

PLAIN_WORDS_DIR = Path(__file__).with_name("plain-words")
PRIMARY_SUBTAG = re.compile(r"[a-z]{2,8}")


@dataclass(frozen=True)
class NumberWords:
    find: Callable[[Sentence], list[Token]]  # tokens of a sentence that are numbers written as words
    digits: Callable[[str], str | None]  # 'five' -> '5', or None


@dataclass(frozen=True)
class RuleOff:
    rule: str  # the checker's rule, as in its findings: "long-word"
    reason: str  # an identifier the review page's template turns into words: "no-syllable-dictionary"


@dataclass(frozen=True)
class LanguageRules:
    syllable_dictionary: str | None  # a pyphen dictionary, or None: no long-word rule
    plain_words: frozenset[str]  # the package's list for the language and the council's plain_words
    number_words: NumberWords | None  # None: no number-as-word rule


def primary(language: str) -> str:
    """'en_GB' -> 'en', 'cy-GB' -> 'cy'; an empty code is English, the sites' default."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] or "en"


def language_rules(language: str, settings: Settings) -> LanguageRules:
    code = primary(language)
    council = frozenset(word.lower() for word in settings.plain_words)
    return LanguageRules(syllable_dictionary(language, settings), package_plain_words(code) | council, NUMBER_WORDS.get(code))


def rules_off(language: str, settings: Settings) -> list[RuleOff]:
    """Rules the council has on that cannot run on pages in this language."""
    if not settings.enabled:
        return []
    rules = language_rules(language, settings)
    off = []
    if settings.long_word_syllables > 0 and rules.syllable_dictionary is None:
        off.append(RuleOff("long-word", "no-syllable-dictionary"))
    if settings.numbers_as_words and rules.number_words is None:
        off.append(RuleOff("number-as-word", "no-number-words"))
    return off


def syllable_dictionary(language: str, settings: Settings) -> str | None:
    """English pages count with the option syllable_dictionary (en_US counts closest, see syllables.py);
    other languages with pyphen's own dictionary for them, if it has one (none for Welsh)."""
    if primary(language) == "en":
        return settings.syllable_dictionary
    return pyphen.language_fallback(language.strip()) if language.strip() else None


@functools.lru_cache(maxsize=16)
def package_plain_words(code: str) -> frozenset[str]:
    """The package's plain-words/<code>.txt, or nothing for a language with no list."""
    path = PLAIN_WORDS_DIR / f"{code}.txt"
    if not PRIMARY_SUBTAG.fullmatch(code) or not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


# --- Welsh numbers written as words ----------------------------------------------------------

# Radical and mutated forms (dau/ddau, pedwar/bedwar/phedwar, cant/gant/chant), whole words only.
# Left out, as they would mostly be false reports: 'un' (one), which far more often means 'the same'
# (yr un peth), 'each' (pob un) or 'the one' (yr un); 'can' (a hundred before a noun, but also 'song'
# and 'sing'); 'bum' (five, but also 'I was'). 'cant' can be 'cânt' (they get) written without its
# circumflex: kept, as a hundred is the common meaning in council writing.
WELSH_NUMBERS: dict[str, int] = {
    "dau": 2, "ddau": 2, "dwy": 2, "ddwy": 2,
    "tri": 3, "dri": 3, "thri": 3, "tair": 3, "dair": 3, "thair": 3,
    "pedwar": 4, "bedwar": 4, "phedwar": 4, "pedair": 4, "bedair": 4, "phedair": 4,
    "pump": 5, "bump": 5, "phump": 5, "pum": 5, "phum": 5,
    "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9,
    "deg": 10, "ddeg": 10, "deng": 10, "ddeng": 10,
    "deuddeg": 12, "ddeuddeg": 12, "pymtheg": 15, "bymtheg": 15, "phymtheg": 15, "deunaw": 18, "ddeunaw": 18,
    "ugain": 20, "hugain": 20, "deugain": 40, "ddeugain": 40, "trigain": 60, "drigain": 60,
    "cant": 100, "gant": 100, "chant": 100,
    "mil": 1_000, "fil": 1_000, "miliwn": 1_000_000, "filiwn": 1_000_000, "biliwn": 1_000_000_000,
}


def welsh_number_words(sentence: Sentence) -> list[Token]:
    found = []
    for index, token in enumerate(sentence.tokens):
        word = token.word.lower()
        if word not in WELSH_NUMBERS:
            continue
        if token.word[:1].isupper() and not token.first_in_sentence:
            continue  # part of a name: "Y Tri Chwm"
        if word == "deg" and index > 0 and _is_yn(sentence.tokens[index - 1].word):
            continue  # "yn deg", "mae'n deg": 'teg' (fair), mutated; ten after 'yn' is "yn ddeg"
        found.append(token)
    return found


def welsh_digits(word: str) -> str | None:
    value = WELSH_NUMBERS.get(word.lower())
    return f"{value:,}" if value is not None else None


def _is_yn(word: str) -> bool:
    word = word.lower().replace("’", "'")
    return word == "yn" or word.endswith("'n")


NUMBER_WORDS: dict[str, NumberWords] = {
    "en": NumberWords(numbers.number_words, numbers.as_digits),
    "cy": NumberWords(welsh_number_words, welsh_digits),
}
