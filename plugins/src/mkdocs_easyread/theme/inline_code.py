"""JavaScript written into HTML itself: <script> elements without src, on... attributes, javascript: links.

A strict Content-Security-Policy stops all three unless a script's hash is in it.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html.parser
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

# <script type="..."> values that run (HTML's JavaScript MIME types and script kinds); any other
# type is a data block (JSON-LD, templates), which never runs and needs no policy.
SCRIPT_TYPES = {
    "", "module", "importmap", "speculationrules", "text/javascript", "application/javascript",
    "application/ecmascript", "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
# What each kind of inline code needs in the HTML as written, looser than the parser: where none is
# there the page needs no parse (the parse costs milliseconds a page; these searches microseconds).
# Each pattern starts with a literal or a set of characters, which the regex engine looks for fast.
SCRIPT_START = re.compile(r"<script", re.IGNORECASE)
TAG_START = re.compile(r"<[a-zA-Z]")
# An attribute name as HTMLParser reads it (after a quote, white space or /) that starts with "on".
HANDLER_NAME = re.compile(r"""[oO][nN](?<=['"\s/][oO][nN])[^\s/=>]""")
# An attribute value that could start with "javascript:" (first letter j, or a character reference);
# url_attribute_before() then says whether the attribute is href, xlink:href, src, action or formaction.
SCRIPT_URL_VALUE = re.compile(r"""=\s*["']?\s*[jJ&]""")
URL_ATTRIBUTE_ENDINGS = ("href", "src", "action")
# The extent of a start tag, as HTMLParser finds it (not a public name: without it, always parse).
START_TAG_END = getattr(html.parser, "locatestarttagend_tolerant", None)


@dataclass(frozen=True)
class InlineCode:
    kind: str  # "script", "handler" or "link"
    name: str  # "script", the attribute's name (onclick), or "javascript:"
    body: str


class _InlineCodeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[InlineCode] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in SCRIPT_TYPES:
            self._script = []
        for name, value in values.items():
            if name.startswith("on") and len(name) > 2:
                self.found.append(InlineCode("handler", name, value))
            elif name in URL_ATTRIBUTES and "".join(value.split()).lower().startswith("javascript:"):
                self.found.append(InlineCode("link", "javascript:", value))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)  # a script's text comes raw, as the browser hashes it

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.found.append(InlineCode("script", "script", "".join(self._script)))
            self._script = None


def inline_code(html: str) -> list[InlineCode]:
    """Every piece of JavaScript written into the HTML itself, in document order."""
    if not may_hold_inline_code(html):
        return []
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def may_hold_inline_code(html: str) -> bool:
    """False only where the parser could find no inline code in ``html``."""
    if START_TAG_END is None or SCRIPT_START.search(html):
        return True
    if any(url_attribute_before(html, value.start()) for value in SCRIPT_URL_VALUE.finditer(html)):
        return True
    handlers = [name.start() for name in HANDLER_NAME.finditer(html)]  # mostly words of the text: "only", "one"
    return bool(handlers) and any(_holds_any(handlers, tag.start(), _start_tag_end(html, tag.start()))
                                  for tag in TAG_START.finditer(html))


def url_attribute_before(html: str, equals: int) -> bool:
    """Whether the ``=`` at ``equals`` (one of ``\\s*=+``) follows the name of a URL attribute."""
    end = equals
    while end > 0 and html[end - 1] == "=":
        end -= 1
    while end > 0 and html[end - 1].isspace():
        end -= 1
    return html[max(0, end - 6):end].lower().endswith(URL_ATTRIBUTE_ENDINGS)


def _holds_any(positions: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _start_tag_end(html: str, start: int) -> int:
    """Past the last character where an attribute name of the tag at ``start`` could begin."""
    return START_TAG_END.match(html, start).end() + 3


def inline_script_hashes(html: str, spans: Iterable[tuple[int, int]] | None = None) -> set[str]:
    """The CSP hash sources of the inline <script> elements that run, in ``html`` or in these parts of it."""
    # Only the script elements are parsed: a whole page with its navigation takes 50 times longer.
    elements = (element for start, end in spans or ((0, len(html)),) for element in SCRIPT_ELEMENT.finditer(html, start, end))
    return {source for element in elements for source in _element_script_hashes(element.group(0))}


@functools.lru_cache(maxsize=256)
def _element_script_hashes(element: str) -> frozenset[str]:
    """The theme writes the same few script elements into every page: each is parsed and hashed once."""
    return frozenset(hash_source(code.body) for code in inline_code(element) if code.kind == "script")


def hash_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def line_in_source(source: str, code: InlineCode) -> int | None:
    """The line of a page's Markdown source where this piece of inline code is written, if it can be found."""
    if code.kind == "script":
        starts = (m.start() for m in SCRIPT_TAG.finditer(source) if inline_code(m.group(0) + "</script>"))
    else:
        pattern = rf"\b{re.escape(code.name)}\s*=" if code.kind == "handler" else r"javascript\s*:"
        starts = (m.start() for m in re.finditer(pattern, source, re.IGNORECASE))
    start = next(starts, None)
    return None if start is None else source.count("\n", 0, start) + 1
