"""The easy-read checker's rules: one small pure function each, over one row's prose.

Each returns :class:`Issue` objects with the line to report; ``checker.py``
decides which rules run and with what thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import markdown

from .numbers import as_digits, number_words
from .pictures import CHOOSE, PICTURE_SCHEME, nearest
from .text import ANY_ICON, ANY_IMAGE, CODE_SPAN, ICON_ALT, Prose, Sentence, Token, blank, destination, quote

Lookup = Callable[[str], object]  # a glossary's lookup: words -> term or None


@dataclass(frozen=True)
class Issue:
    line: int
    rule: str
    message: str
    suggestion: bool = False


def long_sentences(prose: Prose, max_words: int) -> list[Issue]:
    issues = []
    for sentence in prose.sentences:
        if len(sentence.tokens) > max_words:
            words = prose.row.text[sentence.start:sentence.end]
            issues.append(Issue(
                prose.row.line_at(sentence.start), "long-sentence",
                f"sentence has {len(sentence.tokens)} words; easy read uses at most {max_words}: \"{quote(words)}\"",
            ))
    return issues


def row_without_picture(prose: Prose) -> list[Issue]:
    if prose.picture is not None or not prose.sentences:
        return []
    return [Issue(
        prose.row.line, "row-without-picture",
        f"row has no picture: \"{quote(prose.row.text, 40)}\"; start it with a picture with alt text, "
        "like ![A bus](picture:travel), or an icon, like :material-bus:",
    )]


def pictures_without_alt(prose: Prose) -> list[Issue]:
    issues = []
    for match in ANY_IMAGE.finditer(prose.row.text):
        if not match.group("alt").strip():
            issues.append(Issue(
                prose.row.line_at(match.start()), "picture-without-alt",
                f"picture {destination(match.group('src'))!r} has no alt text; say what it shows, like ![A house]({match.group('src')})",
            ))
    for match in re.finditer(r"<img\b[^>]*>", prose.row.text):
        if not re.search(r"\balt\s*=\s*(\"[^\"\s][^\"]*\"|'[^'\s][^']*')", match.group()):
            issues.append(Issue(prose.row.line_at(match.start()), "picture-without-alt", "picture <img> has no alt text; add alt=\"what it shows\""))
    return issues


def icons_without_alt(prose: Prose, plain_name: Callable[[str], str | None], fallback: Callable[[str], str]) -> list[Issue]:
    """Icons with no alt text and no plain name on the package's list: a suggestion, as they are still read out."""
    issues = []
    for match in ANY_ICON.finditer(blank(prose.row.text, CODE_SPAN)):
        icon = match.group("icon")
        if ICON_ALT.search(match.group()[len(icon) + 2:]) or plain_name(icon):
            continue
        issues.append(Issue(
            prose.row.line_at(match.start()), "icon-without-alt",
            f"picture :{icon}: has no alt text and no plain name in the package's list, so it is read as "
            f"\"{fallback(icon)}\"; write alt text for this picture: `:{icon}:{{ aria-label=\"What it shows\" }}`",
            suggestion=True,
        ))
    return issues


def unknown_pictures(prose: Prose, known: Collection[str]) -> list[Issue]:
    issues = []
    for match in _picture_names(prose):
        name = match[1]
        if name == CHOOSE or name in known:
            continue
        close = nearest(name, known)
        hint = f"the nearest names are: {', '.join(close)}" if close else "no picture has a name like it"
        issues.append(Issue(
            match[0], "unknown-picture",
            f"there is no picture called {name!r}; {hint}. Put {name}.svg, .png or .jpg in the picture library "
            "(option pictures, easyread/pictures/ by default), or use an icon like :material-bus:",
        ))
    return issues


def pictures_to_choose(prose: Prose) -> list[Issue]:
    """The draft's ![Choose a picture](picture:choose): a row still waiting for its picture."""
    return [Issue(
        line, "choose-picture",
        f"choose a picture for this row: \"{quote(_words_of(prose), 50)}\"; replace picture:choose with a picture's name, "
        "like ![A bus](picture:travel), or use an icon, like :material-bus:",
    ) for line, name in _picture_names(prose) if name == CHOOSE]


def _picture_names(prose: Prose) -> list[tuple[int, str]]:
    """(line, name) of each ![Alt](picture:name) in the row."""
    found = []
    for match in ANY_IMAGE.finditer(prose.row.text):
        src = destination(match.group("src"))
        if src.startswith(PICTURE_SCHEME):
            found.append((prose.row.line_at(match.start()), src[len(PICTURE_SCHEME):]))
    return found


def _words_of(prose: Prose) -> str:
    return " ".join(prose.text.split()) or prose.row.text


def numbers_as_words(
    prose: Prose,
    find: Callable[[Sentence], list[Token]] = number_words,
    digits_of: Callable[[str], str | None] = as_digits,
) -> list[Issue]:
    """Numbers written as words; ``find`` and ``digits_of`` are the page language's (English by default)."""
    issues = []
    for sentence in prose.sentences:
        for token in find(sentence):
            digits = digits_of(token.word)
            hint = f" ({digits})" if digits else ""
            issues.append(Issue(
                prose.row.line_at(token.start), "number-as-word",
                f"number written as a word: {token.word!r}; easy read writes numbers as digits{hint}",
            ))
    return issues


def capitals(prose: Prose, acronyms: Collection[str], glossary_lookup: Lookup, glossary_spans: list[tuple[int, int]]) -> list[Issue]:
    allowed = {a.upper() for a in acronyms}
    runs: list[list[Token]] = []
    previous_end = -1
    for token in prose.tokens:
        if not _in_capitals(token.word) or _allowed_capitals(token, allowed, glossary_lookup, glossary_spans):
            previous_end = -1
            continue
        if runs and previous_end >= 0 and not prose.text[previous_end:token.start].strip():
            runs[-1].append(token)
        else:
            runs.append([token])
        previous_end = token.end
    return [Issue(
        prose.row.line_at(run[0].start), "capitals",
        f"{prose.row.text[run[0].start:run[-1].end]!r} is in capitals; write it in lower case. If it is an acronym, "
        "add it to the glossary or to the checker's acronyms option",
    ) for run in runs]


def _in_capitals(word: str) -> bool:
    letters = [c for c in _stem(word) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _stem(word: str) -> str:
    """'GPs' -> 'GP', 'NHS's' -> 'NHS'."""
    word = re.sub(r"['’]s$", "", word)
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[:-1].isupper() else word


def _allowed_capitals(token: Token, allowed: set[str], lookup: Lookup, spans: list[tuple[int, int]]) -> bool:
    stem = _stem(token.word)
    return stem.upper() in allowed or lookup(stem) is not None or lookup(token.word) is not None or _inside(token, spans)


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def italics(prose: Prose) -> list[Issue]:
    """Italics as Markdown renders them (*x*, _x_, ***x***, <em>), found in the row's source."""
    html = markdown.markdown(prose.row.text)
    issues = []
    for match in re.finditer(r"<(em|i)>(.*?)</\1>", html, re.DOTALL):
        words = re.sub(r"<[^>]+>", "", match.group(2))
        offset = prose.row.text.find(words.split("\n")[0]) if words else -1
        issues.append(Issue(
            prose.row.line_at(offset), "italics",
            f"italic text {quote(words, 40)!r}; easy read does not use italics (use **bold** for hard words only)",
        ))
    return issues


def semicolons(prose: Prose) -> list[Issue]:
    return [Issue(
        prose.row.line_at(match.start()), "semicolon",
        "semicolon; end the sentence there and start a new one",
    ) for match in re.finditer(";", prose.text)]


def long_words(prose: Prose, max_syllables: int, count: Callable[[str], int], plain: Collection[str], spans: list[tuple[int, int]]) -> list[Issue]:
    issues = []
    seen = set()
    for token in prose.tokens:
        if _inside(token, spans) or any(c.isdigit() for c in token.word):
            continue
        if token.word[:1].isupper() and not token.first_in_sentence:
            continue  # a name
        for part in re.split(r"[-’']", token.word):
            key = part.lower()
            if key in seen or _is_plain(key, plain):
                continue
            seen.add(key)
            syllables = count(part)
            if syllables > max_syllables:
                issues.append(Issue(
                    prose.row.line_at(token.start), "long-word",
                    f"{part!r} has {syllables} syllables; is there a shorter word? (or add it to the glossary or to plain_words)",
                    suggestion=True,
                ))
    return issues


def _is_plain(word: str, plain: Collection[str]) -> bool:
    if word in plain:
        return True
    for ending in ("s", "es", "ies"):
        if word.endswith(ending) and (word[: -len(ending)] in plain or word[: -len(ending)] + "y" in plain):
            return True
    return False


def too_many_sentences(prose: Prose, max_sentences: int) -> list[Issue]:
    count = len(prose.sentences)
    if count <= max_sentences:
        return []
    return [Issue(
        prose.row.line, "long-row",
        f"row has {count} sentences; easy read keeps 1 to {max_sentences} sentences beside each picture",
        suggestion=True,
    )]
