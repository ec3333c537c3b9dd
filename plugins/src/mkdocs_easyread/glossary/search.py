"""The site search reads a page's words, not the glossary's link and meaning markup.

Search plugins (Material's and MkDocs' own) index ``page.content`` with a
Python HTML parser. Each first use of a term adds a link and a meaning element
to that content; without them the index holds exactly the same words, the
meanings stay out of every page's results (MkDocs' own search ignores
``data-search-exclude``), and the glossary's cost to a build falls by about
a third.

The page keeps its markup: the plain version is lent to the search index only
for the length of its ``add_entry_from_context(page)`` call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

# As the linker writes it (Python-Markdown sorts attributes), in its box: the words are kept.
TERM_MARKUP = re.compile(
    r'(<span class="er-gloss">)?'
    r'<a aria-describedby="er-means-[^"]*" class="er-term" href="[^"]*">([^<]*)</a>'
    r'<span class="er-term__means"[^>]*>[^<]*</span>'
    r"(?(1)</span>)"
)


def without_glossary_markup(html: str) -> str:
    return TERM_MARKUP.sub(r"\2", html)


def lend_plain_pages_to_search(plugins: Iterable[Any]) -> None:
    """Wrap the index of each search plugin that has one."""
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        if callable(add) and not getattr(add, "easyread_plain", False):
            index.add_entry_from_context = _indexing_plain_content(add)


def _indexing_plain_content(add: Callable[[Any], Any]) -> Callable[[Any], Any]:
    @functools.wraps(add)
    def add_plain(page: Any) -> Any:
        content = page.content
        if not content or 'class="er-term"' not in content:
            return add(page)
        page.content = without_glossary_markup(content)
        try:
            return add(page)
        finally:
            page.content = content

    add_plain.easyread_plain = True  # type: ignore[attr-defined]
    return add_plain
