"""Which files a PDF may read: only those inside the site's own folders and the plugin's.

A page can name any file (`file:///etc/passwd`, `/home/me/notes.txt`, a symbolic
link in the docs folder that points elsewhere); WeasyPrint would read and embed
it. Both the main process (rewriting pages) and the workers (fetching) ask here,
and always about the real path, after symbolic links are followed.
Importing this does not load WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

PACKAGE = Path(__file__).resolve().parent.parent  # the plugin's own styles, pictures and assets
NOT_IN_SITE = "the PDFs leave out '{0}': it is not a file of this site; put the file in the docs folder and use a relative address"


def roots_of(*folders: str | Path | None) -> tuple[str, ...]:
    """The real paths of the folders a PDF may read from (the plugin's folder always among them)."""
    found = [str(Path(folder).resolve()) for folder in folders if folder]
    return tuple(dict.fromkeys([*found, str(PACKAGE)]))


def confined(path: str | Path, roots: tuple[str, ...]) -> Path | None:
    """The real path of `path` if it is inside one of `roots`, else None."""
    try:
        real = Path(path).resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL in the name, a loop of links
        return None
    return real if any(real.is_relative_to(root) for root in roots) else None


def local_path(url: str) -> str | None:
    """The path a `file:` URL names on this machine, or None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    return url2pathname(parts.path)


def is_data(url: str) -> bool:
    return url[:5].lower() == "data:"
