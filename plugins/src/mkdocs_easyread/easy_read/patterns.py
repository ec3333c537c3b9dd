"""Pyphen's hyphenation patterns, read once and kept in the plugin's cache folder.

Pyphen reads a dictionary's ten thousand patterns line by line in Python each time a
process first uses it: half a billion instructions, a tenth of the build of a site of a
hundred pages with easy read. The patterns it ends up with are kept as JSON (data, never
code) under a name that holds a digest of the dictionary file and Pyphen's version, and
given to Pyphen the next time, in the form its own reading makes (``pyphen.HyphDict``).
A dictionary with patterns JSON cannot hold, or a file that cannot be read or written,
only means Pyphen reads the dictionary itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import pyphen

from ..output import write_atomically

log = logging.getLogger("mkdocs.plugins.easyread")
_FOLDER: ContextVar[Path | None] = ContextVar("easyread_hyphenation_cache", default=None)


def keep_patterns_in(folder: Path | None) -> None:
    """From now on (in this build), keep the patterns Pyphen reads in ``folder``."""
    _FOLDER.set(folder)


def kept_patterns(language: str) -> None:
    """Give Pyphen the patterns of ``language``'s dictionary from the cache folder, or keep them there."""
    folder = _FOLDER.get()
    try:
        path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    except (KeyError, TypeError):
        return  # Pyphen will say what it says of an unknown language
    if folder is None or path in pyphen.hdcache:
        return
    try:
        kept = folder / f"{language}-{_digest(path)}.json"
        if kept.is_file():
            pyphen.hdcache[path] = _dictionary_from(json.loads(kept.read_text(encoding="utf-8")))
            return
        dictionary = pyphen.hdcache[path] = pyphen.HyphDict(path)
        patterns = _as_data(dictionary.patterns)
        if patterns is not None:
            write_atomically(kept, json.dumps(patterns, ensure_ascii=False, separators=(",", ":")))
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        log.debug("easyread: hyphenation patterns of %s not kept: %s", language, error)


def _digest(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes())
    digest.update(pyphen.__version__.encode())
    return digest.hexdigest()[:32]


def _as_data(patterns: dict[str, tuple[int, tuple[int, ...]]]) -> dict[str, list[Any]] | None:
    """The patterns as JSON data, or None when one holds a nonstandard alternative (an int with data)."""
    if any(type(value) is not int for _, values in patterns.values() for value in values):
        return None
    return {key: [start, list(values)] for key, (start, values) in patterns.items()}


def _dictionary_from(data: dict[str, list[Any]]) -> pyphen.HyphDict:
    if not data or not all(isinstance(start, int) and all(type(v) is int for v in values) for start, values in data.values()):
        raise ValueError("not a list of patterns")
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = {key: (start, tuple(values)) for key, (start, values) in data.items()}
    dictionary.cache = {}
    dictionary.maxlen = max(len(key) for key in dictionary.patterns)
    return dictionary
