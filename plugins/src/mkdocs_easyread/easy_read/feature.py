"""EasyRead: easy-read pages in picture rows, links between versions, sign-off, the checker and first drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..build import Feature
from ..errors import SourceError
from ..findings import Finding
from ..sources import read_text
from ..theme.feature import status_banner
from . import pictures
from .checker import Settings, check_page
from .home import listing
from .layout import link_picture_size, make_plain, picture_size_file
from .model import HOME, PREFIX, EasyReadPage, EasyReadSite, easy_read_uri, is_easy_read
from .navigation import arrange
from .patterns import keep_patterns_in
from .publish import publish
from .rows import EasyReadExtension, library_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# Easy-read pages get large type: their content is wrapped in this (our own markup, no text).
WRAP_START = '<div class="er-easy-read">'
WRAP_END = "</div>"
BANNER_STATUSES = ("draft", "consultation", "archived")


class EasyRead(Feature):
    def on_config(self, config: MkDocsConfig) -> None:
        config.markdown_extensions.append(EasyReadExtension(self._rendering_easy_read, self.build))
        self.site = EasyReadSite()
        self.reading_order: list[str] = []
        link_picture_size(config)
        keep_patterns_in(self.build.cache_dir / "hyphenation")

    def _rendering_easy_read(self) -> bool:
        page = self.build.current_page
        return page is not None and is_easy_read(page.file.src_uri)

    def on_files(self, files: Files) -> None:
        files.append(picture_size_file(self.build))
        self.site = publish(self.build, files)
        self.build.extra["easy_read"] = self.site

    def on_nav(self, nav: Navigation, files: Files) -> None:
        arrange(nav, self.site, self.build)
        self.reading_order = [page.file.src_uri for page in nav.pages]

    # --- the checker ------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        entry = self.site.get(page.file.src_uri)
        if entry is not None and entry.kind in ("source", "draft"):
            self._check(entry, page)
        return markdown

    def _check(self, entry: EasyReadPage, page: Page) -> None:
        settings = Settings.from_options(self.build.options.easy_read.checker)
        try:
            text = entry.draft.text if entry.draft else read_text(entry.source)
        except SourceError as error:
            self.build.reporter.warn(error)
            return
        glossary, names = self.build.extra.get("glossary"), pictures.names(library_of(self.build))
        for issue in check_page(text, settings, glossary, names, language=self.build.language_of(page)):
            if entry.draft is None:
                finding = Finding(entry.source, issue.line, issue.rule, issue.message, page.url, issue.suggestion)
            else:  # nobody wrote a first draft: its findings never fail a build
                line = entry.draft.source_lines.get(issue.line)
                message = f"first easy-read draft at {page.url or '/'}: {issue.message}"
                finding = Finding(entry.source, line, issue.rule, message, page.url, suggestion=True)
            self.build.find(finding)

    # --- rendering ----------------------------------------------------------------------

    def on_page_content(self, html: str, page: Page) -> str:
        return f"{WRAP_START}{html}{WRAP_END}" if is_easy_read(page.file.src_uri) else html

    def on_env(self) -> None:
        home = self._file(HOME)
        if home is None or home.page is None or not self.build.options.easy_read.home_lists_versions:
            return
        content = home.page.content or ""
        versions = listing(self.build, self.site, self.reading_order, home.page)
        if content.endswith(WRAP_END):
            home.page.content = content[: -len(WRAP_END)] + versions + WRAP_END
        else:
            home.page.content = content + versions

    def on_page_context(self, context: dict[str, Any], page: Page) -> None:
        if is_easy_read(page.file.src_uri) and self._plain():
            make_plain(page)

    def _plain(self) -> bool:
        return not self.build.options.easy_read.navigation

    def page_top(self, page: Page) -> str | None:
        if is_easy_read(page.file.src_uri):
            return self._easy_read_top(page)
        return self._standard_top(page)

    def _standard_top(self, page: Page) -> str | None:
        uri = page.file.src_uri
        publication = self.build.publication_of(page)
        if page.is_homepage:
            target, label = self._file(HOME), "home"
        else:
            target, label = self._file(easy_read_uri(uri)), "page"
        if target is None and publication is not None:
            target, label = self._file(f"{PREFIX}{publication.slug}/index.md"), "publication"
        if target is None:
            return None
        entry = self.site.get(target.src_uri)
        draft = entry is not None and entry.kind == "draft"
        return self._version_link(page, target, label, "easy-read", draft=draft)

    def _easy_read_top(self, page: Page) -> str:
        uri = page.file.src_uri
        entry = self.site.get(uri)
        slug = entry.slug if entry else ""
        publication = self.build.publications.get(slug)
        if uri == HOME:
            standard, label = self._file("index.md"), "home"
        else:
            standard, label = self._file(uri[len(PREFIX):]), "page"
        if standard is None and publication is not None:
            standard, label = self._file(f"{slug}/index.md"), "publication"
        index = self._file(f"{PREFIX}{slug}/index.md") if slug else None
        part_of = None
        if index is not None and index.src_uri != uri and index.page is not None:
            part_of = {"href": get_relative_url(index.url, page.url), "title": index.page.title or (publication and publication.title)}
        render = self.build.components.render
        return render(
            "easy_read/components/easy-read-header.html",
            plain=self._plain(),
            listen=self.build.options.easy_read.listen,
            banner=Markup(status_banner(self.build, publication)) if publication and publication.status in BANNER_STATUSES else "",
            label=uri != HOME,
            part_of=part_of,
            show_title="<h1" not in (page.content or ""),
            title=page.title or (entry and entry.title) or "",
            standard_link=self._version_link(page, standard, label, "standard") if standard else "",
            draft=bool(entry and entry.kind == "draft"),
            signed_off=entry.signed_off if entry else None,
            needs_sign_off=bool(entry and entry.needs_sign_off),
        )

    def _version_link(self, page: Page, target: File, label: str, kind: str, draft: bool = False) -> Markup:
        """`label`: which version-link.html words: "home", "page" or "publication"."""
        return Markup(self.build.components.render_once(
            "easy_read/components/version-link.html",
            href=get_relative_url(target.url, page.url),
            label=label,
            kind=kind,
            draft=draft,
            picture=Markup(pictures.svg(kind)),
        ))

    def _file(self, src_uri: str) -> File | None:
        return self.build.file_at(src_uri)
