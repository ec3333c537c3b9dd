"""Rendering one PDF, in a worker process: HTML + CSS -> tagged PDF/UA-1 in the cache.

Everything here is importable at top level and every argument pickles, so it
runs under the 'spawn' and 'forkserver' start methods. The PDF goes straight
from the worker into the cache; only its page count and size come back.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pydyf
import weasyprint
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration

from .cache import PdfCache
from .speedups import collector_paused, compress_at_default_level
from .fetcher import REFUSED, ConfinedFetcher, problems_of
from .jobs import Rendered, RenderJob
from .links import describe_links
from .reuse import keep_page_references, reuse_drawings, share_copies
from .structure import repair, resolve, watch_tagging

VARIANT = "pdf/ua-1"
FONT_FACE = re.compile(r"@font-face", re.IGNORECASE)
MAX_MESSAGES = 10

watch_tagging()
reuse_drawings()
keep_page_references()
compress_at_default_level()


def render_job(job: RenderJob) -> Rendered:
    """Render, fix what WeasyPrint leaves out of PDF/UA, and store in the cache."""
    started = time.monotonic()
    with collector_paused():  # collects once the document is out of scope
        data, pages, messages, refused = rendered(job)
    problems = job.problems + problems_of(job, refused)
    entry = PdfCache(Path(job.cache_dir)).put(job.key, data, pages, job.label, problems)
    shown = tuple(message for message in dict.fromkeys(messages) if REFUSED not in message)  # those are warnings
    return Rendered(job.key, pages, entry.size, time.monotonic() - started, shown[:MAX_MESSAGES], problems)


def rendered(job: RenderJob) -> tuple[bytes, int, list[str], list[str]]:
    """The PDF's bytes and page count, what WeasyPrint said, and what it was refused."""
    with collected_messages() as messages:
        fetcher = ConfinedFetcher(job.roots)
        html = weasyprint.HTML(string=job.html, base_url=job.styles_url, url_fetcher=fetcher)
        stylesheet = parsed_stylesheet(job.css, job.styles_url, job.roots)
        if FONT_FACE.search(job.html):  # fonts a page brings stay its own: a configuration of its own
            stylesheet = parse_stylesheet(job.css, job.styles_url, job.roots)
        fetcher.refused.extend(stylesheet.refused)
        messages.extend(stylesheet.messages)
        counter_styles = CounterStyle(stylesheet.counter_styles)  # a copy: the document's own <style> adds to it
        document = html.render(stylesheets=[stylesheet.css], pdf_variant=VARIANT, counter_style=counter_styles,
                               font_config=stylesheet.fonts)
        if not job.attachments:
            without_attachments(document)
        data = document.write_pdf(finisher=functools.partial(finish, job=job), pdf_variant=VARIANT, pdf_identifier=job.key[:32].encode("ascii"))
    return data, len(document.pages), messages, fetcher.refused


@dataclass(frozen=True)
class Stylesheet:
    css: weasyprint.CSS
    counter_styles: CounterStyle  # its @counter-style rules (sub-points "a)"), which reach the document
    fonts: FontConfiguration  # the fonts it names, found and measured once for every PDF that uses it
    refused: tuple[str, ...]  # what its @import and url() named outside the site
    messages: tuple[str, ...]  # what WeasyPrint said of it (a site's rule it ignores)


def parse_stylesheet(css: str, base_url: str, roots: tuple[str, ...]) -> Stylesheet:
    fetcher = ConfinedFetcher(roots)
    counter_styles = CounterStyle()
    fonts = FontConfiguration()
    with collected_messages() as messages:
        parsed = weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher, counter_style=counter_styles,
                                font_config=fonts)
    return Stylesheet(parsed, counter_styles, fonts, tuple(fetcher.refused), tuple(messages))


# A variant's print CSS, parsed (and its selectors compiled) once per worker rather than once per PDF,
# with its font configuration: Pango then loads and measures each font once, not for every PDF.
parsed_stylesheet = functools.lru_cache(maxsize=8)(parse_stylesheet)


def without_attachments(document: weasyprint.Document) -> None:
    """No embedded files, whatever the HTML asks: `<link rel="attachment">` and `<a rel="attachment">`."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


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


def finish(document: weasyprint.Document, pdf: pydyf.PDF, job: RenderJob) -> None:
    """Repair the structure tree (scope of header cells, elements split across pages), describe links by their
    words, ask viewers to show the title."""
    share_copies(pdf)
    repair(pdf)
    describe_links(document)
    describe_attachments(pdf, job)
    viewer = pdf.catalog.get("ViewerPreferences")
    if isinstance(viewer, pydyf.Dictionary):
        viewer["DisplayDocTitle"] = "true"
    else:
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def describe_attachments(pdf: pydyf.PDF, job: RenderJob) -> None:
    """Each `<a rel="attachment">` annotation says which file it holds (PDF/UA: every annotation has /Contents)."""
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Subtype") == "/FileAttachment" and "Contents" not in item:
            spec = resolve(pdf, item.get("FS"))
            name = spec.get("UF") if isinstance(spec, pydyf.Dictionary) else None
            named = isinstance(name, pydyf.String)
            item["Contents"] = pydyf.String(job.attached_file.format(name=name.string) if named else job.attached_file_unnamed)
