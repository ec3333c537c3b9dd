"""A Markdown tree processor: links the first use of each glossary term on a page.

It runs once per page over the element tree (after inline parsing), so that
headings, links, code and table header cells are skipped by structure, not by
guessing in text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .model import Glossary, Term

SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "th", "script", "style", "svg", "abbr", "button", "kbd", "strong", "b"}


@dataclass
class PageTerms:
    """What one page did with the glossary: terms it used, and the ones it linked."""

    used: dict[str, Term] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)


class FirstUseLinker(Treeprocessor):
    """Each term's first use becomes its markup (``markup(term, words)``), kept in Markdown's stash of
    raw HTML: the same terms are linked on every page of a publication, so their markup is made once
    and Markdown does not build and write out three elements for each."""

    def __init__(self, md: Markdown, glossary: Glossary, terms: PageTerms, markup: Callable[[Term, str], str]) -> None:
        super().__init__(md)
        self.glossary = glossary
        self.terms = terms
        self.markup = markup

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        if element.text:
            element.text = self._link(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = self._link(child.tail)

    def _link(self, text: str) -> str:
        """``text`` with the first use of each term replaced by a placeholder for its markup."""
        parts, cursor = [], 0
        for match in self.glossary.find(text):
            term = match.term
            self.terms.used.setdefault(term.anchor, term)
            if term.anchor in self.terms.linked:
                continue
            self.terms.linked.add(term.anchor)
            parts += (text[cursor:match.start], self.md.htmlStash.store(self.markup(term, text[match.start:match.end])))
            cursor = match.end
        if not parts:
            return text
        parts.append(text[cursor:])
        return "".join(parts)


class BoldWords(Treeprocessor):
    """Collects the bold words of an easy-read page, in order, for the checker and the Hard words box."""

    def __init__(self, md: Markdown, found: list[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: etree.Element) -> None:
        for element in (e for e in root.iter() if e.tag in ("strong", "b")):
            words = " ".join("".join(element.itertext()).split())
            if words:
                self.found.append(words)


class GlossaryExtension(Extension):
    """Registered per build; asks the feature, per page, which processor to run."""

    def __init__(self, make_processor: Callable[[Markdown], Treeprocessor | None]) -> None:
        super().__init__()
        self.make_processor = make_processor

    def extendMarkdown(self, md: Markdown) -> None:
        processor = self.make_processor(md)
        if processor is not None:
            # Last: after toc (5), so heading ids are untouched, and after MkDocs has resolved the
            # page's own links (0), since the glossary's links are already final URLs.
            md.treeprocessors.register(processor, "easyread_glossary", -1)
