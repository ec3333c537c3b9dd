"""The "Progress" box at the foot of a tracked publication's first page (and its easy-read version)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from ..build import slug_of

if TYPE_CHECKING:
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from ..build import Build
    from .model import Plan


def progress_box(build: Build, plans: dict[str, Plan], files: dict[str, dict[str, File]], page: Page) -> str | None:
    slug = slug_of(page.file.src_uri)
    plan, generated = plans.get(slug), files.get(slug, {})
    if plan is None:
        return None
    if page.file.src_uri == f"{slug}/index.md" and "progress" in generated:
        target, easy_read = generated["progress"], False
    elif page.file.src_uri == f"easy-read/{slug}/index.md" and "easy_read" in generated:
        target, easy_read = generated["easy_read"], True
    else:
        return None
    return build.components.render(
        "outcomes/components/progress-box.html",
        href=get_relative_url(target.url, page.file.url),
        easy_read=easy_read,
        completed=plan.counts()["completed"],
        total=sum(1 for _ in plan.actions()),
        overdue=len(plan.overdue_actions()),
        as_at=plan.as_at,
    )
