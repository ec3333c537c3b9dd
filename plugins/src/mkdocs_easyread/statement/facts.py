"""What the build knows about the site's accessibility, read from the other features' models at on_env.

Nothing here decides what an easy-read page or a finding is: it reads the easy-read
model (`build.extra["easy_read"]`), the findings and the publications as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..build import Build


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site URL, made relative to the statement when rendered
    detail: Any = None  # a count, a status name or a date, as the list needs


@dataclass
class Facts:
    drafts: list[Link] = field(default_factory=list)  # detail: status name
    unchecked: list[Link] = field(default_factory=list)  # easy-read pages nobody has signed off
    findings: list[Link] = field(default_factory=list)  # detail: how many checker warnings
    overdue: list[Link] = field(default_factory=list)  # detail: review_by date
    pdfs: bool = False  # tagged PDF/UA-1 downloads are made
    braille: bool = False  # Braille-ready files are made

    @property
    def non_compliant(self) -> bool:
        """Something the build itself counts as not fully accessible."""
        return bool(self.unchecked or self.findings)


def gather(build: Build) -> Facts:
    return Facts(
        drafts=_drafts(build),
        unchecked=_unchecked(build),
        findings=_findings(build),
        overdue=[Link(p.title, p.url, p.review_by) for p in _listed(build) if p.overdue_for_review(build.today)],
        pdfs=build.pdfs_enabled(),
        braille=bool(build.extra.get("braille")),  # publications that have one (braille/feature.py, at on_env)
    )


def _listed(build: Build) -> list:
    """Publications a reader can find: draft news stays out of sight unless the site is in review."""
    review = build.review_enabled()
    return [p for p in build.publications.values() if review or not (p.is_news and p.status == "draft")]


def _drafts(build: Build) -> list[Link]:
    return [Link(p.title, p.url, p.status_label) for p in _listed(build) if p.in_review]


def _unchecked(build: Build) -> list[Link]:
    site = build.extra.get("easy_read")
    if site is None:
        return []
    links = []
    for entry in site.unchecked():
        page = _page(build, entry.src_uri)
        if page is not None:
            links.append(Link(str(page.title or entry.title or page.url), page.url))
    return links


def _findings(build: Build) -> list[Link]:
    """Pages with checker warnings still open (suggestions never count), with how many each has."""
    counts: dict[str, int] = {}
    for finding in build.findings:
        if not finding.suggestion:
            counts[finding.page_url] = counts.get(finding.page_url, 0) + 1
    pages = {file.page.url: file.page for file in build.files.documentation_pages() if file.page is not None}
    return [Link(str(pages[url].title or url) if url in pages else url, url, count) for url, count in counts.items()]


def _page(build: Build, src_uri: str) -> Page | None:
    file = build.files.get_file_from_path(src_uri) if build.files else None
    return file.page if file is not None else None

