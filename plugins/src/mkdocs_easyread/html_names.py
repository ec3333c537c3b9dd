"""Names of HTML elements that several features read pages by."""

from __future__ import annotations

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements with no end tag (the HTML standard's void elements, and param, which parsers still treat as one).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
                  "wbr"})
