"""Rendered PDFs by the hash of everything that went into them, outside the site folder.

Each entry is `<key>.pdf` with a `<key>.json` sidecar (page count, which
publication and variant). Files are written to a temporary name and moved into
place, so a build that stops half-way never leaves a truncated PDF behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    key: str
    pages: int
    size: int


def _file_mode() -> int:
    """What an ordinary new file gets here (mkstemp makes them private: 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
