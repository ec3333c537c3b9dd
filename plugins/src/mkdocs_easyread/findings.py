"""Findings of the checkers (easy read, glossary): shown in the log and on the review page.

Warnings are logged one by one (they fail ``--strict``). Suggestions are many and never fail a
build, so the log lists them only with ``mkdocs build --verbose`` (DEBUG) and otherwise says how
many there are in one line at the end (``summarise``), so that the warnings are not buried.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Reporter, SourceError, log


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int | None
    rule: str  # e.g. "long-sentence", "unknown-bold-word"
    message: str
    page_url: str  # where the reader sees it, for links from the review page
    suggestion: bool = False  # suggestions are listed but never fail a build


def report(reporter: Reporter, findings: list[Finding], finding: Finding) -> None:
    """Warnings are logged now and fail --strict; suggestions are listed only with --verbose."""
    findings.append(finding)
    error = SourceError(finding.path, finding.line, finding.message)
    if finding.suggestion:
        log.debug("suggestion: %s", error.render(reporter.root))
    else:
        reporter.warn(error)


def summarise(findings: list[Finding]) -> None:
    """One line for all the suggestions of a build, once every page is checked."""
    count = sum(1 for finding in findings if finding.suggestion)
    if count:
        log.info("%s: see the review page or build with --verbose", "1 suggestion" if count == 1 else f"{count:,} suggestions")
