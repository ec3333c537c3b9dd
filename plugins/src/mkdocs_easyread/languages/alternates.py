"""Which other languages a page is written in, and where: the links of the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .catalogue import language_name

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..build import Build


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str  # the language's own name for itself: Cymraeg, English
    url: str  # site URL of the page in that language


def alternates(build: Build, page: Page) -> list[Alternate]:
    """The page in the site's other languages, where it is really translated (not a fallback copy)."""
    languages = build.languages
    if not languages.is_multilingual:
        return []
    source = _translated_source(build, page)
    found = getattr(source.file, "alternates", {}) if source is not None else {}
    links = []
    for language in languages.others:
        other = found.get(language)
        if other is not None and getattr(other, "locale", None) == language:
            url = languages.prefix_of(language) + page.url.removeprefix(languages.prefix)
            links.append(Alternate(language, language_name(language), url))
    return links


def _translated_source(build: Build, page: Page) -> Page | None:
    """The page whose translations decide this one's: itself, or for a page the plugin made for a
    publication (its glossary, progress or easy-read pages) the publication's index.md."""
    if page.file.generated_by is None:
        return page
    publication = build.publication_of(page)
    index = build.files.get_file_from_path(f"{publication.slug}/index.md") if publication and build.files else None
    return index.page if index is not None else None
