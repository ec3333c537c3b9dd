"""The page templates a page may name with ``template:`` in its front matter."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def is_theme_template(config: MkDocsConfig, name: str) -> bool:
    """True when ``name`` is an HTML file in one of the theme's folders (custom_dir first)."""
    normal = posixpath.normpath(name)
    if normal != name or normal.startswith(("/", "../")) or not normal.endswith(".html"):
        return False
    return any((Path(folder) / normal).is_file() for folder in config.theme.dirs)


def theme_templates(config: MkDocsConfig) -> list[str]:
    """The page templates at the top of the theme's folders, for the error message."""
    return sorted({path.name for folder in config.theme.dirs for path in Path(folder).glob("*.html")})
