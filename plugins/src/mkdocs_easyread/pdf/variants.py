"""The PDFs a publication gets, and what tells them apart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..languages.speaking import gettext as _
from .confine import PACKAGE

STYLES = Path(__file__).parent / "styles"
EASY_READ_PICTURE = PACKAGE / "easy_read" / "assets" / "pictures" / "easy-read.svg"  # easy-read covers


@dataclass(frozen=True)
class Variant:
    name: str  # "standard", "large-print", "easy-read", "review-pack"
    suffix: str  # added to the slug in the file name
    label: str  # in the build log: "large print PDF" (readers see the words of downloads.html)
    stylesheets: tuple[str, ...]
    easy_read_pages_only: bool = False  # offered for download on the easy-read pages only

    def file_name(self, slug: str) -> str:
        return f"{slug}{self.suffix}.pdf"


STANDARD = Variant("standard", "", "standard PDF", ("base.css", "standard.css"))
LARGE_PRINT = Variant("large-print", "-large-print", "large print PDF", ("base.css", "large-print.css"))
EASY_READ = Variant("easy-read", "-easy-read", "easy read PDF", ("base.css", "easy-read.css"))
# Drafts and consultations: the easy-read pages with numbered rows and space for comments (review_pack.py).
REVIEW_PACK = Variant("review-pack", "-review-pack", "review pack for co-production groups",
                      ("base.css", "easy-read.css", "review-pack.css"), easy_read_pages_only=True)
VARIANTS = (STANDARD, LARGE_PRINT, EASY_READ, REVIEW_PACK)


def stylesheet_text(variant: Variant, custom_dir: str | None) -> str:
    """The variant's print CSS, then a site's own additions from `<custom_dir>/easyread/pdf/styles/`."""
    parts = [(STYLES / name).read_text(encoding="utf-8") for name in variant.stylesheets]
    if custom_dir:
        for name in variant.stylesheets:
            override = Path(custom_dir) / "easyread" / "pdf" / "styles" / name
            if override.is_file():
                parts.append(override.read_text(encoding="utf-8"))
    return "\n".join(parts)


def format_size(size: int) -> str:
    """412 KB, 1.2 MB: as GOV.UK writes file sizes."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def document_title(title: str, variant: Variant) -> str:
    """The PDF's title (its /Title): the publication's, then which version it is, in the language being written."""
    if variant is LARGE_PRINT:
        return _("{title} (large print)").format(title=title)
    if variant is EASY_READ:
        return _("{title} (easy read)").format(title=title)
    if variant is REVIEW_PACK:
        return _("{title} (easy read review pack)").format(title=title)
    return title
