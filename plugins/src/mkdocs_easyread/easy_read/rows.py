"""Markdown processors for easy-read pages: picture rows, and text alternatives for pictures.

Runs after inline processing and attribute lists (so icons are already
``span.twemoji`` and an author's ``{ aria-label="..." }`` is applied), before
the table of contents and the glossary.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import pictures

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
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.get(ICON_NAME) is not None:
                _label_icon(element)
            elif element.tag == "img" and (element.get("src") or "").startswith(pictures.PICTURE_SCHEME):
                self._inline_package_picture(element)
        _rows_in(root)

    def _inline_package_picture(self, img: etree.Element) -> None:
        name = pictures.resolve(img.get("src")[len(pictures.PICTURE_SCHEME):])
        if name is None:
            return  # the checker reports it, with its line
        alt = (img.get("alt") or "").strip()
        classes = " ".join(c for c in ("er-picture", img.get("class")) if c)
        attributes = {"role": "img", "aria-label": alt} if alt else {"aria-hidden": "true"}
        img.tag = "span"
        img.attrib.clear()
        img.attrib.update({"class": classes, **attributes})
        img.text = self.md.htmlStash.store(pictures.svg(name))


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

    def __init__(self, is_easy_read_page: Callable[[], bool]) -> None:
        super().__init__()
        self.is_easy_read_page = is_easy_read_page

    def extendMarkdown(self, md: Markdown) -> None:
        if not self.is_easy_read_page():
            return
        md.preprocessors.register(NameIcons(md), "easyread_icon_names", 1)
        # After attr_list (8), before toc (5) and the glossary (4).
        md.treeprocessors.register(PictureRows(md), "easyread_rows", 7)
