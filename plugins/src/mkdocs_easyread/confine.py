"""Nothing outside the project is read or published, symbolic links included.

MkDocs copies whatever a link in ``docs_dir`` points at; the plugin leaves such files out of the
build, and refuses to read any source whose real path lies outside the project
(``sources.read_text``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SourceError
from .sources import OUTSIDE_PROJECT

if TYPE_CHECKING:
    from collections.abc import Collection

    from mkdocs.structure.files import File, Files

    from .errors import Reporter


def drop_files_outside_project(files: Files, reporter: Reporter, root: Path, checked: Collection[File] = ()) -> None:
    """Remove every file of the project whose source, once links are followed, is outside it
    (leaving out the files in ``checked``, already found inside).

    The theme's and the plugin's own files live outside the project by design and stay.
    """
    skip = set(map(id, checked))
    real_folders: dict[Path, Path] = {}  # most files share a folder: its links are followed once
    for file in list(files):
        if id(file) in skip or not file.abs_src_path or not Path(os.path.abspath(file.abs_src_path)).is_relative_to(root):
            continue
        if not _real_path(Path(file.abs_src_path), real_folders).is_relative_to(root):
            reporter.warn(SourceError(file.abs_src_path, None, OUTSIDE_PROJECT))
            files.remove(file)


def _real_path(path: Path, real_folders: dict[Path, Path]) -> Path:
    """Where ``path`` is once symbolic links are followed; a loop of links is nowhere (an empty path)."""
    try:
        if path.is_symlink():
            return path.resolve(strict=False)
        if path.parent not in real_folders:
            real_folders[path.parent] = path.parent.resolve()
        return real_folders[path.parent] / path.name
    except (OSError, RuntimeError):  # a loop of links
        return Path()
