"""The language the build is writing in now, and the gettext functions that follow it.

Django's `translation.override` and Flask-Babel's `force_locale` do the same:
the dispatcher sets a page's language around each event for that page, so the
code and templates that render it need not pass the language along.
"""

from __future__ import annotations

import datetime as dt
import functools
from contextvars import ContextVar

from babel.dates import format_date

from .catalogue import SOURCE_LANGUAGE, babel_locale, translations

_language: ContextVar[str] = ContextVar("easyread_language", default=SOURCE_LANGUAGE)


class speaking:  # noqa: N801 (used as a function: `with speaking("cy"):`)
    """Within the block, the build writes in ``language``. A class, not a generator: the dispatcher
    enters it around every event of every page."""

    __slots__ = ("language", "_token")

    def __init__(self, language: str) -> None:
        self.language = language

    def __enter__(self) -> str:
        self._token = _language.set(self.language)
        return self.language

    def __exit__(self, *_exception: object) -> None:
        _language.reset(self._token)


def current_language() -> str:
    return _language.get()


def N_(message: str) -> str:  # noqa: N802 (the marker name Babel extracts)
    """Marks a message for extraction where it is defined; it is translated with gettext where it is shown."""
    return message


def gettext(message: str) -> str:
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(current_language()).ngettext(singular, plural, count)


def long_date(value: dt.date | None, language: str | None = None) -> str:
    """A date as GOV.UK writes it, in the language: '2 July 2018', '4 Medi 2023'."""
    if value is None:
        return ""
    return _long_date(value, language or current_language())


@functools.cache
def _long_date(value: dt.date, language: str) -> str:  # a plan shows the same few dates many times
    return format_date(value, "d MMMM y", locale=babel_locale(language))
