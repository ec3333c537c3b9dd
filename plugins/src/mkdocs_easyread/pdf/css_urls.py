"""A style sheet or style attribute rewritten so that its `url()` and `@import` name only what the PDF may read.

Its own module so that tinycss2 loads only in a build that assembles a PDF, not in an unchanged rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tinycss2
from tinycss2.ast import FunctionBlock, IdentToken, StringToken, URLToken
from tinycss2.serializer import serialize_url

NOTHING_TO_IMPORT = "data:text/css,"  # what a refused @import reads instead: WeasyPrint then has nothing to complain of


def rewritten(text: str, fetchable: Callable[[str], str | None]) -> str:
    """`text` with each address replaced by `fetchable(address)`, or by `none` (an invalid value: ignored)."""
    nodes = tinycss2.parse_component_value_list(text)
    _rewrite(nodes, fetchable)
    return tinycss2.serialize(nodes)


def _rewrite(nodes: list[Any], fetchable: Callable[[str], str | None]) -> None:
    importing = False
    for index, node in enumerate(nodes):
        reference = css_reference(node, importing)
        if reference is not None:
            uri = fetchable(reference) or (NOTHING_TO_IMPORT if importing else None)
            nodes[index] = (URLToken(node.source_line, node.source_column, uri, f"url({serialize_url(uri)})") if uri
                            else IdentToken(node.source_line, node.source_column, "none"))
        for children in (getattr(node, "content", None), getattr(node, "arguments", None)):
            if isinstance(children, list):
                _rewrite(children, fetchable)
        if node.type not in ("whitespace", "comment"):
            importing = node.type == "at-keyword" and node.lower_value == "import"


def css_reference(node: Any, importing: bool) -> str | None:
    """The address a CSS component names: `url(x)`, `url("x")`, or the string after `@import`."""
    if isinstance(node, URLToken):
        return node.value
    if isinstance(node, FunctionBlock) and node.lower_name == "url":
        return next((argument.value for argument in node.arguments if isinstance(argument, StringToken)), "")
    if isinstance(node, StringToken) and importing:
        return node.value
    return None
