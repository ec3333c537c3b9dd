"""The news list in navigation, with or without a `nav` in mkdocs.yml.

Without a `nav`, MkDocs gives each news item a top-level section among the
strategies and reports; they move into one section headed by the news list,
newest first. A site's own `nav` is kept as written: the list is added after
the home page only when the nav does not place it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.structure.nav import Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.nav import Navigation


def place(nav: Navigation, news_page: Page, item_slugs: list[str], title: str, explicit_nav: bool) -> None:
    if any(page is news_page for page in nav.pages):
        return
    entry: StructureItem = news_page
    if not explicit_nav:
        sections = [section for slug in item_slugs if (section := _top_section_of(nav, slug))]
        nav.items[:] = [item for item in nav.items if not any(item is s for s in sections)]
        entry = Section(escape(title), [news_page, *sections]) if sections else news_page
    position = 1 if nav.items and getattr(nav.items[0], "is_homepage", False) else 0
    nav.items.insert(position, entry)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)


def _top_section_of(nav: Navigation, slug: str) -> Section | None:
    """The top-level section MkDocs made for a publication's folder."""
    for item in nav.items:
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri == f"{slug}/index.md" for child in item.children
        ):
            return item
    return None
