"""Committee-report numbering: headings and paragraphs numbered 1, 1.1, 1.1.1 with stable anchors.

Under heading "1" the paragraphs and sub-headings share one counter (1.1, 1.2,
1.3 ...), as councils number their reports, so "paragraph 3.2" names exactly
one place and can be linked as ``#paragraph-3.2``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

HEADING_LEVELS = {"h2": 1, "h3": 2, "h4": 3}


class NumberingProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        section: tuple[int, ...] = ()
        children: defaultdict[tuple[int, ...], int] = defaultdict(int)
        for element in list(root):
            depth = HEADING_LEVELS.get(element.tag)
            if depth is not None:
                parent = section[: depth - 1]
                children[parent] += 1
                section = (*parent, children[parent])
                _number_heading(element, _label(section))
            elif element.tag == "p" and section and not _is_raw_html(self.md, element):
                children[section] += 1
                _number_paragraph(element, _label((*section, children[section])))


def _is_raw_html(md: Markdown, paragraph: etree.Element) -> bool:
    """A paragraph that only holds a block of the author's own HTML is not a numbered paragraph."""
    text = (paragraph.text or "").strip()
    return len(paragraph) == 0 and bool(HTML_PLACEHOLDER_RE.fullmatch(text))


def _label(numbers: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in numbers)


def _number_heading(heading: etree.Element, label: str) -> None:
    number = etree.Element("span", {"class": "er-num"})
    number.text = label
    number.tail = " " + (heading.text or "")
    heading.text = None
    heading.insert(0, number)


def _number_paragraph(paragraph: etree.Element, label: str) -> None:
    anchor = f"paragraph-{label}"
    paragraph.set("id", anchor)
    paragraph.set("class", " ".join(filter(None, [paragraph.get("class"), "er-para"])))
    link = etree.Element("a", {"class": "er-paranum", "href": f"#{anchor}"})
    hidden = etree.SubElement(link, "span", {"class": "er-visually-hidden"})
    hidden.text = "Paragraph "
    hidden.tail = label
    link.tail = " " + (paragraph.text or "")
    paragraph.text = None
    paragraph.insert(0, link)


class NumberingExtension(Extension):
    """Numbers a page when ``is_numbered()`` says its publication asks for it."""

    def __init__(self, is_numbered: Callable[[], bool]) -> None:
        super().__init__()
        self.is_numbered = is_numbered

    def extendMarkdown(self, md: Markdown) -> None:
        if self.is_numbered():
            # Before toc (5), so the table of contents shows the numbers too.
            md.treeprocessors.register(NumberingProcessor(md), "easyread_numbering", 6)
