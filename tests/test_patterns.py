"""Pyphen's hyphenation patterns are kept in the cache folder as data (easy_read/patterns.py): counts are
the same from the kept copy, and a damaged copy or an unwritable folder only means reading the dictionary."""

from __future__ import annotations

import pyphen
import pytest

from mkdocs_easyread.easy_read import patterns, syllables

WORDS = ["strategy", "community", "accommodation", "independence", "partnership", "wellbeing", "information"]


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """No patterns read yet in this process, and the cache folder in tmp_path."""
    monkeypatch.setattr(pyphen, "hdcache", {})
    syllables._dictionary.cache_clear()
    syllables.syllables.cache_clear()
    patterns.keep_patterns_in(tmp_path / "hyphenation")
    yield tmp_path / "hyphenation"
    patterns.keep_patterns_in(None)
    syllables._dictionary.cache_clear()
    syllables.syllables.cache_clear()


def counts() -> list[int]:
    syllables.syllables.cache_clear()
    return [syllables.syllables(word) for word in WORDS]


def test_the_kept_patterns_count_as_the_dictionary_does(fresh, monkeypatch):
    read = counts()
    kept = list(fresh.glob("en_US-*.json"))
    assert len(kept) == 1 and kept[0].stat().st_size > 10_000
    monkeypatch.setattr(pyphen, "hdcache", {})
    syllables._dictionary.cache_clear()
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda self, path: pytest.fail("read the dictionary again"))
    assert counts() == read == [3, 4, 5, 4, 3, 3, 4]


def test_a_damaged_copy_is_read_again_from_the_dictionary(fresh, monkeypatch):
    read = counts()
    kept = next(fresh.glob("en_US-*.json"))
    for damage in ('{"a": [0, ["x"]]}', "{not json", "[]"):
        kept.write_text(damage, encoding="utf-8")
        monkeypatch.setattr(pyphen, "hdcache", {})
        syllables._dictionary.cache_clear()
        assert counts() == read


def test_a_folder_that_cannot_be_written_only_means_reading_the_dictionary(fresh):
    fresh.parent.mkdir(parents=True, exist_ok=True)
    fresh.write_text("a file where the folder would be", encoding="utf-8")
    assert counts() == [3, 4, 5, 4, 3, 3, 4]
