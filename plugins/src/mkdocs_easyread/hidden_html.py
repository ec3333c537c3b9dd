"""The HTML blocks of a page the plugin writes, kept out of Markdown and put back after it.

A generated page (an outcome's progress, say) is Markdown for its headings, which
make the table of contents, and HTML for the rest: tables, lists of details. Python-
Markdown gives raw HTML back as it was written, but finds each block with an HTML
parser, after MkDocs has read the whole page with another to collect its ids: the
two parses were most of the cost of such a page. Each block is replaced by a word
no page can contain (it holds a random key made for each build) and put back into
the HTML when Markdown has finished; the ids it holds are added to the page's
anchors, as MkDocs' own parse would have found them.

Only a block that is whole is hidden: a run of lines between blank lines that starts
with a block-level start tag, ends with that element's end tag and opens as many of
that element as it closes. Anything else (a site's own template laid out another
way) goes through Markdown as before.
"""

from __future__ import annotations

import re
import secrets
import string
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

BLOCK_TAGS = ("div", "dl", "table", "ul", "ol", "p", "figure", "details", "section", "nav")
WHOLE_BLOCK = re.compile(r"<(%s)[\s>].*</\1>" % "|".join(BLOCK_TAGS), re.DOTALL)
LETTERS = frozenset(string.ascii_letters)
BLANK_LINES = re.compile(r"(\n[ \t]*\n)")
ANCHOR = re.compile(r"""\s(?:id|name)=["']([^"']*)["']""")  # in a start tag: see _anchors


class HiddenHtml:
    def __init__(self) -> None:
        self.key = secrets.token_hex(8)
        self._blocks: dict[str, dict[str, str]] = {}  # page's src_uri -> placeholder -> its HTML

    def hide(self, markdown: str, page: Page) -> str:
        """``markdown`` with each whole HTML block replaced by a paragraph of one placeholder word."""
        blocks: dict[str, str] = {}
        parts = BLANK_LINES.split(markdown)
        for index in range(0, len(parts), 2):
            block = parts[index].lstrip("\n").rstrip()  # indented, it would be a code block: not hidden
            if _is_whole(block):
                placeholder = f"easyread{self.key}block{len(blocks)}"
                blocks[placeholder] = block
                parts[index] = placeholder
        if not blocks:
            return markdown
        self._blocks[page.file.src_uri] = blocks
        return "".join(parts)

    def restore(self, html: str, page: Page) -> str:
        """The page's HTML with its blocks back in place of their paragraphs, and their ids among its anchors."""
        blocks = self._blocks.pop(page.file.src_uri, None)
        if not blocks:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(anchor for block in blocks.values() for anchor in _anchors(block))
        placeholder = rf"easyread{self.key}block\d+"
        # Each in its paragraph as Markdown writes it, or as an extension may have changed it (a number added).
        found = re.compile(rf"<p\b[^>]*>(?:(?!</?p\b).)*?({placeholder})</p>|({placeholder})", re.DOTALL)
        return found.sub(lambda match: blocks.get(match.group(1) or match.group(2), ""), html)


def _is_whole(block: str) -> bool:
    match = WHOLE_BLOCK.fullmatch(block)
    if match is None or "markdown=" in block:  # md_in_html: Markdown inside, for Markdown to read
        return False
    tag = match.group(1)
    return len(re.findall(rf"<{tag}[\s>]", block)) == block.count(f"</{tag}>")


def _anchors(block: str) -> list[str]:
    """The quoted id and name attributes of the start tags in ``block``.

    The attributes are found first and then checked to be in a tag (after a "<" and a letter, with no
    ">" between), rather than each tag searched for them: most of a block is in its tags.
    """
    found = []
    for attribute in ANCHOR.finditer(block):
        opened = block.rfind("<", 0, attribute.start())
        if opened > block.rfind(">", 0, attribute.start()) and block[opened + 1:opened + 2] in LETTERS:
            found.append(attribute.group(1))
    return found
