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
from .sources import OUTSIDE_PROJECT, outside_project

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from .errors import Reporter


def drop_files_outside_project(files: Files, reporter: Reporter, root: Path) -> None:
    """Remove every file of the project whose source, once links are followed, is outside it.

    The theme's and the plugin's own files live outside the project by design and stay.
    """
    for file in list(files):
        if not file.abs_src_path or not Path(os.path.abspath(file.abs_src_path)).is_relative_to(root):
            continue
        if _outside(Path(file.abs_src_path)):
            reporter.warn(SourceError(file.abs_src_path, None, OUTSIDE_PROJECT))
            files.remove(file)


def _outside(path: Path) -> bool:
    try:
        return outside_project(path)
    except (OSError, RuntimeError):  # a loop of links
        return True
