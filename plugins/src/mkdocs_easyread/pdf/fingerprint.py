"""The cache key of a PDF: a hash of everything that decides its bytes.

It is computed from the inputs (the pages' HTML and addresses, the publication's
details, options, pictures, styles, templates, WeasyPrint's version and this
package's PDF code), so that an unchanged rebuild finds its PDFs without
assembling a single print document.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from .references import References

HERE = Path(__file__).parent
# What a page may make WeasyPrint read (src, data, href of <link> or an attachment, CSS url()): more is harmless.
ATTRIBUTE = r"""(?:src|data|href)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
CSS_URL = r"""url\(\s*["']?([^"')]*)"""
READS = re.compile(rf"\s{ATTRIBUTE}|{CSS_URL}", re.IGNORECASE)
# READS without its leading space, tried only where one of its words starts. Found by str.find in a lower-case
# copy of the page, those places cost a quarter of READS over the whole page, which tries every space in it, and
# half of a regular expression finding the words (4 against 8 ms for the 180 pages of the bench's 100-page corpus).
READ_WORDS = ("src", "data", "href", "url(")
READ_AT = re.compile(f"{ATTRIBUTE}|{CSS_URL}", re.IGNORECASE)
LONG_S = "\u017f"


class Fingerprint:
    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(self, *parts: object) -> Fingerprint:
        for part in parts:
            self._digest.update(str(part).encode("utf-8"))
            self._digest.update(b"\0")
        return self

    def add_pages(self, pages: list[Page], digests: PageDigests) -> Fingerprint:
        return self.add(*(digests.of(page) for page in pages))

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


class ContentDigests:
    """Each page's HTML hashed once per build, for every file made from it (PDFs, Braille-ready files)."""

    def __init__(self) -> None:
        self._digests: dict[str, str] = {}

    def of(self, page: Page) -> str:
        key = page.file.src_uri
        if key not in self._digests:
            self._digests[key] = hashlib.sha256((page.content or "").encode("utf-8")).hexdigest()
        return self._digests[key]


class PageDigests:
    """Each page's part of a PDF's key, worked out once per build: a page is in several PDFs
    (standard and large print), and resolving every link it has is most of the cost of a key."""

    def __init__(self, references: References, contents: ContentDigests) -> None:
        self.references = references
        self.contents = contents
        self._digests: dict[str, str] = {}

    def of(self, page: Page) -> str:
        """A hash of the page's address, title and content, and of the bytes of the files it shows or attaches."""
        key = page.file.src_uri
        if key not in self._digests:
            self._digests[key] = Fingerprint().add(page.file.src_uri, page.url, page.title, self.contents.of(page),
                                                   *self._reads(page)).hexdigest()
        return self._digests[key]

    def _reads(self, page: Page) -> list[str]:
        references, reads = self.references, []
        for reference in references_in(page.content or ""):
            asset = references.assets.shown_by(reference, page.url, references.site, pages=False)
            reads.append(f"{asset.digest}{'' if references.inside(asset) else ' outside'}" if asset else "-")
        return reads


def references_in(html: str) -> Iterator[str]:
    """What READS finds in `html`, in order: the address in each of its matches."""
    lower = html.lower()
    if len(lower) != len(html) or LONG_S in lower:  # a letter whose lower case is two letters moves every place
        # after it in the copy; and READS matches "ſ" as an s (case-insensitively), which lower() keeps
        yield from map(address, READS.finditer(html))
        return
    end = 0
    for start in word_starts(lower):
        if start < end or (lower[start] != "u" and (start == 0 or not lower[start - 1].isspace())):
            continue  # inside the last match, or an attribute's name with no space before it
        match = READ_AT.match(html, start)
        if match:
            end = match.end()
            yield address(match)


def word_starts(lower: str) -> list[int]:
    """Where each of READ_WORDS starts in `lower`, in order."""
    starts = []
    for word in READ_WORDS:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    return sorted(starts)


def address(match: re.Match[str]) -> str:
    """The address a match of READS or READ_AT found (in double or single quotes, or in url())."""
    return match[1] or match[2] or match[3] or ""


@functools.cache
def versions() -> str:
    """WeasyPrint's version and this package's PDF code (Python, templates, styles)."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*")):
        if path.suffix in (".py", ".html", ".css", ".svg") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(HERE).as_posix().encode())
            digest.update(path.read_bytes())
    return "|".join((package_version("weasyprint"), package_version("mkdocs-easyread"), digest.hexdigest()))


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"
