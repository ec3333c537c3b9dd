"""A publication: a folder under docs_dir with an index.md, and its chapters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TYPES = {
    "strategy": "Strategy",
    "quality-report": "Quality report",
    "action-plan": "Action plan",
    "committee-report": "Committee report",
    "news": "News",
}
STATUSES = {
    "draft": "Draft",
    "consultation": "Consultation",
    "published": "Published",
    "archived": "Archived",
}
EASY_READ_CHOICES = ("true", "false", "draft")


@dataclass
class Publication:
    slug: str
    source: str  # path of index.md, as shown in messages
    title: str
    type: str = "strategy"
    status: str = "draft"
    subtitle: str | None = None
    published: dt.date | None = None
    review_by: dt.date | None = None
    owner: str | None = None
    summary: str | None = None
    numbered: bool = False
    easy_read: str = "false"
    pdf: bool = True
    url: str = ""
    chapters: list[str] = field(default_factory=list)  # src_uris in reading order, index first

    @property
    def type_label(self) -> str:
        return TYPES.get(self.type, self.type)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def in_review(self) -> bool:
        return self.status in ("draft", "consultation")

    def overdue_for_review(self, today: dt.date) -> bool:
        return self.review_by is not None and self.review_by < today and self.status != "archived"
