"""The fixes to Material's markup (theme/markup.py) run only where a build's pages can need them,
and still run wherever they are needed: statuses in the navigation, sections with the same title,
section index pages, and the search dialog on every page and on 404.html."""

from __future__ import annotations

import re

SECTION_LABELS = re.compile(r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="([^"]*)"')


def chapters(site, *folders: str) -> None:
    for folder in folders:
        site.write(f"content/{folder}/page.md", "---\ntitle: A page\n---\n\nWords.\n")


def test_sections_with_the_same_title_are_named_apart(site):
    chapters(site, "north/progress", "south/progress")
    result = site.build()
    assert result.ok, result.log
    labels = SECTION_LABELS.findall(result.html("north/progress/page/"))
    doubled = [label for label in labels if " " in label]
    assert len(doubled) == 2, labels  # each "Progress" is named with its parent section's title too


def test_sections_with_different_titles_keep_one_name(site):
    chapters(site, "north/progress", "south/plans")
    result = site.build()
    assert result.ok, result.log
    labels = SECTION_LABELS.findall(result.html("north/progress/page/"))
    assert labels and all(" " not in label for label in labels), labels


def test_a_status_in_the_navigation_is_said_in_words(site):
    site.publication("plan", status="draft")
    chapters(site, "other")
    result = site.build()
    assert result.ok, result.log
    page = result.html("other/page/")
    assert re.search(r'<span class="md-status md-status--draft" title="[^"]+"><span class="er-visually-hidden">[^<]+</span></span>', page)
    assert "md-status--published" not in page


def test_section_index_toggles_are_named_after_their_section(site):
    site.config["theme"]["features"] = ["navigation.indexes"]
    site.publication("north")
    chapters(site, "north")
    result = site.build()
    assert result.ok, result.log
    assert re.search(r'<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*" aria-label="North"', result.html("north/page/"))


def test_the_search_dialog_is_named_on_pages_and_on_the_404_page(site):
    chapters(site, "north")
    result = site.build()
    assert result.ok, result.log
    for html in (result.html("north/page/"), (result.site / "404.html").read_text(encoding="utf-8")):
        assert re.search(r'<div class="md-search" data-md-component="search" role="dialog" aria-label="Search"', html)
