"""Between inline Markdown and the words a reader sees.

``words(markdown)`` reads the words out of a line of Markdown, as a reader of the
rendered page sees them: link text, code as written, escapes and character
references resolved; pictures, tags, attribute lists, icons and emphasis marks
gone. ``as_markdown(words)`` writes words back as Markdown that shows exactly
them, whatever extensions a site enables: nothing in them can become markup.
First drafts copy a standard page's text through both.
"""

from __future__ import annotations

import html
import re

# Markdown's own backslash escapes, for each character that can open or close inline markup:
# code, emphasis, attribute lists, links and pictures, headings' closing hashes, and pymdownx's
# ++keys++ and {>>critic<<} marks.
_BACKSLASHED = "\\`*_{}[]#+>"
# Character references for those it cannot backslash-escape: raw HTML and autolinks (<), character
# references (&), icons, emoji and URL schemes (:), tables (|), and pymdownx's ~~delete~~,
# ^^insert^^, ==mark==, $maths$ and @mentions.
_REFERENCED = "<&:|~^=$@"
_LITERAL = {c: "\\" + c for c in _BACKSLASHED} | {c: f"&#{ord(c)};" for c in _REFERENCED}
_MARKUP_CHARACTER = re.compile("[" + re.escape("".join(_LITERAL)) + "]")
# Left as written, so that a draft reads as typed: a colon before a space or the end that closes no
# ":shortcode" ("the council must: ..."), and an ampersand that starts no character reference ("Q&A").
_PLAIN_CHARACTER = re.compile(r"(?<![:\w+-])(?:[\w+-]+)?:(?=\s|$)|&(?!#?\w+;)")
_LINE_BREAK = re.compile(r"\s+")


def as_markdown(words: str) -> str:
    """Words as inline Markdown that shows exactly them, on one line (line breaks become spaces).

    For after the writer's own text on a line (a heading's hashes, a row's picture): there, list
    and rule markers (``1.``, ``-``, ``---``) are text, and ``!`` and ``(`` make pictures and
    links only next to a bracket, which is always escaped.
    """
    text = _LINE_BREAK.sub(" ", words)
    plain = {match.end() - 1 for match in _PLAIN_CHARACTER.finditer(text)}
    return _MARKUP_CHARACTER.sub(lambda match: match.group() if match.start() in plain else _LITERAL[match.group()], text)


_BLOCK_START = re.compile(r"^(?:[-+]|\d{1,9}(?=[.)]))")


def line_start_as_text(markdown: str) -> str:
    """Markdown for a line of its own inside a paragraph: a leading ``-``, ``+`` or ``1.`` stays text."""
    start = _BLOCK_START.match(markdown)
    if start is None:
        return markdown
    return markdown[: start.end()] + "\\" + markdown[start.end():] if markdown[0].isdigit() else "\\" + markdown


_DESTINATION = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # (url "title"), (<a b.svg>), (javascript:f(1))
_ATTRIBUTES = r"\{:?[ ]*(?:[#.][\w-]|[\w-]+[ ]*=)[^}\n]*\}"
_INLINE = re.compile(
    r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>])"  # a backslash escape Markdown knows: the character
    r"|(?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)"  # code: its text, as written
    r"|(?i:<(?P<hidden>script|style)\b.*?</(?P=hidden)\s*>)"  # never shown
    r"|!\[[^\]\n]*\](?:" + _DESTINATION + r"|\[[^\]\n]*\])(?:" + _ATTRIBUTES + r")?"  # pictures: no words
    r"|\[\^[^\]\n]*\]"  # footnote references
    r"|\[(?P<link>[^\]\n]*)\](?:" + _DESTINATION + r"|\[[^\]\n]*\])(?:" + _ATTRIBUTES + r")?"  # links: their words
    r"|<(?P<address>(?:https?|ftp)://[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>"  # autolinks: their address
    r"|<[^>\n]*>"  # HTML tags and comments
    r"|(?P<reference>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|" + _ATTRIBUTES +
    r"|:[a-z0-9+_-]+:"  # icons and emoji
    r"|\*+|(?<!\w)_+|_+(?!\w)"  # emphasis marks
)


def words(markdown: str) -> str:
    """The words a line of inline Markdown shows, whitespace collapsed."""
    return " ".join(_INLINE.sub(_shown, markdown).split())


def _shown(match: re.Match[str]) -> str:
    for group in ("escaped", "code", "address"):
        if match.group(group) is not None:
            return match.group(group)
    if match.group("link") is not None:
        return words(match.group("link"))
    if match.group("reference") is not None:
        return html.unescape(match.group("reference"))
    return ""
