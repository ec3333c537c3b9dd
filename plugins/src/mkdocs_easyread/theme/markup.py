"""Fixes to the HTML Material writes, where axe or a screen reader finds a problem.

Each works on a whole page as Material wrote it (and on 404.html), with regular
expressions shaped to Material's templates; a page they do not match is left as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from ..languages.speaking import gettext as _
from ..literal import Prefixed, substitute

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

# Material's search dialog has no accessible name (axe: aria-dialog-name).
SEARCH_DIALOG = Prefixed.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
INDEX_SECTION_TOGGLE = Prefixed.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a [^>]*>\s*<span class="md-ellipsis">)(.*?)(</span>.*?</a>\s*'
    r'<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*")(?![^>]*aria-label)',
    re.DOTALL,
)
NAV_LABEL = re.compile(r'<label\b([^>]*\bid="(__nav_[0-9_]+)_label"[^>]*)>(.*?)</label>', re.DOTALL)
NESTED_NAV = Prefixed.compile(r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby=")(__nav_[0-9_]+)_label"')
ARIA_LABEL = re.compile(r'\baria-label="([^"]*)"')
# A page's status in the navigation (Material's render_status): named, or the usual "published".
NAMED_STATUS = Prefixed.compile(r'(<span class="md-status md-status--[\w-]+" title="([^"]*)">)\s*</span>')
# Found by its literal start, then the white space before it is dropped too.
PUBLISHED_STATUS = Prefixed.compile(r'<span class="md-status md-status--published">\s*</span>')
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class MarkupNeeds:
    """Which fixes a build's pages can need (each costs a pass over every page): from the theme's
    features and the navigation, known once every page has been read (on_env)."""

    section_indexes: bool = True  # Material's navigation.indexes: sections with an index page
    statuses: bool = True  # a page in the navigation has a status
    shared_section_names: bool = True  # two sections of the navigation have the same title

    @classmethod
    def of(cls, config: MkDocsConfig, nav: Navigation | None) -> MarkupNeeds:
        if nav is None:
            return cls()
        sections = [item for item in _all_items(nav.items) if item.is_section]
        titles = [section.title for section in sections]
        return cls(
            section_indexes="navigation.indexes" in config.theme.get("features", []),
            statuses=any(page.meta.get("status") or getattr(page, "encrypted", False) for page in nav.pages),
            shared_section_names=len(set(titles)) < len(titles),
        )


def _all_items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _all_items(getattr(item, "children", None) or [])


def fix_material_markup(output: str, needs: MarkupNeeds = MarkupNeeds()) -> str:
    """Fix Material's markup where axe or a screen reader finds problems.

    - The search dialog has no accessible name (aria-dialog-name).
    - With navigation.indexes, a section's expand toggle holds only an icon, and the
      nested <nav> it labels has no name, so two such navs clash (landmark-unique):
      name the toggle after the section's title.
    - Two nested navs with the same title (each publication's "Progress") are told
      apart by the title of the section around them (landmark-unique).
    - A status in the navigation is an empty icon: it gets its word for screen readers.
    """
    name = escape(_("Search"))  # the search dialog's name for screen readers
    search = f' aria-label="{name}"'
    output = SEARCH_DIALOG.sub(lambda match: match.group(1) + search, output, count=1)
    if needs.section_indexes:
        output = INDEX_SECTION_TOGGLE.sub(_name_section_toggle, output)
    if needs.shared_section_names:
        output = name_nested_navs_apart(output)
    return say_navigation_status(output) if needs.statuses else output


def _name_section_toggle(match: re.Match[str]) -> str:
    title = " ".join(TAG.sub(" ", match.group(2)).split())
    # The title is already escaped HTML text; it only needs its quotes escaped for the attribute.
    return f'{match.group(1)}{match.group(2)}{match.group(3)} aria-label="{title.replace(chr(34), "&quot;")}"'


def name_nested_navs_apart(output: str) -> str:
    """A nested nav is named by its section's label; where two share a name, add the parent's."""
    nested = list(NESTED_NAV.finditer(output))
    if len(nested) < 2:  # no two can share a name: the labels need not be read
        return output
    names = _nav_label_names(output)
    counts = Counter(names.get(match[2]) for match in nested)

    def name_apart(match: re.Match[str]) -> str:
        nav_id = match.group(2)
        parent = nav_id.rsplit("_", 1)[0]
        if counts[names.get(nav_id)] < 2 or parent not in names:
            return match.group(0)
        return f'{match.group(1)}{nav_id}_label {parent}_label"'

    return substitute(output, nested, name_apart)


def _nav_label_names(output: str) -> dict[str, str]:
    """The accessible name of each section label in the navigation, by section id (__nav_3_8)."""
    names = {}
    for match in NAV_LABEL.finditer(output):
        named = ARIA_LABEL.search(match.group(1))
        names[match.group(2)] = named.group(1) if named else " ".join(TAG.sub(" ", match.group(3)).split())
    return names


def say_navigation_status(output: str) -> str:
    """Put each status's word (its title, from config.extra.status) in its icon, for screen readers."""
    if "md-status" not in output:
        return output
    output = NAMED_STATUS.sub(lambda status: f'{status[1]}<span class="er-visually-hidden">{status[2]}</span></span>', output)
    return drop_published_status(output)


def drop_published_status(output: str) -> str:
    """Remove each "published" icon and the white space before it (as ``\\s*<span ...>`` would)."""
    parts, cursor = [], 0
    for match in PUBLISHED_STATUS.finditer(output):
        start = match.start()
        while start > cursor and output[start - 1].isspace():
            start -= 1
        parts.append(output[cursor:start])
        cursor = match.end()
    parts.append(output[cursor:])
    return "".join(parts)
