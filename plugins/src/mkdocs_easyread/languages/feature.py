"""Languages: the page's `lang`, and a link to the same page in the site's other languages."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from ..build import Feature
from ..errors import SourceError
from ..theme.feature import relative_url
from .alternates import alternates
from .catalogue import available_languages, primary
from .site import LANGUAGE_CODE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")', re.IGNORECASE)


class LanguageSwitch(Feature):
    def on_config(self, config: MkDocsConfig) -> None:
        language = str(config.theme.get("language") or "en")
        if not LANGUAGE_CODE.match(language):
            raise PluginError(f"easyread: theme.language {language!r} in mkdocs.yml is not a language code; write one like en or cy")

    def on_files(self, files: Files) -> None:
        language = self.build.site_language
        if primary(language) not in available_languages():
            self.build.reporter.warn(SourceError(
                Path(self.build.config.config_file_path or "mkdocs.yml"), None,
                f"the site's language {language!r} has no catalogue of the plugin's words, so they are in English; "
                f"use one of: {', '.join(available_languages())}, or add a catalogue (the user guide's page “Publish in Welsh” says how)"))

    def on_env(self) -> None:
        """Pages the plugin made get what mkdocs-static-i18n gives the pages it picked, so that Material's
        language menu and `<link rel="alternate" hreflang>` point at their translations too."""
        if not self.build.languages.is_multilingual or self.build.files is None:
            return
        for file in self.build.files.documentation_pages():
            if file.generated_by is not None and file.page is not None:
                translations = {alt.language: SimpleNamespace(url=alt.url, locale=alt.language)
                                for alt in alternates(self.build, file.page)}
                file.locale = self.build.language_of(file.page)
                file.locale_alternate_of = self.build.languages.current
                file.alternates = {self.build.languages.current: file, **translations}

    def page_top(self, page: Page) -> str | None:
        links = [{"language": alt.language, "name": alt.name, "href": relative_url(page, alt.url)}
                 for alt in alternates(self.build, page)]
        if not links:
            return None
        return self.build.components.render("languages/components/language-switch.html", links=links)

    def on_post_page(self, output: str, page: Page) -> str:
        """`<html lang>` is the page's language; Material writes the site's."""
        language = self.build.language_of(page)
        found = HTML_LANG.search(output)
        if found is None or output[found.end(1):found.start(2)] == language:
            return output  # most pages: no copy of the page
        return f"{output[:found.end(1)]}{language}{output[found.start(2):]}"
