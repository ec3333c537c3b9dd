"""Findings of the checkers (easy read, glossary): shown in the log and on the review page."""

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
    """Warnings fail --strict; suggestions are logged at INFO."""
    findings.append(finding)
    error = SourceError(finding.path, finding.line, finding.message)
    if finding.suggestion:
        log.info("suggestion: %s", error.render(reporter.root))
    else:
        reporter.warn(error)
