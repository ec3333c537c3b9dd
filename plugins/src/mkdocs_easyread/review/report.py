"""The review report: everything an editor or co-production group should look at before publishing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..build import slug_of
from ..easy_read.checker import Settings
from ..easy_read.languages import RuleOff, rules_off
from ..findings import Finding
from ..languages.catalogue import babel_locale, primary
from ..languages.speaking import current_language
from ..outcomes.model import text_in

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..build import Build
    from ..publications.model import Publication


@dataclass
class Overdue:
    action_id: str
    title: str
    due: Any
    status: str  # the action's status: "delayed" (the template names it)
    url: str  # site URL of the outcome's progress page


@dataclass
class LanguageChecks:
    """Checker rules that are off for the easy-read pages in one language, and why."""

    language: str  # "cy"
    name: str  # the language's name in the language of the review page: "Welsh", "Cymraeg"
    off: list[RuleOff]


@dataclass
class PublicationReview:
    slug: str
    title: str
    url: str
    status: str
    findings: list[Finding] = field(default_factory=list)
    suggestions: list[Finding] = field(default_factory=list)
    unchecked: list[Page] = field(default_factory=list)  # easy-read pages without checked_by
    drafts: list[Page] = field(default_factory=list)  # generated first drafts
    past_review_by: Any = None
    overdue: list[Overdue] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return len(self.findings) + len(self.unchecked) + len(self.drafts) + bool(self.past_review_by) + len(self.overdue)


@dataclass
class Report:
    publications: list[PublicationReview]
    other_findings: list[Finding]  # findings outside any publication
    unused_terms: list[str]
    checks_off: list[LanguageChecks] = field(default_factory=list)  # languages of easy-read pages with rules off

    def count(self, name: str) -> int:
        return sum(len(getattr(p, name)) for p in self.publications) + (len(self.other_findings) if name == "findings" else 0)

    @property
    def past_review(self) -> int:
        return sum(1 for p in self.publications if p.past_review_by)

    @property
    def unknown_bold_words(self) -> int:
        return sum(1 for p in self.publications for f in p.findings if f.rule == "unknown-bold-word")

    def summary(self) -> str:
        return ", ".join([
            plural(self.count("findings"), "checker warning"),
            plural(self.count("suggestions"), "suggestion"),
            plural(self.count("unchecked"), "easy-read page") + " not checked",
            plural(self.count("drafts"), "first draft"),
            plural(self.past_review, "publication") + (" past its review date" if self.past_review == 1 else " past their review date"),
            plural(self.count("overdue"), "overdue action"),
            plural(len(self.unused_terms), "glossary term") + " not used",
        ])


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def build_report(build: Build) -> Report:
    reviews = {slug: _review_of(build, publication) for slug, publication in build.publications.items()}
    other: list[Finding] = []
    for finding in build.findings:
        target = reviews.get(_slug_of_url(finding.page_url))
        if target is None:
            other.append(finding)
        else:
            (target.suggestions if finding.suggestion else target.findings).append(finding)
    for page in _easy_read_pages(build):
        review = reviews.get(slug_of(page.file.src_uri))
        if review is None:
            continue
        if page.file.abs_src_path is None:
            review.drafts.append(page)
        elif not page.meta.get("checked_by"):
            review.unchecked.append(page)
    used = build.extra.get("glossary_used", set())
    glossary = build.extra.get("glossary")
    unused = [t.term for t in glossary.terms if t.anchor not in used] if glossary is not None else []
    return Report(list(reviews.values()), other, unused, _checks_off(build))


def _checks_off(build: Build) -> list[LanguageChecks]:
    """For each language of the site's easy-read pages, the checker rules that cannot run on it."""
    settings = Settings.from_options(build.options.easy_read.checker)
    languages = sorted({primary(build.language_of(page)) for page in _easy_read_pages(build)})
    off = {code: rules_off(code, settings) for code in languages}
    reader = current_language()  # a language's name is looked up (in Babel's data) only for one with rules off
    return [LanguageChecks(code, _language_name(code, babel_locale(reader).language), off[code]) for code in languages if off[code]]


def _language_name(code: str, in_language: str) -> str:
    name = babel_locale(code).get_language_name(in_language) or code
    return name[:1].upper() + name[1:]


def _review_of(build: Build, publication: Publication) -> PublicationReview:
    review = PublicationReview(publication.slug, publication.title, publication.url, publication.status_label)
    if publication.overdue_for_review(build.today):
        review.past_review_by = publication.review_by
    plan = build.extra.get("outcomes", {}).get(publication.slug)
    if plan is not None:
        progress = f"{publication.url}progress/"
        review.overdue = [
            Overdue(action.id, text_in(action, "title", current_language()), action.due, action.status, f"{progress}{outcome.id}/")
            for outcome, action in plan.overdue_actions()
        ]
    return review


def _easy_read_pages(build: Build) -> list[Page]:
    easy_read_dir = build.easy_read_dir
    pages = []
    for file in build.files.documentation_pages():
        if not file.src_uri.startswith("easy-read/") or file.page is None:
            continue
        from_source = file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(easy_read_dir)
        if from_source or file.abs_src_path is None and _is_draft(file.page):
            pages.append(file.page)
    return pages


def _is_draft(page: Page) -> bool:
    """Generated first drafts; the progress summary is generated from checked data, not a draft."""
    return "/progress/" not in page.file.src_uri and not page.file.src_uri.endswith("easy-read/index.md")


def _slug_of_url(url: str) -> str:
    parts = url.strip("/").split("/")
    if parts and parts[0] == "easy-read" and len(parts) > 1:
        return parts[1]
    return parts[0] if parts else ""
