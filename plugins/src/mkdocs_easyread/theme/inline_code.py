"""JavaScript written into HTML itself: <script> elements without src, on... attributes, javascript: links.

A strict Content-Security-Policy stops all three unless a script's hash is in it.
"""

from __future__ import annotations

import base64
import hashlib
import re
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
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def inline_script_hashes(html: str) -> set[str]:
    """The CSP hash sources of the HTML's inline <script> elements that run."""
    # Only the script elements are parsed: a whole page with its navigation takes 50 times longer.
    elements = (element.group(0) for element in SCRIPT_ELEMENT.finditer(html))
    return {hash_source(code.body) for element in elements for code in inline_code(element) if code.kind == "script"}


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
