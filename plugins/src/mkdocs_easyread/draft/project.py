"""What `easyread draft` needs from a project, read without building the site.

The MkDocs configuration gives docs_dir, the navigation and the plugin's options;
the publication folder gives its standard pages in reading order.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..config import PluginConfig
from ..errors import SourceError, shown_path
from ..glossary.loader import load_glossary
from ..glossary.model import Glossary
from ..publications.frontmatter import PUBLICATION_KEYS
from ..sources import confine_sources_to, read_text, split_front_matter


class DraftError(Exception):
    """Bad input: one line for the person running the command; nothing is written."""


@dataclass
class Project:
    root: Path  # the folder with mkdocs.yml
    docs_dir: Path
    options: PluginConfig
    nav: list[str]  # pages named in nav, in order (relative to docs_dir)

    @property
    def easy_read_dir(self) -> Path:
        return self.root / self.options.easy_read_dir

    def shown(self, path: Path) -> str:
        return shown_path(path, self.root)


@dataclass
class Publication:
    slug: str
    title: str
    chapters: list[str]  # paths relative to docs_dir, index.md first, then in reading order


def load_project(config_file: Path) -> Project:
    if not config_file.is_file():
        raise DraftError(f"no MkDocs configuration at {config_file}; run beside mkdocs.yml or give -f path/to/mkdocs.yml")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # MkDocs' own notices are not this command's output
    try:
        config = load_config(config_file=str(config_file))
    except (MkDocsException, OSError, ValueError) as error:
        raise DraftError(f"{config_file}: cannot read the MkDocs configuration ({' '.join(str(error).split())})") from None
    finally:
        logger.setLevel(level)
    plugin = next((p for p in config.plugins.values() if p.__class__.__module__.startswith("mkdocs_easyread")), None)
    if plugin is None:
        raise DraftError(f"{config_file} does not use the easyread plugin; add '- easyread' under plugins")
    root = Path(os.path.abspath(config_file)).parent
    confine_sources_to(root)  # read_text now refuses sources that are links to outside the project
    return Project(root, Path(os.path.abspath(config.docs_dir)), plugin.config, list(_nav_pages(config.nav)))


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def load_glossary_of(project: Project) -> tuple[Glossary | None, list[SourceError]]:
    path = project.docs_dir / project.options.glossary_file
    if not path.is_file():
        return None, []
    try:
        return load_glossary(path)
    except SourceError as error:
        return None, [error]


def find_publication(project: Project, folder: str) -> Publication:
    """The publication a folder names: its slug, or its path (relative to here or to mkdocs.yml)."""
    slug = _slug_of(project, folder)
    index = project.docs_dir / slug / "index.md"
    meta = _publication_front_matter(project, folder, index)
    chapters = _chapters(project, slug)
    if chapters == [f"{slug}/index.md"] and not _has_words(project, index):
        raise DraftError(f"{project.shown(project.docs_dir / slug)} has no pages to draft from: its index.md has no text and there are no chapters")
    title = str(meta.get("title") or slug.replace("-", " ").capitalize())
    return Publication(slug, title, chapters)


def _slug_of(project: Project, folder: str) -> str:
    name = folder.strip().rstrip("/\\")
    for candidate in (Path(name), project.root / name, project.docs_dir / name):
        absolute = Path(os.path.abspath(candidate))
        if absolute.is_dir() and absolute.parent == Path(os.path.abspath(project.docs_dir)):
            return absolute.name
    raise DraftError(f"{folder!r} is not a publication folder: expected a folder directly inside {project.shown(project.docs_dir)}/ with an index.md")


def _publication_front_matter(project: Project, folder: str, index: Path) -> Any:
    if not index.is_file():
        raise DraftError(f"{folder!r} is not a publication: {project.shown(index)} is missing")
    try:
        meta, _ = split_front_matter(read_text(index), index)
    except SourceError as error:
        raise DraftError(error.render(project.root)) from None
    if not any(key in meta for key in PUBLICATION_KEYS):
        raise DraftError(f"{folder!r} is not a publication: {project.shown(index)} has no publication front matter (title, type, status ...)")
    return meta


def _chapters(project: Project, slug: str) -> list[str]:
    folder = project.docs_dir / slug
    pages = sorted(
        path.relative_to(project.docs_dir).as_posix() for path in folder.rglob("*.md")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    pages.sort(key=lambda page: not page.endswith("/index.md") or page.count("/") > 1)
    order = {page: number for number, page in enumerate(project.nav)}
    return sorted(pages, key=lambda page: order.get(page, len(order)))


def _has_words(project: Project, index: Path) -> bool:
    _, body = split_front_matter(read_text(index), index)
    return any(character.isalnum() for character in body)
