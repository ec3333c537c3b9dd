"""Ids as the author wrote them.

YAML reads ``id: 1.10`` as the number 1.1 and ``[1.10, 2]`` as numbers too, but
committee action plans number things 1.1, 1.10, 2.3. We take such values back
from the source text, using the line and column the YAML loader kept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..sources import describe

RAW_SCALAR = re.compile(r"[^\s,\]\}#]+")


class SourceLines:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def value_text(self, mapping: Any, key: str, line: int, what: str) -> str:
        """``mapping[key]`` as text, as written."""
        try:
            row, column = mapping.lc.value(key)
        except (AttributeError, KeyError, TypeError):
            row = column = None
        return self._text(mapping[key], row, column, line, what)

    def item_text(self, sequence: Any, index: int, line: int, what: str) -> str:
        """``sequence[index]`` as text, as written."""
        try:
            row, column = sequence.lc.item(index)
            line = row + 1
        except (AttributeError, KeyError, IndexError, TypeError):
            row = column = None
        return self._text(sequence[index], row, column, line, what)

    def _text(self, value: Any, row: int | None, column: int | None, line: int, what: str) -> str:
        if value is None or isinstance(value, (dict, list, bool)) or str(value).strip() == "":
            raise SourceError(self.path, line, f"{what} must be text; got {describe(value)}")
        if isinstance(value, (int, float)) and row is not None and 0 <= row < len(self.lines):
            match = RAW_SCALAR.match(self.lines[row], column)
            if match:
                return match.group(0)
        return str(value).strip()
