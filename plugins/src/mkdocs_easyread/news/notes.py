"""Notes to editors: the part of a press release under a heading "Notes to editors" becomes a
section of its own, boxed on screen and in print. Found by the heading's words, so the
Markdown needs nothing special."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{level}": level for level in range(1, 7)}
# English or Welsh ("Nodiadau i olygyddion"), as the press release is written.
NOTES_HEADING = re.compile(r"(notes? (to|for) editors|nodiadau i(['’]r)? olygyddion|nodyn i olygyddion):?", re.IGNORECASE)
SECTION_CLASS = "er-notes-to-editors"


def is_notes_heading(element: etree.Element) -> bool:
    words = " ".join("".join(element.itertext()).replace("\u00b6", "").split())  # without toc's permalink sign
    return element.tag in HEADINGS and NOTES_HEADING.fullmatch(words) is not None


class NotesToEditors(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        children = list(root)
        start = next((index for index, child in enumerate(children) if is_notes_heading(child)), None)
        if start is None:
            return
        heading = children[start]
        level = HEADINGS[heading.tag]
        end = next(
            (index for index in range(start + 1, len(children)) if HEADINGS.get(children[index].tag, 7) <= level),
            len(children),
        )
        section = etree.Element("section", {"class": SECTION_CLASS})
        if heading.get("id"):
            section.set("aria-labelledby", heading.get("id"))
        for child in children[start:end]:
            root.remove(child)
            section.append(child)
        root.insert(start, section)


class NotesToEditorsExtension(Extension):
    """Registered once; boxes the notes only while a news item's page is rendered."""

    def __init__(self, is_news_page: Callable[[], bool]) -> None:
        super().__init__()
        self.is_news_page = is_news_page

    def extendMarkdown(self, md: Markdown) -> None:
        if self.is_news_page():
            # After toc (5), so the heading has its id, and after the feedback links (3) that
            # look at top-level paragraphs; before the glossary (-1).
            md.treeprocessors.register(NotesToEditors(md), "easyread_notes_to_editors", 2)
