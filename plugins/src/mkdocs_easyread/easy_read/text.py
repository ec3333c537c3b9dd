"""A row's words as the reader sees them, at the same offsets as in the source.

Markup (pictures, links' targets, code, HTML, emphasis markers) is replaced by
spaces of the same length, so that an offset in the prose is an offset in the
source and gives the line to report.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field

from .blocks import LIST_MARKER, Row

ICON_PREFIXES = ("material", "fontawesome", "octicons", "simple")
ICON = rf":(?P<icon>(?:{'|'.join(ICON_PREFIXES)})-[a-z0-9-]+):"
ATTRS = r"(?:\{[^}\n]*\})?"
# A destination as Markdown allows it: <in angle brackets, spaces and all>, or plain (spaces too,
# and balanced brackets), before an optional "title".
DESTINATION = r"<[^<>\n]*>|(?:[^\s()<]|\([^()\n]*\))(?:[^\n()]|\([^()\n]*\))*?|"
IMAGE = rf"!\[(?P<alt>[^\]]*)\]\([ \t]*(?P<src>{DESTINATION})(?:\s+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)"
PICTURE_AT_START = re.compile(rf"\A\s*(?:{IMAGE}{ATTRS}|{ICON}{ATTRS}|(?P<html><img\b[^>]*>))")
ANY_IMAGE = re.compile(IMAGE + ATTRS)
ANY_ICON = re.compile(ICON + ATTRS)
WORD = re.compile(r"[^\W_](?:[\w'’.,£%-]*[^\W_%])?%?")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")  # the backslash escapes Markdown knows
SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s|$)|\n[ \t]*\n")

# www.example.org, council.gov.uk/bins: addresses without https://, not "e.g." or "3.5".
WEB_ADDRESS = (
    r"(?<![\w@/.-])(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|nhs|info|scot|wales|cymru|eu|io))"
    r"(?![\w-])(?:/[^\s<>]*[^\s<>.,;:!?)\]'\"])?"
)
CODE_SPAN = re.compile(r"`+[^`]*?`+")
# An alt text for an icon, in its attribute list: { aria-label="A bus" } or { title="A bus" }.
ICON_ALT = re.compile(r"""(?:^|[\s{])(?:aria-label|title)=(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'}]+)""")

_BLANKED = [
    CODE_SPAN,
    re.compile(IMAGE + ATTRS),
    re.compile(ICON + ATTRS),
    re.compile(r"<[^>\n]+>"),  # HTML tags and autolinks
    re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]"),  # web addresses, not the full stop after one
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # email addresses
    re.compile(WEB_ADDRESS, re.IGNORECASE),
    re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);"),
    re.compile(r"\[\^[^\]]*\]"),  # footnote references
    re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]"),  # link targets: "](url)" and "][ref]"
    re.compile(r"\{[^}\n]*\}"),  # attribute lists
    re.compile(r"\*+|(?<!\w)_+|_+(?!\w)"),  # emphasis markers
    re.compile(r"\\(?=\S)|\\$|\[", re.MULTILINE),  # escapes, a backslash line break, link text's opening bracket
    re.compile(r"^ {0,3}>", re.MULTILINE),  # block quotes
]


@dataclass(frozen=True)
class Picture:
    kind: str  # "image" | "icon" | "html"
    alt: str
    src: str
    end: int  # offset just after the picture in the row's text


@dataclass
class Token:
    start: int
    end: int
    word: str
    first_in_sentence: bool


@dataclass
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Prose:
    row: Row
    text: str  # the row's text with markup blanked: same length, same lines
    picture: Picture | None
    sentences: list[Sentence]

    @property
    def tokens(self) -> list[Token]:
        return [token for sentence in self.sentences for token in sentence.tokens]


def without_marker(text: str) -> tuple[str, int]:
    """Text after a leading list marker, and how many characters the marker took."""
    match = LIST_MARKER.match(text)
    return (text[match.end():], match.end()) if match else (text, 0)


def picture_at_start(text: str) -> Picture | None:
    """The picture a row (or list item) starts with, if any."""
    rest, skipped = without_marker(text)
    match = PICTURE_AT_START.match(rest)
    if not match:
        return None
    if match.group("icon"):
        return Picture("icon", "", match.group("icon"), skipped + match.end())
    if match.group("html"):
        alt = re.search(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*')", match.group("html"))
        return Picture("html", alt.group(1)[1:-1] if alt else "", "", skipped + match.end())
    return Picture("image", match.group("alt"), destination(match.group("src")), skipped + match.end())


def destination(src: str) -> str:
    """A picture's address as written, without the angle brackets around it."""
    return src[1:-1].strip() if src.startswith("<") and src.endswith(">") else src


def has_picture(text: str) -> bool:
    return picture_at_start(text) is not None


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace each match with spaces, keeping newlines (and so every offset and line)."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def blank_markers(row: Row) -> str:
    """Blank the list marker at the start of each item of the row."""
    lines = row.text.split("\n")
    return "\n".join(LIST_MARKER.sub(lambda m: " " * len(m.group()), line, count=1) for line in lines)


def prose(row: Row) -> Prose:
    text = blank_markers(row)
    for pattern in _BLANKED:
        text = blank(text, pattern)
    return Prose(row, text, picture_at_start(row.text), sentences(text, row.item_starts))


def sentences(text: str, boundaries: list[int] = ()) -> list[Sentence]:
    """Sentences of blanked prose: ends at . ! ? (before a space), blank lines and list items."""
    cuts = sorted({0, *boundaries, len(text), *(m.end() for m in SENTENCE_END.finditer(text))})
    found = []
    for start, end in itertools.pairwise(cuts):
        words = [m for m in WORD.finditer(text, start, end) if _is_word(m.group())]
        if not words:
            continue
        tokens = [Token(m.start(), m.end(), m.group(), index == 0) for index, m in enumerate(words)]
        found.append(Sentence(words[0].start(), end, tokens))
    return found


def _is_word(token: str) -> bool:
    """Numbers and phone numbers ("42", "3.5", "0800 123 4567") are read, but are not words to count."""
    return any(character.isalpha() for character in token)


def quote(text: str, limit: int = 60) -> str:
    """A short quotation of source text for a message, escapes and character references read."""
    words = " ".join(html.unescape(ESCAPE.sub(r"\1", text)).split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
