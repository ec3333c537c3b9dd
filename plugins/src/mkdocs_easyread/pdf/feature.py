"""Pdf: tagged PDF/UA-1 files of each publication, standard, large print and easy read,
and for drafts and consultations an easy-read review pack for co-production groups.

At `on_env` every page's content exists: each PDF is looked up in the cache by a
hash of its inputs; only the missing ones are assembled into print documents and
start rendering in worker processes while MkDocs writes the HTML pages. `on_post_build` waits for
them, copies every PDF into the site and fills in the download boxes of pages
written before their PDFs were done.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import Feature
from ..errors import SourceError, line_naming
from ..output import copy_atomically
from .cache import Entry, PdfCache
from .downloads import PendingPage, files_from, patch, render_box
from .jobs import Problem, Rendered
from .sitemap import AssetStore

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication
    from .plan import PlannedPdf, PublicationPdfs
    from .runner import Runner

log = logging.getLogger("mkdocs.plugins.easyread")
ASSETS = AssetStore()  # digests of pictures, kept across the rebuilds of `mkdocs serve`


class FilesFromPages(Feature):
    """What PDFs and braille files share: the site's files and the navigation's reading order, which
    they follow; copying what was made from the cache into the site; saying what could not be made."""

    finishes_in_background = True

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.files: Files | None = None
        self.nav_order: dict[str, int] = {}
        self.superseded = threading.Event()  # a newer build of `mkdocs serve` makes these files now
        self.runner: Runner | None = None  # the worker pool the files are made in
        self.own_runner = False  # started by this feature, so closed by it

    def on_files(self, files: Files) -> None:
        self.files = files

    def on_nav(self, nav: Navigation, files: Files) -> None:
        self.files = files
        self.nav_order = {page.file.src_uri: number for number, page in enumerate(nav.pages)}

    def supersede(self) -> None:
        self.superseded.set()
        self.close_runner(cancel=True, forget=False)  # left for the finishing thread to forget

    def on_build_error(self) -> None:
        """A failed build: stop making files nobody will copy."""
        self.close_runner(cancel=True)

    def close_runner(self, cancel: bool = False, forget: bool = True) -> None:
        """Shut the pool down if this feature started it; `cancel`: without waiting for files not started yet."""
        if self.runner is not None and self.own_runner:
            self.runner.close(cancel=cancel)
        if forget:
            self.runner = None

    def _copy_into_site(self, cache: PdfCache, key: str | None, url: str) -> OSError | None:
        """The file made under `key` at its place in the site; with no file made (`key` None) or a failed
        copy, no older or partial file is left under its name."""
        target = self.build.site_dir / url
        if key is not None:
            try:
                copy_atomically(cache.pdf_path(key), target)
                return None
            except OSError as error:
                target.unlink(missing_ok=True)
                return error
        target.unlink(missing_ok=True)
        return None

    def _report(self, publication: Publication, what: str, error: BaseException | None) -> None:
        reason = (str(error) or type(error).__name__) if error is not None else "unknown error"
        self.build.reporter.warn(SourceError(
            self.build.root / publication.source, None,
            f"{what} for '{publication.slug}' could not be made: {reason}",
        ))


class Pdf(FilesFromPages):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.planned: dict[str, PublicationPdfs] = {}
        self.pending: dict[str, list[PendingPage]] = {}
        self.started = 0.0

    @property
    def active(self) -> bool:
        return self.build.pdfs_enabled()

    @property
    def cache(self) -> PdfCache:
        return PdfCache(self.build.cache_dir)

    def on_env(self) -> None:
        self.planned.clear()
        self.pending.clear()
        if not self.active or self.files is None:
            return
        # The print layout (lxml) and the worker pool are loaded only by a build that makes a PDF.
        from .plan import Planner

        self.started = time.monotonic()
        planner = Planner(self.build, self.files, self.nav_order, self.cache, ASSETS)
        for publication in self.build.publications.values():
            if publication.pdf:
                try:
                    planned = planner.plan(publication)
                except Exception as error:  # noqa: BLE001 - one publication's PDFs must not stop the build
                    self._report(publication, "PDFs", error)
                    continue
                if planned is None:
                    log.info("easyread: PDF %s: left out, some of its pages were not rebuilt (dirty build)", publication.slug)
                else:
                    self.planned[publication.slug] = planned
        jobs = [pdf.job for planned in self.planned.values() for pdf in planned.pdfs if pdf.job]
        if jobs:
            from .runner import Runner

            self.runner, self.own_runner = Runner(jobs, self.build.options.pdf.concurrency), True
            self.build.extra["pdf.runner"] = self.runner  # Braille-ready files are made by the same workers
            log.info("easyread: rendering %d PDF%s in %d worker process%s", len(jobs), "" if len(jobs) == 1 else "s",
                     self.runner.workers, "" if self.runner.workers == 1 else "es")

    def page_bottom(self, page: Page) -> str | None:
        publication = self.build.publication_of(page)
        planned = self.planned.get(publication.slug) if publication else None
        if planned is None or not planned.pdfs:
            return None
        try:
            return self._download_box(planned, page)
        except Exception as error:  # noqa: BLE001 - one publication's PDFs must not stop the build
            self._report(planned.publication, "the download box", error)
            return None

    def _download_box(self, planned: PublicationPdfs, page: Page) -> str:
        self._collect_finished(planned)
        easy_read = page.file.src_uri.startswith("easy-read/")
        others = self.build.extra.get("downloads", [])
        if any(pdf.entry is None and pdf.error is None for pdf in planned.pdfs) or any(o.pending(planned.slug) for o in others):
            self.pending.setdefault(planned.slug, []).append(PendingPage(Path(page.file.abs_dest_path), page.url, easy_read))
            return render_box(self.build.components, planned, page.url, final=False, easy_read=easy_read, others=others)
        # Every file is known: the box stays as it is for the rest of the build, the same on every page that
        # reaches the publication's downloads folder by the same relative address.
        box = functools.partial(render_box, self.build.components, planned, page.url, final=False, easy_read=easy_read,
                                others=others)
        address = files_from(self.build.downloads_folder(planned.slug), page.url)
        return box() if address is None else self.build.components.once(("download box", planned.slug, address, easy_read), box)

    def _collect_finished(self, planned: PublicationPdfs) -> None:
        """Take the figures of PDFs that finished rendering while pages were being written."""
        for pdf in planned.pdfs:
            if pdf.entry is None and pdf.error is None and self.runner is not None:
                self._take(pdf, self.runner.done(pdf.key))

    @staticmethod
    def _take(pdf: PlannedPdf, outcome: Rendered | BaseException | None) -> None:
        if isinstance(outcome, Rendered):
            pdf.entry = Entry(outcome.key, outcome.pages, outcome.size, outcome.problems)
            pdf.seconds = outcome.seconds
            for message in outcome.messages:
                log.info("easyread: PDF %s: WeasyPrint: %s", pdf.label, message)
        elif isinstance(outcome, BaseException):
            pdf.error = outcome

    def on_post_build(self) -> None:
        try:
            for planned in self.planned.values():
                if self.superseded.is_set():
                    return
                try:
                    self._finish(planned)
                except Exception as error:  # noqa: BLE001 - one publication's PDFs must not stop the others
                    self._report(planned.publication, "PDFs", error)
        finally:
            self.close_runner()
        if self.planned:
            self._log_totals()
        rendered = {pdf.label: pdf.key for p in self.planned.values() for pdf in p.pdfs if pdf.job and pdf.entry}
        if rendered:
            try:
                self.cache.prune(rendered)
            except OSError as error:
                log.info("easyread: PDF cache: older renderings were not removed: %s", error)

    def _finish(self, planned: PublicationPdfs) -> None:
        for pdf in planned.pdfs:
            if pdf.entry is None and pdf.error is None and self.runner is not None:
                self._take(pdf, self.runner.result(pdf.key))
            if self.superseded.is_set():
                return
            self._warn(pdf)
            self._publish(planned, pdf)
        with self.build.speaking_for(planned.publication):  # after the page events: in the publication's language
            patch(self.build.components, planned, self.pending.get(planned.slug, []), self.build.extra.get("downloads", []))
        self._log(planned)

    def _publish(self, planned: PublicationPdfs, pdf: PlannedPdf) -> None:
        failed = self._copy_into_site(self.cache, pdf.key if pdf.entry is not None else None, pdf.url)
        if pdf.entry is not None and failed is None:
            return
        if failed is not None:
            pdf.entry, pdf.error = None, failed
        self._report(planned.publication, f"the {pdf.variant.label}", pdf.error)

    def _warn(self, pdf: PlannedPdf) -> None:
        """What the PDF left out of its pages, found now or when it was rendered (kept in the cache)."""
        problems = pdf.entry.problems if pdf.entry else pdf.job.problems if pdf.job else ()
        for problem in problems:
            self.build.reporter.warn(self._source_error(problem))

    def _source_error(self, problem: Problem) -> SourceError:
        path = self.build.root / problem.source
        return SourceError(path, line_naming(path, problem.reference), problem.message)

    def _log(self, planned: PublicationPdfs) -> None:
        made = [pdf for pdf in planned.pdfs if pdf.entry is not None]
        rendered = sum(1 for pdf in made if pdf.job is not None)
        pages = sum(pdf.entry.pages for pdf in made)
        failed = len(planned.pdfs) - len(made)
        log.info(
            "easyread: PDF %s: %d file%s, %d pages, %d rendered, %d from cache%s (%.1f s rendering)",
            planned.slug, len(made), "" if len(made) == 1 else "s", pages, rendered, len(made) - rendered,
            f", {failed} failed" if failed else "", sum(pdf.seconds for pdf in planned.pdfs),
        )

    def _log_totals(self) -> None:
        pdfs = [pdf for planned in self.planned.values() for pdf in planned.pdfs]
        made = [pdf for pdf in pdfs if pdf.entry is not None]
        rendered = sum(1 for pdf in made if pdf.job is not None)
        log.info(
            "easyread: PDFs: %d files, %d pages, %d rendered, %d from cache, %d failed, %.1f s since the pages were read",
            len(made), sum(pdf.entry.pages for pdf in made), rendered, len(made) - rendered,
            len(pdfs) - len(made), time.monotonic() - self.started,
        )
