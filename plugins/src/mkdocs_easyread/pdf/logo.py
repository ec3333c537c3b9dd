"""The organisation's logo on PDF covers: `pdf.logo`, else the theme's `logo`, read only if it is a file of the site."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SourceError, line_naming

if TYPE_CHECKING:
    from ..build import Build
    from .references import References
    from .sitemap import Asset

NOT_A_SITE_FILE = ("the PDF logo '{0}' is not a file of the site: put the picture in the docs folder and set "
                   "`logo:` under `pdf:` to its path relative to the docs folder (e.g. assets/logo.svg)")


def find_logo(build: Build, references: References) -> Asset | None:
    """The logo's asset; a warning when `pdf.logo` names no file of the site, silence for a theme logo on the web."""
    chosen = build.options.pdf.logo
    asset = site_file(chosen, references) if chosen else None
    if chosen and asset is None:
        config_file = Path(build.config.config_file_path or build.root / "mkdocs.yml")
        build.reporter.warn(SourceError(config_file, line_naming(config_file, chosen, on_a_line_with="logo"), NOT_A_SITE_FILE.format(chosen)))
    if asset is None:
        theme_logo = build.config.theme.get("logo")
        asset = site_file(theme_logo, references) if isinstance(theme_logo, str) and theme_logo else None
    return asset


def site_file(path: str, references: References) -> Asset | None:
    """A path relative to docs_dir, as a file of the site inside the folders a PDF may read; None otherwise."""
    asset = references.assets.shown_by(path.lstrip("/"), "", references.site, pages=False)
    return asset if asset is not None and references.inside(asset) else None
