"""State shared by the features during one build, and the base class they extend.

Data flows one way: ``on_files`` loads and validates sources into the model held
here, later events render from the model. Features never reach into each other's
state except through this object.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Reporter, shown_path
from .findings import Finding, report
from .languages.site import Languages
from .languages.speaking import speaking
from .render import Components

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from .config import PluginConfig
    from .publications.model import Publication


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


@dataclass
class Build:
    config: MkDocsConfig
    options: PluginConfig
    reporter: Reporter
    serving: bool = False
    today: dt.date = field(default_factory=build_date)
    publications: dict[str, Publication] = field(default_factory=dict)
    components: Components | None = None
    started: float = field(default_factory=time.monotonic)
    files: Files | None = None  # set when on_files starts
    findings: list[Finding] = field(default_factory=list)
    current_page: Page | None = None  # the page being rendered, for our Markdown extensions
    extra: dict[str, Any] = field(default_factory=dict)
    languages: Languages = field(default_factory=lambda: Languages("en", "en", ("en",)))  # set when on_files starts

    def __post_init__(self) -> None:
        resolved.cache_clear()  # links may have changed since the last build of `mkdocs serve`

    # Read from the config each time (a plugin may change it), resolved once per path in a build.
    @property
    def root(self) -> Path:
        return resolved(self.config.config_file_path or ".").parent

    @property
    def docs_dir(self) -> Path:
        return resolved(self.config.docs_dir)

    @property
    def easy_read_dir(self) -> Path:
        return resolved(os.path.join(self.root, self.options.easy_read_dir))

    @property
    def site_dir(self) -> Path:
        return resolved(self.config.site_dir)

    @property
    def cache_dir(self) -> Path:
        """What builds keep for the next one (PDFs, Braille-ready files, compiled templates, hyphenation
        patterns), outside the site: option pdf.cache_dir, beside mkdocs.yml."""
        return self.root / self.options.pdf.cache_dir

    def shown(self, path: Path) -> str:
        """A source file as messages and pages name it (relative to the project root)."""
        return shown_path(path, self.root)

    def file_at(self, src_uri: str) -> File | None:
        """The file at ``src_uri`` as MkDocs writes one (``a/b.md``): for the lookups made on every page,
        without ``Files.get_file_from_path``'s clean-up of a path a council wrote."""
        return self.files.src_uris.get(src_uri) if self.files is not None else None

    def publication_of(self, page: Page) -> Publication | None:
        return self.publications.get(slug_of(page.file.src_uri))

    @property
    def site_language(self) -> str:
        """The language this build writes the site in (`theme.language`, or mkdocs-static-i18n's current one)."""
        return self.languages.current

    def language_for(self, publication: Publication | None) -> str:
        """A publication is in the language of its `index.md` (or its `language:`); other pages in the site's."""
        return publication.language if publication is not None and publication.language else self.site_language

    def language_of(self, page: Page) -> str:
        publication = self.publication_of(page)
        if publication is not None:
            return self.language_for(publication)
        return getattr(page.file, "locale", None) or self.site_language

    def downloads_folder(self, slug: str) -> str:
        """Where a publication's PDFs and braille files live in the site: 'plan/pdf/', in Welsh 'cy/plan/pdf/'."""
        return f"{self.languages.prefix}{slug}/pdf/"

    def speaking_for(self, publication: Publication | None):  # noqa: ANN201 (a context manager)
        """Render in the publication's language: `with build.speaking_for(publication): ...`."""
        return speaking(self.language_for(publication))

    def find(self, finding: Finding) -> None:
        """Record a checker finding: a warning (fails --strict) or a suggestion."""
        report(self.reporter, self.findings, finding)

    def pdfs_enabled(self) -> bool:
        """PDFs are made in this build (in `mkdocs serve` only when asked)."""
        options = self.options.pdf
        return bool(options.enabled and (options.in_serve or not self.serving))

    def review_enabled(self) -> bool:
        return self.serving if self.options.review is None else bool(self.options.review)


@functools.lru_cache(maxsize=64)
def resolved(path: str) -> Path:
    """``Path(path).resolve()``, kept for the build: its folders are asked for on every page."""
    return Path(path).resolve()


def slug_of(src_uri: str) -> str:
    """The publication folder a page belongs to (easy-read pages included)."""
    parts = src_uri.split("/")
    if parts[0] == "easy-read" and len(parts) > 2:
        return parts[1]
    return parts[0] if len(parts) > 1 else ""


class Feature:
    """One capability of the plugin. Override only the MkDocs events it needs."""

    @classmethod
    def handles(cls, event: str) -> bool:
        """Whether this feature overrides ``event`` (the name of a method below): the plugin hands
        each page only to the features that do something with it."""
        return getattr(cls, event) is not getattr(Feature, event)

    # In `mkdocs serve`, on_post_build runs after the site is served and reloaded, in the background
    # (files that take long to make, such as PDFs): the edited page reloads as soon as its HTML is written.
    finishes_in_background = False

    def __init__(self, build: Build) -> None:
        self.build = build

    def on_config(self, config: MkDocsConfig) -> None: ...

    def on_files(self, files: Files) -> None: ...

    def on_nav(self, nav: Navigation, files: Files) -> None: ...

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        return markdown

    def on_page_content(self, html: str, page: Page) -> str:
        return html

    def on_env(self) -> None:
        """Every page's Markdown is rendered (page.content); templates are not yet."""

    def on_page_context(self, context: dict[str, Any], page: Page) -> None: ...

    def on_post_page(self, output: str, page: Page) -> str:
        return output

    def on_post_template(self, output: str, template_name: str) -> str:
        """A theme template of its own (404.html, sitemap.xml) has been rendered."""
        return output

    def on_post_build(self) -> None: ...

    def on_build_error(self) -> None:
        """The build failed: stop background work."""

    def supersede(self) -> None:
        """`mkdocs serve` started a newer build: stop this one's background work and write nothing more."""

    def page_top(self, page: Page) -> str | None:
        """Safe markup for above the page's content (banners, headers, links)."""
        return None

    def page_bottom(self, page: Page) -> str | None:
        """Safe markup for below the page's content (notices, downloads, feedback)."""
        return None
