"""Glossary terms and a matcher that finds them in text in one pass."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
MAX_FORM = 100  # characters: a term is a few words; longer text is a mistake, and is not matched


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
        self._by_form: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                key = form_key(form)
                if key and len(form) <= MAX_FORM:
                    self._by_form[key] = term
        self._pattern = _trie_pattern(self._by_form)

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, words: str) -> Term | None:
        """The term a phrase is a form of (any case), e.g. for bold words in easy read."""
        return self._by_form.get(form_key(words))

    def find(self, text: str) -> Iterator[Match]:
        if self._pattern is None:
            return
        for found in self._pattern.finditer(_fold(text)):
            # The match is folded words and white space, so this is its form_key.
            term = self._by_form.get(" ".join(found.group().split()))
            if term is not None:
                yield Match(found.start(), found.end(), term)


def form_key(words: str) -> str:
    """A form as the matcher sees it: its words, lower case, one space apart."""
    return " ".join(w.lower() for w in WORD.findall(words.replace("’", "'")))


def _fold(text: str) -> str:
    """Lower case and straight apostrophes, keeping every offset (a character never becomes two)."""
    straight = text.replace("’", "'")
    folded = straight.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := char.lower()) == 1 else char for char in straight)


# A match starts and ends where a word does: not after a letter or digit (allowing
# one or two joining hyphens or apostrophes, as in "self-care"), and not before more
# of the same word. Between the words of a form there is only white space.
_START = r"(?<!\w)(?<![^\W_]['-])(?<![^\W_]['-]{2})"
_END = r"(?![\w'-]*[^\W_])"


def _trie_pattern(forms: dict[str, Term]) -> re.Pattern[str] | None:
    """One regular expression for every form, shaped as a trie so each position is tried once."""
    if not forms:
        return None
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_START + "(?:" + _alternatives(trie) + ")" + _END)


def _alternatives(node: dict) -> str:
    branches = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        chars = [char]
        while len(child) == 1 and "" not in child:  # a run with no choices is one literal
            ((char, child),) = child.items()
            chars.append(char)
        branches.append("".join(r"\s+" if c == " " else re.escape(c) for c in chars) + _alternatives(child))
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a form ends and a longer one goes on, try the longer first (greedy ``?``).
    return f"(?:{group})?" if "" in node else group
