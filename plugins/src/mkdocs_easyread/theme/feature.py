"""The accessible layer over Material: templates, styles, palette, fonts and fixes."""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from ..build import Feature
from ..languages.speaking import gettext as _
from ..publications.model import TYPES, status_name
from ..render import Components
from ..template_cache import TemplateCache, cache_theme_environments
from . import icons
from .csp import SitePolicy
from .lent import LentSettings
from .markup import MarkupNeeds, fix_material_markup
from .search import lend_plain_pages_to_search
from .tables import wrap_tables

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication

HERE = Path(__file__).parent
PACKAGE = HERE.parent
ASSET_URI = "assets/easyread"
CONTENT_ANCHOR = "er-content"  # the start of a page's content, where "Skip to content" leads (partials/content.html)
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "attr_list": {},
    "tables": {},
    "toc": {},
    "pymdownx.emoji": {},  # filled in with Material's icon index below
}
NAVIGATION_STATUSES = ("draft", "consultation", "archived")
# A page whose Markdown starts with its own `# Title`: the publication header shows that heading as the
# page's one h1 (with its id, which the table of contents links to) instead of adding a second.
LEADING_H1 = re.compile(r'\A\s*<h1(?: id="(?P<id>[^"]*)")?>(?P<title>.*?)</h1>\s*', re.DOTALL)
DEFAULT_PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "indigo",
        "accent": "indigo",
        "toggle": {"icon": "material/weather-night"},  # named by default_palette()
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "indigo",
        "accent": "indigo",
        "toggle": {"icon": "material/weather-sunny"},
    },
]


class Theme(Feature):
    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.lent = LentSettings()  # before on_config: a build may fail before this feature's turn
        self.nav: Navigation | None = None
        self.markup_needs = MarkupNeeds()  # every fix, until the navigation is known

    def on_config(self, config: MkDocsConfig) -> None:
        self.policy = SitePolicy(self.build)
        self._add_template_layer(config)
        config.theme["font"] = False  # never Google Fonts: the site loads nothing from other hosts
        self._add_markdown_extensions(config)
        for asset, uri in package_assets():
            if asset.suffix == ".css" and uri not in config.extra_css:
                config.extra_css.append(uri)
            elif asset.suffix == ".js" and uri not in config.extra_javascript:
                config.extra_javascript.append(uri)
        compiled = TemplateCache(self.build.cache_dir / "templates")
        cache_theme_environments(config.theme, compiled)
        self.build.components = Components(config.theme.custom_dir, compiled)

    def on_nav(self, nav: Navigation, files: Files) -> None:
        self.nav = nav

    def on_env(self) -> None:
        self.markup_needs = MarkupNeeds.of(self.build.config, self.nav)
        lend_plain_pages_to_search(self.build.config.plugins.values())

    def on_post_template(self, output: str, template_name: str) -> str:
        return fix_material_markup(output, self.markup_needs)

    def _use_site_language_settings(self, config: MkDocsConfig) -> None:
        """Words that Material reads from the config, in the site's language (known from on_files).
        They are lent for this build only: mkdocs-static-i18n builds each language with the same config."""
        if self.build.options.theme.dark_mode and not config.theme.get("palette"):
            self.lent.set(config.theme, "palette", default_palette())
        self._name_navigation_statuses(config)

    def _name_navigation_statuses(self, config: MkDocsConfig) -> None:
        """Material marks a page's `status` in the navigation with an icon, and with words only
        from config.extra.status: give it the words for a publication that is not yet, or no
        longer, current (markup.py puts them in the icon for screen readers)."""
        if "status" not in config.extra:
            self.lent.set(config.extra, "status", {})
        names = config.extra["status"]
        if isinstance(names, dict):
            for status in NAVIGATION_STATUSES:
                if status not in names:
                    # Material writes it into a title attribute without escaping.
                    self.lent.set(names, status, escape(status_name(status)))

    def _add_template_layer(self, config: MkDocsConfig) -> None:
        """Put our templates just under the site's custom_dir, above Material's own."""
        layer = str(HERE / "templates")
        if layer in config.theme.dirs:
            return
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, layer)

    def _add_markdown_extensions(self, config: MkDocsConfig) -> None:
        from material.extensions import emoji

        wanted = dict(MARKDOWN_EXTENSIONS)
        wanted["pymdownx.emoji"] = {"emoji_index": icons.twemoji, "emoji_generator": emoji.to_svg}
        for name, options in wanted.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                if options:
                    config.mdx_configs[name] = options
            elif name == "pymdownx.emoji":
                config.mdx_configs.setdefault(name, {}).setdefault("emoji_index", icons.twemoji)
                config.mdx_configs[name].setdefault("emoji_generator", emoji.to_svg)

    def on_files(self, files: Files) -> None:
        self._use_site_language_settings(self.build.config)
        for asset, uri in package_assets():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(self.build.config, uri, abs_src_path=str(asset)))
        if files.get_file_from_path("index.md") is None:
            inclusion = InclusionLevel.NOT_IN_NAV if self.build.config.nav else InclusionLevel.UNDEFINED
            home = f"---\ntitle: {json.dumps(self.build.config.site_name)}\n---\n"
            files.append(File.generated(self.build.config, "index.md", content=home, inclusion=inclusion))
        self._prune_large_navigation(len(files.documentation_pages()))

    def _prune_large_navigation(self, page_count: int) -> None:
        threshold = self.build.options.theme.prune_navigation_from
        features = self.build.config.theme.setdefault("features", [])
        if threshold and page_count >= threshold and "navigation.prune" not in features:
            features.append("navigation.prune")

    def on_page_content(self, html: str, page: Page) -> str:
        self.policy.check_content(html, page)
        if page.is_homepage and self.build.options.theme.home_lists_publications:
            return html + self._home_listing(page)
        return html

    def _home_listing(self, page: Page) -> str:
        publications = sorted(
            self.build.publications.values(),
            key=lambda p: (list(TYPES).index(p.type) if p.type in TYPES else len(TYPES), -(p.published.toordinal() if p.published else 0), p.title),
        )
        groups = [
            (label, [{"publication": p, "href": relative_url(page, p.url)} for p in items])
            for label, items in itertools.groupby(publications, key=lambda p: p.type_label)
        ]
        return self.build.components.render("theme/components/home.html", groups=groups)

    def on_page_context(self, context: dict[str, Any], page: Page) -> None:
        """Material offers "Skip to content" only to the page's first heading in its table of contents.
        Pages filled in after their Markdown (news list, glossary, progress) or without headings have
        none, so keyboard users would Tab through the whole navigation: skip to the content instead."""
        if page.toc is not None and not page.toc.items:
            skip_to_content(page)

    def page_top(self, page: Page) -> str | None:
        publication = self.build.publication_of(page)
        if publication is None or page.file.src_uri.startswith("easy-read/"):
            return None
        render = self.build.components.render
        is_index = page.file.src_uri == f"{publication.slug}/index.md"
        own_title = LEADING_H1.match(page.content or "")
        if own_title:
            page.content = page.content[own_title.end():]
        banner = self.build.components.once(("banner", publication.slug), lambda: status_banner(self.build, publication))
        return banner + render(
            "theme/components/publication-header.html",
            publication=publication,
            committee=publication.committee,
            is_index=is_index,
            page_title=Markup(own_title["title"]) if own_title else page.title or publication.title,
            title_id=own_title["id"] if own_title else None,
            publication_url=relative_url(page, publication.url),
            organisation=publication.organisation_or(self.build.options.organisation),
        )

    def page_bottom(self, page: Page) -> str | None:
        easy_read = page.file.src_uri.startswith("easy-read/")
        braille = (publication := self.build.publication_of(page)) is not None and publication.slug in self.build.extra.get("braille", ())
        return self.build.components.once(("alternative-formats", easy_read, braille), lambda: self.build.components.render(
            "theme/components/alternative-formats.html",
            formats=self.build.options.alternative_formats,
            organisation=self.build.options.organisation,
            easy_read=easy_read,
            braille=braille,
        ))

    def on_post_page(self, output: str, page: Page) -> str:
        self.policy.check_page(output, page)
        output = fix_material_markup(output, self.markup_needs)
        return self._wrap_tables(output, page)

    def _wrap_tables(self, output: str, page: Page) -> str:
        """Wide tables scroll in a named region on the web page (PDFs and search keep the plain table)."""
        content = page.content or ""
        if "<table" not in content or content not in output:
            return output
        render = functools.partial(self.build.components.render, "theme/components/table-region.html")
        return output.replace(content, wrap_tables(content, render, page.title or ""), 1)

    def on_post_build(self) -> None:
        """Write the site's Content-Security-Policy to csp.txt for the web server's configuration."""
        self.policy.write()
        self.lent.restore()

    def on_build_error(self) -> None:
        self.lent.restore()


def default_palette() -> list[dict[str, Any]]:
    """Light and dark schemes that follow the reader's setting, the switch named in the language being written."""
    palette = copy.deepcopy(DEFAULT_PALETTE)
    palette[0]["toggle"]["name"] = _("Switch to dark mode")
    palette[1]["toggle"]["name"] = _("Switch to light mode")
    return palette


def skip_to_content(page: Page) -> None:
    """Material's "Skip to content" leads to the first entry of the page's table of contents: make that
    the start of the content (partials/content.html), and the table of contents otherwise empty."""
    page.toc = get_toc([{"level": 1, "id": CONTENT_ANCHOR, "name": str(page.title or ""), "children": []}])


def status_banner(build: Build, publication: Publication) -> str:
    """The banner of a draft, consultation (with its closing date) or archived publication; '' otherwise."""
    return build.components.render("theme/components/banner.html", publication=publication, today=build.today,
                                   feedback=build.options.feedback, formats=build.options.alternative_formats)


def package_assets() -> list[tuple[Path, str]]:
    """Each feature's ``assets/`` files and their site URIs: ``assets/easyread/<feature>/<file>``."""
    return [
        (asset, f"{ASSET_URI}/{asset.relative_to(PACKAGE).as_posix().replace('/assets/', '/', 1)}")
        for asset in sorted(PACKAGE.glob("*/assets/**/*"))
        if asset.is_file()
    ]


def relative_url(page: Page, url: str) -> str:
    """A link from ``page`` to a site URL, as MkDocs writes them (works from file:// too)."""
    return get_relative_url(url or ".", page.url or ".")


def page_parts(above: list[Feature], below: list[Feature], page: Page) -> dict[str, Any]:
    """What the features put above and below a page's content (``above``: those with a page_top)."""
    top = [part for feature in above if (part := feature.page_top(page))]
    bottom = [part for feature in below if (part := feature.page_bottom(page))]
    return {
        "top": Markup("\n").join(Markup(part) for part in top),
        "bottom": Markup("\n").join(Markup(part) for part in bottom),
        "has_title": any("<h1" in str(part) for part in top),
    }
