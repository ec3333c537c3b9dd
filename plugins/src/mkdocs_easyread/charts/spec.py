"""The options of a ``/// chart`` or ``/// table`` block, checked with the page's file and line."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..errors import SourceError
from ..languages.speaking import gettext
from ..sources import Node, describe, parse_yaml
from .scale import allowed_numbers, number_problem, parse_number, quoted_value

CHART_TYPES = ("bar", "stacked-bar", "line")
TABLE_DISPLAYS = ("details", "visible")
CHART_KEYS = ("data", "type", "columns", "unit", "target", "target_label", "x_label", "y_label", "y_min", "summary", "table")
TABLE_KEYS = ("data", "columns", "unit")


@dataclass
class ChartOptions:
    block: str  # chart | table
    caption: str
    data: str
    data_line: int | None
    type: str = "bar"
    columns: list[str] = field(default_factory=list)
    columns_line: int | None = None
    unit: str = ""
    target: float | None = None
    target_label: str = "Target"
    x_label: str = ""
    y_label: str = ""
    y_min: float | None = None
    summary: str = ""
    table: str = "details"


@dataclass
class BlockSource:
    """Where a block is: the page's file, and the line of its ``/// name | caption`` header (0: not found)."""

    path: Path
    header_line: int

    @property
    def line(self) -> int | None:
        return self.header_line or None


def find_header_line(source: str, name: str, caption: str, occurrence: int) -> int:
    """1-based line of the ``occurrence``-th (0-based) header of this block with this caption; 0 if not found."""
    pattern = re.compile(rf"^[ \t>]*/{{3,}}[ \t]*{re.escape(name)}[ \t]*(?:\|[ \t]*(.*?))?[ \t]*$", re.IGNORECASE)
    seen = 0
    for number, line in enumerate(source.splitlines(), start=1):
        match = pattern.match(line)
        if match and (match.group(1) or "").strip() == caption:
            if seen == occurrence:
                return number
            seen += 1
    return 0


def read_options(where: BlockSource, block: str, caption: str, header: Mapping[str, Any], body: str, default_table: str,
                 max_value: float) -> ChartOptions:
    """Check a block's options (indented header options and/or 'key: value' lines in its body).

    Numbers further from 0 than ``max_value`` (and infinity or NaN) are mistakes.
    """
    node = _options_node(where, block, header, body)
    allowed = CHART_KEYS if block == "chart" else TABLE_KEYS
    errors = node.check_keys(allowed, what=f"{block} block")
    if errors:
        raise errors[0] if len(errors) == 1 else _combined(errors)
    if not caption:
        raise SourceError(where.path, where.line, f"the {block} block needs a caption after a bar, like: /// {block} | What the numbers show")
    data = node.data.get("data")
    if data in (None, ""):
        raise SourceError(where.path, where.line, f"the {block} block needs its CSV file: add a line like 'data: ratings.csv'")
    if not isinstance(data, str):
        raise node.error(f"data must be the name of a CSV file, like ratings.csv; got {describe(data)}", "data")
    options = ChartOptions(block, caption, data.strip(), node.line_of("data"), table=default_table)
    options.columns = _columns(node)
    options.columns_line = node.line_of("columns") if "columns" in node.data else None
    options.unit = _text(node, "unit")
    if block == "chart":
        _chart_options(node, options, max_value)
    return options


def _chart_options(node: Node, options: ChartOptions, max_value: float) -> None:
    options.type = node.choice("type", CHART_TYPES, default="bar") or "bar"
    options.target = _number(node, "target", max_value)
    options.target_label = _text(node, "target_label") or gettext("Target")  # read while the page renders, in its language
    options.x_label = _text(node, "x_label")
    options.y_label = _text(node, "y_label")
    options.summary = _text(node, "summary")
    options.table = node.choice("table", TABLE_DISPLAYS, default=options.table) or options.table
    options.y_min = _number(node, "y_min", max_value)
    if options.y_min is not None and options.type != "line":
        raise node.error("y_min only works for line charts; bars always start at 0 so that their lengths compare truly", "y_min")


def _options_node(where: BlockSource, block: str, header: Mapping[str, Any], body: str) -> Node:
    data = CommentedMap()
    if body.strip():
        first_line = where.header_line + 1 if where.header_line else 1
        try:
            parsed = parse_yaml(body, where.path, first_line=first_line)
        except SourceError as error:
            # libyaml may point past the end (an unclosed bracket): keep the line inside the block.
            last_line = first_line + len(body.rstrip("\n").splitlines()) - 1
            line = min(error.line or first_line, last_line) if where.header_line else None
            raise SourceError(where.path, line, error.message) from None
        if not isinstance(parsed, Mapping):
            raise SourceError(where.path, where.line, f"the {block} block must contain 'key: value' lines like 'data: ratings.csv'; got {describe(parsed)}")
        data = parsed if where.header_line else CommentedMap(parsed.items())
    for key, value in header.items():
        data[key] = value
    # ruamel's lines count from the block's first line, so the header's line is the offset.
    return Node(where.path, data, where.header_line, offset=where.header_line)


def _combined(errors: list[SourceError]) -> SourceError:
    first = errors[0]
    return SourceError(first.path, first.line, "; ".join(error.message for error in errors))


def _text(node: Node, key: str) -> str:
    value = node.data.get(key)
    if value is None:
        return ""
    if isinstance(value, (Mapping, list)):
        raise node.error(f"{key} must be text; got {describe(value)}", key)
    return str(value).strip()


def _number(node: Node, key: str, max_value: float) -> float | None:
    value = node.data.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        raise node.error(f"{key} {value!r} must be a number, like 85", key)
    if isinstance(value, int) and not abs(value) <= max_value:  # YAML whole numbers can be too big for a float
        number, written = math.inf, _digits(value)
    elif isinstance(value, (int, float)):
        number, written = float(value), _yaml_spelling(float(value))
    else:
        written = str(value)
        try:
            number = parse_number(written)
        except ValueError:
            number = None
        if number is None:
            raise node.error(f"{key} {quoted_value(written)} must be a number, like 85", key)
    if problem := number_problem(number, max_value):
        raise node.error(f"{key} {quoted_value(written)} {problem}; expected {allowed_numbers(max_value)}", key)
    return number


def _digits(number: int) -> str:
    try:
        return str(number)
    except ValueError:  # more digits than Python writes out
        return "a very long number"


def _yaml_spelling(number: float) -> str:
    if math.isnan(number):
        return ".nan"
    return {math.inf: ".inf", -math.inf: "-.inf"}.get(number, repr(number))


def _columns(node: Node) -> list[str]:
    value = node.data.get("columns")
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return node.string_list("columns")
