"""Glossary terms and a matcher that finds them in text in one pass."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "term"


@dataclass
class Term:
    term: str
    means: str
    also: list[str] = field(default_factory=list)
    more: str | None = None
    line: int = 1

    @functools.cached_property
    def anchor(self) -> str:
        return slugify(self.term)

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.also]

    @property
    def letter(self) -> str:
        first = self.term.strip()[:1].upper()
        return first if first.isalpha() else "#"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term


class Glossary:
    """Terms by every form; ``find`` scans text once, longest form first, whole words only."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = sorted(terms, key=lambda t: normalise(t.term))
        self._by_form: dict[tuple[str, ...], Term] = {}
        for term in self.terms:
            for form in term.forms:
                self._by_form[tuple(normalise(w) for w in WORD.findall(form))] = term
        self._first_words = {form[0] for form in self._by_form if form}
        self._longest = max((len(form) for form in self._by_form), default=0)

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, words: str) -> Term | None:
        """The term a phrase is a form of (any case), e.g. for bold words in easy read."""
        return self._by_form.get(tuple(normalise(w) for w in WORD.findall(words)))

    def find(self, text: str) -> Iterator[Match]:
        # Same length as ``text``, so token positions stay valid; a word is one token, lower-cased.
        folded = text.replace("’", "'")
        tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(folded)]
        first_words = self._first_words
        index = 0
        while index < len(tokens):
            match = self._match_at(text, tokens, index) if tokens[index][2] in first_words else None
            if match is None:
                index += 1
                continue
            length, term = match
            yield Match(tokens[index][0], tokens[index + length - 1][1], term)
            index += length

    def _match_at(self, text: str, tokens: list[tuple[int, int, str]], index: int) -> tuple[int, Term] | None:
        for length in range(min(self._longest, len(tokens) - index), 0, -1):
            window = tokens[index:index + length]
            if any(text[a[1]:b[0]].strip() for a, b in itertools.pairwise(window)):
                continue  # words of a term are separated by spaces only
            term = self._by_form.get(tuple(t[2] for t in window))
            if term is not None:
                return length, term
        return None
