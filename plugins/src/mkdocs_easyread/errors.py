"""The one user-facing error type, and how it reaches the build log.

Every mistake in a council's sources becomes a :class:`SourceError` that names
the file, the line (where there is one) and what was expected. The plugin logs
it as a warning, so ``mkdocs build --strict`` fails while ordinary builds carry
on with the other publications.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
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
        where = shown_path(self.path, root) if root is not None else self.path.as_posix()
        return f"{where}:{self.line}" if self.line else where

    def render(self, root: Path | None = None) -> str:
        return f"{self.location(root)}: {self.message}"

    def __str__(self) -> str:
        return self.render()


def shown_path(path: Path, root: Path) -> str:
    """A source file as a council knows it: relative to the project root when it is inside.

    The path as written comes first, so that a link is named where it is, not where it leads.
    """
    root = root.resolve()
    for candidate in (Path(os.path.abspath(path)), path.resolve()):
        if candidate.is_relative_to(root):
            return candidate.relative_to(root).as_posix()
    return path.as_posix()


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

    def catching(self, subject: str | Path | None = None) -> Catching:
        """Report a :class:`SourceError` raised inside the block instead of stopping the build.

        With a ``subject`` (the source file the block works on), any other exception is reported
        against that file too, so that one publication's failure never stops the others.
        """
        return Catching(self, subject)

    def reset(self) -> None:
        self.errors.clear()
        self._seen.clear()


class Catching:
    """The context of :meth:`Reporter.catching`: a class, not a generator, as it wraps every
    feature's every event on every page."""

    __slots__ = ("reporter", "subject")

    def __init__(self, reporter: Reporter, subject: str | Path | None) -> None:
        self.reporter = reporter
        self.subject = subject

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _traceback: object) -> bool:
        if error is None:
            return False
        if isinstance(error, SourceError):
            self.reporter.warn(error)
            return True
        if not isinstance(error, Exception) or self.subject is None:
            return False
        log.debug("easyread: unexpected error for %s", self.subject, exc_info=error)
        self.reporter.warn(SourceError(self.subject, None, f"easyread stopped on an unexpected error here ({type(error).__name__}: {error}); the rest of the site was built. This is a fault in easyread: please report it with this file"))
        return True


def line_naming(path: Path, reference: str, on_a_line_with: str = "") -> int | None:
    """The first line of the source file that names `reference` (on a line that also has `on_a_line_with`), if one does."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    at = text.find(reference) if reference else -1
    while at >= 0:
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        if on_a_line_with in text[start:end if end >= 0 else len(text)]:
            return text.count("\n", 0, at) + 1
        at = text.find(reference, at + 1)
    return None
