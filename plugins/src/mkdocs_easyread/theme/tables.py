"""Wide tables scroll sideways in a region that a keyboard can reach and a screen reader names.

On a phone a table wider than the screen scrolls inside its own box (WCAG 1.4.10), but
a box that scrolls must be reachable by keyboard (axe: scrollable-region-focusable) and
a focusable box needs a name. Each plain table of a page's content (no class, no role:
those Material wraps to scroll) is put in ``theme/components/table-region.html``, named
after its caption, else the nearest heading above it, else the page's title.

The page's HTML is read with a tolerant parser only to find where each table starts and
ends; everything else is left exactly as it was written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markupsafe import Markup

from ..html_names import HEADINGS, VOID

RenderRegion = Callable[..., str]
# A well-formed <table> start tag, read without the parser: one with a class or role is never wrapped.
SPACE = "[ \t\n\r\f]"
ATTRIBUTE = rf"""{SPACE}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:{SPACE}*={SPACE}*(?:"[^"]*"|'[^']*'|[^ \t\n\r\f"'=<>`]+))?"""
TABLE_START_TAG = re.compile(rf"<table((?:{ATTRIBUTE})*){SPACE}*/?>")
ATTRIBUTE_NAME = re.compile(ATTRIBUTE)
NEWLINE = re.compile("\n")
NOT_NEWLINE = re.compile("[^\n]+")
# From an <svg start tag to the first </svg> after it (an <svg> inside another ends the blank early:
# the rest of the outer one is parsed, as before).
SVG_ELEMENT = re.compile(r"<svg[\s>].*?</svg\s*>", re.DOTALL | re.IGNORECASE)


@dataclass
class FoundTable:
    start: int
    end: int = -1
    heading: str = ""
    caption: list[str] = field(default_factory=list)


class _TableFinder(HTMLParser):
    """Records the span, caption and preceding heading of each outermost plain table."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [newline.end() for newline in NEWLINE.finditer(html)]
        self.tables: list[FoundTable] = []
        self._open: list[tuple[str, str]] = []  # open elements: (tag, "region", "permalink" or "")
        self._heading: list[str] | None = None
        self._last_heading = ""
        self._table: FoundTable | None = None
        self._table_depth = 0
        self._in_caption = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "table":
            self._start_table(values)
        elif tag == "caption" and self._table_depth == 1:
            self._in_caption = True
        elif tag in HEADINGS and self._table is None:
            self._heading = []
        if tag not in VOID:
            self._open.append((tag, _kind(values)))

    def _start_table(self, values: dict[str, str]) -> None:
        self._table_depth += 1
        if self._table_depth > 1:
            return
        in_region = any(kind == "region" for _, kind in self._open)
        if "class" not in values and "role" not in values and not in_region:
            self._table = FoundTable(self._offset(), heading=self._last_heading)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break
        if tag == "caption":
            self._in_caption = False
        elif tag in HEADINGS and self._heading is not None:
            self._last_heading = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if self._table_depth == 0 and self._table is not None:
                self._table.end = self.html.index(">", self._offset()) + 1
                self.tables.append(self._table)
                self._table = None

    def handle_data(self, data: str) -> None:
        if any(kind == "permalink" for _, kind in self._open):
            return  # a heading's permalink sign is not part of its name
        if self._in_caption and self._table is not None:
            self._table.caption.append(data)
        elif self._heading is not None:
            self._heading.append(data)


def _kind(values: dict[str, str]) -> str:
    if values.get("role") == "region":
        return "region"
    return "permalink" if "headerlink" in values.get("class", "").split() else ""


def find_tables(html: str) -> list[FoundTable]:
    finder = _TableFinder(html)
    finder.feed(without_svg(html))
    finder.close()
    return [table for table in finder.tables if table.end > table.start]


def without_svg(html: str) -> str:
    """``html`` with each inline SVG blanked out, every character but its line breaks a space, so that
    the parser's offsets are those of ``html``. A chart's or an icon's drawing holds no table or
    heading, and its long path data costs the parser more than all the rest of the page."""
    if "<svg" not in html:
        return html
    return SVG_ELEMENT.sub(lambda svg: NOT_NEWLINE.sub(" ", svg.group(0)), html)


def may_hold_plain_table(html: str) -> bool:
    """False when every ``<table`` in ``html`` is a well-formed start tag with a class or role (Material's,
    the outcome tracker's): then the parse, milliseconds a page, would find nothing to wrap."""
    position = html.find("<table")
    while position != -1:
        tag = TABLE_START_TAG.match(html, position)
        if tag is None or not {name.lower() for name in ATTRIBUTE_NAME.findall(tag.group(1))} & {"class", "role"}:
            return True
        position = html.find("<table", position + 1)
    return False


def wrap_tables(html: str, render_region: RenderRegion, page_title: str) -> str:
    """``html`` with each plain table in a named, focusable scroll region."""
    if not may_hold_plain_table(html):
        return html
    tables = find_tables(html)
    if not tables:
        return html
    names: Counter[str] = Counter()
    parts, cursor = [], 0
    for table in tables:
        caption = " ".join("".join(table.caption).split())
        name = caption or table.heading or page_title
        names[name] += 1
        parts.append(html[cursor:table.start])
        parts.append(render_region(table=Markup(html[table.start:table.end]), title=name, number=names[name]))
        cursor = table.end
    parts.append(html[cursor:])
    return "".join(parts)
