"""Braille pages as a transcriber lays them out (after BANA's Braille Formats, simplified):

- main headings (h1, h2) centred, with a blank line before; h1 also after;
- other headings in cell 5, runover lines too, with a blank line before;
- paragraphs start in cell 3 and run over to cell 1;
- list items and table rows start in cell 1 (2 more cells for each level of nesting) and run over 2 cells in;
- the braille page number at the right of each page's last line (on a line of its own unless the last
  line of text leaves three blank cells before it); no blank line at the top of a page;
- no line longer than the width: a word longer than a line is divided with a hyphen.
"""

from __future__ import annotations

from .linear import Block

GAP_BEFORE_NUMBER = 3  # blank cells between the last words of a page and its number
DIGITS = str.maketrans("1234567890", "ABCDEFGHIJ")
BREAK = None  # in a list of lines: start a new braille page


def page_number(number: int) -> str:
    """The braille page number in ASCII braille: number sign, then the digits as letters a-j."""
    return "#" + str(number).translate(DIGITS)


def lines_of(blocks: list[tuple[Block, str]], width: int) -> list[str | None]:
    """Each block's braille wrapped and placed; blank lines as ""; BREAK for a new page."""
    lines: list[str | None] = []
    for block, braille in blocks:
        if block.kind == "break":
            lines.append(BREAK)
        elif block.kind in ("h1", "h2"):
            lines.append("")
            lines.extend(line.strip().center(width).rstrip() for line in wrap(braille, width - 2, 0, 0))
            if block.kind == "h1":
                lines.append("")
        elif block.kind.startswith("h"):
            lines.append("")
            lines.extend(wrap(braille, width, 4, 4))
        elif block.kind == "item":
            indent = 2 * max(block.depth - 1, 0)
            lines.extend(wrap(braille, width, indent, indent + 2))
        else:
            lines.extend(wrap(braille, width, 2, 0))
    return lines


def wrap(braille: str, width: int, first: int, runover: int) -> list[str]:
    """Words on lines of at most `width` cells, the first line indented `first` cells, the others `runover`."""
    lines: list[str] = []
    line = " " * first
    for word in braille.split():
        for piece in pieces(word, width - runover):
            joined = f"{line} {piece}" if line.strip() else line + piece
            if len(joined) <= width:
                line = joined
            else:
                lines.append(line)
                line = " " * runover + piece
    if line.strip():
        lines.append(line)
    return lines


def pieces(word: str, room: int) -> list[str]:
    """A word that fits a line, or its parts with a hyphen at the end of each line but the last."""
    if len(word) <= room:
        return [word]
    size = max(room - 1, 1)
    parts = [word[start:start + size] for start in range(0, len(word), size)]
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


def paginate(lines: list[str | None], width: int, height: int) -> list[list[str]]:
    """Pages of `height` lines, each ending with its braille page number."""
    pages: list[list[str]] = []
    page: list[str] = []
    for line in lines:
        if line is BREAK:
            if any(page):
                pages.append(finished(page, len(pages) + 1, width, height))
            page = []
            continue
        if not page and not line:
            continue  # no blank line at the top of a page
        if len(page) == height - 1:
            number = page_number(len(pages) + 1)
            if line and len(line) + GAP_BEFORE_NUMBER + len(number) <= width:
                pages.append(page + [line + number.rjust(width - len(line))])
                page = []
                continue
            pages.append(finished(page, len(pages) + 1, width, height))
            page = []
            if not line:
                continue
        page.append(line)
    if any(page) or not pages:
        pages.append(finished(page, len(pages) + 1, width, height))
    return pages


def finished(page: list[str], number: int, width: int, height: int) -> list[str]:
    """The page padded with blank lines so that its number is on its last line."""
    while page and not page[-1]:
        page = page[:-1]
    return page + [""] * (height - 1 - len(page)) + [page_number(number).rjust(width)]


def brf(pages: list[list[str]]) -> bytes:
    """The file: lines ended by a newline, pages separated by a form feed."""
    return "\f".join("".join(line + "\n" for line in page) for page in pages).encode("ascii")
