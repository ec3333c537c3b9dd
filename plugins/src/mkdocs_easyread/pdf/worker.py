"""Rendering one PDF, in a worker process: HTML + CSS -> tagged PDF/UA-1 in the cache.

Everything here is importable at top level and every argument pickles, so it
runs under the 'spawn' and 'forkserver' start methods. The PDF goes straight
from the worker into the cache; only its page count and size come back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pydyf
import weasyprint
from weasyprint.urls import URLFetcher

from .cache import PdfCache
from .jobs import Rendered, RenderJob
from .structure import repair, watch_tagging

VARIANT = "pdf/ua-1"
MAX_MESSAGES = 10

watch_tagging()


def render_job(job: RenderJob) -> Rendered:
    """Render, fix what WeasyPrint leaves out of PDF/UA, and store in the cache."""
    started = time.monotonic()
    with collected_messages() as messages:
        fetcher = URLFetcher(allowed_protocols={"file", "data"})  # the site loads nothing from another host
        html = weasyprint.HTML(string=job.html, base_url=job.styles_url, url_fetcher=fetcher)
        stylesheet = weasyprint.CSS(string=job.css, base_url=job.styles_url, url_fetcher=fetcher)
        document = html.render(stylesheets=[stylesheet], pdf_variant=VARIANT)
        data = document.write_pdf(finisher=finish, pdf_variant=VARIANT, pdf_identifier=job.key[:32].encode("ascii"))
    pages = len(document.pages)
    entry = PdfCache(Path(job.cache_dir)).put(job.key, data, pages, job.label)
    return Rendered(job.key, pages, entry.size, time.monotonic() - started, tuple(dict.fromkeys(messages))[:MAX_MESSAGES])


@contextmanager
def collected_messages() -> Iterator[list[str]]:
    """WeasyPrint's warnings, to hand back to the build log rather than print from a worker."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def finish(document: weasyprint.Document, pdf: pydyf.PDF) -> None:
    """Repair the structure tree (scope of header cells, elements split across pages), ask viewers to show the title."""
    repair(pdf)
    viewer = pdf.catalog.get("ViewerPreferences")
    if isinstance(viewer, pydyf.Dictionary):
        viewer["DisplayDocTitle"] = "true"
    else:
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
