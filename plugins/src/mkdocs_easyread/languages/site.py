"""Sites in several languages, built by mkdocs-static-i18n (suffix layout: `index.cy.md` beside `index.md`).

mkdocs-static-i18n builds the site once per language, the default language at
the root and each other language under `<language>/`. Its `on_files` picks, for
every page, the file written in the language being built (falling back to the
default language's file if the site asks it to). This plugin's `on_files` runs
after it, and makes the picked files look as they would in a site of one
language: `ld-strategy/index.cy.md` is known as `ld-strategy/index.md` (it is
still read from `index.cy.md` and published under `cy/`). Every feature then
works unchanged, and the pages the features generate are moved under `cy/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel import localedata

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

PLUGIN_NAME = "i18n"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Languages:
    """The languages of this build: the one being built and the site's others."""

    current: str
    default: str
    built: tuple[str, ...] = ()
    fallback: bool = False  # pages not translated are built from the default language's files

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(language for language in self.built if language != self.current)

    @property
    def is_multilingual(self) -> bool:
        return len(self.built) > 1

    @property
    def prefix(self) -> str:
        """Where this language's pages live in the site: '' for the default language, 'cy/' for Welsh."""
        return "" if self.current == self.default else f"{self.current}/"

    def prefix_of(self, language: str) -> str:
        return "" if language == self.default else f"{language}/"


def languages_of(config: MkDocsConfig) -> Languages:
    """The build's languages: mkdocs-static-i18n's when a site uses it, else `theme.language` alone."""
    plugin = config.plugins.get(PLUGIN_NAME)
    site_language = str(config.theme.get("language") or "en")
    if plugin is None or not hasattr(plugin, "build_languages"):
        return Languages(site_language, site_language, (site_language,))
    current = plugin.current_language or plugin.default_language
    built = tuple(plugin.build_languages)
    return Languages(current, plugin.default_language, built, bool(plugin.config.get("fallback_to_default", True)))


def known_as(file: File) -> str:
    """The src_uri the file has in a site of one language (`index.cy.md` -> `index.md`)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def name_as_in_one_language(files: Files) -> None:
    """Give each file mkdocs-static-i18n picked for this language its plain name (see the module's doc)."""
    renamed = [file for file in files if known_as(file) != file.src_uri]
    for file in renamed:
        files.remove(file)
        file.abs_src_path = file.abs_src_path  # keep the real source before the name changes what it derives
        file.src_uri = known_as(file)
        files.append(file)


def move_generated_pages(pages: list[File], languages: Languages) -> None:
    """Pages this plugin generated go where this language's pages live (`cy/ld-strategy/glossary/`)."""
    if not languages.prefix:
        return
    for file in pages:
        if not file.dest_uri.startswith(languages.prefix):
            file.dest_uri = languages.prefix + file.dest_uri
            file.url = file._get_url()  # noqa: SLF001 (MkDocs' own derivation of a URL from dest_uri)
            file.abs_dest_path = str(Path(file.dest_dir) / file.dest_uri)


def sources_for(paths: Iterable[Path], languages: Languages) -> dict[Path, Path]:
    """For each file as a site of one language names it (`index.md`), the file to read in the
    language being built: its translation (`index.cy.md`), else the default language's file
    when the site falls back to it. Files written for other languages are left out."""
    by_language: dict[Path, dict[str, Path]] = {}
    for path in paths:
        by_language.setdefault(without_language(path), {})[language_of_file(path) or languages.default] = path
    chosen = {}
    for base, written in by_language.items():
        source = written.get(languages.current) or (written.get(languages.default) if languages.fallback else None)
        if source is not None:
            chosen[base] = source
    return chosen


def without_language(path: Path) -> Path:
    """`index.cy.md` -> `index.md`; a file not written for one language is itself."""
    return path.with_suffix("").with_suffix(path.suffix) if language_of_file(path) else path


def written_in(path: Path, language: str) -> Path:
    """`index.md` -> `index.cy.md`."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def language_of_file(path: Path) -> str | None:
    """'cy' for `index.cy.md` or `glossary.cy.yml`; None for a file not written for one language."""
    suffixes = path.suffixes
    if len(suffixes) < 2:
        return None
    code = suffixes[-2][1:]
    return code if LANGUAGE_CODE.match(code) and localedata.exists(code.replace("-", "_")) else None
