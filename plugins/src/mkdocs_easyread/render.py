"""Our own Jinja environment for components: autoescaped, overridable by a site's custom_dir.

MkDocs' theme environment does not escape, so everything that shows text from a
council's YAML, CSV or front matter is rendered here and handed to the theme as
safe markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

PACKAGE = Path(__file__).parent


class Components:
    def __init__(self, custom_dir: str | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if custom_dir:
            loaders.append(jinja2.FileSystemLoader(str(Path(custom_dir) / "easyread")))
        # Names are "<feature>/components/<name>.html"; a site overrides one by placing
        # the same path under "<custom_dir>/easyread/".
        loaders.append(jinja2.FileSystemLoader(str(PACKAGE)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
        )
        self.env.filters["long_date"] = long_date

    def render(self, name: str, **context: Any) -> str:
        """Escaped HTML as a plain str (so that ``html + render(...)`` never escapes ``html``)."""
        return self.env.get_template(name).render(**context)


def long_date(value: Any) -> str:
    """2018-07-02 as '2 July 2018', the GOV.UK style."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"
