"""The site search reads a page's words, not the glossary's link and meaning markup.

Each first use of a term adds a link and a meaning element to the page; the
plain version that the theme lends to search (:mod:`..theme.search`) leaves them
out, so the index holds exactly the same words and the meanings stay out of
every page's results (MkDocs' own search ignores ``data-search-exclude``).
"""

from __future__ import annotations

import re

# As the linker writes it (Python-Markdown sorts attributes), in its box: the words are kept.
TERM_MARKUP = re.compile(
    r'(<span class="er-gloss">)?'
    r'<a aria-describedby="er-means-[^"]*" class="er-term" href="[^"]*">([^<]*)</a>'
    r'<span class="er-term__means"[^>]*>[^<]*</span>'
    r"(?(1)</span>)"
)


def without_glossary_markup(html: str) -> str:
    if 'class="er-term"' not in html:
        return html
    return TERM_MARKUP.sub(r"\2", html)
