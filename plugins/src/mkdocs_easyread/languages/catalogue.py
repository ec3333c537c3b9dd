"""The message catalogues: gettext `.po` files, one per language, read through Babel.

`locale/<language>/LC_MESSAGES/messages.po` holds every string a reader sees.
The `.po` file is compiled in memory when a build first needs it, so a
translator edits one text file and nothing compiled is kept beside it.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the messages are written in


def primary(language: str) -> str:
    """'cy', 'en_GB', 'pt-BR' -> 'cy', 'en', 'pt' (catalogues and word lists are per primary language)."""
    return language.replace("-", "_").split("_")[0].lower()


def catalogue_file(language: str) -> Path:
    return LOCALE_DIR / primary(language) / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def available_languages() -> tuple[str, ...]:
    """Languages with a catalogue, e.g. ('cy', 'en')."""
    return tuple(sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


@functools.cache
def translations(language: str) -> NullTranslations:
    """The catalogue of a language; messages it lacks fall back to the source (English)."""
    path = catalogue_file(language)
    if primary(language) == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=primary(language), domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def language_name(language: str) -> str:
    """The language's own name for itself: 'Cymraeg', 'English'."""
    locale = babel_locale(language)
    name = locale.get_language_name(locale) or language
    return name[:1].upper() + name[1:]
