"""Finds publications, validates their front matter and orders their chapters."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape

from ..build import Feature, slug_of
from ..errors import SourceError
from ..sources import FRONT_MATTER, expands_too_far, front_matter_node, read_text, split_front_matter
from .frontmatter import (
    CHAPTER_KEYS,
    EASY_READ_PAGE_KEYS,
    check_page_keys,
    publication_from,
)
from .navigation import arrange
from .templates import is_theme_template, theme_templates
from .numbering import NumberingExtension, PageNumbering, page_numbering, render_chapters_first

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def is_publication_index(file: File) -> bool:
    parts = file.src_uri.split("/")
    return len(parts) == 2 and parts[1] == "index.md" and file.generated_by is None


class Publications(Feature):
    def on_config(self, config: MkDocsConfig) -> None:
        config.markdown_extensions.append(NumberingExtension(self._current_page_is_numbered))

    def _current_page_is_numbered(self) -> PageNumbering | None:
        """How the page being rendered is numbered, or None when it is not."""
        page = self.build.current_page
        if page is None or page.file.generated_by is not None or page.file.src_uri.startswith("easy-read/"):
            return None  # generated pages (progress, glossary, easy read) have their own structure
        publication = self.build.publication_of(page)
        if publication is None or not publication.is_numbered:
            return None
        return page_numbering(publication, page.file.src_uri)

    def on_files(self, files: Files) -> None:
        self.build.publications.clear()
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if is_publication_index(file):
                self._load(file)
        for file in files.documentation_pages():
            publication = self.build.publications.get(slug_of(file.src_uri))
            if publication and not file.src_uri.startswith("easy-read/") and file.generated_by is None:
                publication.chapters.append(file.src_uri)
        for publication in self.build.publications.values():
            publication.chapters.sort(key=lambda uri: (not uri.endswith("/index.md"), uri))
        self._check_about()

    def _check_about(self) -> None:
        """News names the publication it is about by folder: that folder must be a publication."""
        publications = self.build.publications
        known = ", ".join(slug for slug, p in sorted(publications.items()) if not p.is_news) or "none"
        for publication in publications.values():
            subject = publications.get(publication.about) if publication.about else None
            if publication.about is None or (subject is not None and not subject.is_news):
                continue
            problem = "names no publication" if subject is None else "names a news item, not the publication the news is about"
            self.build.reporter.warn(SourceError(
                self.build.root / publication.source, publication.lines.get("about"),
                f"about {publication.about!r} {problem}; use the folder name of one of: {known}"))
            publication.about = None

    def _load(self, file: File) -> None:
        path = self._path(file)
        slug = file.src_uri.split("/")[0]
        try:
            meta, _body = split_front_matter(read_text(path), path)
        except SourceError as error:
            self.build.reporter.warn(error)  # the one problem to fix; what is missing follows from it
            meta, errors = {}, []
        else:
            errors = None
        publication, found = publication_from(slug, meta, path, self.build.shown(path))
        publication.url = file.url
        publication.language = publication.language or getattr(file, "locale", None)  # mkdocs-static-i18n's
        self.build.reporter.warn_all(found if errors is None else errors)
        self.build.publications[slug] = publication

    def on_nav(self, nav: Navigation, files: Files) -> None:
        arrange(nav, files, self.build.publications.values(), self.build.speaking_for)
        order = {page.file.src_uri: number for number, page in enumerate(nav.pages)}
        for publication in self.build.publications.values():
            publication.chapters.sort(key=lambda uri: order.get(uri, len(order)))
        render_chapters_first(files, self.build.publications.values())

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """Check chapters' and easy-read pages' keys; index.md was checked with its publication."""
        self._guard_meta(page)
        self._escape_meta(page)
        self._check_template(page)
        if not page.meta and markdown.startswith("---") and page.file.abs_src_path:
            markdown = self._recover_front_matter(page, markdown)
        uri = page.file.src_uri
        if page.file.generated_by is not None and not uri.startswith("easy-read/"):
            return markdown
        if is_publication_index(page.file) or not page.meta:
            return markdown
        if uri.startswith("easy-read/"):
            allowed, what = EASY_READ_PAGE_KEYS, "an easy-read page"
        elif posixpath.dirname(uri) and slug_of(uri) in self.build.publications:
            allowed, what = CHAPTER_KEYS, "a chapter"
        else:
            return markdown
        if any(key not in allowed for key in page.meta):
            self._check_keys_with_lines(page, allowed, what)
        return markdown

    def _guard_meta(self, page: Page) -> None:
        """MkDocs parses front matter itself: drop one whose aliases would expand without limit
        before a template writes it out, and report it with its line."""
        if not expands_too_far(page.meta):
            return
        page.meta = {}
        path = self._path(page.file)
        with self.build.reporter.catching():
            split_front_matter(read_text(path), path)  # raises the error with its line
            self.build.reporter.warn(SourceError(path, 2, "front matter expands too far through aliases (*name); write the values out"))

    def _recover_front_matter(self, page: Page, markdown: str) -> str:
        """MkDocs shows front matter it cannot read (an impossible date, say) as the page's text, contacts
        and all: say what is wrong with it, and keep it off the page, with what of it can be read."""
        path = self._path(page.file)
        with self.build.reporter.catching():
            meta, _body = split_front_matter(read_text(path), path)
            page.meta = {str(key): value for key, value in meta.items()} if isinstance(meta, Mapping) else {}
            self._escape_meta(page)
        block = FRONT_MATTER.match(markdown)
        return markdown[block.end():] if block else markdown

    def _check_template(self, page: Page) -> None:
        """A page may choose another of the theme's templates; a missing one would stop the build."""
        name = page.meta.get("template")
        if name is None or page.file.generated_by is not None:
            return
        if not isinstance(name, str) or not is_theme_template(self.build.config, name):
            path = self._path(page.file)
            line = front_matter_node(path, _front_matter_or_empty(path)).line_of("template")
            known = ", ".join(theme_templates(self.build.config)) or "none"
            self.build.reporter.warn(SourceError(path, line, f"template {str(name)!r} is not one of the theme's page templates; remove the line or use one of: {known}"))
            del page.meta["template"]

    @staticmethod
    def _escape_meta(page: Page) -> None:
        """Front-matter text reaches Material's templates (title, subtitle, description), which do
        not escape; Markup is text already escaped, never escaped twice."""
        for key, value in page.meta.items():
            if isinstance(value, str):
                page.meta[key] = escape(value)

    def _check_keys_with_lines(self, page: Page, allowed: tuple[str, ...], what: str) -> None:
        path = self._path(page.file)
        with self.build.reporter.catching():
            meta, _body = split_front_matter(read_text(path), path)
            self.build.reporter.warn_all(check_page_keys(meta, allowed, front_matter_node(path, meta), what))

    def _path(self, file: File) -> Path:
        return Path(file.abs_src_path or (self.build.docs_dir / file.src_uri))



def _front_matter_or_empty(path: Path) -> object:
    try:
        return split_front_matter(read_text(path), path)[0]
    except SourceError:
        return {}
