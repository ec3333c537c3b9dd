"""First drafts of easy-read pages, written from a standard page's Markdown.

Shared by ``easy_read: draft`` (a web page for a quick look) and the
``easyread draft`` command (files a person edits). Conservative on purpose:
headings are kept; paragraphs and list items are cut into sentences with a
maintained sentence splitter (pysbd), so "Providing support; ensuring safety;
and leadership." stays one sentence; a sentence over the checker's length is
cut only between clauses (``shorten``); each row is one or two sentences, one
a line, after a picture chosen from its words. Numbers are written as digits
and the first use of each glossary term is bold. A person must still rewrite it.

Only the words are copied, and they are written back as text
(``markdown_text``): no Markdown, HTML or attribute list of the standard page
becomes markup in the draft.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..languages.speaking import gettext as _
from ..sources import split_front_matter
from .blocks import ADMONITION, BLOCK_FENCE, FENCE, HEADING, HTML_BLOCK, LIST_MARKER, OTHER_BLOCK, RULE, body_lines
from .markdown_text import as_markdown, line_start_as_text, words
from .numbers import SCALES, VALUES, as_digits, number_words
from .pictures import PICTURE_WORDS, picture_for
from .text import WORD
from .text import sentences as checker_sentences

if TYPE_CHECKING:
    import pysbd

CLAUSE_JOINS = ("; ", ", and ", ", but ", ", so ", ", or ")
KEEP_JOIN_WORD = {", but ": "But", ", so ": "So", ", or ": "Or"}
MIN_CLAUSE_WORDS = 4
# Longer than this, a sentence is cut even where no new clause starts (see _last_resort_cut).
LONGEST_SENTENCE = 25
PHRASE_COMMA = re.compile(r", (?=(?:in|with|for|by|from|at|on|as|so|but) )")
SHORT_FORM = re.compile(r"\(([A-Z]{2,6})\)")
NAME_CONNECTORS = {"of", "for", "and", "the", "in", "on", "&"}
LINKING_WORD = re.compile(r" (?=(?:to|that|which|who|because|after|before|when|while|where|so that|in order to) )")
# After "; " or ", and" (", but", ...) a new clause starts with its subject; "and what", "; ensuring" do not.
CLAUSE_SUBJECTS = {
    "we", "you", "they", "it", "he", "she", "i", "this", "that", "these", "those", "there", "people", "the",
    "our", "their", "its", "his", "her", "a", "an", "some", "many", "most", "all", "each", "every", "no",
    "more", "fewer", "staff", "families", "carers", "everyone", "everybody", "nobody", "partners",
    "services", "council",
}
PAIR_WORDS = 8  # two sentences share a row when each has at most this many words
CHART = re.compile(r"^ {0,3}/{3,}\s*chart\s*\|\s*(?P<title>.+?)\s*$")
HEADING_PARTS = re.compile(r"^ {0,3}(?P<level>#{1,6})(?P<text>.*?)(?:\s+\{[^}\n]*\}|\s+#+)?\s*$")
# Sub-points of a committee report's paragraph: "a) assess ...", "ii. decide ..."; each is its own rows.
SUB_POINT = re.compile(r"^ {0,3}(?:[a-z]|[ivx]{1,4})[.)][ \t]+(?=\S)")
ICON_NAME = re.compile(r"^(material|fontawesome|octicons|simple)-[a-z0-9-]+$")


@dataclass
class Draft:
    text: str
    source_lines: dict[int, int] = field(default_factory=dict)  # draft line -> standard source line


def picture_markup(name: str | None) -> str:
    """The start of a row: an icon shortcode, a named picture, or the marker to choose one."""
    if name is None:
        words = as_markdown(_("Choose a picture"))
        return f"![{words}](picture:choose)"
    if ICON_NAME.match(name):
        return f":{name}:"
    alt = as_markdown(re.sub(r"[-_]+", " ", name).strip().capitalize() or _("A picture"))
    target = f"picture:{name}"
    return f"![{alt}](<{target}>)" if re.search(r"[\s()<>]", name) else f"![{alt}]({target})"


@dataclass
class _Writer:
    glossary: Any
    default_picture: str | None
    max_words: int
    available: Collection[str]
    lines: list[str] = field(default_factory=list)
    source_lines: dict[int, int] = field(default_factory=dict)
    bolded: set[str] = field(default_factory=set)

    def emit(self, row: Sequence[str], source_line: int) -> None:
        """A row: its lines, then a blank line; each line remembers the standard line it came from."""
        for text in row:
            self.source_lines[len(self.lines)] = source_line  # 0-based index of the line
            self.lines.append(text)
        self.lines.append("")

    def heading(self, line: str) -> None:
        parts = HEADING_PARTS.match(line)
        text = words(parts["text"])
        if re.search(r"\w", text):
            self.lines += [f"{parts['level']} {as_markdown(text)}", ""]

    def paragraph(self, text: str, source_line: int) -> None:
        shown = words(text)
        if not re.search(r"\w", shown):
            return
        sentences = [with_digits(_as_sentence(s)) for s in split_sentences(shown, self.max_words)]
        for row in rows_of(sentences):
            name = picture_for(" ".join(row), self.available)
            start = picture_markup(name) if name or self.default_picture is None else f":{self.default_picture}:"
            written = [self.bold_hard_words(sentence) for sentence in row]
            self.emit([f"{start} {written[0]}", *map(line_start_as_text, written[1:])], source_line)

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


def first_draft(
    standard: str,
    title: str,
    glossary: Any = None,
    default_picture: str | None = "material-information-outline",
    max_words: int = 15,
    available: Collection[str] | None = None,
    comments: Sequence[str] = (),
) -> Draft:
    """A first draft of an easy-read page from a standard page's Markdown source.

    ``default_picture`` starts rows no picture fits; None writes the marker to choose one.
    ``available`` are the picture names rows may start with (default: the package's topic icons).
    ``comments`` are YAML comment lines for the front matter.
    """
    writer = _Writer(glossary, default_picture, max_words, list(PICTURE_WORDS) if available is None else available)
    writer.lines = ["---", *(f"# {comment}" for comment in comments), f"title: {json.dumps(title, ensure_ascii=False)}", "---", ""]
    lines = body_lines(standard)
    index = 0
    while index < len(lines):
        index = _step(writer, lines, index)
    text = "\n".join(writer.lines).rstrip() + "\n"
    return Draft(text, {number + 1: source for number, source in writer.source_lines.items()})


def chapter_title(publication_title: str, chapter: str, text: str, path: Path) -> str:
    """A chapter's title: the publication's for its index.md, else front matter, first heading or file name."""
    if chapter.endswith("/index.md"):
        return publication_title
    meta, body = split_front_matter(text, path)
    if meta.get("title"):
        return str(meta["title"])
    heading = next((words(line[2:]) for line in body.splitlines() if line.startswith("# ")), None)
    return heading or Path(chapter).stem.replace("-", " ").replace("_", " ").capitalize()


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
            chart_row = _("There is a chart in the standard version.")
            writer.emit([f":material-chart-bar: {chart_row}", _("It is about {subject}.").format(subject=about)], number)
        return _skip_fenced(lines, index)
    if stripped.startswith("|"):
        table_row = _("There is a table of numbers in the standard version.")
        writer.emit([f":material-table: {table_row}"], number)
        return _skip_while(lines, index, lambda text: text.strip().startswith("|"))
    if HTML_BLOCK.match(line):
        return _skip_while(lines, index, lambda text: bool(text.strip()))
    end = _paragraph_end(lines, index)
    writer.paragraph(" ".join(SUB_POINT.sub("", LIST_MARKER.sub("", text)).strip() for _, text in lines[index:end]), number)
    return end


def _paragraph_end(lines: list[tuple[int, str]], index: int) -> int:
    """One paragraph, or one list item (each item becomes its own rows)."""
    end = index + 1
    while end < len(lines):
        text = lines[end][1]
        if not text.strip() or LIST_MARKER.match(text.lstrip()) or SUB_POINT.match(text) or HEADING.match(text) or FENCE.match(text) or BLOCK_FENCE.match(text):
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
    """Words as the checker counts them."""
    return len(WORD.findall(text))


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    import pysbd  # loaded only when a draft is made

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, max_words: int) -> list[str]:
    """Sentences at real sentence boundaries (not at semicolons), long ones cut between clauses."""
    sentences = []
    for sentence in _segmenter().segment(text):
        sentence, notes = lift_acronyms(sentence.strip(), max_words)
        sentences += shorten(sentence, max_words) + notes
    return [s for s in sentences if s]


def lift_acronyms(sentence: str, max_words: int) -> tuple[str, list[str]]:
    """In a long sentence, "the Care Quality Commission (CQC)" becomes "the CQC", and a sentence of its
    own says what it is short for: as easy read explains a short form, and one clause the shorter."""
    if word_count(sentence) <= max_words:
        return sentence, []
    notes = []
    for match in reversed(list(SHORT_FORM.finditer(sentence))):
        start = _name_start(sentence[: match.start()].rstrip(), match.group(1))
        if start is None:
            continue
        name = sentence[start: match.start()].strip()
        sentence = f"{sentence[:start]}{match.group(1)}{sentence[match.end():]}"
        notes.insert(0, f"{match.group(1)} is short for {name}.")
    return sentence, notes


def _name_start(before: str, short: str) -> int | None:
    """Where the name that `short` abbreviates starts in `before` (its capitals spell `short`), if it does."""
    initials, position = "", len(before)
    for word in reversed(before.split(" ")):
        if word[:1].isupper():
            initials = word[0] + initials
        elif word.lower() not in NAME_CONNECTORS:
            break
        position -= len(word) + 1
        if initials == short:
            return max(position + 1, 0)
        if len(initials) >= len(short):
            break
    return None


def shorten(sentence: str, max_words: int, depth: int = 0) -> list[str]:
    """Split a long sentence where it is safe to: between clauses, near the middle."""
    if word_count(sentence) <= max_words or depth > 3:
        return [sentence]
    cut = _best_cut(sentence) or (_last_resort_cut(sentence) if word_count(sentence) > LONGEST_SENTENCE else None)
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
            if _outside_brackets(left) and _starts_clause(right) and min(word_count(left), word_count(right)) >= MIN_CLAUSE_WORDS:
                cuts.append((abs(match.start() - middle), match.start(), join))
    if not cuts:
        return None
    _, position, join = min(cuts)
    return position, join


def _last_resort_cut(sentence: str) -> tuple[int, str] | None:
    """A sentence too long for any reader and with no clause to cut at is cut at a comma, or else before
    a linking word, near the middle: every word stays, in order, for a person to rewrite."""
    middle = len(sentence) / 2
    for pattern in (PHRASE_COMMA, LINKING_WORD):
        cuts = [(abs(match.start() - middle), match.start(), match.group())
                for match in pattern.finditer(sentence)
                if _outside_brackets(sentence[: match.start()])
                and min(word_count(sentence[: match.start()]), word_count(sentence[match.end():])) >= MIN_CLAUSE_WORDS]
        if cuts:
            _, position, join = min(cuts)
            return position, join
    return None


def _starts_clause(right: str) -> bool:
    first = right.split()[0].lower().strip("\"'‘“(") if right.split() else ""
    # "..., and their carers, actually need": a few words then a comma are an aside, not a clause.
    aside = "," in right and word_count(right.split(",")[0]) <= 3
    return first in CLAUSE_SUBJECTS and not aside


def _outside_brackets(left: str) -> bool:
    return left.count("(") == left.count(")")


def with_digits(sentence: str) -> str:
    """Numbers written as words become digits ('five' -> '5'); compounds like 'two hundred' stay."""
    found = [token for part in checker_sentences(sentence) for token in number_words(part)]
    for token in reversed(found):
        digits = as_digits(token.word)
        if digits is None or token.word.lower() in SCALES or _next_to_number_word(sentence, token.start, token.end):
            continue
        sentence = sentence[:token.start] + digits + sentence[token.end:]
    return sentence


def _next_to_number_word(sentence: str, start: int, end: int) -> bool:
    before = re.search(r"([A-Za-z-]+)\W*$", sentence[:start])
    after = re.match(r"\W*([A-Za-z-]+)", sentence[end:])
    return any(match and match.group(1).lower().split("-")[0] in VALUES for match in (before, after))


def rows_of(sentences: list[str]) -> list[list[str]]:
    """One sentence a row, or two short ones together (each on its own line)."""
    rows: list[list[str]] = []
    index = 0
    while index < len(sentences):
        first = sentences[index]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if following and word_count(first) <= PAIR_WORDS and word_count(following) <= PAIR_WORDS:
            rows.append([first, following])
            index += 2
        else:
            rows.append([first])
            index += 1
    return rows
