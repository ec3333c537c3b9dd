"""The `easyread` MkDocs plugin: a thin dispatcher over the features.

Each feature lives in its own folder with its options, templates and logic;
this class only creates them for a build and hands each MkDocs event to them in
order.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .build import Build, Feature
from .config import PluginConfig
from .confine import drop_files_outside_project
from .errors import Reporter
from .findings import summarise
from .languages.site import languages_of, move_generated_pages, name_as_in_one_language
from .languages.speaking import speaking
from .output import use_atomic_writes
from .publications.feature import Publications
from .sources import confine_sources_to, unreadable_pages
from .theme.feature import Theme, page_parts

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def feature_classes() -> list[type[Feature]]:
    """Features in the order they see each event: the model first, the theme last."""
    from .braille.feature import Braille
    from .charts.feature import Charts
    from .easy_read.feature import EasyRead
    from .glossary.feature import GlossaryFeature
    from .languages.feature import LanguageSwitch
    from .news.feature import News
    from .outcomes.feature import Outcomes
    from .pdf.feature import Pdf
    from .review.feature import Review
    from .statement.feature import Statement

    return [Publications, GlossaryFeature, News, Outcomes, EasyRead, Charts, Pdf, Braille, Review, Statement, LanguageSwitch, Theme]


PAGE_EVENTS = ("on_page_markdown", "on_page_content", "on_page_context", "on_post_page", "on_post_template", "page_top", "page_bottom")


def check_option_paths(build: Build) -> None:
    """Folders and files named in options must stay inside the project."""
    inside = {
        "easy_read_dir": (build.root / build.options.easy_read_dir, build.root, "the project (beside mkdocs.yml)"),
        "glossary_file": (build.docs_dir / build.options.glossary_file, build.docs_dir, "docs_dir"),
    }
    for option, (path, root, where) in inside.items():
        # As written: a file may be a link to another place inside the project (read_text checks that).
        if not Path(os.path.normpath(path)).is_relative_to(root):
            raise PluginError(f"easyread: option {option} {getattr(build.options, option)!r} must be inside {where}")


def source_of(page: Page) -> str:
    """The file a page comes from, to name in a message about it."""
    return page.file.abs_src_path or page.file.src_uri


class EasyReadPlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.build: Build | None = None
        self.features: list[Feature] = []
        self._configured: tuple[MkDocsConfig, list[Any]] | None = None
        self._page_language = contextlib.ExitStack()  # from on_page_markdown to the end of on_page_content
        self._background: list[Feature] = []  # still finishing an earlier build of `mkdocs serve`
        self._handling: dict[str, list[Feature]] = {}  # per page event, the features that override it

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before other plugins read the theme's language (search does, and fails on nonsense)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._forget_previous_build_of(config)
        root = Path(config.config_file_path or ".").resolve().parent
        self.build = Build(config=config, options=self.config, reporter=Reporter(root), serving=self.serving)
        check_option_paths(self.build)
        confine_sources_to(self.build.root)
        use_atomic_writes(True)
        self.features = [cls(self.build) for cls in feature_classes()]
        self._handling = {event: [f for f in self.features if f.handles(event)] for event in PAGE_EVENTS}
        for feature in self.features:
            feature.on_config(config)
        return config

    def _forget_previous_build_of(self, config: MkDocsConfig) -> None:
        """mkdocs-static-i18n builds each language with the same config object: take out the
        Markdown extensions our features added for the previous language before they add them again."""
        if self._configured is not None and self._configured[0] is config:
            config.markdown_extensions[:] = self._configured[1]
        else:
            self._configured = (config, list(config.markdown_extensions))
            self._supersede_background_work()

    def _supersede_background_work(self) -> None:
        """A new build of `mkdocs serve` (a new config; not the next language of the same build)."""
        for feature in self._background:
            feature.supersede()
        self._background.clear()

    # After other plugins have added their files, and after mkdocs-static-i18n (-100) has
    # picked this language's files.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.build.files = files
        self.build.languages = languages_of(config)
        name_as_in_one_language(files)
        drop_files_outside_project(files, self.build.reporter, self.build.root)
        checked = list(files)
        with speaking(self.build.site_language):
            for feature in self.features:
                with self.build.reporter.catching():
                    feature.on_files(files)
        drop_files_outside_project(files, self.build.reporter, self.build.root, checked)  # and what features added
        theirs = set(map(id, checked))
        self._drop_unreadable_pages(files)
        move_generated_pages([file for file in files.documentation_pages() if id(file) not in theirs], self.build.languages)
        return files

    def _drop_unreadable_pages(self, files: Files) -> None:
        """Report pages that are not UTF-8 and leave them out, so that the rest still builds."""
        pages = {Path(f.abs_src_path): f for f in files.documentation_pages() if f.abs_src_path}
        for error in unreadable_pages(pages):
            self.build.reporter.warn(error)
            files.remove(pages[error.path])

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        with speaking(self.build.site_language):
            for feature in self.features:
                with self.build.reporter.catching():
                    feature.on_nav(nav, files)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.build.current_page = page
        # MkDocs turns the Markdown into HTML after this event and before on_page_content, running
        # our Markdown extensions: the page's language stays set until on_page_content ends.
        self._page_language.close()
        self._page_language.enter_context(speaking(self.build.language_of(page)))
        for feature in self._handling["on_page_markdown"]:
            with self.build.reporter.catching(source_of(page)):
                markdown = feature.on_page_markdown(markdown, page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        with self._page_language:
            for feature in self._handling["on_page_content"]:
                with self.build.reporter.catching(source_of(page)):
                    html = feature.on_page_content(html, page)
        self.build.current_page = None
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        with speaking(self.build.site_language):
            for feature in self.features:
                with self.build.reporter.catching():
                    feature.on_env()
        return env

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        with speaking(self.build.language_of(page)):
            for feature in self._handling["on_page_context"]:
                with self.build.reporter.catching(source_of(page)):
                    feature.on_page_context(context, page)
            context["easyread"] = page_parts(self._handling["page_top"], self._handling["page_bottom"], page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        with speaking(self.build.language_of(page)):
            for feature in self._handling["on_post_page"]:
                with self.build.reporter.catching(source_of(page)):
                    output = feature.on_post_page(output, page)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        with speaking(self.build.site_language):
            for feature in self._handling["on_post_template"]:
                with self.build.reporter.catching(template_name):
                    output_content = feature.on_post_template(output_content, template_name)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        later = [feature for feature in self.features if self.serving and feature.finishes_in_background]
        try:
            self._post_build(self.build, [feature for feature in self.features if feature not in later])
            summarise(self.build.findings)
        finally:
            use_atomic_writes(False)
            confine_sources_to(None)
        if later:
            self._background.extend(later)
            threading.Thread(target=self._post_build, args=(self.build, later), name="easyread-finishing", daemon=True).start()

    @staticmethod
    def _post_build(build: Build, features: list[Feature]) -> None:
        with speaking(build.site_language):
            for feature in features:
                with build.reporter.catching():
                    feature.on_post_build()

    def on_build_error(self, *, error: Exception) -> None:
        use_atomic_writes(False)
        confine_sources_to(None)
        for feature in self.features:
            feature.on_build_error()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        easy_read_dir = self.build.easy_read_dir if self.build else None
        if easy_read_dir and easy_read_dir.is_dir():
            server.watch(str(easy_read_dir))
        return server
