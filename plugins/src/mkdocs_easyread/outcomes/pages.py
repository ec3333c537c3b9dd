"""The generated progress pages and exports of a plan, as real MkDocs files.

Pages are Markdown (headings, so they reach the table of contents and search)
with HTML blocks rendered by our autoescaped components. Links between them are
computed from the files' own URLs, so they work with or without directory URLs.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from ..errors import SourceError
from ..languages.speaking import N_, current_language
from ..languages.speaking import gettext as _
from .citations import paragraph_href
from .exports import csv_text, json_text
from .model import Citation, Plan, text_in

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..build import Build
    from ..publications.model import Publication

COMPONENTS = "outcomes/components"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#])")
SHORTCODE_COLON = re.compile(r":(?=[\w+-]+:)")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def page_uris(plan: Plan, easy_read: bool = True) -> dict[str, str]:
    """Every file a plan generates, by a short key the templates link with."""
    base = f"{plan.slug}/progress"
    uris = {"progress": f"{base}/index.md"}
    uris.update({f"outcome:{o.id}": f"{base}/{o.id}.md" for o in plan.outcomes})
    if plan.recommendations:
        uris["recommendations"] = f"{base}/recommendations.md"
    uris["history"] = f"{base}/history.md"
    if easy_read:
        uris["easy_read"] = f"easy-read/{plan.slug}/progress/index.md"
    uris["csv"] = f"{base}/outcomes.csv"
    uris["json"] = f"{base}/outcomes.json"
    return uris


EXPORTS = ("csv", "json")


@dataclass
class Links:
    """Relative links from one generated file to the others (``key`` as in :func:`page_uris`)
    and to the report paragraphs the plan cites."""

    files: dict[str, File]
    here: File
    publication: Publication | None = None
    file_at: Callable[[str], File | None] | None = None  # the site's file at a src_uri (Build.file_at)

    def has(self, key: str) -> bool:
        return key in self.files

    def to(self, key: str, anchor: str = "") -> str:
        url = get_relative_url(self.files[key].url, self.here.url)
        return f"{url}#{anchor}" if anchor else url

    def paragraph(self, citation: Citation) -> str | None:
        """The cited paragraph in its chapter, or None when the report has no such paragraph."""
        if self.publication is None or self.file_at is None:
            return None
        return paragraph_href(citation, self.publication, self.file_at, self.here)


@dataclass
class PlanFiles:
    """What a plan added to the site: its files by key, and each page's Markdown, made when it renders
    (after the report's chapters, so that citations can link to their numbered paragraphs)."""

    files: dict[str, File] = field(default_factory=dict)
    markdown: dict[str, Callable[[], str]] = field(default_factory=dict)  # by src_uri
    errors: list[SourceError] = field(default_factory=list)


def add_plan_files(plan: Plan, publication: Publication, files: Files, build: Build) -> PlanFiles:
    """Append the plan's pages and exports to ``files``; a council's own file at the same address wins.

    A page's content is its front matter until it renders (:attr:`PlanFiles.markdown`)."""
    errors = []
    created: dict[str, File] = {}
    targets: dict[str, File] = {}  # what each key links to: ours, or the council's file that took its place
    for key, uri in page_uris(plan, build.options.outcomes.easy_read_summary).items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            path = Path(existing.abs_src_path or build.docs_dir / uri)
            errors.append(SourceError(path, None, f"this file has the address of a page generated from {plan.source}; rename or move it"))
            targets[key] = existing
            continue
        created[key] = targets[key] = File.generated(build.config, uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(created[key])
    result = PlanFiles(created, errors=errors)
    for key, file in created.items():
        if key in EXPORTS:
            file.content_string = csv_text(plan) if key == "csv" else json_text(plan, publication)
            continue
        file.content_string = f"{front_matter(_title(key, plan))}\n"  # the title, for navigation until it renders
        links = Links(targets, file, publication, build.file_at)
        result.markdown[file.src_uri] = functools.partial(_content, key, plan, publication, links, build)
    return result


PAGE_TITLES = {"progress": N_("Progress"), "recommendations": N_("Recommendations"), "history": N_("History of changes")}
EASY_READ_TITLE = N_("How we are doing")


def _title(key: str, plan: Plan) -> str:
    """A generated page's title, in the language being spoken (front matter: navigation and the page)."""
    if key.startswith("outcome:"):
        outcome = next(o for o in plan.outcomes if f"outcome:{o.id}" == key)
        return f"{outcome.id}: {text(outcome, 'title')}"
    return _(PAGE_TITLES.get(key, EASY_READ_TITLE))


def text(item: Any, name: str) -> Any:
    """A field of an outcome, action, recommendation or update in the language being spoken."""
    return text_in(item, name, current_language())


def _content(key: str, plan: Plan, publication: Publication, links: Links, build: Build) -> str:
    render = build.components.render
    common = {"plan": plan, "publication": publication, "links": links, "md": inline_markdown,
              "front_matter": front_matter(_title(key, plan)), "text": text}
    if key.startswith("outcome:"):
        outcome = next(o for o in plan.outcomes if f"outcome:{o.id}" == key)
        return render(f"{COMPONENTS}/outcome-page.html", **common, outcome=outcome,
                      overdue_count=len(plan.overdue_in(outcome)),
                      href=lambda action: f"#action-{action.id}")
    context = _page_context(key, plan, links)
    return render(f"{COMPONENTS}/{key.replace('_', '-')}-page.html", **common, **context)


def _page_context(key: str, plan: Plan, links: Links) -> dict[str, Any]:
    if key == "progress":
        return {
            "counts": plan.counts(),
            "overdue_count": len(plan.overdue_actions()),
            "action_count": sum(1 for _ in plan.actions()),
            "href": lambda action: links.to(f"outcome:{plan.outcome_of(action.id).id}", f"action-{action.id}"),
        }
    if key == "recommendations":
        answered = sum(1 for r in plan.recommendations if plan.answering(r.id))
        return {
            "themes": plan.themes(),
            "answered": answered,
            "unanswered": len(plan.recommendations) - answered,
        }
    if key == "history":
        changes = plan.history()
        years = [(year, list(group)) for year, group in itertools.groupby(changes, key=lambda c: c.update.date.year)]
        return {"changes": changes, "years": years}
    return {"rows": easy_read_rows(plan)}


def easy_read_rows(plan: Plan) -> list[dict[str, Any]]:
    rows = []
    for outcome in plan.outcomes:
        status = outcome.status
        late = plan.overdue_in(outcome) and status in ("underway", "not-started")
        rows.append({
            "picture": outcome.picture or "material-flag-outline",
            "sentence": text(outcome, "easy_read") or sentence(text(outcome, "title")),
            "status": "delayed" if late else status,
            "words": "late" if late else status,  # status.html's easy_read_word says it in plain words
        })
    return rows


def sentence(text: str) -> str:
    """A title used as an easy-read sentence ends like one, so the status after it reads apart."""
    return text if text.rstrip().endswith((".", "!", "?")) else f"{text.rstrip()}."


def front_matter(title: str) -> Markup:
    """YAML front matter with the page title; JSON strings are valid YAML and need no more escaping."""
    return Markup(f"---\ntitle: {json.dumps(title)}\n---")


def inline_markdown(text: str) -> Markup:
    """Text from YAML, safe inside a Markdown heading or paragraph: shown exactly as written."""
    text = " ".join(str(text).split())
    text = ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return Markup(SHORTCODE_COLON.sub("&#58;", text))
