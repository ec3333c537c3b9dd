"""A tracked plan: recommendations, outcomes, their actions and each action's status updates.

Everything derived (latest status, overdue, counts, history) is computed here from
the validated sources, so the pages, the exports and other features agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

STATUSES: dict[str, str] = {
    "not-started": "Not started",
    "underway": "Underway",
    "completed": "Completed",
    "delayed": "Delayed",
    "cancelled": "Cancelled",
}
FINISHED = ("completed", "cancelled")  # an action in these states can no longer be overdue


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


@dataclass(frozen=True)
class Update:
    date: dt.date
    status: str
    note: str | None = None

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
    today: dt.date  # the build date, against which actions are overdue
    outcomes: list[Outcome]
    recommendations: list[Recommendation] = field(default_factory=list)

    def actions(self) -> Iterator[tuple[Outcome, Action]]:
        for outcome in self.outcomes:
            for action in outcome.actions:
                yield outcome, action

    def is_overdue(self, action: Action) -> bool:
        return action.overdue(self.today)

    def overdue_actions(self) -> list[tuple[Outcome, Action]]:
        return [(o, a) for o, a in self.actions() if a.overdue(self.today)]

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
