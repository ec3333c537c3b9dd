"""Writing into the site: never a half-written file, even if the build is interrupted."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import mkdocs.utils

_TEMPORARY_NUMBERS = itertools.count()


@contextmanager
def _replacing(path: Path) -> Iterator[tuple[BinaryIO, str]]:
    """A new file beside ``path``, open for writing: renamed onto ``path`` if the block succeeds, removed if not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = _new_file_beside(path)
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file, temporary
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_beside(path: Path) -> tuple[int, str]:
    """A new, empty file next to ``path``, open for writing, with the permissions open() gives (0o666 less the umask).

    O_EXCL never opens a file (or a link) that is already there. The name is unique to this process,
    so it is cheaper than tempfile's random names, which cost a page a good part of its write.
    """
    while True:
        temporary = str(path.parent / f".{path.name}.{os.getpid()}.{next(_TEMPORARY_NUMBERS)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    with _replacing(path) as (file, _):
        file.write(data.encode("utf-8") if isinstance(data, str) else data)


def copy_atomically(source: Path, target: Path) -> None:
    with _replacing(target) as (_, temporary):
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
