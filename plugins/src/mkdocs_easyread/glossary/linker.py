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
    def __init__(self, md: Markdown, glossary_url: str, glossary: Glossary, terms: PageTerms) -> None:
        super().__init__(md)
        self.glossary_url = glossary_url
        self.glossary = glossary
        self.terms = terms

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        index = 0
        if element.text:
            element.text, new = self._link(element.text)
            element[0:0] = new
            index = len(new)
        while index < len(element):
            child = element[index]
            self._walk(child)
            index += 1
            if child.tail:
                child.tail, new = self._link(child.tail)
                element[index:index] = new
                index += len(new)

    def _link(self, text: str) -> tuple[str, list[etree.Element]]:
        """Split ``text`` into leading text and new elements (a linked term each) carrying the rest as tails."""
        head, nodes, cursor = text, [], 0
        for match in self.glossary.find(text):
            term = match.term
            self.terms.used.setdefault(term.anchor, term)
            if term.anchor in self.terms.linked:
                continue
            self.terms.linked.add(term.anchor)
            term_element = self._element(term, text[match.start:match.end])
            if nodes:
                nodes[-1].tail = text[cursor:match.start]
            else:
                head = text[:match.start]
            nodes.append(term_element)
            cursor = match.end
        if nodes:
            nodes[-1].tail = text[cursor:]
        return head, nodes

    def _element(self, term: Term, words: str) -> etree.Element:
        """The term, a link to its glossary entry, and its meaning, in one box that stays open
        while the pointer or focus is on either (glossary.css, glossary.js: WCAG 1.4.13)."""
        means_id = f"er-means-{term.anchor}"
        box = etree.Element("span", {"class": "er-gloss"})
        link = etree.SubElement(box, "a", {"class": "er-term", "href": f"{self.glossary_url}#{term.anchor}", "aria-describedby": means_id})
        link.text = words
        # The meaning is left out of the search index: it belongs to the glossary, not to this page.
        means = etree.SubElement(box, "span", {"class": "er-term__means", "id": means_id, "role": "tooltip", "data-search-exclude": ""})
        means.text = term.means
        return box


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
