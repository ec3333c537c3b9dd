"""Rendering one PDF, in a worker process: HTML + CSS -> tagged PDF/UA-1 in the cache.

Everything here is importable at top level and every argument pickles, so it
runs under the 'spawn' and 'forkserver' start methods. The PDF goes straight
from the worker into the cache; only its page count and size come back.
"""

from __future__ import annotations

import time
from pathlib import Path

import pydyf
import weasyprint
from weasyprint.urls import URLFetcher

from .cache import PdfCache
from .jobs import Rendered, RenderJob

VARIANT = "pdf/ua-1"


def render_job(job: RenderJob) -> Rendered:
    """Render, fix what WeasyPrint leaves out of PDF/UA, and store in the cache."""
    started = time.monotonic()
    fetcher = URLFetcher(allowed_protocols={"file", "data"})  # the site loads nothing from another host
    html = weasyprint.HTML(string=job.html, base_url=job.styles_url, url_fetcher=fetcher)
    stylesheet = weasyprint.CSS(string=job.css, base_url=job.styles_url, url_fetcher=fetcher)
    document = html.render(stylesheets=[stylesheet], pdf_variant=VARIANT)
    data = document.write_pdf(finisher=finish, pdf_variant=VARIANT, pdf_identifier=job.key[:32].encode("ascii"))
    pages = len(document.pages)
    entry = PdfCache(Path(job.cache_dir)).put(job.key, data, pages, job.label)
    return Rendered(job.key, pages, entry.size, time.monotonic() - started)


def finish(document: weasyprint.Document, pdf: pydyf.PDF) -> None:
    """Give table header cells their scope (WeasyPrint 70 writes none: pdfua UA-15-003)."""
    objects = pdf.objects
    for element in objects:
        if isinstance(element, pydyf.Dictionary) and element.get("S") == "/TH":
            attributes = element.get("A")
            if not isinstance(attributes, pydyf.Dictionary):
                attributes = element["A"] = pydyf.Dictionary({"O": "/Table"})
            attributes["Scope"] = "/Column" if header_of_column(element, objects) else "/Row"
    viewer = pdf.catalog.get("ViewerPreferences")
    if isinstance(viewer, pydyf.Dictionary):
        viewer["DisplayDocTitle"] = "true"
    else:
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def header_of_column(cell: pydyf.Dictionary, objects: list) -> bool:
    """A header cell heads a column when it is in THead or in a row of header cells only."""
    row = parent_of(cell, objects)
    if row is None:
        return True
    group = parent_of(row, objects)
    if group is not None and group.get("S") == "/THead":
        return True
    cells = [objects[number] for number in numbers(row.get("K"))]
    return all(isinstance(kid, pydyf.Dictionary) and kid.get("S") == "/TH" for kid in cells)


def parent_of(element: pydyf.Dictionary, objects: list) -> pydyf.Dictionary | None:
    found = numbers(element.get("P"))
    return objects[found[0]] if found else None


def numbers(value: object) -> list[int]:
    """Object numbers of a pydyf reference (b'12 0 R') or an array of them."""
    if isinstance(value, (bytes, str)):
        return [int(value.split()[0])]
    if isinstance(value, (list, tuple)):
        return [number for item in value if isinstance(item, (bytes, str)) for number in numbers(item)]
    return []
