"""Accessibility statement: the GOV.UK model statement at `accessibility/` and its easy-read version,
filled in at on_env from what the build knows, and linked from every page's footer."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import markdown
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from ..build import Feature
from ..errors import SourceError, log
from ..languages.site import sources_for
from ..languages.speaking import gettext as _
from ..sources import read_text
from .facts import Facts, gather

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

FOLDER = re.compile(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")
EASY_READ = "easy-read/"
# Easy-read pages' content sits in this wrapper (easy_read/feature.py): our own markup, no text.
EASY_READ_WRAP = ('<div class="er-easy-read">', "</div>")
KNOWN_ISSUES_EXTENSIONS = ["attr_list", "tables", "sane_lists"]


class Statement(Feature):
    uris: dict[str, str] = {}  # "standard" / "easy_read" -> src_uri of the pages this build has

    def on_config(self, config: MkDocsConfig) -> None:
        folder = self.options.url.strip("/")
        if not FOLDER.fullmatch(folder):
            raise PluginError(f"easyread: option statement.url {self.options.url!r} must be a folder name such as accessibility")
        self.folder = folder

    @property
    def options(self) -> Any:
        return self.build.options.statement

    # --- pages ------------------------------------------------------------------------

    def on_files(self, files: Files) -> None:
        self.uris = {}
        known = files.get_file_from_path(self.options.known_issues)
        if known is not None:
            files.remove(known)  # included in the statement, not a page of its own
        if not self.options.enabled or self._folder_taken(files):
            return
        # Titles in the site's language (on_files); the bodies are made at on_env.
        self._add(files, "standard", f"{self.folder}/index.md", _("Accessibility statement"))
        self._add(files, "easy_read", f"{EASY_READ}{self.folder}/index.md", _("How easy is our website to use?"))

    def _add(self, files: Files, kind: str, uri: str, title: str) -> None:
        content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"
        files.append(File.generated(self.build.config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        self.uris[kind] = uri

    def _folder_taken(self, files: Files) -> bool:
        for folder in (f"{self.folder}/", f"{EASY_READ}{self.folder}/"):
            taken = next((f for f in files if f.src_uri.startswith(folder) or f.url in (folder, f"{folder}index.html")), None)
            if taken is not None:
                self.build.reporter.warn(SourceError(
                    taken.abs_src_path or taken.src_uri, 1 if taken.abs_src_path else None,
                    f"{folder} is already used here, so the accessibility statement was not built; set the option "
                    f"statement.url to another folder (for example `statement: {{url: accessibility-statement}}` under easyread in mkdocs.yml)"))
                return True
        return False

    def _page(self, kind: str) -> Page | None:
        uri = self.uris.get(kind)
        file = self.build.files.get_file_from_path(uri) if uri and self.build.files else None
        return file.page if file is not None else None

    # --- content: at on_env, when every page has been read and checked ----------------------

    def on_env(self) -> None:
        """Every page's Markdown has been rendered, so every checker finding is known (the checkers
        run in on_page_markdown and on_page_content); nothing adds findings after this event."""
        standard, easy_read = self._page("standard"), self._page("easy_read")
        if standard is None:
            return
        known_issues = self._known_issues()
        context = self._context(gather(self.build), bool(known_issues))
        standard.content = self._render("statement-page.html", standard, context, known_issues=known_issues)
        if easy_read is not None:
            body = self._render("easy-read-page.html", easy_read, context)
            easy_read.content = Markup(EASY_READ_WRAP[0]) + Markup(body) + Markup(EASY_READ_WRAP[1])

    def _context(self, facts: Facts, council_lists_issues: bool) -> dict[str, Any]:
        options = self.options
        reviewed = options.reviewed or self.build.today
        compliance = options.compliance
        if compliance == "full" and (facts.non_compliant or council_lists_issues):
            log.info("easyread statement: compliance is full, but the build found content that is not accessible: "
                     "the statement says partially compliant until it is fixed")
            compliance = "partial"
        return {
            "facts": facts,
            "organisation": self.build.options.organisation or self.build.config.site_name,
            "site_name": self.build.config.site_name,
            "site_url": self.build.config.site_url,
            "formats": self.build.options.alternative_formats,
            "reply_days": options.reply_days,
            "enforcement": options.enforcement,
            "compliance": compliance,
            "prepared": options.prepared or reviewed,
            "reviewed": reviewed,
            "tested": options.tested,
            "tested_by": options.tested_by,
            "listen": self.build.options.easy_read.listen,
        }

    def _render(self, template: str, page: Page, context: dict[str, Any], **more: Any) -> str:
        return self.build.components.render(
            f"statement/components/{template}",
            href=lambda url: get_relative_url(url or ".", page.url),
            **context,
            **more,
        )

    def _known_issues(self) -> Markup | None:
        """The council's own known issues (Markdown it writes, as trusted as any page), or None."""
        named = self.build.docs_dir / self.options.known_issues
        siblings = named.parent.glob(f"{named.stem}.*{named.suffix}") if named.parent.is_dir() else []
        path = sources_for([named, *siblings], self.build.languages).get(named)  # accessibility-issues.cy.md in Welsh
        if path is None or not path.is_file():
            return None
        try:
            text = read_text(path)
        except SourceError as error:
            self.build.reporter.warn(error)
            return None
        return Markup(markdown.markdown(text, extensions=KNOWN_ISSUES_EXTENSIONS))

    # --- the footer link -----------------------------------------------------------------

    def on_page_context(self, context: dict[str, Any], page: Page) -> None:
        """The footer's link (partials/copyright.html), in the page's language."""
        target = self._page("standard")
        if target is not None:
            context["easyread_statement_link"] = Markup(self.build.components.render_once(
                "statement/components/footer-link.html", href=get_relative_url(target.url, page.url)))
