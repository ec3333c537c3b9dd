"""Which Braille-ready files this build makes, from which pages, and which of them the cache already holds.

The pages are those the PDFs are made from (`pdf/plan.py`), in the same reading order; the cache key is
a hash of the braille document's HTML, the layout options, the liblouis table and version and this code.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..pdf.cache import Entry, PdfCache
from ..pdf.fingerprint import Fingerprint
from ..pdf.plan import printed_pages
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
        table = table_for(self.build.language_for(publication), options.grade)
        html = self.build.components.render(
            TEMPLATE, title=publication.title, subtitle=publication.subtitle, easy_read=easy_read,
            organisation=publication.organisation_or(self.build.options.organisation),
            # As on the PDF's cover: a draft must not read as agreed.
            status=status_text(publication.status, publication.status_label) if publication.status != "published" else "",
            published=bool(publication.published), date=publication.published or self.build.today,
            chapters=[Markup(page.content or "") for page in pages],  # the pages' HTML from Markdown, as the PDFs use it
        )
        key = (Fingerprint().add(code_version(), version(self.command), table, options.cells_per_line,
                                 options.lines_per_page, html).hexdigest())
        name = f"{slug}-easy-read" if easy_read else slug
        kind = "braille-easy-read" if easy_read else "braille"
        label = f"{self.build.languages.prefix}{slug}/{kind}"  # each language's own: 'cy/plan/braille' in Welsh
        planned = PlannedBrf(f"{self.build.downloads_folder(slug)}{name}{SUFFIX}", key, label, easy_read)
        planned.entry = self.cache.get(key, label)
        if planned.entry is None:
            planned.job = BrailleJob(key, label, html, table, self.command, options.cells_per_line,
                                     options.lines_per_page, str(self.cache.folder))
        return planned


@functools.cache
def code_version() -> str:
    """This package's braille code: a change in how files are laid out makes them again."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
