"""Which Braille-ready files this build makes, from which pages, and which of them the cache already holds.

The pages are those the PDFs are made from (`pdf/plan.py`), in the same reading order; the cache key is
a hash of what the braille document's HTML is rendered from (the pages' HTML, the publication's details,
the templates and the language's catalogue), the layout options, the liblouis table and version and this
code. The document is rendered only for a file the cache does not have.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..pdf.cache import Entry, PdfCache
from ..pdf.fingerprint import Fingerprint, package_version
from ..pdf.plan import catalogue_digest_of, content_digests, printed_pages
from ..pdf.print_words import status_text
from .job import SUFFIX, BrailleJob
from .louis import table_for, version

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication

HERE = Path(__file__).parent
TEMPLATE = "braille/components/document.html"
TEMPLATES = (TEMPLATE, "pdf/components/date-line.html")  # the document and what it includes


@dataclass
class PlannedBrf:
    url: str  # site path: "plan/pdf/plan-easy-read.brf"
    key: str
    label: str  # "plan/braille-easy-read"
    easy_read: bool
    entry: Entry | None = None  # known: from the cache, or once translated
    job: BrailleJob | None = None  # to translate, when the cache did not have it
    error: BaseException | None = None
    seconds: float = 0.0


@dataclass
class BraillePlanner:
    build: Build
    files: Files
    nav_order: dict[str, int]
    cache: PdfCache
    command: str

    def __post_init__(self) -> None:
        self.templates = "".join(self.build.components.source(name) for name in TEMPLATES)

    def plan(self, publication: Publication) -> list[PlannedBrf] | None:
        """The publication's files, standard and easy read; None when some of its pages were not rendered."""
        found = printed_pages(self.build, self.files, self.nav_order).get(publication.slug)
        if found is None:
            return None
        with self.build.speaking_for(publication):
            return [self._planned(publication, pages, easy_read) for pages, easy_read in zip(found, (False, True))
                    if pages]

    def _planned(self, publication: Publication, pages: list[Page], easy_read: bool) -> PlannedBrf:
        options = self.build.options.braille
        slug = publication.slug
        language = self.build.language_for(publication)
        table = table_for(language, options.grade)
        context = {
            "title": publication.title, "subtitle": publication.subtitle, "easy_read": easy_read,
            "organisation": publication.organisation_or(self.build.options.organisation),
            # As on the PDF's cover: a draft must not read as agreed.
            "status": status_text(publication.status, publication.status_label) if publication.status != "published" else "",
            "published": bool(publication.published), "date": publication.published or self.build.today,
        }
        key = self._key(language, table, context, pages)
        name = f"{slug}-easy-read" if easy_read else slug
        kind = "braille-easy-read" if easy_read else "braille"
        label = f"{self.build.languages.prefix}{slug}/{kind}"  # each language's own: 'cy/plan/braille' in Welsh
        planned = PlannedBrf(f"{self.build.downloads_folder(slug)}{name}{SUFFIX}", key, label, easy_read)
        planned.entry = self.cache.get(key, label)
        if planned.entry is None:
            # The pages' HTML from Markdown, as the PDFs use it.
            html = self.build.components.render(TEMPLATE, chapters=[Markup(page.content or "") for page in pages], **context)
            planned.job = BrailleJob(key, label, html, table, self.command, options.cells_per_line,
                                     options.lines_per_page, str(self.cache.folder))
        return planned

    def _key(self, language: str, table: str, context: dict[str, object], pages: list[Page]) -> str:
        """A hash of what the file is made from: everything the document's HTML is rendered from (so that an
        unchanged file is found without rendering it), the layout options, the liblouis table and version
        and this code."""
        options = self.build.options.braille
        digests = content_digests(self.build, self.files)
        return (Fingerprint()
                .add(code_version(), version(self.command), table, options.cells_per_line, options.lines_per_page)
                .add(self.templates, language, catalogue_digest_of(self.build, self.files, language), *sorted(context.items()))
                .add(*(digests.of(page) for page in pages))
                .hexdigest())


@functools.cache
def code_version() -> str:
    """This package's braille code, and the versions of what renders its documents: a change in how files
    are laid out, or in how their dates are written, makes them again."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return "|".join((*(package_version(name) for name in ("mkdocs-easyread", "jinja2", "babel")), digest.hexdigest()))
