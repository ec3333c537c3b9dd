"""What the main process sends to a worker and gets back; importing this does not load WeasyPrint.

Every job pickles, and `run` is a top-level function, so jobs work under the
'spawn' and 'forkserver' start methods.
"""

from __future__ import annotations

from dataclasses import dataclass

WORKER_MODULE = "mkdocs_easyread.pdf.worker"


@dataclass(frozen=True)
class RenderJob:
    key: str
    label: str  # "ld-strategy/large-print": which PDF, for the cache and messages
    html: str
    css: str
    styles_url: str  # base for url() in the CSS
    cache_dir: str


@dataclass(frozen=True)
class Rendered:
    key: str
    pages: int
    size: int
    seconds: float
    messages: tuple[str, ...] = ()  # what WeasyPrint logged (a picture it could not load...)


def run(job: RenderJob) -> Rendered:
    """Render one job in this (worker) process; WeasyPrint is loaded only here."""
    from . import worker

    return worker.render_job(job)
