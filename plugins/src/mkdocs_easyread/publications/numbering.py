"""Committee-report numbering, as councils number their reports, with stable anchors.

- ``paragraphs``: body paragraphs and the items of top-level lists are numbered 1, 2, 3 ...
  straight through a publication's chapters; headings are not numbered.
- ``sections``: headings are numbered 1, 1.1, 1.1.1 and, under heading "1", paragraphs and
  sub-headings share one counter (1.1, 1.2, 1.3 ...).

Either way "paragraph 13" names exactly one place, linked as ``#paragraph-13``. An ordered
list written with letters or roman numerals (``a)``, ``i.``) holds the sub-points of the
paragraph before it: it keeps its letters and is never numbered.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from pymdownx.fancylists import FancyListExtension, FancyOListProcessor

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from .model import Publication

HEADING_LEVELS = {"h2": 1, "h3": 2, "h4": 3}
# fancylists' `type` of lettered and roman lists, and the style each is shown in. CSS matches
# `type` without regard to case, so the style is also named in a class.
SUBPOINT_STYLES = {"a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


def _record_nothing(label: str) -> None: ...


@dataclass
class PageNumbering:
    """How the page being rendered is numbered, and where each label it gives is recorded."""

    style: str  # "paragraphs" or "sections"
    first: int = 1  # paragraphs: the number of the page's first paragraph
    record: Callable[[str], None] = _record_nothing


def page_numbering(publication: Publication, src_uri: str) -> PageNumbering | None:
    """Numbering for one chapter; paragraphs continue from the chapters before it in reading order.

    The start is counted from what the earlier chapters recorded (not from a counter), so a
    chapter rendered again starts where it did the first time.
    """
    for label in [label for label, uri in publication.paragraphs.items() if uri == src_uri]:
        del publication.paragraphs[label]

    def record(label: str) -> None:
        publication.paragraphs.setdefault(label, src_uri)  # sections labels repeat across chapters

    if publication.numbered == "sections":
        return PageNumbering("sections", record=record)
    if publication.numbered != "paragraphs" or src_uri not in publication.chapters:
        return None
    earlier = set(publication.chapters[: publication.chapters.index(src_uri)])
    first = 1 + sum(1 for uri in publication.paragraphs.values() if uri in earlier)
    return PageNumbering("paragraphs", first, record)


def render_chapters_first(files: Files, publications: Iterable[Publication]) -> None:
    """MkDocs renders pages in the order of `files` (not of the navigation). Paragraph numbers run
    on from chapter to chapter and other pages link to them, so the chapters of paragraph-numbered
    publications render first, in reading order; every other file keeps its order."""
    first = [files.get_file_from_path(uri) for publication in publications
             if publication.numbered == "paragraphs" for uri in publication.chapters]
    first = [file for file in first if file is not None]
    if not first:
        return
    moved = set(map(id, first))
    for file in [*first, *(file for file in list(files) if id(file) not in moved)]:
        files.remove(file)  # remove, then append: the public way to move a file to the end
        files.append(file)


class NumberingProcessor(Treeprocessor):
    def __init__(self, md: Markdown, numbering: PageNumbering) -> None:
        super().__init__(md)
        self.numbering = numbering

    def run(self, root: etree.Element) -> None:
        for listing in root.iter("ol"):
            if is_subpoints(listing):
                _add_class(listing, "er-subpoints")
                _add_class(listing, f"er-subpoints--{SUBPOINT_STYLES[listing.get('type')]}")
            elif listing.get("type") == "1":
                del listing.attrib["type"]  # fancylists' mark of the default: `1.` lists stay as without it
        if self.numbering.style == "paragraphs":
            self._number_paragraphs(root)
        else:
            self._number_sections(root)

    def _number_paragraphs(self, root: etree.Element) -> None:
        number = self.numbering.first
        for element in list(root):
            for paragraph in self._numbered_parts(element):
                self._give(paragraph, str(number))
                number += 1

    def _numbered_parts(self, element: etree.Element) -> list[etree.Element]:
        """A body paragraph, or each item of a top-level list; tables, quotes, notes and the like are not."""
        if element.tag == "p":
            return [element] if _is_body_paragraph(element) else []
        if element.tag in ("ul", "ol") and not is_subpoints(element):
            _add_class(element, "er-para-list")
            return [item for item in element if item.tag == "li"]
        return []

    def _number_sections(self, root: etree.Element) -> None:
        section: tuple[int, ...] = ()
        children: defaultdict[tuple[int, ...], int] = defaultdict(int)
        for element in list(root):
            depth = HEADING_LEVELS.get(element.tag)
            if depth is not None:
                parent = section[: depth - 1]
                children[parent] += 1
                section = (*parent, children[parent])
                _number_heading(element, _label(section))
            elif element.tag == "p" and section and _is_body_paragraph(element):
                children[section] += 1
                self._give(element, _label((*section, children[section])))

    def _give(self, element: etree.Element, label: str) -> None:
        _number_paragraph(element, label)
        self.numbering.record(label)


def _is_body_paragraph(paragraph: etree.Element) -> bool:
    """Not a block of the author's own HTML, nor a picture on its own (that is a figure)."""
    text = "".join(paragraph.itertext()).strip()
    return bool(text) and not (len(paragraph) == 0 and HTML_PLACEHOLDER_RE.fullmatch(text))


def is_subpoints(listing: etree.Element) -> bool:
    return listing.tag == "ol" and listing.get("type") in SUBPOINT_STYLES


def _add_class(element: etree.Element, name: str) -> None:
    classes = (element.get("class") or "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


def _label(numbers: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in numbers)


def _number_heading(heading: etree.Element, label: str) -> None:
    number = etree.Element("span", {"class": "er-num"})
    number.text = label
    number.tail = " " + (heading.text or "")
    heading.text = None
    heading.insert(0, number)


def _number_paragraph(element: etree.Element, label: str) -> None:
    """The number is plain text in a span, read once by a screen reader; the anchor is on the paragraph."""
    element.set("id", f"paragraph-{label}")
    _add_class(element, "er-para")
    holder = _words_holder(element)
    number = etree.Element("span", {"class": "er-paranum"})
    number.text = label
    number.tail = " " + (holder.text or "").lstrip()
    holder.text = None
    holder.insert(0, number)


def _words_holder(element: etree.Element) -> etree.Element:
    """A loose list item holds its words in paragraphs: its number goes in front of the first."""
    loose = element.tag == "li" and not (element.text or "").strip() and len(element) > 0 and element[0].tag == "p"
    return element[0] if loose else element


class NumberingExtension(Extension):
    """Numbers a page as ``numbering_for_current_page()`` says its publication asks."""

    def __init__(self, numbering_for_current_page: Callable[[], PageNumbering | None]) -> None:
        super().__init__()
        self.numbering_for_current_page = numbering_for_current_page

    def extendMarkdown(self, md: Markdown) -> None:
        numbering = self.numbering_for_current_page()
        if numbering is None:
            return
        lists = md.parser.blockprocessors
        if not ("olist" in lists and isinstance(lists["olist"], FancyOListProcessor)):  # a site may list it itself
            # `a)` and `i.` list markers: lettered sub-points. Only on numbered pages, where they mean that.
            FancyListExtension(additional_ordered_styles=["roman", "alpha"]).extendMarkdown(md)
        # Before toc (5), so the table of contents shows the numbers too.
        md.treeprocessors.register(NumberingProcessor(md, numbering), "easyread_numbering", 6)
