"""Reading and validating ``outcomes.yml`` into a :class:`~.model.Plan`.

Every problem becomes a SourceError with the file, the line and the bad value.
Problems that leave the data complete (an unknown key) are reported but the plan
is still built; anything else is reported and the plan is left out, so the
public is never shown a half-read plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import SourceError
from ..sources import Node, describe, parse_yaml, read_text
from .icons import icon_error
from .model import STATUSES, Action, Citation, Outcome, Plan, Recommendation, Update
from .scalars import SourceLines
from .translations import language_keys, read_translations

T = TypeVar("T")

TOP_KEYS = ("recommendations", "outcomes")
RECOMMENDATION_KEYS = ("id", "theme", "text", "paragraph")
OUTCOME_KEYS = ("id", "title", "easy_read", "picture", "measures", "actions", "paragraph")
ACTION_KEYS = ("id", "title", "owner", "due", "recommendations", "updates", "paragraph")
UPDATE_KEYS = ("date", "status", "note")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
# A paragraph's label: 13 in a report numbered in paragraphs, 3.2 in one numbered in sections.
PARAGRAPH_LABEL = re.compile(r"[1-9][0-9]*(?:\.[1-9][0-9]*)*\Z")
PARAGRAPH_WORD = re.compile(r"(?:paragraph|para)\.?\s*", re.IGNORECASE)
# Outcome ids become page names in progress/; these would collide with the other pages and exports.
RESERVED_OUTCOME_IDS = ("index", "recommendations", "history", "outcomes.csv", "outcomes.json")
STATUS_HINTS = {
    "in progress": "underway", "in-progress": "underway", "ongoing": "underway", "started": "underway",
    "on track": "underway", "done": "completed", "complete": "completed", "finished": "completed",
    "not started": "not-started", "not_started": "not-started", "planned": "not-started",
    "late": "delayed", "behind": "delayed", "overdue": "delayed", "stopped": "cancelled",
    "canceled": "cancelled", "withdrawn": "cancelled",
}


def load_plan(path: Path, slug: str, shown: str, today: dt.date) -> tuple[Plan | None, list[SourceError]]:
    """The plan in ``path`` (None when it cannot be trusted) and every problem found."""
    reader = _Reader(path)
    plan = reader.plan(slug, shown, today)
    return (None if reader.broken else plan), reader.errors


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.source = SourceLines(path, "")
        self.errors: list[SourceError] = []
        self.broken = False
        self.ids: dict[str, int] = {}  # every id in the file, with the line it was first given
        self.references: list[tuple[int, str, str]] = []  # (line, recommendation id, action id)

    def fail(self, error: SourceError) -> None:
        self.errors.append(error)
        self.broken = True

    def attempt(self, read: Callable[[], T]) -> T | None:
        try:
            return read()
        except SourceError as error:
            self.fail(error)
            return None

    def plan(self, slug: str, shown: str, today: dt.date) -> Plan | None:
        root = self.attempt(self._root)
        if root is None:
            return None
        self.errors.extend(root.check_keys(TOP_KEYS, what="outcomes.yml"))
        recommendations = self._list(root, "recommendations", self._recommendation, required=False)
        outcomes = self._list(root, "outcomes", self._outcome, required=True)
        self._check_references({r.id for r in recommendations})
        return Plan(slug=slug, source=shown, today=today, outcomes=outcomes, recommendations=recommendations)

    def _root(self) -> Node:
        text = read_text(self.path)
        self.source = SourceLines(self.path, text)
        data = parse_yaml(text, self.path)
        if data is None:
            raise SourceError(self.path, 1, "the file is empty; expected 'outcomes:' followed by a list of outcomes")
        return Node(self.path, data, 1).mapping("outcomes.yml")

    def _list(self, node: Node, key: str, read: Callable[[Node], T | None], required: bool, owner: str = "outcomes.yml") -> list[T]:
        if key not in node.data or node.data[key] in (None, ""):
            if required and key in node.data:
                self.fail(node.error(f"'{key}' is empty; expected a list of {key}", key))
            elif required:
                self.fail(node.error(f"{owner} is missing '{key}' (a list of {key})"))
            return []
        items = self.attempt(lambda: node.child(key).items(key))
        if required and items == []:
            self.fail(node.error(f"'{key}' is an empty list; expected at least one", key))
        return [entry for item in items or [] if (entry := read(item)) is not None]

    # --- entries --------------------------------------------------------------

    def _recommendation(self, node: Node) -> Recommendation | None:
        if not self._is_mapping(node, "a recommendation"):
            return None
        rec_id = self._id(node, "a recommendation")
        what = f"recommendation {rec_id}" if rec_id else "a recommendation"
        self._unknown_keys(node, RECOMMENDATION_KEYS, what)
        translations = self._translations(node, "recommendation", what)
        theme = self.attempt(lambda: node.text("theme", what))
        text = self.attempt(lambda: node.text("text", what))
        paragraph = self._citation(node, what)
        if not self._complete(rec_id, theme, text):
            return None
        return Recommendation(id=rec_id, theme=theme, text=text, paragraph=paragraph, translations=translations)

    def _outcome(self, node: Node) -> Outcome | None:
        if not self._is_mapping(node, "an outcome"):
            return None
        outcome_id = self._id(node, "an outcome", outcome=True)
        what = f"outcome {outcome_id}" if outcome_id else "an outcome"
        self._unknown_keys(node, OUTCOME_KEYS, what)
        translations = self._translations(node, "outcome", what)
        title = self.attempt(lambda: node.text("title", what))
        easy_read = self.attempt(lambda: node.text("easy_read", what, required=False))
        picture = self.attempt(lambda: self._picture(node))
        measures = self._list(node, "measures", lambda n: self.attempt(lambda: self._measure(n)), required=True, owner=what)
        actions = self._list(node, "actions", lambda n: self._action(n, outcome_id), required=True, owner=what)
        paragraph = self._citation(node, what)
        if not self._complete(outcome_id, title):
            return None
        return Outcome(id=outcome_id, title=title, measures=measures, actions=actions, easy_read=easy_read, picture=picture, paragraph=paragraph,
                       translations=translations)

    def _action(self, node: Node, outcome_id: str | None) -> Action | None:
        if not self._is_mapping(node, "an action"):
            return None
        action_id = self._id(node, "an action")
        what = f"action {action_id}" if action_id else f"an action of outcome {outcome_id}"
        self._unknown_keys(node, ACTION_KEYS, what)
        translations = self._translations(node, "action", what)
        title = self.attempt(lambda: node.text("title", what))
        owner = self.attempt(lambda: node.text("owner", what))
        due = self.attempt(lambda: self._date(node, "due", what))
        recommendations = self._recommendation_ids(node, action_id or "")
        updates = self._list(node, "updates", self._update, required=False, owner=what)
        self._check_order(node)
        paragraph = self._citation(node, what)
        if not self._complete(action_id, title, owner, due):
            return None
        return Action(id=action_id, title=title, owner=owner, due=due, recommendations=recommendations, updates=updates, paragraph=paragraph,
                      translations=translations)

    def _update(self, node: Node) -> Update | None:
        if not self._is_mapping(node, "an update"):
            return None
        self._unknown_keys(node, UPDATE_KEYS, "an update")
        translations = self._translations(node, "update", "an update")
        date = self.attempt(lambda: self._date(node, "date", "an update"))
        status = self.attempt(lambda: self._status(node))
        note = self.attempt(lambda: node.text("note", "an update", required=False))
        if not self._complete(date, status):
            return None
        return Update(date=date, status=status, note=note, translations=translations)

    # --- fields ---------------------------------------------------------------

    def _is_mapping(self, node: Node, what: str) -> bool:
        return self.attempt(lambda: node.mapping(what)) is not None

    def _unknown_keys(self, node: Node, allowed: tuple[str, ...], what: str) -> None:
        self.errors.extend(node.check_keys(allowed + language_keys(), what=what))

    def _translations(self, node: Node, kind: str, what: str) -> dict[str, dict[str, Any]]:
        """The entry's text in other languages (``cy:`` blocks); a mistake there is reported, the plan still builds."""
        translations, errors = read_translations(node, kind, what)
        self.errors.extend(errors)
        return translations

    @staticmethod
    def _complete(*values: Any) -> bool:
        """Whether an entry's required fields were all read (the plan is discarded otherwise)."""
        return all(value is not None for value in values)

    def _id(self, node: Node, what: str, outcome: bool = False) -> str | None:
        if node.data.get("id") in (None, ""):
            self.fail(node.error(f"{what} is missing 'id'"))
            return None
        line = node.line_of("id")
        value = self.attempt(lambda: self.source.value_text(node.data, "id", line, "id"))
        if value is None:
            return None
        if not ID_PATTERN.match(value):
            self.fail(SourceError(self.path, line, f"id {value!r} may only use letters, digits, '.', '-' and '_', starting with a letter or digit"))
        elif outcome and value.lower() in RESERVED_OUTCOME_IDS:
            self.fail(SourceError(self.path, line, f"outcome id {value!r} is the name of a generated page; choose another, like O1"))
        if value in self.ids:
            self.fail(SourceError(self.path, line, f"id {value!r} is used twice (first on line {self.ids[value]}); ids must be unique in the file"))
        else:
            self.ids[value] = line
        return value

    def _measure(self, node: Node) -> str:
        if node.data is None or isinstance(node.data, (dict, list)) or str(node.data).strip() == "":
            raise node.error(f"a measure must be text; got {describe(node.data)}")
        return str(node.data).strip()

    def _date(self, node: Node, key: str, what: str) -> dt.date:
        if node.data.get(key) in (None, ""):
            raise node.error(f"{what} is missing '{key}' (a date like 2019-03-31)")
        return node.date(key)

    def _status(self, node: Node) -> str:
        value = node.data.get("status")
        if value in (None, ""):
            raise node.error(f"an update is missing 'status'; expected one of: {', '.join(STATUSES)}")
        if str(value) in STATUSES:
            return str(value)
        hint = STATUS_HINTS.get(str(value).strip().lower()) or (str(value).lower() if str(value).lower() in STATUSES else None)
        suggestion = f"; did you mean '{hint}'?" if hint else ""
        raise node.error(f"status {str(value)!r} is not known; expected one of: {', '.join(STATUSES)}{suggestion}", "status")

    def _picture(self, node: Node) -> str | None:
        name = node.text("picture", "", required=False)
        if name is None:
            return None
        name = name.strip(":")
        problem = icon_error(name)
        if problem:
            raise node.error(f"picture {node.data['picture']!r} {problem}", "picture")
        return name

    def _citation(self, node: Node, what: str) -> Citation | None:
        """``paragraph: 13`` as written (YAML reads 3.10 as 3.1). A bad one is left out; the plan still builds."""
        if "paragraph" not in node.data:
            return None
        line = node.line_of("paragraph")
        value = node.data["paragraph"]
        scalar = isinstance(value, (int, float, str)) and not isinstance(value, bool) and str(value).strip() != ""
        label = self.source.value_text(node.data, "paragraph", line, "paragraph") if scalar else ""
        if PARAGRAPH_LABEL.match(label):
            return Citation(label, line)
        bare = PARAGRAPH_WORD.sub("", label, count=1).strip()
        hint = f"; write only the number: paragraph: {bare}" if bare != label and PARAGRAPH_LABEL.match(bare) else ""
        got = repr(label) if scalar else describe(value)
        self.errors.append(SourceError(self.path, line, (
            f"{what}: 'paragraph' must be the number of a paragraph in the report, like 13 "
            f"(or a label like 3.2 in a report numbered in sections); got {got}{hint}")))
        return None

    def _recommendation_ids(self, node: Node, action_id: str) -> list[str]:
        value = node.data.get("recommendations")
        if value in (None, ""):
            return []
        what = "a recommendation id"
        if not isinstance(value, list):  # one id without brackets: recommendations: R1
            line = node.line_of("recommendations")
            found = [(self.attempt(lambda: self.source.value_text(node.data, "recommendations", line, what)), line)]
        else:
            lines = [item.line for item in node.child("recommendations").items("recommendations")]
            found = [(self.attempt(lambda: self.source.item_text(value, index, line, what)), line) for index, line in enumerate(lines)]
        for rec_id, line in found:
            if rec_id is not None:
                self.references.append((line, rec_id, action_id))
        return [rec_id for rec_id, _ in found if rec_id is not None]

    def _check_references(self, known: set[str]) -> None:
        known_ids = sorted(known, key=_natural)
        for line, rec_id, action_id in self.references:
            if rec_id in known:
                continue
            if not known_ids:
                expected = "this file has no 'recommendations' list"
            else:
                same = [k for k in known_ids if k.lower() == rec_id.lower()]
                hint = f"; ids are case-sensitive: did you mean {same[0]!r}?" if same else ""
                shown = ", ".join(known_ids[:12]) + (", …" if len(known_ids) > 12 else "")
                expected = f"expected one of: {shown}{hint}"
            self.fail(SourceError(self.path, line, f"action {action_id} refers to recommendation {rec_id!r}, which is not in 'recommendations'; {expected}"))

    def _check_order(self, node: Node) -> None:
        """Updates are listed oldest first, so the last one is the latest status."""
        if "updates" not in node.data or not isinstance(node.data["updates"], list):
            return
        items = node.child("updates").items("updates")
        dated = [(item, item.data.get("date")) for item in items if isinstance(item.data, dict)]
        previous: dt.date | None = None
        for item, raw in dated:
            try:
                date = dt.date.fromisoformat(str(raw).strip())
            except ValueError:
                continue
            if previous is not None and date < previous:
                self.fail(SourceError(self.path, item.line_of("date"), f"update dated {date.isoformat()} is listed after one dated {previous.isoformat()}; list updates oldest first, newest last"))
            previous = max(previous, date) if previous else date


def _natural(text: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
