"""Which other languages a page is written in, and where: the links of the language switch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..glossary.feature import SITE_GLOSSARY
from .catalogue import language_name
from .site import without_language, written_in

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
        if other is not None and getattr(other, "locale", None) == language and _made_in(build, page, language):
            url = languages.prefix_of(language) + page.url.removeprefix(languages.prefix)
            links.append(Alternate(language, language_name(language), url))
    return links


def _translated_source(build: Build, page: Page) -> Page | None:
    """The page whose translations decide this one's: itself; for a page the plugin made for a
    publication (its glossary, progress or easy-read pages) the publication's index.md; for a page
    it made for the whole site (statement, easy-read home, site glossary) the home page."""
    if page.file.generated_by is None:
        return page
    publication = build.publication_of(page)
    index = build.file_at(f"{publication.slug}/index.md" if publication else "index.md")
    return index.page if index is not None else None


def _made_in(build: Build, page: Page, language: str) -> bool:
    """Whether the other language's build makes this page too: a page read from a file of its own
    (an easy-read page) or made from one (the site glossary) needs that file's translation."""
    made_from = page.file.abs_src_path if page.file.generated_by is not None else None
    if page.file.src_uri == SITE_GLOSSARY:
        made_from = str(build.docs_dir / build.options.glossary_file)
    if made_from is None:
        return True
    base = without_language(Path(made_from))
    written = [written_in(base, language)]
    if language == build.languages.default:
        written.append(base)
    return any(candidate.is_file() for candidate in written)
