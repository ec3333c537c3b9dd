"""Rendered PDFs by the hash of everything that went into them, outside the site folder.

Each entry is `<key>.pdf` with a `<key>.json` sidecar (page count, which
publication and variant). Files are written to a temporary name and moved into
place, so a build that stops half-way never leaves a truncated PDF behind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..output import write_atomically


@dataclass(frozen=True)
class Entry:
    key: str
    pages: int
    size: int


class PdfCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def pdf_path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> Entry | None:
        pdf, sidecar = self.pdf_path(key), self.folder / f"{key}.json"
        try:
            pages = int(json.loads(sidecar.read_text(encoding="utf-8"))["pages"])
            size = pdf.stat().st_size
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Entry(key, pages, size) if size else None

    def put(self, key: str, data: bytes, pages: int, label: str) -> Entry:
        """Store the PDF first, then the sidecar: an entry counts only once both are there."""
        write_atomically(self.pdf_path(key), data)
        sidecar = json.dumps({"pages": pages, "for": label}).encode("utf-8")
        write_atomically(self.folder / f"{key}.json", sidecar)
        return Entry(key, pages, len(data))

    def prune(self, current: dict[str, str]) -> None:
        """Forget older renderings of this build's PDFs (label -> current key): one entry per PDF."""
        if not self.folder.is_dir():
            return
        for sidecar in self.folder.glob("*.json"):
            try:
                label = json.loads(sidecar.read_text(encoding="utf-8")).get("for")
            except (OSError, ValueError, AttributeError):
                continue
            if label in current and current[label] != sidecar.stem:
                sidecar.unlink(missing_ok=True)
                self.pdf_path(sidecar.stem).unlink(missing_ok=True)
