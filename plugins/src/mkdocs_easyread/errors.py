"""The one user-facing error type, and how it reaches the build log.

Every mistake in a council's sources becomes a :class:`SourceError` that names
the file, the line (where there is one) and what was expected. The plugin logs
it as a warning, so ``mkdocs build --strict`` fails while ordinary builds carry
on with the other publications.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.easyread")


class SourceError(Exception):
    """A problem in a council's source file, shown to them as ``file:line: message``."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.message = message

    def location(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        where = shown.as_posix()
        return f"{where}:{self.line}" if self.line else where

    def render(self, root: Path | None = None) -> str:
        return f"{self.location(root)}: {self.message}"

    def __str__(self) -> str:
        return self.render()


@dataclass
class Reporter:
    """Collects errors for one build and logs each once, relative to the project root."""

    root: Path
    errors: list[SourceError] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def warn(self, error: SourceError) -> None:
        text = error.render(self.root)
        if text in self._seen:
            return
        self._seen.add(text)
        self.errors.append(error)
        log.warning(text)

    def warn_all(self, errors: Iterable[SourceError]) -> None:
        for error in errors:
            self.warn(error)

    @contextmanager
    def catching(self) -> Iterator[None]:
        """Report a :class:`SourceError` raised inside the block instead of stopping the build."""
        try:
            yield
        except SourceError as error:
            self.warn(error)

    def reset(self) -> None:
        self.errors.clear()
        self._seen.clear()
