"""Validation of page front matter against the authoring contract."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..sources import Node, describe, front_matter_node
from .model import EASY_READ_CHOICES, STATUSES, TYPES, Publication

PUBLICATION_KEYS = (
    "title", "subtitle", "type", "status", "published", "review_by",
    "owner", "summary", "numbered", "easy_read", "pdf",
)
# Keys MkDocs and Material themselves read from front matter; not ours to refuse.
THEME_KEYS = ("hide", "template", "icon", "description", "search", "tags")
CHAPTER_KEYS = ("title",)
EASY_READ_PAGE_KEYS = ("title", "checked_by")


def check_page_keys(meta: Mapping[str, Any], allowed: tuple[str, ...], node: Node, what: str) -> list[SourceError]:
    errors = []
    for key in meta:
        if key in allowed or key in THEME_KEYS:
            continue
        hint = " (only the publication's index.md may set it)" if key in PUBLICATION_KEYS else ""
        errors.append(node.error(f"unknown front-matter key {str(key)!r} in {what}{hint}; expected one of: {', '.join(allowed)}", key))
    return errors


def publication_from(slug: str, meta: Any, path: Path, shown: str) -> tuple[Publication, list[SourceError]]:
    """Build a publication from index.md front matter, with defaults for anything wrong."""
    node = front_matter_node(path, meta)
    publication = Publication(slug=slug, source=shown, title=slug.replace("-", " ").capitalize())
    errors = check_page_keys(meta, PUBLICATION_KEYS, node, "a publication's index.md")
    readers = {
        "title": lambda: node.text("title", "a publication"),
        "type": lambda: node.choice("type", TYPES),
        "status": lambda: node.choice("status", STATUSES),
        "subtitle": lambda: node.text("subtitle", "", required=False),
        "published": lambda: node.date("published", required=False),
        "review_by": lambda: node.date("review_by", required=False),
        "owner": lambda: node.text("owner", "", required=False),
        "summary": lambda: node.text("summary", "", required=False),
        "numbered": lambda: node.boolean("numbered", False),
        "pdf": lambda: node.boolean("pdf", True),
        "easy_read": lambda: _easy_read(node),
    }
    for key, read in readers.items():
        try:
            value = read()
        except SourceError as error:
            errors.append(error)
            continue
        if value is not None:
            setattr(publication, key, value)
    for key in ("type", "status"):
        if key not in meta:
            errors.append(node.error(f"a publication's index.md is missing '{key}'; expected one of: {', '.join(TYPES if key == 'type' else STATUSES)}"))
    if "published" not in meta and publication.status not in ("draft",):
        errors.append(node.error("a publication's index.md is missing 'published' (a date like 2018-07-02)"))
    return publication, errors


def _easy_read(node: Node) -> str:
    value = node.data.get("easy_read", False)
    text = str(value).lower() if isinstance(value, bool) else value
    if text not in EASY_READ_CHOICES:
        raise node.error(f"easy_read {describe(value)} is not known; expected true, false or draft", "easy_read")
    return text
