"""Reviewing drafts: feedback links, the review page, the build-log summary and the publish gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from ..build import Feature
from ..errors import SourceError, log
from ..languages.speaking import gettext as _
from .feedback import FeedbackExtension, mailto
from .report import Report, build_report, plural

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from ..findings import Finding

REVIEW_PAGE = "review/index.md"


class Review(Feature):
    report: Report | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        config.markdown_extensions.append(FeedbackExtension(self._paragraph_href_for_current_page))

    def on_files(self, files: Files) -> None:
        self.report = None
        if self.build.review_enabled() and files.get_file_from_path(REVIEW_PAGE) is None:
            # Written in the site's language (on_files); the body is replaced at on_env.
            title = json.dumps(_("Review"), ensure_ascii=False)
            placeholder = _("The review is filled in when the site is built.")
            content = f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n{placeholder}\n"
            files.append(File.generated(self.build.config, REVIEW_PAGE, content=content, inclusion=InclusionLevel.NOT_IN_NAV))

    # --- feedback ---------------------------------------------------------------

    def _feedback_target(self, page: Page | None):
        email = self.build.options.feedback
        publication = self.build.publication_of(page) if page is not None else None
        if not email or publication is None or not publication.takes_comments(self.build.today):
            return None
        return email, publication

    def _paragraph_href_for_current_page(self) -> Callable[[str], str] | None:
        page = self.build.current_page
        target = self._feedback_target(page)
        if target is None or page.file.src_uri.startswith("easy-read/"):
            return None
        email, publication = target
        return lambda paragraph: mailto(email, publication.title, page.title or "", self._absolute(page), paragraph)

    def page_bottom(self, page: Page) -> str | None:
        target = self._feedback_target(page)
        if target is None:
            return None
        email, publication = target
        return self.build.components.render(
            "review/components/feedback.html",
            href=mailto(email, publication.title, str(page.title or ""), self._absolute(page)),
            easy_read=page.file.src_uri.startswith("easy-read/"),
            status=publication.status_label,
            numbered=publication.is_numbered,
        )

    def _absolute(self, page: Page) -> str:
        return (self.build.config.site_url or "") + page.url if self.build.config.site_url else page.url

    # --- review page, summary and gate --------------------------------------------

    def on_env(self) -> None:
        self.report = build_report(self.build)
        page = self._review_page()
        if page is not None:
            page.content = self.build.components.render(
                "review/components/review-page.html",
                report=self.report,
                href=lambda url: get_relative_url(url or ".", page.url),
                location=self._location,
            )

    def _review_page(self) -> Page | None:
        file = self.build.file_at(REVIEW_PAGE)
        return file.page if file is not None and file.generated_by else None

    def _location(self, finding: Finding) -> str:
        return SourceError(finding.path, finding.line, "").location(self.build.root)

    def on_post_build(self) -> None:
        if self.report is None:
            return
        where = "review/" if self._review_page() else "the review page (mkdocs serve, or review: true)"
        log.info("easyread review: %s. See %s.", self.report.summary(), where)
        if self.build.options.publish_gate:
            self._publish_gate()

    def _publish_gate(self) -> None:
        blocked = []
        for review in self.report.publications:
            publication = self.build.publications[review.slug]
            if publication.status != "published":
                continue
            reasons = []
            if review.unchecked or review.drafts:
                reasons.append(plural(len(review.unchecked) + len(review.drafts), "easy-read page") + " not checked")
            if review.findings:
                reasons.append(plural(len(review.findings), "checker warning"))
            if reasons:
                blocked.append(f"{publication.source}: published, but has {' and '.join(reasons)}")
        if blocked:
            raise PluginError("easyread publish gate: " + "; ".join(blocked) + ". Fix them, or set the status to draft.")
