"""Regular expressions that start with a fixed piece of text, found by that text first.

Python's regular expression engine looks for a pattern's literal start two to three
times slower than ``str.find`` looks for a long text, and the theme's fixes each pass
over every whole page (50 KB, mostly navigation) to change a few places in it. A
:class:`Prefixed` pattern finds each place with ``str.find`` and runs the
expression only there; its matches are those of ``pattern.finditer``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


SPECIAL = set(".^$*+?{}[]\\|()")  # characters that do not stand for themselves in a pattern


@dataclass(frozen=True)
class Prefixed:
    literal: str
    pattern: re.Pattern[str]

    @classmethod
    def compile(cls, literal: str, pattern: str, flags: int = 0) -> Prefixed:
        """``re.compile(pattern, flags)``, where every match starts with ``literal``: the pattern starts
        with it, or with a group that does. Matched case-sensitively, as ``str.find`` finds."""
        plain = literal and not set(literal) & SPECIAL and not flags & (re.IGNORECASE | re.VERBOSE)
        if not plain or not pattern.removeprefix("(").startswith(literal):
            raise ValueError(f"{pattern!r} does not start with the plain text {literal!r}")
        return cls(literal, re.compile(pattern, flags))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = text.find(self.literal)
        while position != -1:
            match = self.pattern.match(text, position)
            position = text.find(self.literal, match.end() if match else position + 1)
            if match:
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[tuple[str, ...]] | list[str]:
        return [_found(match) for match in self.finditer(text)]

    def sub(self, replace: Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        """``pattern.sub(replace, text, count)``; a text with no match is returned as it is, not copied."""
        matches = self.finditer(text)
        return substitute(text, itertools.islice(matches, count) if count else matches, replace)


def substitute(text: str, matches: Iterable[re.Match[str]], replace: Callable[[re.Match[str]], str]) -> str:
    """``text`` with each of ``matches`` (in order, not overlapping) replaced by ``replace(match)``."""
    parts, cursor = [], 0
    for match in matches:
        parts += (text[cursor:match.start()], replace(match))
        cursor = match.end()
    if not parts:
        return text
    parts.append(text[cursor:])
    return "".join(parts)


def _found(match: re.Match[str]) -> tuple[str, ...] | str:
    """What ``findall`` gives for one match: the whole match, the one group, or every group."""
    groups = match.groups(default="")
    if not groups:
        return match.group()
    return groups[0] if len(groups) == 1 else groups
