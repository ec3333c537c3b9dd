"""The news list in navigation, with or without a `nav` in mkdocs.yml.

Without a `nav`, MkDocs gives each news item a top-level section among the
strategies and reports; they move into one section headed by the news list,
newest first. A site's own `nav` is kept as written: when it does not place the
list, the list goes first in the section that holds the news items (so that
Material's `navigation.indexes` makes it the section's page), or else after the
home page.
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
    """``item_slugs``: the news items' folders, newest first."""
    if any(page is news_page for page in nav.pages):
        return
    if explicit_nav:
        _place_in_site_nav(nav, news_page, item_slugs)
    else:
        _gather_news(nav, news_page, item_slugs, title)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)


def _place_in_site_nav(nav: Navigation, news_page: Page, item_slugs: list[str]) -> None:
    holder = _section_holding(nav, item_slugs)
    if holder is not None:
        holder.children.insert(0, news_page)
    else:
        _insert_after_home(nav, news_page)


def _gather_news(nav: Navigation, news_page: Page, item_slugs: list[str], title: str) -> None:
    sections = [section for slug in item_slugs if (section := _top_section_of(nav, slug))]
    nav.items[:] = [item for item in nav.items if not any(item is section for section in sections)]
    _insert_after_home(nav, Section(escape(title), [news_page, *sections]) if sections else news_page)


def _insert_after_home(nav: Navigation, item: StructureItem) -> None:
    position = 1 if nav.items and getattr(nav.items[0], "is_homepage", False) else 0
    nav.items.insert(position, item)


def _top_section_of(nav: Navigation, slug: str) -> Section | None:
    """The top-level section MkDocs made for a publication's folder."""
    for item in nav.items:
        if isinstance(item, Section) and any(
            isinstance(child, Page) and child.file.src_uri == f"{slug}/index.md" for child in item.children
        ):
            return item
    return None


def _section_holding(nav: Navigation, item_slugs: list[str]) -> Section | None:
    """The section of a site's nav that lists the first news item (its own section's parent when
    the item has several pages there); None when the nav lists it at the top."""
    indexes = {f"{slug}/index.md": slug for slug in item_slugs}
    page = next((p for p in nav.pages if p.file.src_uri in indexes), None)
    section = page.parent if page is not None else None
    own = section is not None and len(section.children) > 1 and all(_belongs_to(c, indexes[page.file.src_uri]) for c in section.children)
    if own:
        section = section.parent
    return section


def _belongs_to(item: StructureItem, slug: str) -> bool:
    if isinstance(item, Page):
        return item.file.src_uri.startswith(f"{slug}/")
    return isinstance(item, Section) and all(_belongs_to(child, slug) for child in item.children)
