"""The site search reads a page's words, not the glossary's link and meaning markup.

Each first use of a term adds a link and a meaning element to the page; the
plain version that the theme lends to search (:mod:`..theme.search`) leaves them
out, so the index holds exactly the same words and the meanings stay out of
every page's results (MkDocs' own search ignores ``data-search-exclude``).
"""

from __future__ import annotations

import re

# As the linker writes it (Python-Markdown sorts attributes), in its box or not: the words are kept.
# Both ways start with "<", so that the regular expression engine looks for that character first.
TERM = (r'a aria-describedby="er-means-[^"]*" class="er-term" href="[^"]*">(?P<{name}>[^<]*)</a>'
        r'<span class="er-term__means"[^>]*>[^<]*</span>')
TERM_MARKUP = re.compile(rf'<(?:span class="er-gloss"><{TERM.format(name="boxed")}</span>|{TERM.format(name="word")})')


def without_glossary_markup(html: str) -> str:
    if 'class="er-term"' not in html:
        return html
    return TERM_MARKUP.sub(r"\g<boxed>\g<word>", html)
