"""``paragraph: 13`` citations: where each one links, and which point at nothing.

The publication's ``paragraphs`` (label -> chapter src_uri) is filled while its
chapters render, before any generated page; so links are made when a tracker
page renders, and citations are checked in on_env, once each, when every
chapter has been read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from ..errors import SourceError
from .model import Citation, Plan

if TYPE_CHECKING:
    from mkdocs.structure.files import File

    from ..publications.model import Publication


def paragraph_href(citation: Citation, publication: Publication, file_at: Callable[[str], File | None],
                   here: File) -> str | None:
    """The link from ``here`` to the cited paragraph, or None when the report has no such paragraph.

    ``file_at``: the site's file at a src_uri as MkDocs wrote it (``Build.file_at``)."""
    src_uri = publication.paragraphs.get(citation.label)
    chapter = file_at(src_uri) if src_uri else None
    if chapter is None:
        return None
    return f"{get_relative_url(chapter.url, here.url)}#{citation.anchor}"


def citation_errors(plan: Plan, publication: Publication, path: Path) -> list[SourceError]:
    """One error for each citation of a paragraph the publication does not have."""
    errors = []
    for what, citation in plan.citations():
        if not publication.is_numbered:
            message = (f"{what} cites paragraph {citation.label}, but {publication.source} does not number its "
                       f"paragraphs; set numbered: paragraphs in index.md, or remove the citation")
        elif citation.label not in publication.paragraphs:
            message = f"{what} cites paragraph {citation.label}, which is not in the report; {_has(publication)}"
        else:
            continue
        errors.append(SourceError(path, citation.line, message))
    return errors


def _has(publication: Publication) -> str:
    labels = sorted(publication.paragraphs, key=_natural)
    if not labels:
        return "the report has no numbered paragraphs"
    if len(labels) == 1:
        return f"the report has only paragraph {labels[0]}"
    return f"the report has paragraphs {labels[0]} to {labels[-1]}"


def _natural(label: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", label)]
