"""Where a URL in a page's HTML points: a page of the same PDF, a file of the site, or the web.

Pages are rendered with URLs relative to their own address; in one PDF made of
many pages they must become in-document anchors (``#c3-goals``), absolute web
addresses (``site_url``) or local files for WeasyPrint to read. Site paths here
are unquoted (``pictures/my pic é.svg``), as MkDocs names its files; a page's
HTML may write them either way (``my%20pic%20%C3%A9.svg``).
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

ORIGIN = "http://site.invalid/"  # a stand-in origin, to resolve relative URLs with urljoin
# A path relative to the page, perhaps with a fragment, or a fragment alone: most links of a page
# (``../glossary/#care``, ``#action-A1``). No scheme, query, parameters, backslash, space or control
# character, so urljoin would only join paths.
PLAIN_RELATIVE = re.compile(r"(?:[^/#\x00-\x20:;?\\]|#)[^\x00-\x20:;?\\]*")
PLAIN_PAGE_URL = re.compile(r"(?!/)[^\x00-\x20:;?\\#]*")


@dataclass
class Target:
    """A resolved relative URL: the site path (no leading slash, unquoted) and its fragment."""

    path: str
    fragment: str
    query: str = ""


class SiteMap:
    """The site's pages and files by address, built once per build."""

    def __init__(self, files: Files, site_url: str | None) -> None:
        self.site_url = site_url if site_url and site_url.endswith("/") else (f"{site_url}/" if site_url else None)
        self.pages: dict[str, str] = {}  # unquoted url path -> src_uri
        self.files: dict[str, File] = {}  # dest path -> file
        for file in files:
            self.files[file.dest_uri] = file
            if file.is_documentation_page():
                for alias in url_aliases(unquote(file.url)):
                    self.pages.setdefault(alias, file.src_uri)

    def resolve(self, url: str, page_url: str) -> Target | None:
        """A relative URL of the page at `page_url`, as a site path; None for other hosts and schemes."""
        if PLAIN_RELATIVE.fullmatch(url) and PLAIN_PAGE_URL.fullmatch(page_url):
            path, _, fragment = url.partition("#")
            joined = _joined_path(page_url, path) if path else f"/{page_url}"  # a fragment alone: this page
            return Target(unquote(joined.lstrip("/")), fragment)
        try:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                return None
            joined = urlsplit(urljoin(ORIGIN + page_url, url))
        except ValueError:  # not a URL at all: "http://[x"
            return None
        return Target(unquote(joined.path.lstrip("/")), joined.fragment, joined.query)

    def page_at(self, path: str) -> str | None:
        return self.pages.get(path)

    def absolute(self, target: Target) -> str | None:
        """The address on the published site, if the site says where it is published."""
        if not self.site_url:
            return None
        url = urljoin(self.site_url, quote(target.path))
        if target.query:
            url += f"?{target.query}"
        return f"{url}#{target.fragment}" if target.fragment else url

    def file_at(self, path: str) -> File | None:
        return self.files.get(path) or self.files.get(f"{path.rstrip('/')}/index.html")


def _joined_path(page_url: str, path: str) -> str:
    """The path `urljoin(ORIGIN + page_url, path)` gives (Python's own steps, RFC 3986), for a plain relative path."""
    segments = f"/{page_url}".split("/")[:-1] + path.split("/")
    segments[1:-1] = filter(None, segments[1:-1])
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return "/".join(resolved) or "/"


def url_aliases(url: str) -> list[str]:
    """'plan/vision/' is also reached as 'plan/vision' and 'plan/vision/index.html'."""
    aliases = [url]
    if url.endswith("/") or url == "":
        aliases += [url.rstrip("/"), f"{url}index.html"]
    elif url.endswith("index.html"):
        aliases.append(url[: -len("index.html")])
    return aliases


@dataclass
class Asset:
    """A picture the PDF embeds: the URI WeasyPrint reads and the digest of its bytes."""

    uri: str
    digest: str
    path: Path | None = None  # the source file it is read from; None for a data: URI


@dataclass
class AssetStore:
    """Resolves site files to what WeasyPrint can read, remembering each file's digest."""

    _digests: dict[tuple[str, int, int], str] = field(default_factory=dict)

    def asset(self, file: File) -> Asset | None:
        if file.abs_src_path and os.path.isfile(file.abs_src_path):
            path = Path(file.abs_src_path)
            return Asset(path.as_uri(), self._digest(path), path)
        try:
            content = file.content_bytes
        except (OSError, TypeError, ValueError):
            return None
        mime = mimetypes.guess_type(file.dest_uri)[0] or "application/octet-stream"
        return Asset(data_uri(content, mime), hashlib.sha256(content).hexdigest())

    def shown_by(self, src: str, page_url: str, site: SiteMap, pages: bool = True) -> Asset | None:
        """The asset that ``src`` shows on the page at ``page_url``, if it is one of the site's files.

        `pages=False`: None for a page of the site too (a link to it is not a file to read).
        """
        target = site.resolve(src, page_url)
        file = site.file_at(target.path) if target else None
        if file is None or (not pages and file.is_documentation_page()):
            return None
        return self.asset(file)

    def _digest(self, path: Path) -> str:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._digests:
            self._digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._digests[key]


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"
