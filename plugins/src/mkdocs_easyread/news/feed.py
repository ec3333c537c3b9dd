"""The Atom 1.0 feed of the news, made with feedgen.

Every date comes from the sources (an item's `published` at 00:00 UTC) or from the
build's date (SOURCE_DATE_EPOCH), never the clock, so that two builds write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin


from ..publications.model import Publication


@dataclass(frozen=True)
class FeedDetails:
    site_url: str  # ends with "/"
    feed_url: str  # site-relative, e.g. "news/feed.xml"
    page_url: str  # site-relative, e.g. "news/"
    title: str
    author: str
    language: str
    today: dt.date


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def atom_feed(items: list[Publication], details: FeedDetails) -> bytes:
    """``items`` newest first; each must have a ``published`` date."""
    from feedgen.feed import FeedGenerator  # with lxml and dateutil: loaded only by a site with news

    absolute = lambda url: urljoin(details.site_url, url)  # noqa: E731
    feed = FeedGenerator()
    feed.id(absolute(details.page_url))
    feed.title(details.title)
    feed.updated(midnight(max((p.published for p in items), default=details.today)))
    feed.link(href=absolute(details.feed_url), rel="self", type="application/atom+xml")
    feed.link(href=absolute(details.page_url), rel="alternate", type="text/html")
    feed.author(name=details.author)
    feed.language(details.language)
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(absolute(item.url))
        entry.title(item.title)
        entry.published(midnight(item.published))
        entry.updated(midnight(item.published))
        entry.link(href=absolute(item.url), rel="alternate", type="text/html")
        if item.summary:
            entry.summary(item.summary)
    return feed.atom_str(pretty=True)
