"""Text of ``outcomes.yml`` in other languages: a block per language code under an outcome,
action, recommendation or update, holding that entry's text fields in that language.

    - id: home
      title: More people live in their own home
      cy:
        title: Mwy o bobl yn byw yn eu cartref eu hunain

A language code is any language the plugin has a catalogue for. A mistake in a block is
reported at its line and leaves the default text: the plan still builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import SourceError
from ..languages.catalogue import available_languages
from ..sources import Node, describe

# The text fields each kind of entry may give in another language.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "recommendation": ("theme", "text"),
    "outcome": ("title", "easy_read", "measures"),
    "action": ("title", "owner"),
    "update": ("note",),
}


def language_keys() -> tuple[str, ...]:
    """The keys that start a language block: 'cy', 'en'."""
    return available_languages()


def read_translations(node: Node, kind: str, what: str) -> tuple[dict[str, dict[str, Any]], list[SourceError]]:
    """Each language block of ``node``: language -> field -> text (measures: a list of text)."""
    translations: dict[str, dict[str, Any]] = {}
    errors: list[SourceError] = []
    for language in language_keys():
        if language in node.data and node.data[language] not in (None, ""):
            texts, problems = _block(node, language, TRANSLATABLE[kind], what)
            errors.extend(problems)
            if texts:
                translations[language] = texts
    return translations, errors


def _block(node: Node, language: str, fields: tuple[str, ...], what: str) -> tuple[dict[str, Any], list[SourceError]]:
    where = f"the '{language}' block of {what}"
    if not isinstance(node.data[language], Mapping):
        return {}, [node.error(f"{where} must be a mapping of 'key: value' lines, like title: ...; got {describe(node.data[language])}", language)]
    block = node.child(language)
    errors = block.check_keys(fields, what=where)
    texts: dict[str, Any] = {}
    for name in fields:
        try:
            value = _measures(block, where) if name == "measures" else block.text(name, where, required=False)
        except SourceError as error:
            errors.append(error)
            continue
        if value:
            texts[name] = value
    return texts, errors


def _measures(block: Node, where: str) -> list[str] | None:
    value = block.data.get("measures")
    if value in (None, ""):
        return None
    if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) and str(item).strip() for item in value):
        raise block.error(f"'measures' in {where} must be a list of text, one line per measure; got {describe(value)}", "measures")
    return [str(item).strip() for item in value]
