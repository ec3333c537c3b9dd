"""Checking an outcome's ``picture`` against the icons Material ships (the same index the
plugin gives pymdownx.emoji), so a misspelt name is an error rather than ``:material-hom:`` on the page."""

from __future__ import annotations

import difflib
import functools
import re

from ..theme.icons import icon_file, theme_icons, twemoji

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
ICON_SETS = ("material-", "fontawesome-", "octicons-", "simple-")


@functools.lru_cache(maxsize=1)
def icon_names() -> frozenset[str]:
    """Every icon name (only to suggest one for a name that is not an icon)."""
    return frozenset(name.strip(":") for name in twemoji({}, None)["emoji"] if name.strip(":").startswith(ICON_SETS))


def icon_error(name: str) -> str | None:
    """Why ``name`` is not an icon we can show, or None when it is one."""
    if not NAME.match(name) or not name.startswith(ICON_SETS):
        return "is not an icon name; expected a Material icon name like material-home"
    if icon_file(str(theme_icons()), name) is not None:
        return None
    close = difflib.get_close_matches(name, [n for n in icon_names() if n.startswith(name.split("-")[0])], n=1, cutoff=0.8)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"is not a known icon; expected a Material icon name like material-home{hint}"
