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
    sections = _sections_by_index(nav.items)
    generated = _generated_pages_by_folder(files)
    for publication in publications:
        section = sections.get(f"{publication.slug}/index.md")
        if section is None:
            continue
        if section.title and section.title.lower() == publication.slug.replace("-", " ").lower():
            section.title = escape(publication.title)
        with speaking_for(publication):
            section.children.extend(_missing(generated.get(publication.slug, []), in_nav))
        section.children.sort(key=_is_generated)  # stable: authored order kept, generated last
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)


def _sections_by_index(items: list, found: dict[str, Section] | None = None) -> dict[str, Section]:
    """Each section by the source of every page it holds directly (the outermost section wins)."""
    found = {} if found is None else found
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page):
                    found.setdefault(child.file.src_uri, item)
            _sections_by_index(item.children, found)
    return found


def _generated_pages_by_folder(files: Files) -> dict[str, list[Page]]:
    """Generated pages by their top folder, in the order the features added them."""
    pages: dict[str, list[Page]] = {}
    for file in files.documentation_pages():
        folder, slash, _rest = file.src_uri.partition("/")
        if slash and file.generated_by and file.page:
            pages.setdefault(folder, []).append(file.page)
    return pages


def _missing(pages: list[Page], in_nav: set[int]) -> list:
    """Generated pages of a publication that no nav lists, nested by folder."""
    items: list = []
    folders: dict[str, Section] = {}
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
