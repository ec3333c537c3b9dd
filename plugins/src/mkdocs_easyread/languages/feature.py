"""Languages: the page's `lang`, and a link to the same page in the site's other languages."""

from __future__ import annotations

import re
from urllib.parse import urljoin
from typing import TYPE_CHECKING

from ..build import Feature
from ..theme.feature import relative_url
from .alternates import alternates

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")', re.IGNORECASE)


class LanguageSwitch(Feature):
    def page_top(self, page: Page) -> str | None:
        links = self._links(page)
        if not links:
            return None
        return self.build.components.render("languages/components/language-switch.html", links=links)

    def on_post_page(self, output: str, page: Page) -> str:
        """`<html lang>` is the page's language (Material writes the site's), and the head names its translations."""
        language = self.build.language_of(page)
        output = HTML_LANG.sub(lambda match: f"{match[1]}{language}{match[2]}", output, count=1)
        site_url = self.build.config.site_url
        links = [{"language": alt.language, "href": urljoin(site_url, alt.url)} for alt in alternates(self.build, page)]
        if site_url and links and "</head>" in output:  # search engines want whole addresses here
            head = self.build.components.render("languages/components/alternate-links.html", links=links)
            output = output.replace("</head>", head + "</head>", 1)
        return output

    def _links(self, page: Page) -> list[dict[str, str]]:
        return [{"language": alt.language, "name": alt.name, "href": relative_url(page, alt.url)}
                for alt in alternates(self.build, page)]
