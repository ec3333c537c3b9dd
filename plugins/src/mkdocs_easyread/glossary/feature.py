"""Glossary: first use of a term links to its plain meaning; glossary pages per publication and site."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from ..build import Feature, slug_of
from ..errors import SourceError
from ..findings import Finding
from ..languages.site import sources_for
from ..languages.speaking import gettext as _
from ..sources import read_text
from ..theme.search import lend_plain_pages_to_search
from .linker import BoldWords, FirstUseLinker, GlossaryExtension, PageTerms
from .loader import load_glossary
from .model import Glossary, Term
from .search import without_glossary_markup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

SITE_GLOSSARY = "glossary.md"


class GlossaryFeature(Feature):
    glossary: Glossary = Glossary([])

    def on_config(self, config: MkDocsConfig) -> None:
        config.markdown_extensions.append(GlossaryExtension(self._processor_for_current_page))
        self.page_terms: dict[str, PageTerms] = {}
        self.bold_words: dict[str, list[str]] = {}
        self.pages: dict[str, str] = {}  # glossary page src_uri -> publication slug ("" for the site's)

    # --- load -----------------------------------------------------------------

    def on_files(self, files: Files) -> None:
        self.page_terms.clear()
        self.bold_words.clear()
        self.pages.clear()
        self.glossary = self._load()
        self.build.extra["glossary"] = self.glossary
        source = files.get_file_from_path(self.build.options.glossary_file)
        if source is not None:
            files.remove(source)  # a data file, not something to publish as it is
        if not len(self.glossary):
            return
        self._add_page(files, SITE_GLOSSARY, "")
        for slug, publication in self.build.publications.items():
            if not publication.is_news:  # a press release links to the site glossary instead
                self._add_page(files, f"{slug}/glossary.md", slug)

    def _load(self) -> Glossary:
        named = self.build.docs_dir / self.build.options.glossary_file
        siblings = named.parent.glob(f"{named.stem}.*{named.suffix}") if named.parent.is_dir() else []
        path = sources_for([named, *siblings], self.build.languages).get(named)  # glossary.cy.yml in Welsh
        if path is None or not path.exists():
            return Glossary([])
        try:
            glossary, errors = load_glossary(path)
        except SourceError as error:
            self.build.reporter.warn(error)
            return Glossary([])
        self.build.reporter.warn_all(errors)
        return glossary

    def _add_page(self, files: Files, src_uri: str, slug: str) -> None:
        """A glossary page; its content is made in on_env, once every page has been read."""
        if files.get_file_from_path(src_uri) is None:
            # Only the site glossary is searchable, so a search finds each meaning once, not once per publication.
            search = "search:\n  exclude: true\n" if slug else ""
            with self.build.speaking_for(self.build.publications.get(slug)):  # the site's glossary: the site's language
                title = json.dumps(_("Glossary"))
            content = f"---\ntitle: {title}\n{search}---\n"
            # Not listed by MkDocs' own nav logic: the publications feature places it after the chapters.
            files.append(File.generated(self.build.config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
            self.pages[src_uri] = slug

    def _render_page(self, terms: list[Term], site_glossary_href: str | None) -> str:
        groups = [(letter, list(items)) for letter, items in itertools.groupby(terms, key=lambda t: t.letter)]
        return self.build.components.render(
            "glossary/components/glossary-page.html", terms=terms, groups=groups, site_glossary_href=site_glossary_href
        )

    # --- per page -------------------------------------------------------------

    def _processor_for_current_page(self, md: Markdown) -> Treeprocessor | None:
        page = self.build.current_page
        if page is None or not len(self.glossary) or page.file.src_uri in self.pages:
            return None
        uri = page.file.src_uri
        if uri.startswith("easy-read/"):
            return BoldWords(md, self.bold_words.setdefault(uri, []))
        terms = self.page_terms.setdefault(uri, PageTerms())
        glossary_url = self._glossary_url(page)
        return FirstUseLinker(md, self.glossary, terms, lambda term, words: self._term_markup(term, words, glossary_url))

    def _term_markup(self, term: Term, words: str, glossary_url: str) -> str:
        href = f"{glossary_url}#{term.anchor}"
        components = self.build.components
        return components.once(("glossary-term", term.anchor, words, href),
                               lambda: components.render("glossary/components/term.html", term=term, words=words, href=href))

    def _glossary_url(self, page: Page) -> str:
        """The URL of the glossary that ``page`` links to, relative to the page."""
        slug = slug_of(page.file.src_uri)
        target = f"{slug}/glossary.md" if f"{slug}/glossary.md" in self.pages else SITE_GLOSSARY
        return get_relative_url(self._url_of(target), page.file.url)

    def _url_of(self, src_uri: str) -> str:
        return self.build.file_at(src_uri).url

    def on_page_content(self, html: str, page: Page) -> str:
        words = self.bold_words.get(page.file.src_uri)
        if words is None:
            return html
        known = self._check_bold_words(page, words)
        if not known:
            return html
        return html + self.build.components.render("glossary/components/hard-words.html", terms=known)

    def _check_bold_words(self, page: Page, words: list[str]) -> list[tuple[Term, str]]:
        known: dict[str, tuple[Term, str]] = {}
        checker = self.build.options.easy_read.checker
        report_unknown = checker.enabled and checker.unknown_bold_word
        for word in words:
            term = self.glossary.lookup(word)
            if term is None:
                if not report_unknown:
                    continue
                self.build.find(Finding(
                    path=_source_path(page), line=_line_with(page, f"**{word}**"), rule="unknown-bold-word",
                    message=f"bold word {word!r} is not in the glossary; add it to {self.build.options.glossary_file} or remove the bold",
                    page_url=page.url,
                ))
            else:
                known.setdefault(term.anchor, (term, word))
        return list(known.values())

    # --- glossary pages ---------------------------------------------------------

    def on_env(self) -> None:
        if self.page_terms:
            lend_plain_pages_to_search(self.build.config.plugins.values(), without_glossary_markup)
        self.build.extra["glossary_used"] = {anchor for terms in self.page_terms.values() for anchor in terms.used}
        used_by_publication = self._terms_used_by_publication()
        for page in self._glossary_pages():
            slug = self.pages[page.file.src_uri]
            terms = used_by_publication.get(slug, []) if slug else self.glossary.terms
            href = get_relative_url(self._url_of(SITE_GLOSSARY), page.url) if slug else None
            with self.build.speaking_for(self.build.publications.get(slug)):
                page.content = self._render_page(terms, href)
            # MkDocs checks links to these anchors after this event.
            page.present_anchor_ids = {term.anchor for term in terms} | {f"letter-{term.letter.lower()}" for term in terms}

    def _glossary_pages(self) -> list[Page]:
        return [file.page for file in self.build.files if file.src_uri in self.pages and file.page is not None]

    def _terms_used_by_publication(self) -> dict[str, list[Term]]:
        used: dict[str, dict[str, Term]] = {}
        for uri, terms in self.page_terms.items():
            used.setdefault(slug_of(uri), {}).update(terms.used)
        return {slug: sorted(terms.values(), key=lambda t: t.term.lower()) for slug, terms in used.items()}


def _source_path(page: Page) -> Path:
    return Path(page.file.abs_src_path or page.file.src_uri)


def _line_with(page: Page, needle: str) -> int | None:
    """The first line of the page's source that contains ``needle``."""
    if not page.file.abs_src_path:
        return None
    try:
        text = read_text(_source_path(page))
    except SourceError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if needle.lower() in line.lower():
            return number
    return None
