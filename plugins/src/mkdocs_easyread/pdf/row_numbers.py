"""Numbered rows for the review pack: each row of an easy-read chapter gets a number, like 2.3 (part 2, row 3).

A row is the easy-read feature's `.er-row` (words beside their picture). Anything
else a page shows outside its headings (a paragraph without a picture, a table,
each word in the "Hard words" box) is numbered as a row too, so that a group can
comment on every part of the page. The number is text, so it is tagged; the ruled space
under each row is drawn by review-pack.css as backgrounds, which the PDF marks
as decoration.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from ..html_names import HEADINGS
from ..languages.speaking import gettext as _

BLOCKS = {"p", "ul", "ol", "dl", "table", "blockquote", "figure", "pre", "div", "section", "details", "aside"}
LISTS = {"ul", "ol"}
NOT_PRINTED = {"er-feedback", "er-downloads", "er-az", "md-source-file"}  # hidden by base.css
ROW_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' er-row ')"
HOLDS_ROWS = f".//*[{ROW_CLASS}] | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"  # entered, not numbered whole


def number_rows(chapter_html: str, part: int) -> str:
    """The chapter (a `section.er-chapter`) with its rows numbered `<part>.<row>` and a "Part <part>" line."""
    root = lxml_html.fragment_fromstring(chapter_html)
    Numberer(part).number_in(root)
    add_part_label(root, part)
    return etree.tostring(root, method="html", encoding="unicode")


class Numberer:
    def __init__(self, part: int) -> None:
        self.part = part
        self.rows: Iterator[int] = itertools.count(1)

    def number_in(self, container: etree._Element) -> None:
        """Number the rows of a container, in reading order; containers with rows or headings are entered."""
        for child in list(container):
            if not isinstance(child.tag, str):
                continue
            tag = child.tag.lower()
            if tag in HEADINGS or not_printed(child):
                continue
            if "er-row" in classes(child):
                self.mark_row(child)
            elif child.xpath(HOLDS_ROWS) or is_grouped_list(child):
                self.number_in(child)
            elif tag == "li" or (tag == "div" and container.tag.lower() == "dl"):
                self.mark_item(child)
            elif tag in BLOCKS:
                self.wrap_block(child)

    def number(self) -> etree._Element:
        number = lxml_html.Element("span", {"class": "er-pack-number"})
        number.text = f"{self.part}.{next(self.rows)}"
        return number

    def mark_row(self, row: etree._Element) -> None:
        """An easy-read row: the number goes first, before the picture."""
        number = self.number()
        number.tail, row.text = row.text, None
        row.insert(0, number)
        add_class(row, "er-pack-row")
        mark_list(row)

    def mark_item(self, item: etree._Element) -> None:
        """A list item without a picture, or a term and its meaning ("Hard words"): its words move beside the number."""
        body = lxml_html.Element("div", {"class": "er-pack-body"})
        body.text, item.text = item.text, None
        body.extend(list(item))
        item.append(self.number())
        item.append(body)
        add_class(item, "er-pack-row er-pack-row--plain")
        mark_list(item)

    def wrap_block(self, block: etree._Element) -> None:
        """Any other block: wrapped in a row of its own, beside its number."""
        row = lxml_html.Element("div", {"class": "er-pack-row er-pack-row--plain"})
        row.append(self.number())
        body = etree.SubElement(row, "div", {"class": "er-pack-body"})
        row.tail, block.tail = block.tail, None
        block.addprevious(row)
        body.append(block)  # moves it


def add_part_label(root: etree._Element, part: int) -> None:
    """'Part 2' above the chapter's heading: the first half of each of its row numbers."""
    label = lxml_html.Element("p", {"class": "er-pack-part"})
    # Translators: above each part of the easy-read review pack; its rows are numbered "2.1", "2.2"...
    label.text = _("Part {number}").format(number=part)
    heading = root.find(".//h1")
    if heading is None:
        root.insert(0, label)
    else:
        heading.addprevious(label)


def is_grouped_list(element: etree._Element) -> bool:
    """A description list of `<div>` groups, like the "Hard words" box: each term is numbered."""
    return element.tag.lower() == "dl" and any(isinstance(kid.tag, str) and kid.tag.lower() == "div" for kid in element)


def mark_list(item: etree._Element) -> None:
    """A list whose items are numbered loses its bullets: the number stands first."""
    parent = item.getparent()
    in_list = item.tag.lower() == "li" and parent is not None and parent.tag.lower() in LISTS
    if in_list and "er-pack-list" not in classes(parent):
        add_class(parent, "er-pack-list")


def classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def add_class(element: etree._Element, names: str) -> None:
    element.set("class", " ".join([*classes(element), *names.split()]))


def not_printed(element: etree._Element) -> bool:
    return any(name in NOT_PRINTED for name in classes(element))
