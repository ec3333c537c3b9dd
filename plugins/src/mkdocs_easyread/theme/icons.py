"""Material's icons for pymdownx.emoji, found by name instead of listed.

Material's index (``material.extensions.emoji.twemoji``) lists every icon file
the theme ships, some ten thousand, the first time Markdown is set up: a fifth
of a second on every build. This index gives the same answers (Twemoji's emoji
and aliases first, then the site's custom icons, then the theme's) by looking
for the one file a name can stand for. ``:material-account-group:`` is
``material/account-group.svg``; a dash may also separate folders, as in
``:fontawesome-solid-house:``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

THEME_ICONS = "templates/.icons"


def twemoji(options: dict[str, Any], md: Any) -> dict[str, Any]:
    """An ``emoji_index`` for pymdownx.emoji, like Material's ``twemoji``."""
    from pymdownx import twemoji_db

    folders = (*options.get("custom_icons", ()), str(theme_icons()))
    return {"name": "twemoji", "emoji": Icons(tuple(os.path.normpath(folder) for folder in folders)), "aliases": twemoji_db.aliases}


@functools.cache
def theme_icons() -> Path:
    import material

    return Path(material.__file__).parent / THEME_ICONS


class Icons(Mapping[str, Any]):
    """Twemoji's emoji, then each icon folder's ``:name:``, as Material's index has them."""

    def __init__(self, folders: tuple[str, ...]) -> None:
        self.folders = folders

    def __getitem__(self, name: str) -> Any:
        from pymdownx import twemoji_db

        entry = twemoji_db.emoji.get(name)
        if entry is not None and "path" not in entry:  # Material's index adds its icons to this dict, with a path
            return entry
        if name in twemoji_db.aliases or len(name) < 3 or not (name.startswith(":") and name.endswith(":")):
            raise KeyError(name)
        for folder in self.folders:
            path = icon_file(folder, name[1:-1])
            if path is not None:
                return {"name": name, "path": path}
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed)

    def __len__(self) -> int:
        return len(self._listed)

    @functools.cached_property
    def _listed(self) -> dict[str, Any]:
        """Every name, as Material lists them (only for a caller that asks for all of them)."""
        from material.extensions import emoji

        return emoji.twemoji({"custom_icons": list(self.folders[:-1])}, None)["emoji"]


def icon_file(folder: str, name: str) -> str | None:
    """The file ``<folder>/<name with some dashes as folders>.svg``, if there is one."""
    if not name or name.startswith("-") or "/" in name or "\\" in name or ".." in name:
        return None
    path = os.path.join(folder, f"{name}.svg")
    if os.path.isfile(path):
        return path
    if not os.path.isdir(folder):
        return None
    for subfolder in _subfolders(folder, os.stat(folder).st_mtime_ns):
        if name.startswith(f"{subfolder}-"):
            found = icon_file(os.path.join(folder, subfolder), name[len(subfolder) + 1:])
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=64)
def _subfolders(folder: str, modified: int) -> tuple[str, ...]:
    """The folders in ``folder`` (read again when it changes: ``modified``, during `mkdocs serve`)."""
    try:
        with os.scandir(folder) as entries:
            return tuple(sorted(entry.name for entry in entries if entry.is_dir()))
    except OSError:
        return ()
