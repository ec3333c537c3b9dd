"""The easy-read pages of a build: where each came from, its standard version and its sign-off.

Held on ``build.extra["easy_read"]`` for other features (the review page lists
pages not yet checked; PDFs make an easy-read file for a publication that has one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..sources import Node, parse_date
from .drafts import Draft

PREFIX = "easy-read/"
HOME = "easy-read/index.md"
CHECKED_WITH_DATE = re.compile(r"^(?P<who>.*?),?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})$")


@dataclass
class SignOff:
    who: str
    date: dt.date | None = None


@dataclass
class EasyReadPage:
    src_uri: str  # easy-read/ld-strategy/vision.md
    kind: str  # "source" (written by a person) | "draft" (first draft) | "home" | "generated" (by another feature)
    source: Path | None = None  # easyread/ld-strategy/vision.md; for a draft, the standard page it came from
    title: str | None = None
    signed_off: SignOff | None = None
    draft: Draft | None = None

    @property
    def slug(self) -> str:
        parts = self.src_uri.split("/")
        return parts[1] if len(parts) > 2 else ""

    @property
    def standard_uri(self) -> str:
        return self.src_uri[len(PREFIX):]

    @property
    def checked(self) -> bool:
        return self.signed_off is not None

    @property
    def needs_sign_off(self) -> bool:
        return self.kind in ("source", "draft")


@dataclass
class EasyReadSite:
    pages: dict[str, EasyReadPage] = field(default_factory=dict)

    def get(self, src_uri: str) -> EasyReadPage | None:
        return self.pages.get(src_uri)

    def of_publication(self, slug: str) -> list[EasyReadPage]:
        return [page for page in self.pages.values() if page.slug == slug]

    def unchecked(self) -> list[EasyReadPage]:
        return [page for page in self.pages.values() if page.needs_sign_off and not page.checked]

    @property
    def home(self) -> EasyReadPage | None:
        return self.pages.get(HOME)


def easy_read_uri(standard_uri: str) -> str:
    return PREFIX + standard_uri


def is_easy_read(src_uri: str) -> bool:
    return src_uri.startswith(PREFIX)


def sign_off(node: Node) -> SignOff | None:
    """``checked_by: Co-production group, 2018-06-12`` from an easy-read page's front matter."""
    value: Any = node.data.get("checked_by")
    if value is None or value == "":
        return None
    if not isinstance(value, (str, int, float)):
        raise node.error("checked_by must be text, like 'checked_by: Co-production group, 2018-06-12'", "checked_by")
    text = " ".join(str(value).split())
    match = CHECKED_WITH_DATE.match(text)
    if not match:
        return SignOff(text)
    try:
        date = parse_date(match["date"], node.path, node.line_of("checked_by"), "checked_by date")
    except SourceError as error:
        raise SourceError(error.path, error.line, f"{error.message} (in checked_by {text!r})") from None
    return SignOff(match["who"].strip(" ,") or text, date)
