"""Compiled templates kept from one build to the next, in the plugin's cache folder.

MkDocs compiles every theme template again on every build, and on every rebuild
of `mkdocs serve`: about a tenth of the build of a site of a few hundred pages.
Jinja can keep the compiled code. A template is compiled again when its text
changes (Jinja checks a checksum of the source), when the Python or Jinja
version changes, and when the environment would compile it differently (the
settings and extensions below are part of the key).
"""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from .output import write_atomically

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.theme import Theme

log = logging.getLogger("mkdocs.plugins.easyread")

# Environment settings that change the code Jinja compiles (filters, globals and translations do not).
COMPILE_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
    "newstyle_gettext",
)


def compile_fingerprint(environment: Environment) -> str:
    settings = [repr(getattr(environment, name, None)) for name in COMPILE_SETTINGS]
    autoescape = environment.autoescape
    settings.append(autoescape.__qualname__ if callable(autoescape) else repr(autoescape))
    settings += sorted(environment.extensions)
    settings += [type(environment).__qualname__, environment.code_generator_class.__qualname__, jinja2.__version__]
    return "\n".join(settings)


class TemplateCache(BytecodeCache):
    """Jinja's bytecode cache in ``folder``; a folder that cannot be read or written only means no cache."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha256(f"{compile_fingerprint(environment)}\n{name}\n{filename}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with self._path(bucket).open("rb") as stored:
                bucket.load_bytecode(stored)  # Jinja ignores a file from another Python or Jinja version
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged file (cut short, unreadable) only means compiling again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            write_atomically(self._path(bucket), bucket.bytecode_to_string())
        except OSError as error:
            log.debug("easyread: compiled template not kept in %s: %s", self.folder, error)


def cache_theme_environments(theme: Theme, cache: TemplateCache) -> None:
    """Give the cache to every Jinja environment made from ``theme`` in this build: the one MkDocs
    renders pages with, and those Material's search plugin makes to read its translations."""
    make = getattr(theme.get_env, "__wrapped__", theme.get_env)  # the next language of the same config

    @functools.wraps(make)
    def get_env() -> Environment:
        environment = make()
        environment.bytecode_cache = cache
        return environment

    theme.get_env = get_env  # type: ignore[method-assign]
