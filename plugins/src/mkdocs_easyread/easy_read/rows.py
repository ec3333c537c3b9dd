"""Markdown processors for easy-read pages: picture rows, line breaks, and text alternatives for pictures.

Runs after inline processing and attribute lists (so icons are already
``span.twemoji`` and an author's ``{ aria-label="..." }`` is applied), before
the table of contents and the glossary. Each source line of a row is its own
line (Python-Markdown's ``nl2br``, on easy-read pages only).

``![Alt](picture:name)`` is, in this order: the council's picture from its
library (published as a file and shown with ``<img>``: a council's SVG is never
put into the page, as it could carry script), the package's own picture (inline
SVG), or the placeholder ``picture:choose`` that first drafts write.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.inlinepatterns import SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..errors import SourceError
from ..sources import OUTSIDE_PROJECT
from . import pictures

if TYPE_CHECKING:
    from ..build import Build

LIBRARY_URI = "assets/easyread/pictures"  # where the council's pictures are published

ICON_NAME = "data-er-icon"
CONTAINERS = ("div", "section", "blockquote", "details")


class NameIcons(Preprocessor):
    """Make the emoji extension mark each icon with its name: Material's SVG icons carry none."""

    def run(self, lines: list[str]) -> list[str]:
        if "emoji" not in self.md.inlinePatterns:
            return lines
        pattern = self.md.inlinePatterns["emoji"]
        generator = getattr(pattern, "generator", None)
        if generator is None or getattr(generator, "names_icons", False):
            return lines

        def named(index, shortname, *args):  # the emoji extension's generator signature
            element = generator(index, shortname, *args)
            if isinstance(element, etree.Element):
                element.set(ICON_NAME, shortname.strip(":"))
            return element

        named.names_icons = True
        pattern.generator = named
        return lines


class PictureRows(Treeprocessor):
    def __init__(self, md: Markdown, build: Build | None) -> None:
        super().__init__(md)
        self.build = build

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.get(ICON_NAME) is not None:
                _label_icon(element)
            elif element.tag == "img" and (element.get("src") or "").startswith(pictures.PICTURE_SCHEME):
                self._picture(element, element.get("src")[len(pictures.PICTURE_SCHEME):])
        _rows_in(root)

    def _picture(self, img: etree.Element, name: str) -> None:
        if self.build is None:  # rendered outside a build: only the package's pictures
            self._inline_package_picture(img, name)
        elif name == pictures.CHOOSE:
            self._placeholder(img)
        elif not self._library_picture(img, name):
            self._inline_package_picture(img, name)

    def _library_picture(self, img: etree.Element, name: str) -> bool:
        library = library_of(self.build)
        path = pictures.library_file(library, name)
        if path is None:
            refused = pictures.outside_library(library, name)
            if refused is not None:
                self.build.reporter.warn(SourceError(refused, None, OUTSIDE_PROJECT))
            return False
        file = self._publish(path)
        img.set("src", get_relative_url(file.src_uri, self.build.current_page.file.src_uri))
        _add_class(img, "er-picture er-picture--library")
        img.set("alt", (img.get("alt") or "").strip())
        return True

    def _publish(self, path: Path) -> File:
        """The site file of a library picture, added to the build's files the first time a page shows it."""
        uri = f"{LIBRARY_URI}/{path.name}"
        file = self.build.files.get_file_from_path(uri)
        if file is None:
            file = File.generated(self.build.config, uri, abs_src_path=str(path))
            self.build.files.append(file)
        return file

    def _placeholder(self, img: etree.Element) -> None:
        words = (img.get("alt") or "").strip()
        img.tag = "span"
        img.attrib.clear()
        img.set("class", "er-picture er-picture--choose")
        img.text = self.md.htmlStash.store(self.build.components.render("easy_read/components/choose-picture.html", words=words))

    def _inline_package_picture(self, img: etree.Element, name: str) -> None:
        resolved = pictures.resolve(name)
        if resolved is None:
            return  # the checker reports it, with its line
        alt = (img.get("alt") or "").strip()
        classes = " ".join(c for c in ("er-picture", img.get("class")) if c)
        attributes = {"role": "img", "aria-label": alt} if alt else {"aria-hidden": "true"}
        img.tag = "span"
        img.attrib.clear()
        img.attrib.update({"class": classes, **attributes})
        img.text = self.md.htmlStash.store(pictures.svg(resolved))


def library_of(build: Build | None) -> Path | None:
    """The council's picture library folder (option ``pictures``, relative to mkdocs.yml)."""
    if build is None:
        return None
    return build.root / build.options.easy_read.pictures


def _label_icon(span: etree.Element) -> None:
    """An icon is a picture: it gets a name from the author's label, or else a plain one for its icon."""
    name = span.attrib.pop(ICON_NAME)
    given = (span.get("aria-label") or "").strip() or (span.get("title") or "").strip()
    label = given or pictures.icon_name(name)
    span.set("role", "img")
    span.set("aria-label", label)


# --- rows -----------------------------------------------------------------------


def _rows_in(parent: etree.Element) -> None:
    for child in list(parent):
        if child.tag == "p" and _starts_with_picture(child):
            _replace(parent, child, _paragraph_row(child))
        elif child.tag in ("ul", "ol"):
            _list_rows(parent, child)
        elif child.tag in CONTAINERS and "er-row" not in (child.get("class") or ""):
            _rows_in(child)


def _list_rows(parent: etree.Element, items: etree.Element) -> None:
    entries = [li for li in items if li.tag == "li"]
    pictured = [_item_starts_with_picture(li) for li in entries]
    if not any(pictured):
        return
    if len(entries) > 1 and pictured[0] and not any(pictured[1:]):
        _replace(parent, items, _list_row(items, entries[0]))  # the whole list beside one picture
        return
    for li, has in zip(entries, pictured):
        if has:
            _item_row(li)
    _add_class(items, "er-rows" if all(pictured) else "er-rows er-rows--mixed")


def _is_picture(element: etree.Element) -> bool:
    classes = (element.get("class") or "").split()
    return element.tag == "img" or (element.tag == "span" and ("twemoji" in classes or "er-picture" in classes))


def _starts_with_picture(element: etree.Element) -> bool:
    return not (element.text or "").strip() and len(element) > 0 and _is_picture(element[0])


def _item_starts_with_picture(li: etree.Element) -> bool:
    if _starts_with_picture(li):
        return True
    return not (li.text or "").strip() and len(li) > 0 and li[0].tag == "p" and _starts_with_picture(li[0])


def _picture_holder(li: etree.Element) -> etree.Element:
    """The element whose first child is the picture: the item, or its first paragraph (loose lists)."""
    return li[0] if li[0].tag == "p" and _starts_with_picture(li[0]) else li


def _take_picture(element: etree.Element) -> etree.Element:
    """Remove the leading picture from ``element``; its tail becomes the element's text."""
    picture = element[0]
    element.remove(picture)
    element.text = (picture.tail or "").lstrip()
    picture.tail = None
    if not element.text and len(element) and element[0].tag == "br":  # the picture on a line of its own
        element.text = (element[0].tail or "").lstrip()
        element.remove(element[0])
    return picture


def _frame(picture: etree.Element) -> tuple[etree.Element, etree.Element]:
    row = etree.Element("div", {"class": "er-row"})
    etree.SubElement(row, "div", {"class": "er-row__picture"}).append(picture)
    words = etree.SubElement(row, "div", {"class": "er-row__words"})
    return row, words


def _paragraph_row(paragraph: etree.Element) -> etree.Element:
    row, words = _frame(_take_picture(paragraph))
    row.tail, paragraph.tail = paragraph.tail, None
    words.append(paragraph)
    return row


def _list_row(items: etree.Element, first: etree.Element) -> etree.Element:
    row, words = _frame(_take_picture(_picture_holder(first)))
    row.tail, items.tail = items.tail, None
    words.append(items)
    return row


def _item_row(li: etree.Element) -> None:
    picture = _take_picture(_picture_holder(li))
    text, children = li.text, list(li)
    for child in children:
        li.remove(child)
    li.text = None
    etree.SubElement(li, "div", {"class": "er-row__picture"}).append(picture)
    words = etree.SubElement(li, "div", {"class": "er-row__words"})
    words.text = text
    words.extend(children)
    _add_class(li, "er-row")


def _replace(parent: etree.Element, old: etree.Element, new: etree.Element) -> None:
    index = list(parent).index(old)
    parent.remove(old)
    parent.insert(index, new)


def _add_class(element: etree.Element, names: str) -> None:
    element.set("class", " ".join(c for c in (element.get("class") or "", names) if c))


class EasyReadExtension(Extension):
    """Registered once; adds the processors only while an easy-read page is rendered."""

    def __init__(self, is_easy_read_page: Callable[[], bool], build: Build | None = None) -> None:
        super().__init__()
        self.is_easy_read_page = is_easy_read_page
        self.build = build

    def extendMarkdown(self, md: Markdown) -> None:
        if not self.is_easy_read_page():
            return
        Nl2BrExtension().extendMarkdown(md)
        # A backslash at the end of a line (CommonMark's hard break) is a line break too, not a "\" on screen.
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "easyread_backslash_break", 185)
        md.preprocessors.register(NameIcons(md), "easyread_icon_names", 1)
        # After attr_list (8), before toc (5) and the glossary (4).
        md.treeprocessors.register(PictureRows(md, self.build), "easyread_rows", 7)
