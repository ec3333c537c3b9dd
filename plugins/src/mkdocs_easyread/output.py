"""Writing into the site: never a half-written file, even if the build is interrupted."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import mkdocs.utils

_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would have given the file


@contextmanager
def _replacing(path: Path) -> Iterator[str]:
    """A temporary file beside ``path``; renamed onto ``path`` if the block succeeds, removed if not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        yield temporary
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    with _replacing(path) as temporary:
        Path(temporary).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def copy_atomically(source: Path, target: Path) -> None:
    with _replacing(target) as temporary:
        shutil.copyfile(source, temporary)


def _atomic_write_file(content: bytes, output_path: str) -> None:
    write_atomically(Path(output_path), content)


def use_atomic_writes(on: bool) -> None:
    """Make MkDocs write every page and generated file atomically during our build.

    MkDocs writes with a plain open(); an interrupted build can leave a half page.
    Its build calls ``mkdocs.utils.write_file`` through the module, so replacing that
    one function for the length of the build covers pages, sitemaps and generated files.
    """
    current = mkdocs.utils.write_file
    if on and current is not _atomic_write_file:
        _atomic_write_file.__wrapped__ = current  # type: ignore[attr-defined]
        mkdocs.utils.write_file = _atomic_write_file
    elif not on and current is _atomic_write_file:
        mkdocs.utils.write_file = _atomic_write_file.__wrapped__  # type: ignore[attr-defined]
