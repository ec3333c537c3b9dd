"""Which PDFs this build makes, from which pages, and which of them the cache already holds."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..languages.catalogue import catalogue_file
from ..languages.speaking import gettext as _
from .cache import Entry, PdfCache
from .confine import roots_of
from .fingerprint import ContentDigests, Fingerprint, PageDigests, versions
from .jobs import RenderJob
from .logo import find_logo
from .references import References
from .review_pack import assemble_review_pack, fingerprint_parts, wants_review_pack
from .sitemap import AssetStore, SiteMap
from .variants import (
    EASY_READ,
    EASY_READ_PICTURE,
    LARGE_PRINT,
    REVIEW_PACK,
    STANDARD,
    STYLES,
    VARIANTS,
    Variant,
    stylesheet_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication
    from .assemble import Chapters

PUBLICATION_FIELDS = ("slug", "title", "subtitle", "type", "status", "summary", "closes", "committee", "contacts")
TEMPLATES = ("pdf/components/document.html", "pdf/components/cover.html", "pdf/components/print-header.html",
             "pdf/components/contents.html", "pdf/components/date-line.html", "theme/components/alternative-formats.html",
             "pdf/components/watermark.svg",
             "publications/components/report-details.html", "publications/components/contacts.html")


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


PublicationPages = tuple[list["Page"], list["Page"]]  # its own pages and its easy-read pages, in reading order
T = TypeVar("T")


def printed_pages(build: Build, files: Files, nav_order: dict[str, int]) -> dict[str, PublicationPages | None]:
    """Each publication's printed pages (`pages_of`), found once per build for every file made from them."""
    return once_per_build(build, files, "pdf.printed_pages", lambda: pages_of(build.publications, files, nav_order))


def content_digests(build: Build, files: Files) -> ContentDigests:
    """The printed pages' HTML, hashed once per build for every file made from it."""
    return once_per_build(build, files, "pdf.content_digests", ContentDigests)


def catalogue_digest_of(build: Build, files: Files, language: str) -> str:
    """A changed translation makes the files again; each language's catalogue is read once per build."""
    digests = once_per_build(build, files, "pdf.catalogue_digests", dict)
    if language not in digests:
        digests[language] = catalogue_digest(language)
    return digests[language]


def once_per_build(build: Build, files: Files, name: str, make: Callable[[], T]) -> T:
    """What `make()` returns, kept in `build.extra[name]` for the PDFs and the Braille-ready files alike
    until the files change (each build of `mkdocs serve` has its own)."""
    found = build.extra.get(name)
    if found is None or found[0] is not files:
        found = build.extra[name] = (files, make())
    return found[1]


def pages_of(publications: dict[str, Publication], files: Files,
             nav_order: dict[str, int]) -> dict[str, PublicationPages | None]:
    """Each publication's pages and its easy-read pages, index first, then in navigation order; None for a
    publication some of whose pages were not rendered (a dirty build).

    A committee report or news item prints as a council prints it: its own chapters only, without
    the glossary and progress pages the site adds (they stay on the web, linked from the PDF)."""
    pages: dict[str, PublicationPages] = {slug: ([], []) for slug in publications}
    for file in files.documentation_pages():
        if file.inclusion.is_excluded():
            continue
        parts = file.src_uri.split("/")
        own = publications.get(parts[0]) if len(parts) > 1 else None
        if own is not None and (file.generated_by is None or own.has_cover):
            pages[own.slug][0].append(file.page)
        if parts[0] == "easy-read" and len(parts) > 2 and parts[1] in pages:
            pages[parts[1]][1].append(file.page)
    order = functools.partial(reading_order, nav_order=nav_order)
    return {slug: (sorted(standard, key=order), sorted(easy_read, key=order))
            if all(page is not None and page.content is not None for page in standard + easy_read) else None
            for slug, (standard, easy_read) in pages.items()}


def reading_order(page: Page, nav_order: dict[str, int]) -> tuple[int, int, str]:
    uri = page.file.src_uri
    parts = uri.split("/")
    is_index = parts[-1] == "index.md" and len(parts) == (3 if parts[0] == "easy-read" else 2)
    return (0 if is_index else 1, nav_order.get(uri, len(nav_order)), uri)


@dataclass
class Planner:
    build: Build
    files: Files
    nav_order: dict[str, int]
    cache: PdfCache
    assets: AssetStore

    def __post_init__(self) -> None:
        self.site = SiteMap(self.files, self.build.config.site_url)
        self.styles_url = STYLES.as_uri() + "/"
        custom_dir = self.build.config.theme.custom_dir
        self.attachments = self.build.options.pdf.attachments
        roots = roots_of(self.build.docs_dir, self.build.easy_read_dir, custom_dir)
        self.references = References(self.site, self.assets, roots, self.attachments)
        self.page_digests = PageDigests(self.references, content_digests(self.build, self.files))
        self.css = {variant.name: stylesheet_text(variant, custom_dir) for variant in VARIANTS}
        self.templates = "".join(self.build.components.source(name) for name in TEMPLATES)
        self.chapters: dict[tuple[str, ...], Chapters] = {}
        # What every PDF of a variant shares (the code, print styles and templates that make it), hashed once.
        self.code_digests = {variant.name: Fingerprint().add(versions(), variant.name, self.css[variant.name], self.templates,
                                                             self.site.site_url, self.attachments).hexdigest()
                             for variant in VARIANTS}
        self.logo = find_logo(self.build, self.references)
        self.easy_read_picture = hashlib.sha256(EASY_READ_PICTURE.read_bytes()).hexdigest()  # on easy-read covers

    def plan(self, publication: Publication) -> PublicationPdfs | None:
        """The publication's PDFs, written in its language; None when some of its pages were not rendered."""
        with self.build.speaking_for(publication):
            return self._plan(publication)

    def _plan(self, publication: Publication) -> PublicationPdfs | None:
        pages = printed_pages(self.build, self.files, self.nav_order).get(publication.slug)
        if pages is None:
            return None
        standard, easy_read = pages
        planned = PublicationPdfs(publication)
        review_pack = easy_read if wants_review_pack(publication, self.build.today) else []
        for variant, variant_pages in ((STANDARD, standard), (LARGE_PRINT, standard), (EASY_READ, easy_read),
                                       (REVIEW_PACK, review_pack)):
            if variant_pages:
                planned.pdfs.append(self._planned(publication, variant, variant_pages))
        return planned

    def _planned(self, publication: Publication, variant: Variant, pages: list[Page]) -> PlannedPdf:
        css = self.css[variant.name]
        lang = self.build.language_for(publication)
        key = self._fingerprint(publication, variant, pages, lang)
        label = f"{self.build.languages.prefix}{publication.slug}/{variant.name}"  # 'cy/plan/standard' in Welsh
        pdf = PlannedPdf(variant, self.build.downloads_folder(publication.slug) + variant.file_name(publication.slug), key, label)
        pdf.entry = self.cache.get(key, label)
        if pdf.entry is None:
            from .assemble import assemble_document  # the print layout (lxml) loads only in a build that makes a PDF

            chapters = self._chapters(publication, pages)
            if variant is REVIEW_PACK:
                document = assemble_review_pack(self.build, publication, chapters, lang, logo=self._logo_uri())
            else:
                document = assemble_document(self.build, publication, variant, chapters, lang, logo=self._logo_uri())
            pdf.job = RenderJob(
                key, label, document.html, css, self.styles_url, str(self.cache.folder),
                roots=self.references.roots, attachments=self.attachments,
                problems=tuple(problem for chapter in chapters.items for problem in chapter.problems),
                chapters=tuple((chapter.id, chapter.source) for chapter in chapters.items),
                source=publication.source,
                # Translators: what a screen reader says of a file attached to a PDF; {name} is the file's name.
                attached_file=_("Attached file {name}"),
                attached_file_unnamed=_("Attached file"),
            )
        return pdf

    def _chapters(self, publication: Publication, pages: list[Page]) -> Chapters:
        """The pages rewritten as chapters, once for all the PDFs made of the same pages."""
        from .assemble import rewrite_chapters  # like assemble_document: only in a build that makes a PDF

        key = tuple(page.file.src_uri for page in pages)
        if key not in self.chapters:
            sources = [self._source_of(page, publication) for page in pages]
            self.chapters[key] = rewrite_chapters(pages, self.references, publication.title, sources)
        return self.chapters[key]

    def _source_of(self, page: Page, publication: Publication) -> str:
        """The page's source file as warnings name it: relative to the project; index.md for a generated page."""
        if not page.file.abs_src_path:
            return publication.source
        return self.build.shown(Path(page.file.abs_src_path))

    def _logo_uri(self) -> str | None:
        return self.logo.uri if self.logo else None

    def _fingerprint(self, publication: Publication, variant: Variant, pages: list[Page], lang: str) -> str:
        options = self.build.options
        formats = options.alternative_formats
        return (
            Fingerprint()
            .add(self.code_digests[variant.name], lang, catalogue_digest_of(self.build, self.files, lang))
            .add(*(getattr(publication, name) for name in PUBLICATION_FIELDS))
            .add(publication.published or self.build.today)
            # both: the publication's own is on the cover and in the footer, the site's beside its phone and email
            .add(publication.organisation, options.organisation, formats.phone, formats.textphone, formats.email,
                 formats.formats)
            .add(self.logo.digest if self.logo else "-", options.pdf.contents_from_chapters,
                 options.pdf.contents_from_headings, self.easy_read_picture)
            .add(*(fingerprint_parts(self.build) if variant is REVIEW_PACK else ()))
            .add_pages(pages, self.page_digests)
            .hexdigest()
        )


def catalogue_digest(language: str) -> str:
    """A hash of the language's catalogue (`.po`), or '-' when it has none."""
    path = catalogue_file(language)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
