"""Braille: a Braille-ready file (`.brf`) of each publication that has PDFs, and of its easy-read version,
translated by liblouis in the PDFs' worker pool and cached beside them.

At `on_env` each file is looked up in the cache; the missing ones join the PDFs' workers (or workers of
their own when every PDF came from the cache). The download boxes list them (`pdf/downloads.py`
asks this feature through `build.extra["downloads"]`); `on_post_build` copies them into each
publication's `pdf/` folder.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from ..errors import SourceError
from ..pdf.cache import Entry, PdfCache
from ..pdf.downloads import DownloadItem
from ..pdf.feature import FilesFromPages
from ..pdf.jobs import Rendered
from . import louis
from .job import SUFFIX

if TYPE_CHECKING:
    from ..build import Build
    from ..publications.model import Publication
    from .plan import BraillePlanner, PlannedBrf

log = logging.getLogger("mkdocs.plugins.easyread")


class Braille(FilesFromPages):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.planned: dict[str, list[PlannedBrf]] = {}
        self.started = 0.0

    @property
    def active(self) -> bool:
        return bool(self.build.options.braille.enabled and self.build.pdfs_enabled())

    @property
    def cache(self) -> PdfCache:
        return PdfCache(self.build.cache_dir, SUFFIX)

    def on_env(self) -> None:
        self.planned.clear()
        publications = [p for p in self.build.publications.values() if p.pdf]
        if not self.active or self.files is None or not publications:
            return
        command = louis.find()
        if command is None:
            self._without_liblouis()
            return
        from .plan import BraillePlanner  # with the print layout: loaded only by a build that makes these files

        self.started = time.monotonic()
        planner = BraillePlanner(self.build, self.files, self.nav_order, self.cache, command)
        for publication in publications:
            self._plan(planner, publication)
        self.build.extra["braille"] = set(self.planned)  # publications with a Braille-ready file, for the notices
        self.build.extra.setdefault("downloads", []).append(self)
        self._start([brf.job for files in self.planned.values() for brf in files if brf.job])

    def _plan(self, planner: BraillePlanner, publication: Publication) -> None:
        try:
            planned = planner.plan(publication)
        except Exception as error:  # noqa: BLE001 - one publication's files must not stop the build
            self._report(publication, "Braille-ready files", error)
            return
        if planned is None:
            log.info("easyread: Braille %s: left out, some of its pages were not rebuilt (dirty build)", publication.slug)
        elif planned:
            self.planned[publication.slug] = planned

    def _start(self, jobs: list[Any]) -> None:
        if not jobs:
            return
        from ..pdf.runner import Runner

        shared = self.build.extra.get("pdf.runner")
        if isinstance(shared, Runner):
            shared.add(jobs)
            self.runner = shared
        else:
            self.runner, self.own_runner = Runner(jobs, self.build.options.pdf.concurrency), True
        log.info("easyread: translating %d Braille-ready file%s into braille with liblouis",
                 len(jobs), "" if len(jobs) == 1 else "s")

    def _without_liblouis(self) -> None:
        message = (f"Braille-ready files were not made: liblouis is not installed (install it with "
                   f"`{louis.INSTALL}`); everything else was built")
        if self.build.options.braille.required:
            self.build.reporter.warn(SourceError(self.build.config.config_file_path or "mkdocs.yml", None,
                                                 f"{message}. Option braille.required is on"))
        else:
            log.info("easyread: %s", message)

    # The download boxes (pdf/downloads.py: OtherDownloads)

    def pending(self, slug: str) -> bool:
        return any(brf.entry is None and brf.error is None for brf in self.planned.get(slug, []))

    def items(self, slug: str, page_url: str, final: bool) -> list[DownloadItem]:
        items = []
        for brf in self.planned.get(slug, []):
            self._collect(brf, wait=final)
            if brf.error is not None or (final and brf.entry is None):
                continue
            items.append(DownloadItem(
                href=get_relative_url(brf.url, page_url or "."),
                variant="braille-easy-read" if brf.easy_read else "braille",
                pages=brf.entry.pages if brf.entry else 0,
            ))
        return items

    def _collect(self, brf: PlannedBrf, wait: bool) -> None:
        if brf.entry is not None or brf.error is not None or self.runner is None:
            return
        outcome = self.runner.result(brf.key) if wait else self.runner.done(brf.key)
        if isinstance(outcome, Rendered):
            brf.entry, brf.seconds = Entry(outcome.key, outcome.pages, outcome.size), outcome.seconds
        elif isinstance(outcome, BaseException):
            brf.error = outcome

    def on_post_build(self) -> None:
        try:
            for slug, files in self.planned.items():
                publication = self.build.publications[slug]
                for brf in files:
                    self._collect(brf, wait=True)
                    if self.superseded.is_set():
                        return
                    self._publish(publication, brf)
                self._log(slug, files)
        finally:
            self.close_runner()  # the PDFs' pool, when it was shared, is theirs to close
        translated = {brf.label: brf.key for files in self.planned.values() for brf in files if brf.job and brf.entry}
        if translated:
            try:
                self.cache.prune(translated)
            except OSError as error:
                log.info("easyread: Braille cache: older files were not removed: %s", error)

    def _publish(self, publication: Publication, brf: PlannedBrf) -> None:
        failed = self._copy_into_site(self.cache, brf.key if brf.entry is not None else None, brf.url)
        if brf.entry is not None and failed is None:
            return
        if failed is not None:
            brf.entry, brf.error = None, failed
        self._report(publication, "the Braille-ready file" + (" of the easy read version" if brf.easy_read else ""),
                     brf.error)

    def _log(self, slug: str, files: list[PlannedBrf]) -> None:
        made = [brf for brf in files if brf.entry is not None]
        translated = sum(1 for brf in made if brf.job is not None)
        log.info("easyread: Braille %s: %d file%s, %d braille pages, %d translated, %d from cache (%.2f s translating)",
                 slug, len(made), "" if len(made) == 1 else "s", sum(brf.entry.pages for brf in made), translated,
                 len(made) - translated, sum(brf.seconds for brf in files))
