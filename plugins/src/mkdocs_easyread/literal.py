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
from re import _constants, _parser  # type: ignore[attr-defined]  # the regex compiler's own reading of a pattern
from typing import Any


@dataclass(frozen=True)
class Prefixed:
    literal: str
    pattern: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> Prefixed:
        """``re.compile(pattern, flags)``, found by the text every match starts with, as the regex
        compiler itself reads it (a quantified or alternative part ends it). Case-sensitive only."""
        parsed = _parser.parse(pattern, flags)
        literal, _ = _literal_start(parsed) if not parsed.state.flags & re.IGNORECASE else ("", False)
        if not literal:
            raise ValueError(f"{pattern!r} does not start with plain text matched case-sensitively")
        return cls(literal, re.compile(pattern, flags))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = text.find(self.literal)
        while position != -1:
            match = self.pattern.match(text, position)
            position = text.find(self.literal, match.end() if match else position + 1)
            if match:
                yield match

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


def _literal_start(items: Iterable[tuple[Any, Any]]) -> tuple[str, bool]:
    """The characters a parsed pattern must start with, and whether they are the whole of it."""
    text = ""
    for op, value in items:
        if op is _constants.LITERAL:
            text += chr(value)
        elif op is _constants.SUBPATTERN and not value[1] & re.IGNORECASE:  # (group, added flags, removed flags, items)
            inner, whole = _literal_start(value[3])
            text += inner
            if not whole:
                return text, False
        else:
            return text, False
    return text, True
