"""Publishing easy-read pages: the sources in easyread/, first drafts, and the easy-read home.

Everything is added to MkDocs' files as generated files; nothing is ever
written into easyread/ or the docs folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel

from ..errors import SourceError, log
from ..languages.site import sources_for
from ..languages.speaking import gettext as _
from ..sources import front_matter_node, read_text, split_front_matter
from .drafts import chapter_title, first_draft
from .model import HOME, PREFIX, EasyReadPage, EasyReadSite, easy_read_uri, sign_off

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..build import Build
    from ..publications.model import Publication


def home_markdown() -> str:
    """The easy-read home's own words, in the language being built: each row a picture and plain words."""
    about = _("These pages are in easy read. They use short sentences and pictures.")
    choose = _("Choose what you want to read.")
    return f":material-book-open-variant: {about}\n\n:material-gesture-tap: {choose}\n"


class Publisher:
    def __init__(self, build: Build, files: Files) -> None:
        self.build = build
        self.files = files
        self.site = EasyReadSite()

    def publish(self) -> EasyReadSite:
        folder = self.build.easy_read_dir
        if folder.is_dir():
            self._publish_folder(folder)
        for publication in self.build.publications.values():
            self._check_easy_read_flag(publication)
            if publication.easy_read == "draft" and not self._has_sources(publication.slug):
                with self.build.speaking_for(publication):  # the draft's own sentences, in its language
                    self._add_drafts(publication)
        self._adopt_generated()
        self._add_home()
        return self.site

    # --- sources in easyread/ -----------------------------------------------------

    def _publish_folder(self, folder: Path) -> None:
        """Every file in easyread/, in the language being built (`index.cy.md` for Welsh)."""
        paths = [path for path in sorted(folder.rglob("*"))
                 if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)]
        for named, path in sources_for(paths, self.build.languages).items():
            uri = PREFIX + named.relative_to(folder).as_posix()
            if self.files.get_file_from_path(uri) is not None:
                self.build.reporter.warn(SourceError(path, None, f"{uri} is already a page of the site (in {self.build.config.docs_dir}); rename one of them"))
                continue
            self.files.append(File.generated(self.build.config, uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV))
            if path.suffix == ".md":
                self.site.pages[uri] = self._source_page(uri, path)

    def _source_page(self, uri: str, path: Path) -> EasyReadPage:
        page = EasyReadPage(uri, "source", path)
        try:
            meta, _body = split_front_matter(read_text(path), path)
            node = front_matter_node(path, meta)
            page.title = node.text("title", "", required=False)
            page.signed_off = sign_off(node)
        except SourceError as error:
            self.build.reporter.warn(error)
        return page

    def _has_sources(self, slug: str) -> bool:
        return any(page.kind == "source" and page.slug == slug for page in self.site.pages.values())

    def _check_easy_read_flag(self, publication: Publication) -> None:
        has_sources = self._has_sources(publication.slug)
        folder = f"{self.build.options.easy_read_dir.rstrip('/')}/{publication.slug}/"
        if publication.easy_read == "true" and not has_sources:
            self._warn_flag(publication, f"easy_read is true but {folder} has no easy-read pages; write them there, or set easy_read: draft to get a first draft")
        elif publication.easy_read == "false" and has_sources:
            # Only when the author said so: easy_read left out (false by default) is not a contradiction.
            self._warn_flag(publication, f"easy_read is false but {folder} has easy-read pages; set easy_read: true", only_if_set=True)

    def _warn_flag(self, publication: Publication, message: str, only_if_set: bool = False) -> None:
        path = self.build.root / publication.source  # the file this build read: index.cy.md in Welsh
        try:
            meta, _body = split_front_matter(read_text(path), path)
        except SourceError:
            return  # the publications feature reports it
        if only_if_set and "easy_read" not in meta:
            return
        line = front_matter_node(path, meta).line_of("easy_read") if "easy_read" in meta else 2
        self.build.reporter.warn(SourceError(path, line, message))

    # --- first drafts ---------------------------------------------------------------

    def _add_drafts(self, publication: Publication) -> None:
        options = self.build.options.easy_read
        log.info(
            "%s: easy_read: draft shows a first easy-read draft as web pages only; to get files to edit, "
            "run: easyread draft %s (it writes %s/%s/ and never overwrites)",
            publication.source, publication.slug, self.build.options.easy_read_dir.rstrip("/"), publication.slug,
        )
        for chapter in publication.chapters:
            uri = easy_read_uri(chapter)
            path = self.build.docs_dir / chapter
            if self.files.get_file_from_path(uri) is not None:
                continue  # never replace a page someone wrote
            try:
                text = read_text(path)
                title = chapter_title(publication.title, chapter, text, path)
            except SourceError as error:
                self.build.reporter.warn(error)
                continue
            draft = first_draft(text, title, self.build.extra.get("glossary"), options.default_picture, options.checker.max_sentence_words)
            self.files.append(File.generated(self.build.config, uri, content=draft.text, inclusion=InclusionLevel.NOT_IN_NAV))
            self.site.pages[uri] = EasyReadPage(uri, "draft", path, title, draft=draft)

    # --- pages other features made, and the home ---------------------------------------

    def _adopt_generated(self) -> None:
        for file in self.files.documentation_pages():
            if file.src_uri.startswith(PREFIX) and file.src_uri not in self.site.pages:
                self.site.pages[file.src_uri] = EasyReadPage(file.src_uri, "generated")

    def _add_home(self) -> None:
        if HOME in self.site.pages:
            self.site.pages[HOME].kind = "home" if self.site.pages[HOME].kind == "generated" else self.site.pages[HOME].kind
            return
        if not self.site.pages:
            return
        title = _("Easy read")
        content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{home_markdown()}"
        self.files.append(File.generated(self.build.config, HOME, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        self.site.pages[HOME] = EasyReadPage(HOME, "home", title=title)


def publish(build: Build, files: Files) -> EasyReadSite:
    return Publisher(build, files).publish()

