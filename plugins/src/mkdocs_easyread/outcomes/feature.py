"""Outcome tracking: one outcomes.yml per publication drives its progress pages and exports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils.meta import get_data

from ..build import Feature, slug_of
from ..errors import SourceError
from ..hidden_html import HiddenHtml
from .box import progress_box
from .citations import citation_errors
from .loader import load_plan
from .model import Plan, as_at_for
from .pages import add_plan_files

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from ..build import Build


class Outcomes(Feature):
    """Loads each publication's outcomes.yml in on_files and adds its generated files.

    The plans are shared with other features (review, PDF) as
    ``build.extra["outcomes"]``: publication slug -> :class:`~.model.Plan`.
    """

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.plans: dict[str, Plan] = {}
        self.files: dict[str, dict[str, File]] = {}  # slug -> generated files by key (see pages.page_uris)
        self.paths: dict[str, Path] = {}  # slug -> its outcomes.yml
        self.markdown: dict[str, Callable[[], str]] = {}  # src_uri of a generated page -> its Markdown
        self.hidden = HiddenHtml()  # its HTML blocks, between Markdown and on_page_content

    def on_files(self, files: Files) -> None:
        self.plans, self.files, self.paths, self.markdown = {}, {}, {}, {}
        self.build.extra["outcomes"] = self.plans
        options = self.build.options.outcomes
        for slug in sorted(self.build.publications):
            path = self.build.docs_dir / slug / options.file_name
            source = files.get_file_from_path(f"{slug}/{options.file_name}")
            if source is not None:
                files.remove(source)  # a data file: its exports (outcomes.csv, outcomes.json) are what is published
            if path.is_file():
                with self.build.reporter.catching(path):  # one plan's failure leaves the others
                    self._add(slug, path, files)
        self._warn_outside_publications(options.file_name)

    def _add(self, slug: str, path: Path, files: Files) -> None:
        plan, errors = load_plan(path, slug, self.build.shown(path), self.build.today)
        self.build.reporter.warn_all(errors)
        if plan is None:
            return
        publication = self.build.publications[slug]
        plan.as_at = as_at_for(plan, publication.status == "archived", publication.review_by, publication.published)
        with self.build.speaking_for(publication):  # page titles in navigation, in the publication's language
            added = add_plan_files(plan, publication, files, self.build)
        self.build.reporter.warn_all(added.errors)
        self.files[slug], self.paths[slug], self.plans[slug] = added.files, path, plan
        self.markdown.update(added.markdown)

    def _warn_outside_publications(self, file_name: str) -> None:
        for path in sorted(self.build.docs_dir.glob(f"*/{file_name}")):
            # A publication not translated into the language being built has its index.md all the same.
            if path.parent.name not in self.build.publications and not any(path.parent.glob("index*.md")):
                self.build.reporter.warn(SourceError(path, None, f"{file_name} is in a folder without index.md, so it belongs to no publication; add {path.parent.name}/index.md or move the file"))

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """A generated page is written when it renders, after the report's chapters have numbered their paragraphs."""
        make = self.markdown.get(page.file.src_uri)
        if make is None:
            return markdown
        with self.build.reporter.catching(self.paths[slug_of(page.file.src_uri)]):  # a fault names outcomes.yml
            text = make()
            page.file.content_string = text  # what later readers of the source (line numbers) see
            return self.hidden.hide(get_data(text)[0], page)
        return markdown

    def on_page_content(self, html: str, page: Page) -> str:
        return self.hidden.restore(html, page)

    def on_env(self) -> None:
        """Every chapter has rendered: check each citation once, however many pages show it."""
        for slug, plan in self.plans.items():
            self.build.reporter.warn_all(citation_errors(plan, self.build.publications[slug], self.paths[slug]))

    def page_bottom(self, page: Page) -> str | None:
        if not self.build.options.outcomes.progress_box:
            return None
        return progress_box(self.build, self.plans, self.files, page)
