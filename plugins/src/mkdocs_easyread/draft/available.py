"""Picture names a first draft may suggest: the council's library, the package's, Material icons."""

from __future__ import annotations

import functools
from pathlib import Path

from ..easy_read import pictures
from ..outcomes.icons import icon_names


@functools.cache
def material_icon_names() -> tuple[str, ...]:
    """Shortnames of Material's own icons (``material-bus``), from the icon index the site's pages use."""
    return tuple(sorted(name for name in icon_names() if name.startswith("material-")))


def checker_picture_names(library: Path) -> list[str]:
    """Names ``picture:<name>`` may use (the package's and the library's), for the checker."""
    return pictures.names(library)


@functools.cache
def plain_material_icons() -> tuple[str, ...]:
    """Material icons with a plain name on the package's list: an unlisted icon is suggested for a
    word of its name alone ("teams" gave microsoft-teams) and then needs alt text written."""
    return tuple(name for name in material_icon_names() if pictures.listed_icon_name(name) is not None)


def available_pictures(library: Path) -> list[str]:
    """Every picture name a row may start with."""
    return [*pictures.names(library), *plain_material_icons()]
