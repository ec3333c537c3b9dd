"""What the main process sends to a worker and gets back; importing this does not load WeasyPrint.

Every job pickles, and `run` is a top-level function, so jobs work under the
'spawn' and 'forkserver' start methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

WORKER_MODULE = "mkdocs_easyread.pdf.worker"


@dataclass(frozen=True)
class Problem:
    """A reference a PDF left out, for a warning: which page, what it named and why."""

    source: str  # the page's source file, relative to the project root
    reference: str  # as written, to find its line
    message: str


@dataclass(frozen=True)
class RenderJob:
    key: str
    label: str  # "ld-strategy/large-print": which PDF, for the cache and messages
    html: str
    css: str
    styles_url: str  # base for url() in the CSS
    cache_dir: str
    roots: tuple[str, ...] = ()  # the only folders WeasyPrint may read files from (confine.py)
    attachments: bool = False  # may the PDF embed files (rel="attachment")
    problems: tuple[Problem, ...] = ()  # found while the pages were rewritten
    chapters: tuple[tuple[str, str], ...] = ()  # (chapter id, source file): whose page a refused URL is on
    source: str = ""  # the publication's index.md, for what no page can be found for
    attached_file: str = "Attached file {name}"  # an attachment's /Contents, in the PDF's language
    attached_file_unnamed: str = "Attached file"


@dataclass(frozen=True)
class Rendered:
    key: str
    pages: int
    size: int
    seconds: float
    messages: tuple[str, ...] = ()  # what WeasyPrint logged (a picture it could not load...)
    problems: tuple[Problem, ...] = ()  # references left out: warnings for the council


class PoolJob(Protocol):
    """Another kind of file made in the PDFs' worker pool (Braille-ready files): it renders itself."""

    key: str
    html: str  # its length orders the jobs, longest first

    def render(self) -> Rendered: ...


class RenderError(Exception):
    """Whatever stopped a worker, as text: any exception pickles back to the main process."""


def run(job: RenderJob | PoolJob) -> Rendered:
    """Render one job in this (worker) process; WeasyPrint is loaded only here."""
    try:
        if not isinstance(job, RenderJob):
            return job.render()
        from . import worker

        return worker.render_job(job)
    except Exception as error:  # noqa: BLE001 - an exception that does not unpickle would break the whole pool
        raise RenderError(str(error) or type(error).__name__) from None
