"""The easy-read pages' own navigation: one "Easy read" section, right after the home page.

Inside it: the easy-read home, then one section per publication (its index
first, then its pages in the standard version's order). A site whose ``nav``
already places easy-read pages is left as its authors wrote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from ..languages.speaking import gettext as _
from .model import HOME, EasyReadSite, is_easy_read

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Navigation

    from ..build import Build

def arrange(nav: Navigation, site: EasyReadSite, build: Build) -> None:
    if not site.pages:
        return
    if build.config.nav is not None and any(is_easy_read(page.file.src_uri) for page in nav.pages):
        return
    nav.items[:] = _without_easy_read(nav.items)
    # Translators: the navigation section of the easy-read pages, and the easy-read home's title.
    section = Section(_("Easy read"), _children(site, build, [page.file.src_uri for page in nav.pages]))
    position = 1 if nav.items and getattr(nav.items[0], "is_homepage", False) else 0
    nav.items.insert(position, section)
    _relink(nav)


def _without_easy_read(items: list[StructureItem]) -> list[StructureItem]:
    kept = []
    for item in items:
        if isinstance(item, Page) and is_easy_read(item.file.src_uri):
            continue
        if isinstance(item, Section):
            item.children = _without_easy_read(item.children)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _children(site: EasyReadSite, build: Build, standard_order: list[str]) -> list[StructureItem]:
    pages = {uri: build.files.get_file_from_path(uri).page for uri in site.pages if build.files.get_file_from_path(uri)}
    children: list[StructureItem] = [pages[HOME]] if HOME in pages else []
    slugs = sorted({site.pages[uri].slug for uri in pages if uri != HOME}, key=lambda slug: _slug_position(slug, build, standard_order))
    for slug in slugs:
        ordered = sorted((uri for uri in pages if site.pages[uri].slug == slug and uri != HOME), key=lambda uri: _page_position(uri, build, slug))
        if not slug or len(ordered) == 1:
            children += [pages[uri] for uri in ordered]
        else:
            children.append(Section(escape(_title(slug, site, build)), [pages[uri] for uri in ordered]))
    return children


def _slug_position(slug: str, build: Build, standard_order: list[str]) -> tuple[int, int, str]:
    if not slug:
        return (0, 0, "")
    index = f"{slug}/index.md"
    return (1, standard_order.index(index) if index in standard_order else len(standard_order), slug)


def _page_position(uri: str, build: Build, slug: str) -> tuple[int, int, str]:
    standard = uri[len("easy-read/"):]
    if standard.endswith("/index.md") and standard.count("/") == 1:
        return (0, 0, uri)
    publication = build.publications.get(slug)
    chapters = publication.chapters if publication else []
    return (1, chapters.index(standard) if standard in chapters else len(chapters), uri)


def _title(slug: str, site: EasyReadSite, build: Build) -> str:
    index = site.get(f"easy-read/{slug}/index.md")
    publication = build.publications.get(slug)
    return (index and index.title) or (publication and publication.title) or slug.replace("-", " ").capitalize()


def _relink(nav: Navigation) -> None:
    """Parents, the reading order and previous/next links, as MkDocs sets them in get_navigation."""
    pages: list[Page] = []

    def walk(items: list[StructureItem], parent: Section | None) -> None:
        for item in items:
            item.parent = parent
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children, item)

    walk(nav.items, None)
    nav.pages = pages
    # Previous/next stay within a version: easy-read pages lead to easy-read pages.
    for chain in ([p for p in pages if is_easy_read(p.file.src_uri)], [p for p in pages if not is_easy_read(p.file.src_uri)]):
        for index, page in enumerate(chain):
            page.previous_page = chain[index - 1] if index > 0 else None
            page.next_page = chain[index + 1] if index + 1 < len(chain) else None
