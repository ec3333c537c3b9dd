"""The plugin's emoji and icon index (theme/icons.py) finds each name's file instead of listing all of
Material's icons: it must give exactly what Material's own index gives, for every name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.extensions import emoji

from mkdocs_easyread.outcomes.icons import icon_error
from mkdocs_easyread.theme import icons

MATERIAL = emoji.twemoji({}, None)["emoji"]
NAMES = sorted(MATERIAL)


def test_every_name_material_knows_is_found_with_the_same_entry() -> None:
    ours = icons.twemoji({}, None)["emoji"]
    assert len(NAMES) > 10_000  # emoji and the theme's icons
    assert [name for name in NAMES if ours.get(name) != MATERIAL[name]] == []


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(NAMES), st.integers(min_value=0), st.text(alphabet="abcxyz-_0./:", min_size=0, max_size=3))
def test_a_changed_name_is_found_only_where_material_finds_it(name: str, at: int, inserted: str) -> None:
    cut = at % len(name)
    changed = name[:cut] + inserted + name[cut + 1:]
    ours = icons.twemoji({}, None)["emoji"]
    assert ours.get(changed) == MATERIAL.get(changed)


def test_custom_icons_come_before_the_themes(tmp_path) -> None:
    (tmp_path / "material").mkdir()
    (tmp_path / "material" / "home.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "council" / "bins").mkdir(parents=True)
    (tmp_path / "council" / "bins" / "green-bin.svg").write_text("<svg/>", encoding="utf-8")
    ours = icons.twemoji({"custom_icons": [str(tmp_path)]}, None)["emoji"]
    assert ours[":material-home:"]["path"] == str(tmp_path / "material" / "home.svg")
    assert ours[":council-bins-green-bin:"]["path"] == str(tmp_path / "council" / "bins" / "green-bin.svg")
    assert ours[":material-bus:"] == MATERIAL[":material-bus:"]
    assert ":council-bins:" not in ours


@pytest.mark.parametrize(("name", "error"), [
    ("material-home", None),
    ("fontawesome-solid-house", None),
    ("material-hom", "is not a known icon; expected a Material icon name like material-home; did you mean 'material-home'?"),
])
def test_outcome_pictures_are_checked_against_the_same_icons(name: str, error: str | None) -> None:
    assert icon_error(name) == error
