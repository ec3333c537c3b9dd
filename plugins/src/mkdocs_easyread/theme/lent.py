"""Settings made for one build and put back after it.

mkdocs-static-i18n builds each language with the same config object, so a word the
plugin writes into the config (in the language being built) must not stay for the next one.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

_MISSING = object()


class LentSettings:
    def __init__(self) -> None:
        self._undo: list[tuple[MutableMapping[str, Any], str, Any]] = []

    def set(self, mapping: MutableMapping[str, Any], key: str, value: Any) -> None:
        self._undo.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def restore(self) -> None:
        """Put back what was there before, newest first."""
        for mapping, key, previous in reversed(self._undo):
            if previous is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = previous
        self._undo.clear()
