"""What a page makes WeasyPrint read: pictures, objects, embeds, `<link>`, and CSS `url()` and `@import`.

Each reference becomes the address of a file of the site, which the PDF may
read, or is left out with a warning on the page's source file: a page must not
put `/etc/passwd` or a file beside the project into a published PDF, and the
PDFs load nothing from the web. `fetcher.py` guards the same in the workers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import tinycss2
from tinycss2.ast import FunctionBlock, IdentToken, StringToken, URLToken
from tinycss2.serializer import serialize_url

from .confine import NOT_IN_SITE, confined, is_data
from .jobs import Problem

if TYPE_CHECKING:
    from .content import Chapter
    from .sitemap import Asset, AssetStore, SiteMap

MAY_FETCH = re.compile(r"url|import|\\", re.IGNORECASE)  # CSS with none of these names no file (`\` may escape one)
NOTHING_TO_IMPORT = "data:text/css,"  # what a refused @import reads instead: WeasyPrint then has nothing to complain of
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
        nodes = tinycss2.parse_component_value_list(text)
        self._rewrite_css(nodes, page_url, chapter)
        return tinycss2.serialize(nodes)

    def _rewrite_css(self, nodes: list[Any], page_url: str, chapter: Chapter) -> None:
        importing = False
        for index, node in enumerate(nodes):
            reference = css_reference(node, importing)
            if reference is not None:
                uri = self.fetchable(reference, page_url, chapter) or (NOTHING_TO_IMPORT if importing else None)
                nodes[index] = (URLToken(node.source_line, node.source_column, uri, f"url({serialize_url(uri)})") if uri
                                else IdentToken(node.source_line, node.source_column, "none"))  # an invalid value: ignored
            for children in (getattr(node, "content", None), getattr(node, "arguments", None)):
                if isinstance(children, list):
                    self._rewrite_css(children, page_url, chapter)
            if node.type not in ("whitespace", "comment"):
                importing = node.type == "at-keyword" and node.lower_value == "import"


def css_reference(node: Any, importing: bool) -> str | None:
    """The address a CSS component names: `url(x)`, `url("x")`, or the string after `@import`."""
    if isinstance(node, URLToken):
        return node.value
    if isinstance(node, FunctionBlock) and node.lower_name == "url":
        return next((argument.value for argument in node.arguments if isinstance(argument, StringToken)), "")
    if isinstance(node, StringToken) and importing:
        return node.value
    return None


def refusal(reference: str, asset: Asset | None) -> str:
    if asset is not None:
        return OUTSIDE
    try:
        scheme = urlsplit(reference).scheme.lower()
    except ValueError:  # not a URL at all: "http://[x"
        scheme = ""
    return FROM_THE_WEB if scheme and scheme != "file" else NOT_IN_SITE
