"""Outcome tracking: one outcomes.yml per publication drives its progress pages and exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..build import Feature
from ..errors import SourceError
from .box import progress_box
from .loader import load_plan
from .model import Plan
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

    def on_files(self, files: Files) -> None:
        self.plans, self.files = {}, {}
        self.build.extra["outcomes"] = self.plans
        options = self.build.options.outcomes
        for slug in sorted(self.build.publications):
            path = self.build.docs_dir / slug / options.file_name
            if path.is_file():
                with self.build.reporter.catching(path):  # one plan's failure leaves the others
                    self._add(slug, path, files)
        self._warn_outside_publications(options.file_name)

    def _add(self, slug: str, path: Path, files: Files) -> None:
        plan, errors = load_plan(path, slug, self.build.shown(path), self.build.today)
        self.build.reporter.warn_all(errors)
        if plan is None:
            return
        self.files[slug], errors = add_plan_files(plan, self.build.publications[slug], files, self.build)
        self.build.reporter.warn_all(errors)
        self.plans[slug] = plan

    def _warn_outside_publications(self, file_name: str) -> None:
        for path in sorted(self.build.docs_dir.glob(f"*/{file_name}")):
            if path.parent.name not in self.build.publications:
                self.build.reporter.warn(SourceError(path, None, f"{file_name} is in a folder without index.md, so it belongs to no publication; add {path.parent.name}/index.md or move the file"))


    def page_bottom(self, page: Page) -> str | None:
        if not self.build.options.outcomes.progress_box:
            return None
        return progress_box(self.build, self.plans, self.files, page)
