"""Numbers written as words ('five', 'twenty-one', 'a hundred'), but not 'one' as a pronoun."""

from __future__ import annotations

from .text import Sentence, Token

UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VALUES: dict[str, int] = {word: value for value, word in enumerate(UNITS)} | TENS | SCALES

# "no one", "the one", "this one", "each one": 'one' stands for a thing or a person, not a number.
DETERMINERS = {"no", "the", "this", "that", "which", "each", "every", "any", "a", "an", "another", "other", "whichever"}
NOT_NUMBERS = {"one-off"}


def number_words(sentence: Sentence) -> list[Token]:
    """Tokens of a sentence that are numbers written as words."""
    found = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        word = _normal(token.word)
        if not _is_number_word(word):
            continue
        if token.word[:1].isupper() and not token.first_in_sentence:
            continue  # part of a name: "the Five Year Forward View"
        if word == "one" and _is_pronoun(tokens, index):
            continue
        found.append(token)
    return found


def as_digits(word: str) -> str | None:
    """'five' -> '5', 'twenty-one' -> '21'; None where there is no simple answer."""
    parts = _normal(word).split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in VALUES and VALUES[parts[1]] < 10:
        return str(TENS[parts[0]] + VALUES[parts[1]])
    value = VALUES.get(parts[0]) if len(parts) == 1 else None
    return f"{value:,}" if value is not None else None


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def _is_number_word(word: str) -> bool:
    if word in NOT_NUMBERS:
        return False
    return word.split("-")[0] in VALUES


def _is_pronoun(tokens: list[Token], index: int) -> bool:
    before = [_normal(t.word) for t in tokens[max(0, index - 2):index]]
    after = _normal(tokens[index + 1].word) if index + 1 < len(tokens) else ""
    if after == "another":
        return True  # "help one another"
    if before and before[-1] in DETERMINERS:
        return True  # "no one", "the one", "each one"
    # "the right one", "a new one": a determiner, then a describing word that is not a number
    return len(before) == 2 and before[0] in DETERMINERS and not _is_number_word(before[1])
