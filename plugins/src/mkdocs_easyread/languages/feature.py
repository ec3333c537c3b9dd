"""Languages: the page's `lang`, and a link to the same page in the site's other languages."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING

from ..build import Feature
from ..theme.feature import relative_url
from .alternates import alternates

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")', re.IGNORECASE)


class LanguageSwitch(Feature):
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
        return HTML_LANG.sub(lambda match: f"{match[1]}{language}{match[2]}", output, count=1)
