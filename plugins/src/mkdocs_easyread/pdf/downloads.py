"""The "Download this document" box on a publication's pages, and filling it in after rendering.

Sizes and page counts of a PDF are known once it exists. A PDF from the cache is
known before any page is written; one still rendering is not, so its pages get
the box without figures, between marker comments, and the written files are
patched when rendering ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from mkdocs.utils import get_relative_url

from ..output import write_atomically
from .variants import format_size

if TYPE_CHECKING:
    from ..render import Components
    from .plan import PublicationPdfs

TEMPLATE = "pdf/components/downloads.html"
BOX = re.compile(r"<!--er-pdf-downloads-->.*?<!--/er-pdf-downloads-->", re.DOTALL)


class OtherDownloads(Protocol):
    """Files another feature lists in a publication's box after its PDFs (Braille-ready files).

    Registered in `build.extra["downloads"]`; `final`: wait for files still being made and leave out
    those that failed."""

    def pending(self, slug: str) -> bool: ...

    def items(self, slug: str, page_url: str, final: bool) -> list[DownloadItem]: ...


@dataclass(frozen=True)
class DownloadItem:
    """One file in a publication's box, as its link says it (``variant``: a PDF variant's name or "braille")."""

    href: str
    variant: str
    size: str = ""
    pages: int = 0


@dataclass(frozen=True)
class PendingPage:
    """A written page whose box waits for figures."""

    path: Path
    url: str
    easy_read: bool = False  # an easy-read page: also offered the PDFs only its readers get


def render_box(components: Components, pdfs: PublicationPdfs, page_url: str, final: bool, easy_read: bool = False,
               others: Sequence[OtherDownloads] = ()) -> str:
    """The box for a page; `final`: leave out PDFs that failed or never came; `easy_read`: an easy-read page."""
    items = []
    for pdf in pdfs.pdfs:
        if pdf.error is not None or (final and pdf.entry is None) or (pdf.variant.easy_read_pages_only and not easy_read):
            continue
        items.append(DownloadItem(
            href=get_relative_url(pdf.url, page_url or "."),
            variant=pdf.variant.name,
            size=format_size(pdf.entry.size) if pdf.entry else "",
            pages=pdf.entry.pages if pdf.entry else 0,
        ))
    items.extend(item for other in others for item in other.items(pdfs.slug, page_url, final))
    # Every page of a publication at the same depth has the same box.
    return str(components.render_once(TEMPLATE, items=tuple(items), easy_read=easy_read))


def files_from(folder: str, page_url: str) -> str | None:
    """The address of the downloads folder from the page, by which the page links to each of its files (their
    names after it); None for a page inside the folder, whose links to the files may take other shapes."""
    relative = get_relative_url(folder, page_url)
    return None if all(part in ("..", ".", "") for part in relative.split("/")) else relative


def patch(components: Components, pdfs: PublicationPdfs, pages: list[PendingPage],
          others: Sequence[OtherDownloads] = ()) -> int:
    """Fill in the boxes of pages written before their PDFs were done; the number of files changed."""
    changed = 0
    for page in pages:
        try:
            html = page.path.read_text(encoding="utf-8")
        except OSError:
            continue
        box = render_box(components, pdfs, page.url, final=True, easy_read=page.easy_read, others=others)
        patched = BOX.sub(lambda _, box=box: box, html, count=1)
        if patched != html:
            write_atomically(page.path, patched.encode("utf-8"))
            changed += 1
    return changed
