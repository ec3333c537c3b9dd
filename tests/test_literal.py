"""Patterns found by their literal start match exactly what the regular expression alone matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_easyread.literal import Prefixed
from mkdocs_easyread.theme import markup

PATTERNS = {name: value for name, value in vars(markup).items() if isinstance(value, Prefixed)}
# Pieces of what the theme's fixes look for, so that random text holds whole, partial and overlapping matches.
PIECES = ['<div class="md-search" data-md-component="search" role="dialog"', ' aria-label="x"', ">", "<", '"',
          '<span class="md-status md-status--', 'published">', 'draft" title="Draft">', "</span>", " ", "\n",
          '<nav class="md-nav" data-md-level="1" aria-labelledby="', "__nav_2_3", '_label"', "<label", ' id="',
          '<div class="md-nav__link md-nav__container">', '<a href="x">', '<span class="md-ellipsis">', "Title",
          '<label class="md-nav__link" for="__nav_2" id="__nav_2_label"', "</a>", "ü", "<<"]


def test_the_theme_finds_its_fixes_by_their_literal_start():
    assert {"SEARCH_DIALOG", "NAMED_STATUS", "PUBLISHED_STATUS", "NESTED_NAV", "INDEX_SECTION_TOGGLE"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
@given(text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join), count=st.integers(min_value=0, max_value=3))
@settings(max_examples=150, deadline=None)
def test_matches_are_those_of_the_regular_expression(name, text, count):
    found = PATTERNS[name]
    assert [m.span() for m in found.finditer(text)] == [m.span() for m in found.pattern.finditer(text)]
    assert found.sub(lambda m: f"[{m.group().upper()}]", text, count) == found.pattern.sub(lambda m: f"[{m.group().upper()}]", text, count)
    group = 1 if found.pattern.groups else 0
    assert found.sub(lambda m: f"<{m[group]}>", text) == found.pattern.sub(lambda m: f"<{m[group]}>", text)


@pytest.mark.parametrize(("pattern", "literal"), [
    (r"<ab*", "<a"), (r"(<a|<b)c", "<"), (r"(<a)(b+)", "<a"), (r"(?:<ab)(?=c)", "<ab"), (r'<span class="md-status md-status--published">\s*', '<span class="md-status md-status--published">'),
])
def test_the_literal_is_what_every_match_starts_with(pattern, literal):
    assert Prefixed.compile(pattern).literal == literal


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"[<>]a", 0), (r"a*b", 0), (r"(?:<a|b)", 0), (r"<a", re.IGNORECASE), (r"(?i)<a", 0), (r"(<a)?b", 0), (r"(?i:<a)b", 0),
])
def test_a_pattern_that_does_not_start_with_plain_text_is_refused(pattern, flags):
    with pytest.raises(ValueError):
        Prefixed.compile(pattern, flags)
