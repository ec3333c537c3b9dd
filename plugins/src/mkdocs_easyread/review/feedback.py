"""'Tell us what you think' links: a prefilled email naming the publication, page and paragraph."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import quote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..languages.speaking import gettext as _


def mailto(email: str, publication: str, page: str, url: str, paragraph: str | None = None) -> str:
    """A prefilled email in the language being written (the page's)."""
    names = {"publication": publication, "page": page, "paragraph": paragraph, "url": url}
    if paragraph:
        subject = _("Feedback on %(publication)s, %(page)s, paragraph %(paragraph)s") % names
        # Translators: the start of a prefilled email; keep each line's "Name: %(...)s" shape.
        body = _("Publication: %(publication)s\nPage: %(page)s\nParagraph: %(paragraph)s\nAddress: %(url)s\n\nMy comments:\n\n") % names
    else:
        subject = _("Feedback on %(publication)s, %(page)s") % names
        # Translators: the start of a prefilled email; keep each line's "Name: %(...)s" shape.
        body = _("Publication: %(publication)s\nPage: %(page)s\nAddress: %(url)s\n\nMy comments:\n\n") % names
    return f"mailto:{email}?subject={quote(subject)}&body={quote(body)}"


class ParagraphFeedback(Treeprocessor):
    """After each numbered paragraph, a small link to comment on exactly that paragraph."""

    def __init__(self, md: Markdown, href: Callable[[str], str]) -> None:
        super().__init__(md)
        self.href = href

    def run(self, root: etree.Element) -> None:
        for paragraph in [element for element in root.iter() if _is_numbered_paragraph(element)]:
            label = paragraph.get("id", "").removeprefix("paragraph-")
            link = etree.SubElement(paragraph, "a", {"class": "er-para-feedback er-screen-only", "href": self.href(label)})
            # Translators: a link after a numbered paragraph; the paragraph's number follows the words.
            link.text = _("Comment on paragraph") + " "
            number = etree.SubElement(link, "span")
            number.text = label
            link.tail = None
            # Keep the link after the paragraph's own words, separated by a space.
            if len(paragraph) > 1:
                previous = paragraph[-2]
                previous.tail = (previous.tail or "") + " "
            else:
                paragraph.text = (paragraph.text or "") + " "


def _is_numbered_paragraph(element: etree.Element) -> bool:
    """A paragraph or list item numbered by publications/numbering.py (either style)."""
    classes = (element.get("class") or "").split()
    return element.tag in ("p", "li") and "er-para" in classes and element.get("id", "").startswith("paragraph-")


class FeedbackExtension(Extension):
    def __init__(self, href_for_current_page: Callable[[], Callable[[str], str] | None]) -> None:
        super().__init__()
        self.href_for_current_page = href_for_current_page

    def extendMarkdown(self, md: Markdown) -> None:
        href = self.href_for_current_page()
        if href is not None:
            # After numbering (6) and toc (5).
            md.treeprocessors.register(ParagraphFeedback(md, href), "easyread_feedback", 3)
