"""The `easyread` command line: `easyread draft <publication folder>` (also `python -m mkdocs_easyread draft`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..easy_read.checker import Settings, check_page
from ..easy_read.rules import Issue
from .available import checker_picture_names
from .project import DraftError, Project, find_publication, load_glossary_of, load_project
from .writer import PlannedFile, plan, write


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="easyread", description="Tools for easyread sites.")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="command")
    draft = commands.add_parser(
        "draft", help="write an editable first draft of a publication's easy-read version",
        description="Write a first easy-read draft of a publication into the easy-read folder (easyread/<publication>/), "
                    "one file per chapter. Files that exist are left alone.",
    )
    draft.add_argument("publication", help="the publication's folder, like care-act-review or content/care-act-review")
    draft.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    draft.add_argument("-v", "--verbose", action="store_true", help="list the checker's suggestions too, not only its warnings")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        return draft(arguments.config_file, arguments.publication, arguments.verbose)
    except DraftError as error:
        print(f"easyread draft: {error}", file=sys.stderr)
        return 1


def draft(config_file: Path, folder: str, verbose: bool = False) -> int:
    project = load_project(config_file)
    publication = find_publication(project, folder)
    glossary, glossary_errors = load_glossary_of(project)
    planned = plan(project, publication, glossary)
    write(planned)
    for error in glossary_errors:
        print(f"note: {error.render(project.root)} (glossary terms are not bolded from that entry)")
    for item in planned:
        print(f"wrote: {project.shown(item.target)}" if item.text is not None else f"left alone: {project.shown(item.target)} (it exists)")
    warnings, suggestions = report_findings(project, planned, glossary, verbose)
    print(summary(planned, warnings, suggestions))
    return 0


def report_findings(project: Project, planned: list[PlannedFile], glossary: object, verbose: bool) -> tuple[int, int]:
    """Print the checker's warnings (and with --verbose its suggestions) for the files written."""
    settings = Settings.from_options(project.options.easy_read.checker)
    names = checker_picture_names(project.root / project.options.easy_read.pictures)
    warnings = suggestions = 0
    for item in planned:
        if item.text is None:
            continue
        for issue in check_page(item.text, settings, glossary, names):
            warnings, suggestions = warnings + (not issue.suggestion), suggestions + issue.suggestion
            if verbose or not issue.suggestion:
                print(finding_line(project.shown(item.target), issue))
    return warnings, suggestions


def finding_line(shown: str, issue: Issue) -> str:
    kind = "suggestion" if issue.suggestion else "warning"
    return f"{shown}:{issue.line}: {kind}: {issue.message}"


def summary(planned: list[PlannedFile], warnings: int, suggestions: int) -> str:
    written = sum(item.text is not None for item in planned)
    left = len(planned) - written
    hint = " (list them with --verbose)" if suggestions else ""
    return (f"Wrote {_count(written, 'file')}, left {left} alone; the checker found {_count(warnings, 'warning')} "
            f"for a person to fix and {_count(suggestions, 'suggestion')}{hint}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
