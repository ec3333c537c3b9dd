"""How an easy-read page is laid out on screen: plain by default, where "Skip to content" leads, picture size.

A plain page hides the site's navigation and table of contents with Material's own
``hide`` (page.meta); the tabs, which Material cannot hide per page, are hidden by
easy-read.css on pages whose header is marked plain. The picture size is a generated
CSS file (one custom property), so no page needs a style attribute.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from ..errors import SourceError
from ..theme.feature import skip_to_content

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ..build import Build

PICTURE_SIZE_CSS = "assets/easyread/easy_read/picture-size.css"
PICTURE_SIZE_TEMPLATE = "easy_read/components/picture-size.css"
HIDDEN_ON_PLAIN_PAGES = ("navigation", "toc")
SMALLEST_PICTURE = 56  # px: a row's picture on a 320 px phone, and the least picture_size
LARGEST_PICTURE = 320  # px: more would leave a phone's words no room


def link_picture_size(config: MkDocsConfig) -> None:
    if PICTURE_SIZE_CSS not in config.extra_css:
        config.extra_css.append(PICTURE_SIZE_CSS)


def picture_size_file(build: Build) -> File:
    css = build.components.render(PICTURE_SIZE_TEMPLATE, size=picture_size(build))
    return File.generated(build.config, PICTURE_SIZE_CSS, content=css)


def picture_size(build: Build) -> int:
    """The option, kept between the sizes that work on a phone and a wide screen (the build says so)."""
    wanted = build.options.easy_read.picture_size
    size = min(max(wanted, SMALLEST_PICTURE), LARGEST_PICTURE)
    if size != wanted:
        config_file = Path(build.config.config_file_path or build.root / "mkdocs.yml")
        build.reporter.warn(SourceError(config_file, None, (
            f"easy_read.picture_size is {wanted}: it must be from {SMALLEST_PICTURE} to {LARGEST_PICTURE} "
            f"(CSS pixels on a wide screen); using {size}")))
    return size


def make_plain(page: Page) -> None:
    """No site navigation or table of contents (Material's `hide`), and "Skip to content" to the page's top."""
    hidden = page.meta.get("hide") or []
    hidden = [hidden] if isinstance(hidden, str) else list(hidden) if isinstance(hidden, list) else []
    page.meta["hide"] = hidden + [part for part in HIDDEN_ON_PLAIN_PAGES if part not in hidden]
    # Material skips to the first heading of the table of contents, past the easy-read header and its
    # Listen button; the content starts with that header.
    skip_to_content(page)
