"""The message catalogues: every word the plugin shows is in them, and Welsh has all of them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_easyread.languages.catalogue import LOCALE_DIR, available_languages, catalogue_file

PACKAGE = LOCALE_DIR.parent.parent
MAPPING = LOCALE_DIR.parent / "babel.cfg"
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-description", "aria-roledescription")
# Markdown that templates write for MkDocs to render: attribute lists and icon shortcodes.
MARKDOWN_SYNTAX = re.compile(r"\{[^{}]*\}|:[a-z0-9]+(?:-[a-z0-9]+)+:")
NAMES_OF_FORMATS = re.compile(r"\b(?:CSV|JSON|PDF|BRF|SVG|RSS|Atom)\b")
JINJA = re.compile(r"\{#.*?#\}|\{%-?\s*trans\b.*?%\}.*?\{%-?\s*endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def extracted() -> dict[str, tuple[str, int]]:
    """Every message the code and templates use: msgid -> (file, line)."""
    with MAPPING.open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = {}
    for filename, line, message, _comments, _context in extract_from_dir(str(PACKAGE), method_map, options_map):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, (filename, line))
    return found


def catalogue(language: str):
    with catalogue_file(language).open("rb") as po:
        return read_po(po, locale=language)


def test_english_and_welsh_catalogues_ship():
    assert {"en", "cy"} <= set(available_languages())


def test_the_code_uses_messages():
    assert len(extracted()) > 100  # the extraction really reads the templates and the code


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_message_is_in_the_catalogue(language):
    messages = catalogue(language)
    missing = [f"{msgid!r} ({where[0]}:{where[1]})" for msgid, where in extracted().items() if msgid not in messages]
    assert not missing, f"run `make messages`, then translate: {missing[:20]}"


def test_every_message_has_a_welsh_translation_that_is_not_fuzzy():
    messages = catalogue("cy")
    untranslated = [
        message.id for message in messages
        if message.id and (message.fuzzy or not all(message.string if isinstance(message.string, tuple) else (message.string,)))
    ]
    assert not untranslated, untranslated[:20]


def test_no_message_is_left_in_a_catalogue_after_the_code_stopped_using_it():
    used = set(extracted())
    for language in ("en", "cy"):
        stale = [message.id for message in catalogue(language) if message.id and (message.id[0] if isinstance(message.id, tuple) else message.id) not in used]
        assert not stale, f"{language}: {stale[:20]} (run `make messages`)"


class VisibleText(HTMLParser):
    """Text and the attributes people hear or see, outside <style> and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skipping += 1
        self.found += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.found.append(data.strip())


def templates() -> list[Path]:
    return sorted(PACKAGE.glob("*/components/*.html"))


@pytest.mark.parametrize("template", templates(), ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_templates_hold_no_words_outside_the_catalogue(template):
    parser = VisibleText()
    parser.feed(JINJA.sub(" ", template.read_text(encoding="utf-8")))
    found = (NAMES_OF_FORMATS.sub(" ", MARKDOWN_SYNTAX.sub(" ", text)) for text in parser.found)
    words = [text for text in found if re.search(r"[^\W\d_]{2,}", text)]
    assert not words, f"{template}: words outside {{% trans %}} or _(): {words}"


TEMPLATE_CALLS = {
    "call": '{{ _("Status") }}|{{ _(message) }}|{{ gettext("Due %(when)s", when=value) }}',
    "trans": "{% trans %}Status{% endtrans %}|{% trans value=value %}Checked by {{ value }}{% endtrans %}",
    "plural": "{% trans count=count %}{{ count }} theme{% pluralize %}{{ count }} themes{% endtrans %}"
              "|{{ ngettext('%(num)d action', '%(num)d actions', count) }}",
}


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("autoescape", [True, False])
@given(message=st.sampled_from(["Status", "Glossary", "%(x)s<b>", "Progress"]), value=st.text(max_size=30),
       count=st.integers(min_value=0, max_value=12))
@settings(max_examples=40, deadline=None)
def test_templates_translate_as_with_jinjas_own_gettext(language, autoescape, message, value, count):
    """The direct gettext functions give what Jinja's newstyle ones give, escaping included."""
    from mkdocs_easyread.languages.catalogue import translations
    from mkdocs_easyread.languages.jinja_gettext import install_translations

    ours, jinjas = (jinja2.Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"]) for _ in range(2))
    install_translations(ours, translations(language))
    jinjas.install_gettext_translations(translations(language), newstyle=True)
    for source in TEMPLATE_CALLS.values():
        context = {"message": message, "value": value, "count": count}
        expected = _outcome(lambda: jinjas.from_string(source).render(context))
        assert _outcome(lambda: ours.from_string(source).render(context)) == expected


def _outcome(render):
    try:
        return render()
    except (KeyError, ValueError, TypeError) as error:  # a message whose %-placeholders the call does not fill
        return type(error)
