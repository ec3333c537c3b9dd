"""The list of easy-read versions on the easy-read home: a picture, a plain title and the pages of each."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import pictures
from .model import HOME, EasyReadSite

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..build import Build

FIRST_PICTURE = re.compile(r'<div class="er-row__picture">(.*?)</div>', re.DOTALL)
IMAGE_SRC = re.compile(r'(<img\b[^>]*\bsrc=")([^"]*)(")')


def listing(build: Build, site: EasyReadSite, reading_order: list[str], home: Page) -> str:
    groups: dict[str, list[Page]] = {}
    for uri in [*reading_order, *sorted(site.pages)]:
        file = build.files.get_file_from_path(uri)
        if uri == HOME or uri not in site.pages or file is None or file.page is None:
            continue
        pages = groups.setdefault(site.pages[uri].slug or uri, [])
        if file.page not in pages:
            pages.append(file.page)
    items = [_item(build, site, pages, home) for pages in groups.values()]
    return build.components.render("easy_read/components/easy-read-home.html", items=items)


def _item(build: Build, site: EasyReadSite, pages: list[Page], home: Page) -> dict[str, Any]:
    main = next((p for p in pages if p.file.src_uri.endswith("/index.md")), pages[0])
    entry = site.get(main.file.src_uri)
    publication = build.publications.get(entry.slug) if entry else None
    return {
        "title": main.title or (entry and entry.title) or (publication and publication.title) or main.file.name,
        "href": get_relative_url(main.url, home.url),
        "picture": first_picture(main, home) or Markup(pictures.svg("easy-read")),
        "draft": any(site.pages[p.file.src_uri].kind == "draft" for p in pages),
        "pages": [{"title": p.title or p.file.name, "href": get_relative_url(p.url, home.url)} for p in pages if p is not main],
    }


def first_picture(page: Page, home: Page) -> Markup | None:
    """The picture of the page's first row, as it would show on the home page."""
    match = FIRST_PICTURE.search(page.content or "")
    if not match:
        return None

    def moved(image: re.Match[str]) -> str:
        src = image.group(2)
        if "://" in src or src.startswith(("/", "data:")):
            return image.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url) if not page.url.endswith("/") else page.url, src))
        return f"{image.group(1)}{get_relative_url(target, home.url)}{image.group(3)}"

    # Our own rendered markup (a row's picture), with image addresses made relative to the home page.
    return Markup(IMAGE_SRC.sub(moved, match.group(1)))

