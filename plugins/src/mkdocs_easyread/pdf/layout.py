"""How a print document is laid out: a cover or a header block on page 1, a contents list or none,
chapters on new pages or flowing on.

Strategies, quality reports and action plans (and every easy-read PDF) earn a cover page. A committee
report or a news item starts with its header block on page 1, chapters flow on as a council prints
a report, and a contents list, when there is one, sits on page 1 after the header.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

from .variants import EASY_READ, EASY_READ_PICTURE, REVIEW_PACK, Variant

if TYPE_CHECKING:
    from ..publications.model import Publication
    from .config import PdfConfig
    from .content import Chapter

PICTURES = ("img", "svg")


@dataclass(frozen=True)
class Layout:
    cover: bool  # a cover page; else a header block on page 1
    contents: bool  # a contents list
    list_sections: bool  # the contents list names each chapter's h2 sections (few chapters, many headings)
    continuous: bool  # chapters flow on rather than each starting a new page


def layout_of(publication: Publication, variant: Variant, chapters: list[Chapter], options: PdfConfig) -> Layout:
    cover = publication.has_cover or is_easy_read(variant)
    many_chapters = len(chapters) >= options.contents_from_chapters
    many_headings = sum(chapter.headings for chapter in chapters) >= options.contents_from_headings
    return Layout(
        cover=cover,
        contents=many_chapters or many_headings,
        list_sections=many_headings and not many_chapters,
        continuous=not cover,
    )


def is_easy_read(variant: Variant) -> bool:
    return variant in (EASY_READ, REVIEW_PACK)


def cover_picture(chapters: list[Chapter]) -> Markup | None:
    """A copy of the first picture of the easy-read index page (as rewritten for print), without its id."""
    if not chapters or not str(chapters[0].html).strip():
        return None
    root = lxml_html.fragment_fromstring(str(chapters[0].html))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in PICTURES or "er-deco" in (element.get("class") or "").split():
            picture = copy.deepcopy(element)
            picture.tail = None
            for node in picture.iter():
                if isinstance(node.tag, str):
                    node.attrib.pop("id", None)
            return Markup(etree.tostring(picture, method="html", encoding="unicode"))  # noqa: S704 - rewritten page markup
    return None


def without_title_heading(chapter: Chapter, title: str) -> Chapter:
    """The first chapter without its h1 when that only repeats the document's title, printed above it in the header."""
    root = lxml_html.fragment_fromstring(str(chapter.html))
    heading = next((e for e in root.iter() if isinstance(e.tag, str) and e.tag.lower() == "h1"), None)
    if heading is None or " ".join(heading.text_content().split()) != " ".join(title.split()):
        return chapter
    heading.drop_tree()
    html = Markup(etree.tostring(root, method="html", encoding="unicode"))  # noqa: S704 - rewritten page markup
    return replace(chapter, html=html)
