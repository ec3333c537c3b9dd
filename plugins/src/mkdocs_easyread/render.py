"""Our own Jinja environment for components: autoescaped, translated, overridable by a site's custom_dir.

MkDocs' theme environment does not escape, so everything that shows text from a
council's YAML, CSV or front matter is rendered here and handed to the theme as
safe markup. Each language gets its own environment with its gettext catalogue
installed (Jinja's i18n extension), so templates write `{% trans %}` and `_()`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from .languages.catalogue import translations
from .languages.jinja_gettext import install_translations
from .languages.speaking import current_language, long_date

PACKAGE = Path(__file__).parent


class Components:
    def __init__(self, custom_dir: str | None = None, compiled: jinja2.BytecodeCache | None = None) -> None:
        self.compiled = compiled
        loaders: list[jinja2.BaseLoader] = []
        if custom_dir:
            loaders.append(jinja2.FileSystemLoader(str(Path(custom_dir) / "easyread")))
        # Names are "<feature>/components/<name>.html"; a site overrides one by placing
        # the same path under "<custom_dir>/easyread/".
        loaders.append(jinja2.FileSystemLoader(str(PACKAGE)))
        self.loader = jinja2.ChoiceLoader(loaders)
        self._environments: dict[str, jinja2.Environment] = {}
        self._made: dict[tuple[Any, ...], str] = {}

    def environment(self, language: str) -> jinja2.Environment:
        if language not in self._environments:
            env = jinja2.Environment(
                loader=self.loader,
                autoescape=True,
                trim_blocks=True,
                lstrip_blocks=True,
                undefined=jinja2.StrictUndefined,
                keep_trailing_newline=False,
                auto_reload=False,  # a new Components for every build: no need to stat each template on each use
                extensions=["jinja2.ext.i18n"],
                bytecode_cache=self.compiled,
            )
            install_translations(env, translations(language))
            env.filters["long_date"] = functools.partial(long_date, language=language)
            env.globals["language"] = language
            self._environments[language] = env
        return self._environments[language]

    def source(self, name: str) -> str:
        """A template's text as the site would use it (for fingerprints of what a PDF is made from)."""
        env = self.environment(current_language())
        return self.loader.get_source(env, name)[0]

    def once(self, key: tuple[Any, ...], make: Callable[[], str]) -> str:
        """What ``make()`` renders, made once per build for the same key in the current language: for the
        parts that many pages share (banners, footers, links to the same place from the same depth)."""
        key = (current_language(), *key)
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def render_once(self, name: str, **context: Any) -> str:
        """``render(name, **context)``, made once per build for the same (hashable) context and language."""
        return self.once((name, *sorted(context.items())), lambda: self.render(name, **context))

    def render(self, name: str, **context: Any) -> str:
        """Escaped HTML as a plain str (so that ``html + render(...)`` never escapes ``html``), in the current language."""
        return self.environment(current_language()).get_template(name).render(**context)
