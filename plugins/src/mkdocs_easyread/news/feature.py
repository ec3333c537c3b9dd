"""News: a list page and an Atom feed of `type: news` publications, and on each item its press
contacts, its notes to editors boxed, and a link to the publication it is about (which links back)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from ..build import Feature
from ..errors import SourceError, log
from ..languages.site import move_generated_pages
from ..languages.speaking import gettext as _
from ..theme.feature import relative_url
from . import items as news
from .feed import FeedDetails, atom_feed
from .navigation import place
from .notes import NotesToEditorsExtension

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ..publications.model import Publication

FOLDER = re.compile(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")


class News(Feature):
    page_uri: str | None = None  # the news list, when this build has one
    feed_uri: str | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        folder = self.build.options.news.url.strip("/")
        if not FOLDER.fullmatch(folder):
            raise PluginError(f"easyread: option news.url {self.build.options.news.url!r} must be a folder name such as news or press-releases")
        self.folder = folder
        config.markdown_extensions.append(NotesToEditorsExtension(self._current_page_is_news))

    def _current_page_is_news(self) -> bool:
        page = self.build.current_page
        if page is None or page.file.generated_by is not None or page.file.src_uri.startswith("easy-read/"):
            return False
        publication = self.build.publication_of(page)
        return bool(publication and publication.is_news)

    # --- the list and the feed ------------------------------------------------------

    def on_files(self, files: Files) -> None:
        self.page_uri = self.feed_uri = None
        if not any(p.is_news for p in self.build.publications.values()) or self._folder_taken(files):
            return
        self.page_uri = f"{self.folder}/index.md"
        content = f"---\ntitle: {json.dumps(self._title())}\n---\n"
        # Never listed by MkDocs' own nav logic (no "not included in the nav" notice): on_nav places it.
        files.append(File.generated(self.build.config, self.page_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        if self.build.options.news.feed:
            self._add_feed(files)

    def _title(self) -> str:
        """The news list's and the feed's title: the site's own, or "News" in the language being written."""
        return self.build.options.news.title or _("News")

    def _folder_taken(self, files: Files) -> bool:
        page_url = f"{self.folder}/"
        taken = next((f for f in files if f.src_uri.startswith(page_url) or f.url in (page_url, f"{page_url}index.html")), None)
        if taken is None:
            return False
        self.build.reporter.warn(SourceError(
            taken.abs_src_path or taken.src_uri, 1 if taken.abs_src_path else None,
            f"{page_url} is already used here, so the news list and feed were not built; "
            f"set the option news.url to another folder (for example `news: {{url: press-releases}}` under easyread in mkdocs.yml)"))
        return True

    def _listed(self) -> list[Publication]:
        return news.listed(self.build.publications.values(), self.build.review_enabled())

    def _add_feed(self, files: Files) -> None:
        config = self.build.config
        if not config.site_url:
            log.info("easyread: set site_url in mkdocs.yml to publish the news feed at %sfeed.xml (a feed needs full web addresses)", f"{self.folder}/")
            return
        self.feed_uri = f"{self.folder}/feed.xml"
        self._feed_title = self._title()  # each page names the feed by its own title, in the feed's language
        feed, page = File.generated(config, self.feed_uri, content=b""), files.get_file_from_path(self.page_uri)
        # Each language's list and feed in its own folder (cy/news/feed.xml), so languages do not overwrite each other's.
        move_generated_pages([page, feed], self.build.languages)
        details = FeedDetails(
            site_url=config.site_url if config.site_url.endswith("/") else config.site_url + "/",
            feed_url=feed.url,
            page_url=page.url,
            title=self._feed_title,
            author=self.build.options.organisation or config.site_name,
            language=self.build.site_language,
            today=self.build.today,
        )
        feed.content_bytes = atom_feed(news.in_feed(self._listed(), self.build.options.news.feed_items), details)
        files.append(feed)

    def on_nav(self, nav: Navigation, files: Files) -> None:
        page = self._news_page()
        if page is not None:
            slugs = [p.slug for p in news.listed(self.build.publications.values(), review=True)]  # drafts' pages exist too
            place(nav, page, slugs, self._title(), explicit_nav=self.build.config.nav is not None)

    def _news_page(self) -> Page | None:
        file = self.build.files.get_file_from_path(self.page_uri) if self.page_uri and self.build.files else None
        return file.page if file is not None else None

    def on_env(self) -> None:
        page = self._news_page()
        if page is None:
            return
        feed_href = relative_url(page, self._feed_url()) if self.feed_uri else None
        page.content = self.build.components.render(
            "news/components/news-page.html", items=self._links(page, self._listed()), feed_href=feed_href
        )

    def _feed_url(self) -> str:
        return self.build.files.get_file_from_path(self.feed_uri).url

    def _links(self, page: Page, publications: list[Publication]) -> list[dict]:
        return [{"publication": p, "href": relative_url(page, p.url)} for p in publications]

    def on_post_page(self, output: str, page: Page) -> str:
        """Every page names the feed in its head, for feed readers and browsers to find."""
        if not self.feed_uri or "</head>" not in output:
            return output
        link = self.build.components.render(
            "news/components/feed-link.html", href=relative_url(page, self._feed_url()), title=self._feed_title
        )
        return output.replace("</head>", link + "</head>", 1)

    # --- a news item, and the publication it is about ------------------------------------

    def page_bottom(self, page: Page) -> str | None:
        publication = self.build.publication_of(page)
        if publication is None or page.file.src_uri != f"{publication.slug}/index.md":
            return None  # easy-read pages, chapters and generated pages have none of these
        parts = [self._about_this(page, publication)]
        if publication.is_news:
            parts.insert(0, self._item_footer(page, publication))
        return "\n".join(part for part in parts if part) or None

    def _item_footer(self, page: Page, publication: Publication) -> str:
        subject = self.build.publications.get(publication.about) if publication.about else None
        about = {"title": subject.title, "href": relative_url(page, subject.url)} if subject else None
        return self.build.components.render("news/components/news-item.html", about=about, contacts=publication.contacts)

    def _about_this(self, page: Page, publication: Publication) -> str | None:
        items = news.about(self._listed(), publication.slug)
        if not items:
            return None
        return self.build.components.render("news/components/news-about-this.html", items=self._links(page, items))
