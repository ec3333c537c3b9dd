"""The review pack: a draft's easy-read PDF for co-production groups who review on paper.

The easy-read PDF's pages and styles, with a page after the cover on how to use
the pack, a number before each row (`row_numbers.py`) and ruled space under it
for comments. Only publications in review (a draft, or a consultation until it closes) get one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from markupsafe import Markup

from .variants import REVIEW_PACK

if TYPE_CHECKING:
    import datetime as dt

    from ..build import Build
    from ..publications.model import Publication
    from .assemble import Chapters, PrintDocument

GUIDE = "pdf/components/review-pack-guide.html"


def wants_review_pack(publication: Publication, today: dt.date) -> bool:
    """Drafts and consultations get a pack, until a consultation's closing date has passed."""
    return publication.takes_comments(today)


def assemble_review_pack(build: Build, publication: Publication, chapters: Chapters, lang: str,
                         logo: str | None = None) -> PrintDocument:
    from .assemble import assemble_document  # the print layout (lxml) loads only in a build that makes a PDF

    return assemble_document(build, publication, REVIEW_PACK, numbered(chapters), lang,
                             introduction=guide(build, publication), logo=logo)


def numbered(chapters: Chapters) -> Chapters:
    """Copies of the easy-read chapters (shared with the easy-read PDF) with numbered rows."""
    from .row_numbers import number_rows

    return replace(chapters, items=[
        replace(chapter, html=Markup(number_rows(str(chapter.html), part)))
        for part, chapter in enumerate(chapters.items, start=1)
    ])


def guide(build: Build, publication: Publication) -> Markup:
    options = build.options
    return Markup(build.components.render(  # already escaped by the component
        GUIDE,
        publication=publication,
        feedback=options.feedback,
        formats=options.alternative_formats,
    ))


def fingerprint_parts(build: Build) -> tuple[object, ...]:
    """What the review pack depends on beyond the easy-read PDF's inputs: the feedback address and the guide."""
    return build.options.feedback, build.components.source(GUIDE)
