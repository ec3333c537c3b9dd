"""Link annotations that say what the link says, not where it goes.

WeasyPrint 70 writes each link annotation's `/Contents` from its target ("c1",
"tel:03448008020"); PDF/UA and WCAG 2.4.4 want the link's words there. They are
taken from the HTML element of the link, as the boxes WeasyPrint laid out show
it: its text, the alt text of its pictures, nothing hidden (`display: none`) and
no generated content (page numbers in the contents). The element is whole even
when the link runs over two lines or pages, so every part of a link gets all of
its words. A link with no words keeps what WeasyPrint wrote.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pydyf

SVG = "{http://www.w3.org/2000/svg}svg"
SVG_TITLE = "{http://www.w3.org/2000/svg}title"
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "section", "table", "td", "th", "tr", "ul"}
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # soft hyphen, zero-width spaces


def describe_links(document: Any) -> None:
    """Give every link annotation of the rendered `document` its link's words as `/Contents`."""
    parts: dict[Any, list[Any]] = defaultdict(list)  # link element -> its boxes (one per line or page it is on)
    annotated: list[tuple[pydyf.Dictionary, Any]] = []
    for page in document.pages:
        owner = None
        for _kind, _target, _rectangle, box in page.links:  # in tree order: a link's box, then its pictures' boxes
            if box.link is not None:
                owner = box
                parts[box.element].append(box)
            if box.link_annotation is not None and owner is not None:
                annotated.append((box.link_annotation, owner.element))
    names: dict[Any, str] = {}
    for annotation, element in annotated:
        if element not in names:
            names[element] = link_name(element, shown_elements(parts[element]))
        if names[element]:
            annotation["Contents"] = pydyf.String(names[element])


def shown_elements(boxes: list[Any]) -> set[Any]:
    """The HTML elements that have a box inside the link's boxes: what the page shows of it."""
    shown: set[Any] = set()
    stack = list(boxes)
    while stack:
        box = stack.pop()
        shown.add(box.element)
        stack.extend(box.all_children() if hasattr(box, "children") else ())
    return shown


def link_name(link: Any, shown: set[Any]) -> str:
    """What a link says: its aria-label, else its words and pictures' alt text, else its title."""
    label = plain(link.get("aria-label"))
    if label:
        return label
    words: list[str] = []
    collect_words(link, shown, words)
    return plain("".join(words)) or plain(link.get("title"))


def collect_words(element: Any, shown: set[Any], words: list[str]) -> None:
    if element.get("aria-hidden") == "true":
        return
    if element.tag == SVG:
        title = element.find(SVG_TITLE)
        words.append((title.text or "") if title is not None else (element.get("aria-label") or ""))
        return
    if element.tag == "img":
        words.append(element.get("alt") or "")
        return
    words.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and child in shown:
            block = child.tag in BLOCKS
            words.append(" " if block else "")
            collect_words(child, shown, words)
            words.append(" " if block else "")
        words.append(child.tail or "")


def plain(text: str | None) -> str:
    return " ".join((text or "").translate(INVISIBLE).split())
