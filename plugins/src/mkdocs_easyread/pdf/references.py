"""What a page makes WeasyPrint read: pictures, objects, embeds, `<link>`, and CSS `url()` and `@import`.

Each reference becomes the address of a file of the site, which the PDF may
read, or is left out with a warning on the page's source file: a page must not
put `/etc/passwd` or a file beside the project into a published PDF, and the
PDFs load nothing from the web. `fetcher.py` guards the same in the workers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .confine import NOT_IN_SITE, confined, is_data
from .jobs import Problem

if TYPE_CHECKING:
    from .content import Chapter
    from .sitemap import Asset, AssetStore, SiteMap

MAY_FETCH = re.compile(r"url|import|\\", re.IGNORECASE)  # CSS with none of these names no file (`\` may escape one)
FROM_THE_WEB = "the PDFs leave out '{0}': they load nothing from the web; save a copy in the docs folder and use a relative address"
OUTSIDE = "the PDFs leave out '{0}': it leads outside the site's folders (a symbolic link?); put the file itself in the docs folder"
NO_ATTACHMENTS = ("the PDFs do not attach '{0}': attachments are off; to attach files of the site, "
                  "set `attachments: true` under `pdf:` in the easyread plugin's options")


@dataclass
class References:
    site: SiteMap
    assets: AssetStore
    roots: tuple[str, ...]  # the folders the PDF may read from (confine.py)
    attachments: bool

    def fetchable(self, reference: str, page_url: str, chapter: Chapter) -> str | None:
        """The URL WeasyPrint may read for `reference` on the page, or None: left out, with a warning."""
        if is_data(reference) or reference.startswith("#"):
            return reference
        if not reference.strip():
            return None
        asset = self.assets.shown_by(reference, page_url, self.site)
        if asset is not None and self.inside(asset):
            return asset.uri
        self.refuse(chapter, reference, refusal(reference, asset))
        return None

    def inside(self, asset: Asset) -> bool:
        return asset.path is None or confined(asset.path, self.roots) is not None

    def attachable(self, reference: str, page_url: str, chapter: Chapter) -> str | None:
        """The URL of a file to embed in the PDF, when attachments are on and it is a file of the site."""
        if not self.attachments:
            self.refuse(chapter, reference, NO_ATTACHMENTS)
            return None
        return self.fetchable(reference, page_url, chapter)

    @staticmethod
    def refuse(chapter: Chapter, reference: str, message: str) -> None:
        chapter.problems.append(Problem(chapter.source, reference, message.format(reference)))

    def css(self, text: str, page_url: str, chapter: Chapter) -> str:
        """A style sheet or style attribute whose `url()` and `@import` name only files the PDF may read."""
        if not MAY_FETCH.search(text):
            return text
        from .css_urls import rewritten  # tinycss2 loads only in a build that assembles a PDF

        return rewritten(text, lambda reference: self.fetchable(reference, page_url, chapter))


def refusal(reference: str, asset: Asset | None) -> str:
    if asset is not None:
        return OUTSIDE
    try:
        scheme = urlsplit(reference).scheme.lower()
    except ValueError:  # not a URL at all: "http://[x"
        scheme = ""
    return FROM_THE_WEB if scheme and scheme != "file" else NOT_IN_SITE
