"""A publication: a folder under docs_dir with an index.md, and its chapters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..languages.speaking import N_
from ..languages.speaking import gettext as _


# The English names are message ids: translated when read, in the language being written.
TYPES = {
    "strategy": N_("Strategy"),
    "quality-report": N_("Quality report"),
    "action-plan": N_("Action plan"),
    "committee-report": N_("Committee report"),
    "news": N_("News"),
    "guidance": N_("Guidance"),
}
STATUSES = {
    "draft": N_("Draft"),
    "consultation": N_("Consultation"),
    "published": N_("Published"),
    "archived": N_("Archived"),
}
EASY_READ_CHOICES = ("true", "false", "draft")
# paragraphs: 1, 2, 3 ... straight through the publication; sections: 1, 1.1, 1.1.1 under numbered headings.
NUMBERING = ("paragraphs", "sections", "false")
COVERED_TYPES = ("strategy", "quality-report", "action-plan", "guidance")  # a PDF cover earns its page for these
COMMITTEE_KEYS = ("committee", "meeting", "item", "report_of", "divisions")


def status_name(status: str) -> str:
    """A publication status's name in the language being written (navigation, banners, lists)."""
    return _(STATUSES[status]) if status in STATUSES else status


@dataclass(frozen=True)
class Contact:
    """An officer to contact about a committee report, or a press contact for news."""

    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class Committee:
    """The header every committee report carries, as a committee pack prints it."""

    committee: str | None = None
    meeting: dt.date | None = None
    item: str | None = None
    report_of: str | None = None
    divisions: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.committee, self.meeting, self.item, self.report_of, self.divisions))


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
    closes: dt.date | None = None  # a consultation's closing date
    owner: str | None = None
    organisation: str | None = None  # overrides the site's (a partner's paper published by the council)
    summary: str | None = None
    numbered: str = "false"  # one of NUMBERING
    easy_read: str = "false"
    pdf: bool = True
    about: str | None = None  # news: the folder of the publication it is about
    language: str | None = None  # front matter `language:`, else the language its index.md is written in
    contacts: list[Contact] = field(default_factory=list)
    committee: Committee = field(default_factory=Committee)
    lines: dict[str, int] = field(default_factory=dict)  # front-matter lines of keys checked after loading
    paragraphs: dict[str, str] = field(default_factory=dict)  # numbered paragraph label ("13", "3.2") -> chapter src_uri
    url: str = ""
    chapters: list[str] = field(default_factory=list)  # src_uris in reading order, index first

    @property
    def type_label(self) -> str:
        """The type's name in the language being written."""
        return _(TYPES[self.type]) if self.type in TYPES else self.type

    @property
    def status_label(self) -> str:
        """The status's name in the language being written."""
        return status_name(self.status)

    @property
    def in_review(self) -> bool:
        return self.status in ("draft", "consultation")

    @property
    def is_numbered(self) -> bool:
        return self.numbered != "false"

    @property
    def is_news(self) -> bool:
        return self.type == "news"

    @property
    def has_cover(self) -> bool:
        """Strategies, quality reports and action plans get a PDF cover; reports and news start with their header."""
        return self.type in COVERED_TYPES

    def organisation_or(self, site_organisation: str) -> str:
        return self.organisation or site_organisation

    def overdue_for_review(self, today: dt.date) -> bool:
        return self.review_by is not None and self.review_by < today and self.status != "archived"

    def is_closed(self, today: dt.date) -> bool:
        """A consultation whose closing date has passed."""
        return self.closes is not None and self.closes < today

    def takes_comments(self, today: dt.date) -> bool:
        """A draft or consultation that has not closed: offered for comment and review packs."""
        return self.in_review and not self.is_closed(today)
