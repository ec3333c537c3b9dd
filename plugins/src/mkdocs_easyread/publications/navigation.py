"""Navigation for publications: titled sections, generated pages after the authored chapters.

Generated pages (glossary, progress) must appear in navigation whether the site
lists a `nav` or lets MkDocs build one; they always come after the chapters a
council wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.nav import (
    Section,
    _add_parent_links,
    _add_previous_and_next_links,
    _get_by_type,
)
from mkdocs.structure.pages import Page

from ..languages.speaking import gettext as _
from .model import N_

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .model import Publication

# Sections for folders of generated pages, named in the publication's language; others after their folder.
FOLDER_TITLES = {"progress": N_("Progress")}

SpeakingFor = Callable[["Publication"], AbstractContextManager]


def arrange(nav: Navigation, files: Files, publications: Iterable[Publication], speaking_for: SpeakingFor) -> None:
    in_nav = set(map(id, nav.pages))
    for publication in publications:
        section = _section_of(nav.items, f"{publication.slug}/index.md")
        if section is None:
            continue
        if section.title and section.title.lower() == publication.slug.replace("-", " ").lower():
            section.title = escape(publication.title)
        with speaking_for(publication):
            section.children.extend(_missing(files, publication.slug, in_nav))
        section.children.sort(key=_is_generated)  # stable: authored order kept, generated last
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)


def _section_of(items: list, index_uri: str) -> Section | None:
    for item in items:
        if isinstance(item, Section):
            if any(isinstance(c, Page) and c.file.src_uri == index_uri for c in item.children):
                return item
            if found := _section_of(item.children, index_uri):
                return found
    return None


def _missing(files: Files, slug: str, in_nav: set[int]) -> list:
    """Generated pages of a publication that no nav lists, nested by folder."""
    items: list = []
    folders: dict[str, Section] = {}
    pages = [f.page for f in files.documentation_pages() if f.src_uri.startswith(f"{slug}/") and f.generated_by and f.page]
    # Shallow pages first, each folder's index first; otherwise the order the feature added them in.
    for page in sorted(pages, key=lambda p: (p.file.src_uri.count("/"), not p.file.src_uri.endswith("index.md"))):
        if id(page) in in_nav:
            continue
        parts = page.file.src_uri.split("/")
        if len(parts) == 2:
            items.append(page)
            continue
        folder = parts[1]
        if folder not in folders:
            folders[folder] = Section(_folder_title(folder), [])
            items.append(folders[folder])
        folders[folder].children.append(page)
    return items


def _folder_title(folder: str) -> str:
    if folder in FOLDER_TITLES:
        return _(FOLDER_TITLES[folder])
    return folder.replace("-", " ").capitalize()


def _is_generated(item) -> bool:
    if isinstance(item, Page):
        return item.file.generated_by is not None
    if isinstance(item, Section):
        return all(_is_generated(child) for child in item.children)
    return False
