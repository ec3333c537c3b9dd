"""Rendered PDFs by the hash of everything that went into them, outside the site folder.

Each entry is `<key>.pdf` with a `<key>.json` sidecar (page count, which
publication and variant, the references it left out, and a digest of all that
and the PDF's bytes). Files are written to a temporary name and moved into
place, so a build that stops half-way never leaves a truncated PDF behind; an
entry damaged some other way (a truncated copy, an edited sidecar) fails its
digest and is rendered again rather than published.

Reading and hashing every cached PDF on every build would cost an unchanged
rebuild more than the rest of its PDF work. As git's index does, the sidecar
also keeps the PDF's size, modification time and inode from when its bytes were
last checked, with a seal over all of the record: while the PDF's file and the
record are as they were, the bytes are trusted; anything else (a copied or
restored cache, a rewritten PDF, an edited sidecar) checks the bytes again, and
an entry that passes is sealed afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..output import write_atomically
from .jobs import Problem

log = logging.getLogger("mkdocs.plugins.easyread")


@dataclass(frozen=True)
class Entry:
    key: str
    pages: int
    size: int
    problems: tuple[Problem, ...] = ()


class DamagedEntry(Exception):
    """A cache entry whose files do not agree."""


class PdfCache:
    def __init__(self, folder: Path, suffix: str = ".pdf") -> None:
        self.folder = folder
        self.suffix = suffix  # ".brf": Braille-ready files share the folder, each entry with its own sidecar

    def pdf_path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def sidecar_path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str, label: str = "") -> Entry | None:
        """The entry if it is whole; a damaged one is removed and logged, so that the PDF is rendered again."""
        if not self.sidecar_path(key).exists():
            return None  # never rendered, or stopped before its sidecar was written
        try:
            return self._read(key)
        except DamagedEntry as damage:
            log.info("easyread: PDF %s: the cached copy in %s is damaged (%s); rendering it again",
                     label or key, self.folder, damage)
            self.remove(key)
            return None

    def _read(self, key: str) -> Entry:
        try:
            record = json.loads(self.sidecar_path(key).read_text(encoding="utf-8"))
            pages = record["pages"]
            problems = tuple(Problem(**problem) for problem in record.get("problems", ()))
            file = self.pdf_path(key).lstat()
            if not stat.S_ISREG(file.st_mode):
                raise DamagedEntry("its PDF is not a plain file")
            if record.get("seal") == seal(record, file):  # as it was when its bytes were last checked
                return Entry(key, pages, file.st_size, problems)
            data = self.pdf_path(key).read_bytes()
        except FileNotFoundError:
            raise DamagedEntry("its PDF is missing") from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise DamagedEntry(f"its record cannot be read: {type(error).__name__}") from None
        if record.get("digest") != digest(data, pages, problems):
            raise DamagedEntry("the PDF or its record changed after it was rendered")
        try:
            self._write_record(key, record, file)  # as it was before its bytes were read: a change since is seen
        except OSError:
            pass  # a cache it cannot write to: the bytes are checked again next time
        return Entry(key, pages, len(data), problems)

    def put(self, key: str, data: bytes, pages: int, label: str, problems: tuple[Problem, ...] = ()) -> Entry:
        """Store the PDF first, then the sidecar: an entry counts only once both are there."""
        write_atomically(self.pdf_path(key), data)
        record = {"pages": pages, "for": label, "problems": [asdict(problem) for problem in problems],
                  "digest": digest(data, pages, problems)}
        self._write_record(key, record, self.pdf_path(key).lstat())
        return Entry(key, pages, len(data), problems)

    def _write_record(self, key: str, record: dict[str, Any], file: os.stat_result) -> None:
        """The sidecar, sealed with the PDF's file as it was when its bytes were written or checked."""
        write_atomically(self.sidecar_path(key), json.dumps({**record, "seal": seal(record, file)}).encode("utf-8"))

    def remove(self, key: str) -> None:
        self.sidecar_path(key).unlink(missing_ok=True)
        self.pdf_path(key).unlink(missing_ok=True)

    def prune(self, current: dict[str, str]) -> None:
        """Forget older renderings of this build's PDFs (label -> current key): one entry per PDF."""
        if not self.folder.is_dir():
            return
        keys = set(current.values())
        for sidecar in self.folder.glob("*.json"):
            if sidecar.stem in keys:
                continue  # one of this build's own: not read again
            try:
                label = json.loads(sidecar.read_text(encoding="utf-8")).get("for")
            except (OSError, ValueError, AttributeError):
                continue
            if label in current and current[label] != sidecar.stem:
                self.remove(sidecar.stem)


def seal(record: dict[str, Any], file: os.stat_result) -> str:
    """Of the whole record (but its seal) and of the PDF's size, modification time and inode."""
    fields = {name: value for name, value in record.items() if name != "seal"}
    return hashlib.sha256(json.dumps([fields, file.st_size, file.st_mtime_ns, file.st_ino], sort_keys=True).encode("utf-8")).hexdigest()


def digest(data: bytes, pages: Any, problems: tuple[Problem, ...]) -> str:
    """Of the PDF's bytes and what the sidecar says about them."""
    summary = json.dumps([pages, [asdict(problem) for problem in problems]], sort_keys=True)
    return hashlib.sha256(data + b"\0" + summary.encode("utf-8")).hexdigest()
