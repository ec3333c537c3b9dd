"""Compiled templates are kept between builds (template_cache.py): a rebuild compiles none again,
an edited template is compiled again, and a damaged or unwritable cache only means compiling."""

from __future__ import annotations

import jinja2
import pytest

CACHE = ".cache/easyread/templates"


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from source, in any environment."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def compile_and_note(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    return names


def test_a_rebuild_compiles_no_template_again(site, compiled):
    site.publication("plan")
    first, second = site.build_twice()
    assert first.html("plan") == second.html("plan")
    kept = list((site.root / CACHE).glob("*.jinja"))
    assert len(kept) > 20  # Material's templates and the plugin's components
    before = len(compiled)
    site.build()
    assert compiled[before:] == [], compiled[before:]


def test_an_edited_component_is_compiled_again(site, compiled):
    site.config["theme"]["custom_dir"] = "overrides"
    site.write("overrides/easyread/theme/components/banner.html", "<p class=\"er-banner\">First words</p>\n")
    site.publication("plan", status="draft")
    assert "First words" in site.build().html("plan")
    site.write("overrides/easyread/theme/components/banner.html", "<p class=\"er-banner\">Second words</p>\n")
    before = len(compiled)
    result = site.build()
    assert "Second words" in result.html("plan") and "First words" not in result.html("plan")
    assert compiled[before:] == ["theme/components/banner.html"]


def test_a_damaged_cache_is_compiled_again(site):
    site.publication("plan")
    first = site.build()
    for kept in (site.root / CACHE).glob("*.jinja"):
        kept.write_bytes(kept.read_bytes()[: len(kept.read_bytes()) // 2])
    (site.root / CACHE / "stray.jinja").write_bytes(b"\x00not a template")
    second = site.build()
    assert second.ok and second.warnings == [], second.log
    assert first.html("plan") == second.html("plan")


def test_a_cache_that_cannot_be_written_only_means_compiling(site):
    site.publication("plan")
    (site.root / ".cache/easyread").mkdir(parents=True)
    (site.root / CACHE).write_text("a file where the folder would be", encoding="utf-8")
    result = site.build()
    assert result.ok and result.warnings == [], result.log
    assert "Plan" in result.html("plan")
