"""Which PDFs this build makes, from which pages, and which of them the cache already holds."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .assemble import PrintDocument, assemble_document, rewrite_chapters
from .cache import Entry, PdfCache
from .jobs import RenderJob
from .sitemap import AssetStore, SiteMap
from .variants import EASY_READ, LARGE_PRINT, STANDARD, STYLES, Variant, stylesheet_text

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication

HERE = Path(__file__).parent


@dataclass
class PlannedPdf:
    variant: Variant
    url: str  # site path: "plan/pdf/plan-large-print.pdf"
    key: str
    label: str  # "plan/large-print"
    entry: Entry | None = None  # known: from the cache, or once rendered
    job: RenderJob | None = None  # to render, when the cache did not have it
    error: BaseException | None = None
    seconds: float = 0.0  # spent rendering it in a worker


@dataclass
class PublicationPdfs:
    publication: Publication
    pdfs: list[PlannedPdf] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.publication.slug


@dataclass
class Planner:
    build: Build
    files: Files
    nav_order: dict[str, int]
    cache: PdfCache
    assets: AssetStore

    def __post_init__(self) -> None:
        self.site = SiteMap(self.files, self.build.config.site_url)
        self.lang = self.build.config.theme.get("language") or "en"
        self.styles_url = STYLES.as_uri() + "/"
        custom_dir = self.build.config.theme.custom_dir
        self.css = {variant.name: stylesheet_text(variant, custom_dir) for variant in (STANDARD, LARGE_PRINT, EASY_READ)}

    def plan(self, publication: Publication) -> PublicationPdfs | None:
        """The publication's PDFs; None when some of its pages were not rendered (`serve --dirty`)."""
        planned = PublicationPdfs(publication)
        pages = self.pages_of(publication.slug)
        if pages is None:
            return None
        standard, easy_read = pages
        if standard:
            chapters = rewrite_chapters(standard, self.site, self.assets, publication.title)
            for variant in (STANDARD, LARGE_PRINT):
                planned.pdfs.append(self._planned(publication, variant, assemble_document(self.build, publication, variant, chapters, self.lang)))
        if easy_read:
            chapters = rewrite_chapters(easy_read, self.site, self.assets, publication.title)
            planned.pdfs.append(self._planned(publication, EASY_READ, assemble_document(self.build, publication, EASY_READ, chapters, self.lang)))
        return planned

    def pages_of(self, slug: str) -> tuple[list[Page], list[Page]] | None:
        """The publication's pages and its easy-read pages, index first, then in navigation order."""
        standard, easy_read = [], []
        for file in self.files.documentation_pages():
            if file.inclusion.is_excluded():
                continue
            if file.src_uri.startswith(f"{slug}/"):
                standard.append(file.page)
            elif file.src_uri.startswith(f"easy-read/{slug}/"):
                easy_read.append(file.page)
        if any(page is None or page.content is None for page in standard + easy_read):
            return None
        return sorted(standard, key=self._reading_order), sorted(easy_read, key=self._reading_order)

    def _reading_order(self, page: Page) -> tuple[int, int, str]:
        uri = page.file.src_uri
        parts = uri.split("/")
        is_index = parts[-1] == "index.md" and len(parts) == (3 if parts[0] == "easy-read" else 2)
        return (0 if is_index else 1, self.nav_order.get(uri, len(self.nav_order)), uri)

    def _planned(self, publication: Publication, variant: Variant, document: PrintDocument) -> PlannedPdf:
        css = self.css[variant.name]
        key = document.fingerprint(css, variant, versions())
        label = f"{publication.slug}/{variant.name}"
        pdf = PlannedPdf(variant, f"{publication.slug}/pdf/{variant.file_name(publication.slug)}", key, label)
        pdf.entry = self.cache.get(key)
        if pdf.entry is None:
            pdf.job = RenderJob(key, label, document.html, css, self.styles_url, str(self.cache.folder))
        return pdf


@functools.cache
def versions() -> str:
    """What else decides the bytes of a PDF: WeasyPrint's version and this package's PDF code."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*")):
        if path.suffix in (".py", ".html", ".css", ".svg") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(HERE).as_posix().encode())
            digest.update(path.read_bytes())
    return "|".join((package_version("weasyprint"), package_version("mkdocs-easyread"), digest.hexdigest()))


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"
