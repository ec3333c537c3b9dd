"""A braille document's HTML as blocks of plain text in reading order, the way a transcriber reads a page:
headings, paragraphs, list items, one line per table row ("header: value; header: value"), pictures
as their alternative text. Runs in a worker process.

Words a reader sees that are not the council's (the picture label) come from the document itself,
where the template put them in the publication's language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..html_names import HEADINGS

LISTS = {"ul", "ol"}
# Elements whose text starts a new block; everything else is read as part of the running text.
BLOCKS = HEADINGS | LISTS | {"p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
                             "blockquote", "figure", "figcaption", "dl", "dt", "dd", "pre", "table", "li",
                             "details", "summary", "address", "hr", "body", "html"}
DROPPED = {"script", "style", "noscript", "template", "button", "input", "select", "textarea", "form", "iframe",
           "head", "title", "meta", "link"}
WEB_ONLY = {"headerlink", "er-term__means"}  # permalinks; glossary meanings shown on focus
PAGE_BREAK_CLASS = "er-brf-page-break"
PICTURE_LABEL = "er-brf-picture"  # <meta name=...>: "Picture: {description}" in the document's language
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    kind: str  # "h1".."h6", "p", "item" (list item or table row), "break" (new braille page)
    text: str = ""
    depth: int = 0  # list nesting: 1 for an item of a top-level list


def linearise(document: str) -> list[Block]:
    root = lxml_html.document_fromstring(document)
    reader = Reader(picture_label(root))
    reader.container(root.body if root.find("body") is not None else root, "p", 0)
    return reader.blocks


def picture_label(root: etree._Element) -> str:
    for meta in root.iter("meta"):
        if meta.get("name") == PICTURE_LABEL and "{description}" in (meta.get("content") or ""):
            return meta.get("content")
    return "{description}"


class Reader:
    def __init__(self, label: str) -> None:
        self.label = label
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, depth: int = 0) -> None:
        text = plain(text)
        if text:
            self.blocks.append(Block(kind, text, depth))

    def container(self, element: etree._Element, kind: str, depth: int, prefix: str = "") -> None:
        """The element's running text as blocks of `kind`, split where a block child starts."""
        run: list[str] = [prefix, element.text or ""]
        for child in element:
            if is_dropped(child):
                run.append(child.tail or "")
                continue
            if tag_of(child) in BLOCKS:
                self.add(kind, "".join(run), depth)
                run = [""]
                self.block(child, depth)
            else:
                run.append(self.inline(child))
            run.append(child.tail or "")
        self.add(kind, "".join(run), depth)

    def block(self, element: etree._Element, depth: int) -> None:
        tag = tag_of(element)
        if tag in HEADINGS:
            self.add(tag, self.inline(element))
        elif tag in LISTS:
            self.list(element, depth + 1)
        elif tag == "table":
            self.table(element, depth)
        elif tag == "hr":
            if PAGE_BREAK_CLASS in (element.get("class") or "").split():
                self.blocks.append(Block("break"))
        else:
            self.container(element, "p" if depth == 0 else "item", depth)

    def list(self, element: etree._Element, depth: int) -> None:
        number = int(element.get("start") or 1) if str(element.get("start") or "1").lstrip("-").isdigit() else 1
        for item in element:
            if tag_of(item) != "li" or is_dropped(item):
                continue
            prefix = f"{number}. " if tag_of(element) == "ol" else ""
            self.container(item, "item", depth, prefix)
            number += 1

    def table(self, table: etree._Element, depth: int) -> None:
        rows = [row for row in table.iter("tr") if not is_dropped(row)]
        for caption in table.iter("caption"):
            self.add("p", self.inline(caption), depth)
        headers: list[str] = []
        if rows and all(tag_of(cell) == "th" for cell in cells_of(rows[0])):
            headers = [plain(self.inline(cell)) for cell in cells_of(rows[0])]
            rows = rows[1:]
        for row in rows:
            values = [plain(self.inline(cell)) for cell in cells_of(row)]
            parts = [f"{headers[n]}: {value}" if n < len(headers) and headers[n] else value
                     for n, value in enumerate(values) if value]
            self.add("item", "; ".join(parts), depth + 1)

    def inline(self, element: etree._Element) -> str:
        """An element's words, pictures as their alternative text."""
        if is_dropped(element):
            return ""
        tag = tag_of(element)
        if tag == "img" or element.get("role") == "img":
            return self.picture(element.get("alt") if tag == "img" else element.get("aria-label"))
        if tag == "svg":
            return ""  # a picture with no name is decoration
        if tag == "br":
            return " "
        words = [element.text or ""]
        for child in element:
            words.append(self.inline(child))
            words.append(child.tail or "")
        return " ".join(words) if tag in BLOCKS else "".join(words)

    def picture(self, description: str | None) -> str:
        description = plain(description or "")
        return f" {self.label.replace('{description}', description)} " if description else ""


def cells_of(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if tag_of(cell) in ("td", "th") and not is_dropped(cell)]


def tag_of(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def is_dropped(element: etree._Element) -> bool:
    """Comments, interactive and hidden parts, decoration: what a transcriber leaves out."""
    if not isinstance(element.tag, str):
        return True
    classes = (element.get("class") or "").split()
    return (tag_of(element) in DROPPED or element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or any(name in WEB_ONLY for name in classes))


def plain(text: str) -> str:
    """One line of text: no line breaks, controls or emoji (liblouis has no braille for them)."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "So") or ch in "\t\n")
    return SPACES.sub(" ", kept).strip()
