"""Plan a publication's first draft, then write it: never over a file that exists, never outside easyread/."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import build_date
from ..easy_read.drafts import chapter_title, first_draft
from ..errors import SourceError
from ..sources import read_text
from .available import available_pictures
from .project import DraftError, Project, Publication


@dataclass
class PlannedFile:
    target: Path  # where the draft goes, inside easy_read_dir
    source: Path  # the standard page it comes from
    text: str | None  # None: the target exists and is left alone


def plan(project: Project, publication: Publication, glossary: Any) -> list[PlannedFile]:
    """Every file of the draft, made in memory; raises DraftError before anything is written."""
    folder = _draft_folder(project, publication.slug)
    options = project.options.easy_read
    available = available_pictures(project.root / options.pictures)
    planned = []
    for chapter in publication.chapters:
        source = project.docs_dir / chapter
        target = folder / Path(chapter).relative_to(publication.slug)
        _check_target(project, folder, target)
        if os.path.lexists(target):
            planned.append(PlannedFile(target, source, None))
            continue
        try:
            text = read_text(source)
            title = chapter_title(publication.title, chapter, text, source)
        except SourceError as error:
            raise DraftError(error.render(project.root)) from None
        comments = _comments(project, source)
        draft = first_draft(text, title, glossary, None, options.checker.max_sentence_words, available, comments)
        planned.append(PlannedFile(target, source, draft.text))
    return planned


def write(planned: list[PlannedFile]) -> None:
    for item in planned:
        if item.text is None:
            continue
        item.target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with item.target.open("x", encoding="utf-8", newline="\n") as file:  # "x": never over a file
                file.write(item.text)
        except FileExistsError:
            item.text = None  # appeared since we looked: left alone


def _comments(project: Project, source: Path) -> list[str]:
    return [
        f"First draft made by `easyread draft` from {project.shown(source)} on {build_date().isoformat()}.",
        "A draft until people who use easy read have checked it: rewrite it with them,",
        f"then add a line like  checked_by: Co-production group, {build_date().isoformat()}",
    ]


def _draft_folder(project: Project, slug: str) -> Path:
    easy_read_dir = Path(os.path.abspath(project.easy_read_dir))
    shown = project.options.easy_read_dir.rstrip("/")
    if not easy_read_dir.is_relative_to(project.root):
        raise DraftError(f"option easy_read_dir {shown!r} must be inside the project (beside mkdocs.yml)")
    if os.path.lexists(easy_read_dir) and not easy_read_dir.is_dir():
        raise DraftError(f"{shown} is a file, not a folder; move it away so the draft can be written to {shown}/{slug}/")
    if easy_read_dir.exists() and not easy_read_dir.resolve().is_relative_to(project.root.resolve()):
        raise DraftError(f"{shown} is a link to a folder outside the project; the draft is only written inside the project")
    return easy_read_dir / slug


def _check_target(project: Project, folder: Path, target: Path) -> None:
    """Every folder on the way to the target must be a folder inside easy_read_dir, not a file or a link out."""
    easy_read_dir = Path(os.path.abspath(project.easy_read_dir))
    inside = easy_read_dir.resolve() if easy_read_dir.exists() else easy_read_dir
    for step in [*reversed(target.parents[: len(target.relative_to(easy_read_dir).parts) - 1]), target]:
        if not os.path.lexists(step):
            return
        if step != target and not step.is_dir():
            raise DraftError(f"{project.shown(step)} is a file, not a folder; move it away so the draft can be written to {project.shown(folder)}/")
        if not step.resolve().is_relative_to(inside):
            raise DraftError(f"{project.shown(step)} is a link to somewhere outside {project.shown(easy_read_dir)}; the draft is only written inside it")
