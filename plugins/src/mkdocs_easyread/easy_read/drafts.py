"""First drafts of easy-read pages, written from a standard page's Markdown.

Conservative on purpose: headings are kept, each paragraph or list item
becomes rows of one or two sentences, long sentences are split only at a
semicolon or at ", and" / ", but" / ", so" / ", or" with enough words on each
side, and each row gets a picture chosen from its words. Glossary words are
made bold (the easy-read convention for hard words). A person must still
rewrite it: the page says so.

Only the words are copied, and they are written back as text
(``markdown_text``): no Markdown, HTML or attribute list of the standard page
becomes markup in the draft.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .blocks import (
    ADMONITION,
    BLOCK_FENCE,
    FENCE,
    HEADING,
    HTML_BLOCK,
    LIST_MARKER,
    OTHER_BLOCK,
    RULE,
    body_lines,
)
from .markdown_text import as_markdown, words
from .pictures import picture_for

SENTENCE = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[A-Z0-9\"'‘“(£])")
CLAUSE_JOINS = ("; ", ", and ", ", but ", ", so ", ", or ")
KEEP_JOIN_WORD = {", but ": "But", ", so ": "So", ", or ": "Or"}
MIN_CLAUSE_WORDS = 4
# After ", and" (", but", ...) a new clause starts with its subject; "and what", "and for" do not.
CLAUSE_SUBJECTS = {
    "we", "you", "they", "it", "he", "she", "i", "this", "that", "these", "those", "there", "people", "the",
    "our", "their", "its", "his", "her", "a", "an", "some", "many", "most", "all", "each", "every", "no",
    "more", "fewer", "staff", "families", "carers", "everyone", "everybody", "nobody", "partners",
    "services", "council",
}
PAIR_WORDS = 8  # two sentences share a row when each has at most this many words
CHART = re.compile(r"^ {0,3}/{3,}\s*chart\s*\|\s*(?P<title>.+?)\s*$")
HEADING_PARTS = re.compile(r"^ {0,3}(?P<level>#{1,6})(?P<text>.*?)(?:\s+\{[^}\n]*\}|\s+#+)?\s*$")


@dataclass
class Draft:
    text: str
    source_lines: dict[int, int] = field(default_factory=dict)  # draft line -> standard source line


@dataclass
class _Writer:
    glossary: Any
    default_picture: str
    max_words: int
    lines: list[str] = field(default_factory=list)
    source_lines: dict[int, int] = field(default_factory=dict)
    bolded: set[str] = field(default_factory=set)

    def emit(self, text: str, source_line: int) -> None:
        self.source_lines[len(self.lines)] = source_line  # 0-based index of the row's line
        self.lines += [text, ""]

    def heading(self, line: str) -> None:
        parts = HEADING_PARTS.match(line)
        text = words(parts["text"])
        if re.search(r"\w", text):
            self.lines += [f"{parts['level']} {as_markdown(text)}", ""]

    def paragraph(self, text: str, source_line: int) -> None:
        shown = words(text)
        if not re.search(r"\w", shown):
            return
        for row in rows_of([_as_sentence(s) for s in split_sentences(shown, self.max_words)]):
            icon = picture_for(row, self.default_picture)
            self.emit(f":{icon}: {self.bold_hard_words(row)}", source_line)

    def bold_hard_words(self, text: str) -> str:
        """The words as Markdown, with the first use of each glossary term on the page in bold."""
        firsts = []
        for match in self.glossary.find(text) if self.glossary else []:
            if match.term.anchor not in self.bolded:
                self.bolded.add(match.term.anchor)
                firsts.append(match)
        pieces, position = [], 0
        for match in sorted(firsts, key=lambda match: match.start):
            pieces += [as_markdown(text[position:match.start]), "**", as_markdown(text[match.start:match.end]), "**"]
            position = match.end
        return "".join([*pieces, as_markdown(text[position:])])


def first_draft(standard: str, title: str, glossary: Any = None, default_picture: str = "material-information-outline", max_words: int = 15) -> Draft:
    """A first draft of an easy-read page from a standard page's Markdown source."""
    writer = _Writer(glossary, default_picture, max_words)
    writer.lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", ""]
    lines = body_lines(standard)
    index = 0
    while index < len(lines):
        index = _step(writer, lines, index)
    text = "\n".join(writer.lines).rstrip() + "\n"
    return Draft(text, {number + 1: source for number, source in writer.source_lines.items()})


def _step(writer: _Writer, lines: list[tuple[int, str]], index: int) -> int:
    number, line = lines[index]
    stripped = line.strip()
    if not stripped or RULE.match(line) or ADMONITION.match(line):
        return index + 1
    if HEADING.match(line):
        writer.heading(line)
        return index + 1
    if OTHER_BLOCK.match(line) and not stripped.startswith("|"):
        return index + 1  # attribute lists, abbreviations, link and footnote definitions: no words of the page
    if FENCE.match(line) or BLOCK_FENCE.match(line):
        chart = CHART.match(line)
        if chart:
            about = as_markdown(words(chart["title"]))
            writer.emit(f":material-chart-bar: There is a chart in the standard version. It is about {about}.", number)
        return _skip_fenced(lines, index)
    if stripped.startswith("|"):
        writer.emit(":material-table: There is a table of numbers in the standard version.", number)
        return _skip_while(lines, index, lambda text: text.strip().startswith("|"))
    if HTML_BLOCK.match(line):
        return _skip_while(lines, index, lambda text: bool(text.strip()))
    end = _paragraph_end(lines, index)
    writer.paragraph(" ".join(LIST_MARKER.sub("", text).strip() for _, text in lines[index:end]), number)
    return end


def _paragraph_end(lines: list[tuple[int, str]], index: int) -> int:
    """One paragraph, or one list item (each item becomes its own rows)."""
    end = index + 1
    while end < len(lines):
        text = lines[end][1]
        if not text.strip() or LIST_MARKER.match(text.lstrip()) or HEADING.match(text) or FENCE.match(text) or BLOCK_FENCE.match(text):
            break
        end += 1
    return end


def _as_sentence(text: str) -> str:
    """List items become sentences of their own: a capital letter and a full stop."""
    text = text[:1].upper() + text[1:]
    return text if re.search(r"[.!?:]['’\"”)]*$", text) else text.rstrip(",;") + "."


def _skip_fenced(lines: list[tuple[int, str]], index: int) -> int:
    fence = re.match(r"`{3,}|~{3,}|/{3,}", lines[index][1].strip()).group()[:3]
    index += 1
    while index < len(lines) and not lines[index][1].strip().startswith(fence):
        index += 1
    return index + 1


def _skip_while(lines: list[tuple[int, str]], index: int, keep: Callable[[str], bool]) -> int:
    while index < len(lines) and keep(lines[index][1]):
        index += 1
    return index


def word_count(text: str) -> int:
    return len(re.findall(r"\w[\w'’.,-]*", text))


def split_sentences(text: str, max_words: int) -> list[str]:
    sentences = []
    for sentence in SENTENCE.split(text):
        sentences += shorten(sentence.strip(), max_words)
    return [s for s in sentences if s]


def shorten(sentence: str, max_words: int, depth: int = 0) -> list[str]:
    """Split a long sentence where it is safe to: between clauses, near the middle."""
    if word_count(sentence) <= max_words or depth > 3:
        return [sentence]
    cut = _best_cut(sentence)
    if cut is None:
        return [sentence]
    position, join = cut
    left = sentence[:position].rstrip(" ,;") + "."
    right = sentence[position + len(join):].strip()
    right = f"{KEEP_JOIN_WORD[join]} {right}" if join in KEEP_JOIN_WORD else right[:1].upper() + right[1:]
    return shorten(left, max_words, depth + 1) + shorten(right, max_words, depth + 1)


def _best_cut(sentence: str) -> tuple[int, str] | None:
    middle = len(sentence) / 2
    cuts = []
    for join in CLAUSE_JOINS:
        for match in re.finditer(re.escape(join), sentence):
            left, right = sentence[: match.start()], sentence[match.end():]
            if _outside_brackets(left) and _starts_clause(right, join) and min(word_count(left), word_count(right)) >= MIN_CLAUSE_WORDS:
                cuts.append((abs(match.start() - middle), match.start(), join))
    if not cuts:
        return None
    _, position, join = min(cuts)
    return position, join


def _starts_clause(right: str, join: str) -> bool:
    first = right.split()[0].lower().strip("\"'‘“(") if right.split() else ""
    return join == "; " or first in CLAUSE_SUBJECTS


def _outside_brackets(left: str) -> bool:
    return left.count("(") == left.count(")")


def rows_of(sentences: list[str]) -> list[str]:
    """One sentence a row, or two short ones together."""
    rows: list[str] = []
    index = 0
    while index < len(sentences):
        first = sentences[index]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if following and word_count(first) <= PAIR_WORDS and word_count(following) <= PAIR_WORDS:
            rows.append(f"{first} {following}")
            index += 2
        else:
            rows.append(first)
            index += 1
    return rows
