"""The plan as data: ``outcomes.csv`` (one row per action) and ``outcomes.json`` (the same rows
with full history). Output depends only on the sources and the build date, so that builds
are byte-identical. The JSON shape is documented in the user guide (docs/guide/reference/outcomes-exports.md).

Both carry the date actions are overdue as at (``overdue_as_at``): the build date, or for an
archived plan the date it was last updated; ``generated`` in the JSON stays the build date."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

from .model import Action, Outcome, Plan

if TYPE_CHECKING:
    from ..publications.model import Publication

JSON_FORMAT = "easyread-outcomes"
JSON_VERSION = 1
CSV_COLUMNS = (
    "outcome_id", "outcome_title", "action_id", "action_title", "owner", "due",
    "status", "status_date", "overdue", "recommendations", "overdue_as_at",
)


def action_row(plan: Plan, outcome: Outcome, action: Action) -> dict[str, Any]:
    """The columns of one action, shared by the CSV and JSON exports."""
    return {
        "outcome_id": outcome.id,
        "outcome_title": outcome.title,
        "action_id": action.id,
        "action_title": action.title,
        "owner": action.owner,
        "due": action.due.isoformat(),
        "status": action.status,
        "status_date": action.status_date.isoformat() if action.status_date else None,
        "overdue": plan.is_overdue(action),
        "recommendations": list(action.recommendations),
    }


def csv_text(plan: Plan) -> str:
    """UTF-8 CSV with a byte-order mark so that spreadsheet programs read accents and £ correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for outcome, action in plan.actions():
        row = action_row(plan, outcome, action)
        row["overdue"] = "yes" if row["overdue"] else "no"
        row["status_date"] = row["status_date"] or ""
        row["recommendations"] = " ".join(row["recommendations"])
        row["overdue_as_at"] = plan.as_at.date.isoformat()
        writer.writerow([spreadsheet_safe(row[column]) for column in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


# OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_OR_DATE = re.compile(r"[-+]?\d[\d.,:-]*")


def spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe.

    Numbers and ISO dates stay as they are, so that spreadsheets still read them as numbers and dates.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS) or NUMBER_OR_DATE.fullmatch(value):
        return value
    return "'" + value


def json_text(plan: Plan, publication: Publication) -> str:
    return json.dumps(json_data(plan, publication), ensure_ascii=False, indent=2) + "\n"


def json_data(plan: Plan, publication: Publication) -> dict[str, Any]:
    counts: dict[str, int] = {"actions": sum(1 for _ in plan.actions()), **plan.counts()}
    counts["overdue"] = len(plan.overdue_actions())
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "publication": {"slug": plan.slug, "title": publication.title, "url": publication.url},
        "generated": plan.today.isoformat(),
        "overdue_as_at": plan.as_at.date.isoformat(),
        "counts": counts,
        "outcomes": [_outcome(outcome) for outcome in plan.outcomes],
        "recommendations": [
            {"id": r.id, "theme": r.theme, "text": r.text, "actions": [a.id for _, a in plan.answering(r.id)]}
            for r in plan.recommendations
        ],
        "actions": [
            {**action_row(plan, outcome, action), "history": [
                {"date": u.date.isoformat(), "status": u.status, "note": u.note} for u in action.updates
            ]}
            for outcome, action in plan.actions()
        ],
    }


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return {
        "id": outcome.id,
        "title": outcome.title,
        "easy_read": outcome.easy_read,
        "picture": outcome.picture,
        "measures": list(outcome.measures),
        "status": outcome.status,
        "status_date": outcome.status_date.isoformat() if outcome.status_date else None,
        "actions": [action.id for action in outcome.actions],
    }
