"""Which news items a reader sees, and in which order."""

from __future__ import annotations

from collections.abc import Iterable

from ..publications.model import Publication


def listed(publications: Iterable[Publication], review: bool) -> list[Publication]:
    """News items newest first; drafts (only while reviewing) and items without a date last."""
    items = [p for p in publications if p.is_news and (review or p.status != "draft")]
    return sorted(items, key=lambda p: (p.published is None, -(p.published.toordinal() if p.published else 0), p.title.lower()))


def in_feed(items: Iterable[Publication], limit: int) -> list[Publication]:
    """What a feed reader gets: the newest `limit` public items with a date (an Atom entry needs one)."""
    return [p for p in items if p.status != "draft" and p.published is not None][:max(limit, 0)]


def about(items: Iterable[Publication], slug: str) -> list[Publication]:
    return [p for p in items if p.about == slug]
