"""The site search reads a page's words and headings, not the markup around them.

Search plugins (Material's and MkDocs' own) index ``page.content`` with Python's
HTML parser, at about ten microseconds a tag. A progress page's status badges,
tables and dates are hundreds of tags whose words are all the index keeps, so
parsing them cost more than building the page. The index is lent a plain
version of the page instead, for the length of one
``add_entry_from_context(page)`` call; the page itself keeps its markup.

The plain version drops only tags that Material's parser ignores: phrasing and
table tags, lists of details, boxes, and pictures without words. It keeps
headings and everything around them, the tags Material copies into the index
(paragraphs, lists, code, sub- and superscripts), links in headings, and any
element marked ``data-search-exclude``. Text between two dropped tags can gain
or lose a space; the words, their order and the sections are the same. When the
markup does not pair up as the parser would see it, the page is indexed as it is.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from ..html_names import HEADINGS, VOID

ATTRIBUTES = r"""(?>[^>"']+|"[^"]*"|'[^']*')*+"""
# Comments and elements whose text a parser may read as text (Python's own changed
# with its versions) are one token each: no tags inside them are read or dropped.
RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext"
TOKEN = re.compile(
    rf"(<!--.*?(?:-->|\Z)|<({RAW_TEXT})\b{ATTRIBUTES}>.*?(?:</\2\s*>|\Z)|<(/?)([a-zA-Z][^\s/>]*)({ATTRIBUTES})>)",
    re.DOTALL | re.IGNORECASE,
)
STRIDE = 6  # what TOKEN.split gives for each token, with the text before it
# What Material's parser copies into the index, skips with its content, or reads inside headings.
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup", "object", "script", "style", "a"}) | HEADINGS
MARKS = ("data-search-exclude", "linenodiv")  # any case
FEW_TAGS = 50  # a chapter of paragraphs and lists has about 20

Simplify = Callable[[str], str]


def plain_for_search(html: str) -> str:
    """``html`` without the tags a search index ignores; ``html`` itself when that cannot be told safely."""
    tags = html.count("<")
    if tags < FEW_TAGS or html.count("<h") * 8 > tags:
        return html  # a short page, or a heading every few tags (a glossary): cutting costs what it saves
    return without_ignored_tags(html)


def without_ignored_tags(html: str) -> str:
    """``html`` without the tags Material's parser ignores, or as it is when its markup does not pair up."""
    plain = _cut(html)
    return html if plain is None else plain


def _cut(html: str) -> str | None:
    # Text, then for each token: the token, its raw-text name, "/" if it closes, its name, its attributes.
    parts = TOKEN.split(html)
    tags = parts[1::STRIDE]
    names = [name.lower() if name else None for name in parts[4::STRIDE]]
    closing = parts[3::STRIDE]
    # Material's parser tells elements apart by name alone: an element named as a marked one stays.
    marked = {names[i] for i, attributes in enumerate(parts[5::STRIDE]) if attributes and _is_marked(attributes)
              } if _is_marked(html) else set()
    dropped: list[int] = []
    open_elements: list[list] = []  # [name, index of its start tag, droppable]
    for i, name in enumerate(names):
        if name is None:
            continue  # a comment, script or style
        if name in VOID:
            dropped.append(i)
        elif closing[i]:
            if not open_elements or open_elements[-1][0] != name:
                return None  # the parser would keep this element open: its depth decides sections
            _, start, droppable = open_elements.pop()
            if droppable:
                dropped += (start, i)
        elif name in HEADINGS:  # the elements around a heading decide where its section ends
            for element in open_elements:
                element[2] = False
            open_elements.append([name, i, False])
        elif tags[i].endswith("/>"):
            if name not in KEPT and name not in marked:
                dropped.append(i)
        else:
            open_elements.append([name, i, name not in KEPT and name not in marked])
    if open_elements:
        return None
    for i in dropped:
        tags[i] = ""
    texts = parts[::STRIDE]
    plain = "".join(itertools.chain.from_iterable(zip(texts, tags))) + texts[-1]
    # The parser opens a page's first section at its first word or element; a dropped one opened it here.
    first = next((i for i, name in enumerate(names) if name and name not in VOID and not closing[i]), None)
    return f" {plain}" if first is not None and not tags[first] else plain


def _is_marked(text: str) -> bool:
    lowered = text.lower()
    return any(mark in lowered for mark in MARKS)


def lend_plain_pages_to_search(plugins: Iterable[Any], simplify: Simplify | None = None) -> None:
    """Wrap the index of each search plugin that has one; ``simplify`` runs before the tags are dropped."""
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        if not callable(add):
            continue
        steps = getattr(add, "easyread_steps", None)
        if steps is None:
            steps = []
            index.add_entry_from_context = _indexing_plain_content(add, steps)
        if simplify is not None and simplify not in steps:
            steps.append(simplify)


def _indexing_plain_content(add: Callable[[Any], Any], steps: list[Simplify]) -> Callable[[Any], Any]:
    @functools.wraps(add)
    def add_plain(page: Any) -> Any:
        content = page.content
        if not content:
            return add(page)
        page.content = plain_for_search(functools.reduce(lambda html, step: step(html), steps, content))
        try:
            return add(page)
        finally:
            page.content = content

    add_plain.easyread_steps = steps  # type: ignore[attr-defined]
    return add_plain
