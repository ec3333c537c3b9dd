"""Easy-read Markdown source split into rows, keeping line numbers.

A row is a paragraph, or a list item, or a whole list whose first item alone
starts with a picture. Front matter, headings, blank lines, code, tables,
HTML and other blocks (``/// chart``) are not rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..sources import FRONT_MATTER

LIST_MARKER = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])( +|$)")
HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,}\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BLOCK_FENCE = re.compile(r"^ {0,3}/{3,}")  # pymdownx blocks: /// chart ... ///
ADMONITION = re.compile(r"^ {0,3}(!!!|\?\?\?\+?)\s")
HTML_BLOCK = re.compile(
    r"^ {0,3}<(/?(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|"
    r"main|nav|ol|p|pre|section|table|ul|script|style|canvas|iframe|math|noscript)\b|!--)",
    re.IGNORECASE,
)
OTHER_BLOCK = re.compile(r"^ {0,3}(\||\[\^?[^\]]+\]:|\{:?[^}]*\}\s*$|\*\[)")


@dataclass
class Row:
    """A row's source: ``text`` is its lines joined by newlines, starting at ``line``."""

    line: int
    text: str
    item_starts: list[int] = field(default_factory=list)  # offsets where list items begin

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, max(offset, 0))


@dataclass
class Block:
    kind: str  # "paragraph" | "list"
    lines: list[tuple[int, str]]
    items: list[list[tuple[int, str]]] = field(default_factory=list)


def body_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line after the front matter."""
    match = FRONT_MATTER.match(text)
    skipped = text[: match.end()].count("\n") if match else 0
    body = text[match.end():] if match else text
    return [(number, line) for number, line in enumerate(body.splitlines(), start=skipped + 1)]


def blocks(text: str) -> list[Block]:
    """Paragraph and list blocks of a Markdown page, other blocks left out."""
    lines = body_lines(text)
    found: list[Block] = []
    index = 0
    while index < len(lines):
        _, line = lines[index]
        if not line.strip():
            index += 1
        elif FENCE.match(line) or BLOCK_FENCE.match(line):
            index = _skip_fenced(lines, index)
        elif ADMONITION.match(line) or OTHER_BLOCK.match(line) or HTML_BLOCK.match(line):
            index = _skip_until_blank(lines, index)
        elif HEADING.match(line) or RULE.match(line):
            index += 1
        else:
            index = _take_block(lines, index, found)
    return found


def _skip_fenced(lines: list[tuple[int, str]], index: int) -> int:
    opening = lines[index][1].strip()
    fence = re.match(r"`{3,}|~{3,}|/{3,}", opening).group()
    index += 1
    while index < len(lines) and not lines[index][1].strip().startswith(fence[:3]):
        index += 1
    return index + 1


def _skip_until_blank(lines: list[tuple[int, str]], index: int) -> int:
    index += 1
    while index < len(lines) and (lines[index][1].strip() or _indented_after_blank(lines, index)):
        index += 1
    return index


def _indented_after_blank(lines: list[tuple[int, str]], index: int) -> bool:
    following = next((line for _, line in lines[index:] if line.strip()), "")
    return following.startswith(("    ", "\t"))


def _take_block(lines: list[tuple[int, str]], index: int, found: list[Block]) -> int:
    start = index
    is_list = bool(LIST_MARKER.match(lines[index][1]))
    while index < len(lines):
        line = lines[index][1]
        if not line.strip():
            if is_list and index + 1 < len(lines) and _continues_list(lines[index + 1][1]):
                index += 1
                continue
            break
        if index > start and (HEADING.match(line) or FENCE.match(line) or BLOCK_FENCE.match(line)):
            break
        if index > start and not is_list and SETEXT_UNDERLINE.match(line):
            return index + 1  # the paragraph was a heading
        index += 1
    taken = lines[start:index]
    found.append(Block("list", taken, _items(taken)) if is_list else Block("paragraph", taken))
    return index


def _continues_list(line: str) -> bool:
    return bool(LIST_MARKER.match(line)) or line.startswith(("  ", "\t"))


def _items(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Top-level items of a list; nested items stay inside their parent."""
    indent = len(LIST_MARKER.match(lines[0][1]).group(1))
    items: list[list[tuple[int, str]]] = []
    for number, line in lines:
        marker = LIST_MARKER.match(line)
        if marker and len(marker.group(1)) <= indent:
            items.append([])
        items[-1].append((number, line))
    return [_trim(item) for item in items]


def _trim(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    return lines


def rows(page_text: str, has_picture: Callable[[str], bool]) -> list[Row]:
    """The rows of a page. ``has_picture(text)`` says whether source text starts with a picture."""
    found: list[Row] = []
    for block in blocks(page_text):
        if block.kind == "paragraph":
            found.append(_row(block.lines))
            continue
        pictured = [has_picture(_strip_marker(item[0][1])) for item in block.items]
        if pictured[0] and not any(pictured[1:]) and len(block.items) > 1:
            found.append(_row(block.lines, [item[0][0] for item in block.items]))
        else:
            found.extend(_row(item, [item[0][0]]) for item in block.items)
    return found


def _row(lines: list[tuple[int, str]], item_lines: list[int] | None = None) -> Row:
    first = lines[0][0]
    text = "\n".join(line for _, line in lines)
    starts = []
    for number in item_lines or []:
        offset = sum(len(line) + 1 for n, line in lines if n < number)
        starts.append(offset)
    return Row(first, text, starts)


def _strip_marker(line: str) -> str:
    return LIST_MARKER.sub("", line, count=1)
