"""A tracked plan: recommendations, outcomes, their actions and each action's status updates.

Everything derived (latest status, overdue, counts, history) is computed here from
the validated sources, so the pages, the exports and other features agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..languages.catalogue import primary

STATUSES: dict[str, str] = {
    "not-started": "Not started",
    "underway": "Underway",
    "completed": "Completed",
    "delayed": "Delayed",
    "cancelled": "Cancelled",
}
FINISHED = ("completed", "cancelled")  # an action in these states can no longer be overdue
# Why overdue is counted on a plan's as-at date: the build date, or for an archived plan the date
# it was last updated (its newest update; with none, its review_by date, else its published date).
AS_AT_REASONS = ("built", "updated", "review-by", "published")


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def text_in(item: Any, name: str, language: str) -> Any:
    """A text field of an outcome, action, recommendation or update in ``language`` when
    outcomes.yml gives it one (a ``cy:`` block), else the default text."""
    translated = item.translations.get(primary(language), {})
    return translated.get(name) or getattr(item, name)


@dataclass(frozen=True)
class Citation:
    """The report paragraph an outcome, action or recommendation answers: ``paragraph: 13``."""

    label: str  # as written: "13", or "3.2" in a report numbered in sections
    line: int  # of the ``paragraph:`` key in outcomes.yml

    @property
    def anchor(self) -> str:
        return f"paragraph-{self.label}"


@dataclass(frozen=True)
class AsAt:
    """The date against which actions are overdue, and why that date."""

    date: dt.date
    reason: str = "built"  # one of AS_AT_REASONS
    archived: bool = False


@dataclass(frozen=True)
class Update:
    date: dt.date
    status: str
    note: str | None = None
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)  # language -> field -> text

    @property
    def label(self) -> str:
        return status_label(self.status)


@dataclass
class Action:
    id: str
    title: str
    owner: str
    due: dt.date
    recommendations: list[str] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)  # oldest first, as in the file
    paragraph: Citation | None = None
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)  # language -> field -> text

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        """The status of the newest update; an action nobody has reported on has not started."""
        return self.latest.status if self.latest else "not-started"

    @property
    def status_date(self) -> dt.date | None:
        return self.latest.date if self.latest else None

    @property
    def label(self) -> str:
        return status_label(self.status)

    def overdue(self, today: dt.date) -> bool:
        """Due date passed and neither completed nor cancelled."""
        return self.due < today and self.status not in FINISHED


@dataclass
class Outcome:
    id: str
    title: str
    measures: list[str]
    actions: list[Action]
    easy_read: str | None = None
    picture: str | None = None
    paragraph: Citation | None = None
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)  # language -> field -> text

    @property
    def status(self) -> str:
        """One status for the outcome, rolled up from its actions' latest statuses."""
        live = [a.status for a in self.actions if a.status != "cancelled"]
        if not self.actions:
            return "not-started"
        if not live:
            return "cancelled"
        if all(s == "completed" for s in live):
            return "completed"
        if "delayed" in live:
            return "delayed"
        if all(s == "not-started" for s in live):
            return "not-started"
        return "underway"

    @property
    def label(self) -> str:
        return status_label(self.status)

    @property
    def status_date(self) -> dt.date | None:
        dates = [a.status_date for a in self.actions if a.status_date]
        return max(dates) if dates else None

    def overdue_actions(self, today: dt.date) -> list[Action]:
        return [a for a in self.actions if a.overdue(today)]


@dataclass(frozen=True)
class Recommendation:
    id: str
    theme: str
    text: str
    paragraph: Citation | None = None
    translations: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)  # language -> field -> text


@dataclass(frozen=True)
class Change:
    """One status update with the action and outcome it belongs to, for the history."""

    update: Update
    action: Action
    outcome: Outcome


@dataclass
class Plan:
    slug: str
    source: str  # outcomes.yml as shown in messages, relative to the project
    today: dt.date  # the build date
    outcomes: list[Outcome]
    recommendations: list[Recommendation] = field(default_factory=list)
    as_at: AsAt | None = None  # against which actions are overdue; the build date unless set (see as_at_for)

    def __post_init__(self) -> None:
        if self.as_at is None:
            self.as_at = AsAt(self.today)

    def actions(self) -> Iterator[tuple[Outcome, Action]]:
        for outcome in self.outcomes:
            for action in outcome.actions:
                yield outcome, action

    def is_overdue(self, action: Action) -> bool:
        return action.overdue(self.as_at.date)

    def overdue_actions(self) -> list[tuple[Outcome, Action]]:
        return [(o, a) for o, a in self.actions() if self.is_overdue(a)]

    def overdue_in(self, outcome: Outcome) -> list[Action]:
        return outcome.overdue_actions(self.as_at.date)

    def counts(self) -> dict[str, int]:
        """How many actions are in each status, every status listed, in the contract's order."""
        counts = dict.fromkeys(STATUSES, 0)
        for _, action in self.actions():
            counts[action.status] += 1
        return counts

    @property
    def last_updated(self) -> dt.date | None:
        dates = [o.status_date for o in self.outcomes if o.status_date]
        return max(dates) if dates else None

    def history(self) -> list[Change]:
        """Every status update, newest first; on the same day, the one later in the file first."""
        changes = [Change(u, a, o) for o, a in self.actions() for u in a.updates]
        order = sorted(range(len(changes)), key=lambda i: (changes[i].update.date, i), reverse=True)
        return [changes[i] for i in order]

    def answering(self, recommendation_id: str) -> list[tuple[Outcome, Action]]:
        return [(o, a) for o, a in self.actions() if recommendation_id in a.recommendations]

    def themes(self) -> list[tuple[str, list[Recommendation]]]:
        """Recommendations grouped by theme, themes in order of first appearance."""
        groups: dict[str, list[Recommendation]] = {}
        for recommendation in self.recommendations:
            groups.setdefault(recommendation.theme, []).append(recommendation)
        return list(groups.items())

    def outcome_of(self, action_id: str) -> Outcome | None:
        return next((o for o, a in self.actions() if a.id == action_id), None)

    def citations(self) -> list[tuple[str, Citation]]:
        """Every ``paragraph:`` citation in the file, with what cites it ("action A1.1")."""
        cited = [(f"recommendation {r.id}", r.paragraph) for r in self.recommendations]
        for outcome in self.outcomes:
            cited.append((f"outcome {outcome.id}", outcome.paragraph))
            cited.extend((f"action {a.id}", a.paragraph) for a in outcome.actions)
        return [(what, citation) for what, citation in cited if citation is not None]


def as_at_for(plan: Plan, archived: bool, review_by: dt.date | None, published: dt.date | None) -> AsAt:
    """The build date; for an archived plan, the date it was last updated (never after the build date)."""
    if not archived:
        return AsAt(plan.today)
    candidates = (("updated", plan.last_updated), ("review-by", review_by), ("published", published))
    reason, date = next(((r, d) for r, d in candidates if d is not None), ("built", plan.today))
    if date > plan.today:  # a review date still to come: nothing can be overdue after today
        reason, date = "built", plan.today
    return AsAt(date, reason, archived=True)
