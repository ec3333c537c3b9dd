"""A strict Content-Security-Policy for the built site, written to csp.txt.

Pages may run the site's own .js files and, by hash, Material's small inline
scripts. Those hashes come from the theme's templates, never from built pages:
each of Material's inline scripts lives in a ``partials/javascripts/*.html``
template whose output depends only on the configuration and the page's
``base_url`` (its depth, or the site's root for the 404 page). So the plugin
renders those templates on their own for each ``base_url`` the site uses and
hashes their scripts. A script an author writes in a page's Markdown is never
in the policy and does not run; the build says so.
"""

from __future__ import annotations

import re

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import jinja2
from mkdocs.utils import get_relative_url, is_error_template

from ..errors import SourceError, log
from ..output import write_atomically
from .inline_code import InlineCode, inline_code, inline_script_hashes, line_in_source

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ..build import Build

CSP_FILE = "csp.txt"
THEME_SCRIPTS = "partials/javascripts"
UNKNOWN_SCRIPT = (
    "an inline <script> on this page comes from neither Material's templates nor the page's Markdown "
    "(a template in custom_dir, or another plugin?); it will not run under the site's Content-Security-Policy "
    "(csp.txt): move the code into a .js file and load it with <script src=\"...\"></script>"
)


class SitePolicy:
    """The policy of one build: warns about pages that break it, then writes it to csp.txt."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.theme_scripts = ThemeScripts(build.config)

    def check_content(self, html: str, page: Page) -> None:
        """Warn that JavaScript written in the page's Markdown will not run."""
        found = inline_code(html)
        if found:
            line = line_in_source(source_text(page), found[0])
            self.build.reporter.warn(SourceError(self._source(page), line, inline_code_message(found)))

    def check_page(self, output: str, page: Page) -> None:
        """Allow the theme's scripts at this page's depth; warn about any other script outside its content."""
        allowed = self.theme_scripts.hashes_for(get_relative_url(".", page.url))
        # The content is left out: check_content has reported its scripts.
        content = page.content or ""
        start = find_whole(output, content) if content else -1
        around = ((0, start), (start + len(content), len(output))) if start >= 0 else ((0, len(output)),)
        if inline_script_hashes(output, around) - allowed:
            self.build.reporter.warn(SourceError(self._source(page), None, UNKNOWN_SCRIPT))

    def write(self) -> None:
        config = self.build.config
        for name in config.theme.static_templates:  # 404.html, whose links start at the site's root
            if name.endswith(".html"):
                base_url = urlsplit(config.site_url or "/").path if is_error_template(name) else get_relative_url(".", name)
                self.theme_scripts.hashes_for(base_url)
        hashes = self.theme_scripts.all_hashes()
        if self.build.languages.prefix:  # mkdocs-static-i18n's next language: one site, one policy for all languages
            hashes |= hashes_in(self.build.site_dir / CSP_FILE)
        header = policy(hashes)
        write_atomically(self.build.site_dir / CSP_FILE, f"Content-Security-Policy: {header}\n")
        log.info("easyread: Content-Security-Policy for this site written to %s", CSP_FILE)

    def _source(self, page: Page) -> Path:
        return Path(page.file.abs_src_path or self.build.docs_dir / page.file.src_uri)


class ThemeScripts:
    """The hashes of the theme's inline scripts, by the ``base_url`` of the pages that carry them."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self._env: jinja2.Environment | None = None
        self._by_base_url: dict[str, set[str]] = {}

    def hashes_for(self, base_url: str) -> set[str]:
        if base_url not in self._by_base_url:
            self._by_base_url[base_url] = self._render_hashes(base_url)
        return self._by_base_url[base_url]

    def all_hashes(self) -> set[str]:
        return set().union(*self._by_base_url.values())

    def _render_hashes(self, base_url: str) -> set[str]:
        if self._env is None:
            self._env = self.config.theme.get_env()
        # The variables Material's base.html gives these partials when it includes them.
        context = {"config": self.config, "base_url": base_url, "features": self.config.theme.get("features") or []}
        hashes: set[str] = set()
        for name in self._template_names():
            try:
                hashes |= inline_script_hashes(self._env.get_template(name).render(context))
            except jinja2.TemplateError as error:  # e.g. a site's override that needs the page; check_page warns
                log.debug("easyread: cannot render %s on its own for the Content-Security-Policy: %s", name, error)
        return hashes

    def _template_names(self) -> list[str]:
        """``partials/javascripts/*.html`` in the theme's folders (Material's, the site's custom_dir)."""
        folders = [Path(folder, THEME_SCRIPTS) for folder in self.config.theme.dirs]
        return sorted({f"{THEME_SCRIPTS}/{path.name}" for folder in folders for path in folder.glob("*.html")})


def find_whole(text: str, part: str) -> int:
    """``text.find(part)`` for a long ``part`` (a page's content in the page): its first 80 characters
    are looked for, and the rest compared where they are (preparing to find a long text costs more
    than finding it)."""
    head = part[:80]
    position = text.find(head)
    while position != -1 and not text.startswith(part, position):
        position = text.find(head, position + 1)
    return position


def hashes_in(policy_file: Path) -> set[str]:
    """The script hashes a policy written earlier allows."""
    text = policy_file.read_text(encoding="utf-8") if policy_file.is_file() else ""
    return set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", text))


def policy(hashes: set[str]) -> str:
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(hashes)]),
        # Material and the charts set style attributes; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def inline_code_message(found: list[InlineCode]) -> str:
    first = found[0]
    what = {"script": "an inline <script>", "handler": f"an {first.name} attribute", "link": "a javascript: link"}[first.kind]
    more = f" (and {len(found) - 1} more on this page)" if len(found) > 1 else ""
    return (
        f"{what}{more} will not run: the site's Content-Security-Policy (csp.txt) lets pages run only the theme's "
        "scripts and .js files. Move the code into a .js file beside the page (attaching any event handler with "
        "addEventListener) and load it with <script src=\"...\"></script> or extra_javascript in mkdocs.yml, or remove it"
    )


def source_text(page: Page) -> str:
    """The page's source as written, front matter included, so that line numbers match the file."""
    try:
        return page.file.content_string
    except (OSError, UnicodeDecodeError):
        return ""
