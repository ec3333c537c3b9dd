"""The print document of one PDF: a cover or a header block, contents when it needs them, the other-formats
notice and its pages in order (`layout.py` decides which)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..languages.speaking import N_
from ..languages.speaking import gettext as _
from .content import Chapter, Rewriter
from .layout import EASY_READ_PICTURE, cover_picture, is_easy_read, layout_of, without_title_heading
from .print_words import print_words_style, status_text
from .references import References
from .variants import EASY_READ, LARGE_PRINT, REVIEW_PACK, Variant, document_title

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication


# Translators: after the type of publication on a PDF's cover, "Strategy: large print version".
VERSION_LABELS = {LARGE_PRINT.name: N_("large print version"), EASY_READ.name: N_("easy read version"),
                  REVIEW_PACK.name: N_("easy read review pack")}


def version_label(variant: Variant) -> str:
    """After the publication's type on the cover: 'Strategy: large print version'."""
    return _(VERSION_LABELS[variant.name]) if variant.name in VERSION_LABELS else ""


@dataclass
class Chapters:
    items: list[Chapter]


@dataclass
class PrintDocument:
    html: str
    title: str


def rewrite_chapters(pages: list[Page], references: References, fallback_title: str, sources: list[str]) -> Chapters:
    """Each page as a section of the print document, with links between them made in-document anchors.

    `sources`: each page's source file, named in warnings about what the PDF leaves out of it.
    """
    chapters = [Chapter(f"c{number}", page.file.src_uri, plain(page.title) or fallback_title, source=source)
                for number, (page, source) in enumerate(zip(pages, sources), start=1)]
    rewriter = Rewriter(references, {chapter.src_uri: chapter.id for chapter in chapters})
    for chapter, page in zip(chapters, pages):
        chapter.html = Markup(rewriter.chapter(page.content or "", page.url, chapter))
    return Chapters(chapters)


def assemble_document(build: Build, publication: Publication, variant: Variant, chapters: Chapters, lang: str,
                      introduction: Markup | str = "", logo: str | None = None) -> PrintDocument:
    """`introduction`: safe markup for a page between the cover and the contents; `logo`: a URI WeasyPrint may read."""
    title = document_title(publication.title, variant)
    options = build.options
    organisation = publication.organisation_or(options.organisation)
    items = chapters.items
    layout = layout_of(publication, variant, items, options.pdf)
    if not layout.cover and items:
        items = [without_title_heading(items[0], publication.title), *items[1:]]
    html = build.components.render(
        "pdf/components/document.html",
        lang=lang,
        title=title,
        cover_title=easy_read_title(publication, variant, items),
        organisation=organisation,
        description=publication.subtitle or publication.summary or "",
        created=publication.published.isoformat() if publication.published else "",
        variant=variant,
        version_label=version_label(variant),
        publication=publication,
        layout=layout,
        logo=logo if layout.cover else None,
        picture=cover_picture(items) if is_easy_read(variant) else None,
        default_picture=EASY_READ_PICTURE.as_uri() if is_easy_read(variant) else None,
        status_text=status_text(publication.status, publication.status_label),
        published=bool(publication.published),
        date=publication.published or build.today,
        formats=Markup(build.components.render(  # already escaped by the component
            "theme/components/alternative-formats.html",
            formats=options.alternative_formats,
            organisation=options.organisation,  # the site's phone and email: its own name, not a partner's
        )),
        introduction=introduction,
        chapters=items,
        print_words=print_words_style(build.components),
    )
    return PrintDocument(str(html), title)


def easy_read_title(publication: Publication, variant: Variant, chapters: list[Chapter]) -> str:
    """The easy-read PDF's cover names the easy-read index page's title; every other cover the publication's."""
    if variant is EASY_READ and chapters and chapters[0].title:
        return chapters[0].title
    return publication.title


def plain(title: object) -> str:
    """A page title as text: front-matter titles arrive escaped, as Markup."""
    if title is None:
        return ""
    return title.unescape() if isinstance(title, Markup) else str(title)
