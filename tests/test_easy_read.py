"""Easy-read pages as a council sees them: rows, sign-off, links both ways, navigation, home, checker findings."""

from __future__ import annotations

import posixpath
import re

import pytest
from conftest import Site

GLOSSARY = """\
- term: advocacy
  means: Getting help to say what you want and to be listened to.
- term: CQC
  also: [Care Quality Commission]
  means: The group that checks care services.
"""
PLAN = """\
title: Our plan
type: strategy
status: published
published: 2018-07-02
summary: What we will do.
easy_read: true
"""
EASY_INDEX = """\
---
title: Our plan in easy read
checked_by: Co-production group, 2018-06-12
---

:material-home: We want you to have a good place to live.

![A house](picture:home)
We will build more homes.

![A bus](pictures/bus.svg) We will make buses easier to use.

:material-account-group:{ aria-label="Lots of people" } You can get **advocacy**.

- :material-cash: We will help you with money.
- :material-briefcase: We will help you find a job.

:material-arrow-right: Read about [homes](homes.md).
"""
EASY_HOMES = """\
---
title: Homes
---

:material-home: We will build homes near your family.
"""
BUS = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>A bus</title><rect width="10" height="10"/></svg>\n'


def make_site(root) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.config["theme"]["features"] = ["navigation.footer"]  # previous/next links
    site.write("content/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", PLAN, "## About\n\nWe will do things.\n")
    site.write("content/plan/homes.md", "---\ntitle: Homes\n---\n\nWe will build homes.\n")
    site.write("content/plan/money.md", "---\ntitle: Money\n---\n\nWe will spend money well.\n")
    site.write("easyread/plan/index.md", EASY_INDEX)
    site.write("easyread/plan/homes.md", EASY_HOMES)
    site.write("easyread/plan/pictures/bus.svg", BUS)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = make_site(tmp_path_factory.mktemp("easy-read")).build()
    assert result.ok, result.log
    return result


def link(html: str, label: str) -> str:
    """The href of the version link with this label."""
    match = re.search(r'<p class="er-version-link[^"]*"><a href="([^"]*)">.*?<span class="er-version-link__words">' + re.escape(label), html, re.DOTALL)
    assert match, f"no version link {label!r}"
    return match.group(1)


def target_exists(result, page_url: str, href: str) -> bool:
    path = posixpath.normpath(posixpath.join(page_url, href))
    return (result.site / path / "index.html").exists() or (result.site / path).is_file()


# --- pages, rows, pictures -----------------------------------------------------------


def test_builds_strict_without_warnings(built):
    assert built.warnings == []
    for path in ("easy-read/plan", "easy-read/plan/homes", "easy-read"):
        assert (built.site / path / "index.html").exists()


def test_each_picture_paragraph_and_list_item_is_a_row(built):
    html = built.html("easy-read/plan")
    assert html.count('class="er-row"') == 7  # 5 paragraphs and the 2 items
    assert html.count('<li class="er-row">') == 2 and '<ul class="er-rows">' in html
    first = html.split('<div class="er-row">')[1]
    assert '<div class="er-row__picture"><span aria-label="A house" class="twemoji" role="img"><svg' in first
    assert '<div class="er-row__words"><p>We want you to have a good place to live.</p></div>' in first
    assert 'Read about <a href="homes/">homes</a>' in html


def test_icons_and_pictures_have_text_alternatives(built):
    html = built.html("easy-read/plan")
    assert 'aria-label="Lots of people" class="twemoji" role="img"' in html  # the row gives its own
    assert 'aria-label="Money" class="twemoji" role="img"' in html  # from the icon's name
    assert '<span aria-label="A house" class="er-picture" role="img"><svg' in html  # a package picture, inline
    assert 'stroke="currentColor"' in html
    assert '<img alt="A bus" src="pictures/bus.svg"' in html
    assert (built.site / "easy-read/plan/pictures/bus.svg").read_text() == BUS
    assert (built.site / "assets/easyread/easy_read/pictures/home.svg").exists()


def test_only_easy_read_pages_get_large_type(built):
    assert '<div class="er-easy-read">' in built.html("easy-read/plan")
    assert '<div class="er-easy-read">' not in built.html("plan")


def test_sign_off_is_shown_or_its_absence_said(built):
    checked = built.html("easy-read/plan")
    assert 'Checked by Co-production group on <time datetime="2018-06-12">12 June 2018</time>' in checked
    assert "have not checked this page yet" not in checked
    assert "People with a learning disability have not checked this page yet." in built.html("easy-read/plan/homes")


def test_hard_words_box_and_title(built):
    html = built.html("easy-read/plan")
    assert "<h1>Our plan in easy read</h1>" in html and html.count("<h1") == 1
    assert "Hard words" in html


# --- links both ways ---------------------------------------------------------------------


@pytest.mark.parametrize(("page", "label", "expected"), [
    ("plan/", "Easy read version of this page", "../easy-read/plan/"),
    ("plan/homes/", "Easy read version of this page", "../../easy-read/plan/homes/"),
    ("plan/money/", "Easy read version of this publication", "../../easy-read/plan/"),
    ("", "Easy read versions", "easy-read/"),
    ("easy-read/plan/", "Standard version of this page", "../../plan/"),
    ("easy-read/plan/homes/", "Standard version of this page", "../../../plan/homes/"),
    ("easy-read/", "Standard version", "../"),
])
def test_versions_link_to_each_other(built, page, label, expected):
    href = link(built.html(page), label)
    assert href == expected
    assert target_exists(built, page, href)


def test_version_links_have_a_picture_hidden_from_screen_readers(built):
    html = built.html("plan")
    assert '<span class="er-version-link__picture" aria-hidden="true"><svg' in html


# --- navigation and home -------------------------------------------------------------------


def test_easy_read_pages_have_their_own_section_and_reading_order(built):
    html = built.html("easy-read/plan")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]
    words = " ".join(re.sub(r"<[^>]+>", " ", nav).split())
    # Home first, then the easy-read section (its home, then the plan's pages), then the standard pages
    assert re.search(r"Home Easy read .*Our plan in easy read .*Homes .*Our plan .*Homes Money", words), words
    assert "Easy-read" not in words
    # previous/next stay within the easy-read version
    assert re.search(r'href="homes/" class="md-footer__link md-footer__link--next" aria-label="Next: Homes"', html)
    money = built.html("plan/money")
    assert "easy-read" not in re.search(r'<footer class="md-footer">.*?</footer>', money, re.DOTALL).group(0)


def test_easy_read_home_lists_each_version_with_its_picture(built):
    html = built.html("easy-read")
    versions = html.split('aria-labelledby="er-versions-heading"')[1]
    assert '<a href="plan/">Our plan in easy read</a>' in versions
    assert '<a href="plan/homes/">Homes</a>' in versions
    assert '<div class="er-row__picture" aria-hidden="true"><span aria-label="A house" class="twemoji" role="img"><svg' in versions


def test_author_written_home_is_kept_and_listed_below(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/index.md", "---\ntitle: Easy read pages\nchecked_by: Our group\n---\n\n:material-book: Our own home page.\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("easy-read")
    assert "Our own home page." in html and "Checked by Our group" in html
    assert html.index("Our own home page.") < html.index("Easy read versions")


def test_a_site_nav_gets_an_easy_read_section_after_home(tmp_path):
    site = make_site(tmp_path)
    site.config["nav"] = ["index.md", {"Our plan": ["plan/index.md", "plan/homes.md", "plan/money.md"]}]
    html = site.build().html("easy-read/plan")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]
    words = " ".join(re.sub(r"<[^>]+>", " ", nav).split())
    assert re.search(r"Home Easy read .*Our plan in easy read .*Homes .*Our plan .*Money", words), words


def test_a_site_nav_that_places_easy_read_pages_is_left_alone(tmp_path):
    site = make_site(tmp_path)
    site.config["nav"] = ["index.md", "plan/index.md", {"Simple": ["easy-read/plan/index.md", "easy-read/plan/homes.md"]}]
    html = site.build(strict=False).html("easy-read/plan")
    words = " ".join(re.sub(r"<[^>]+>", " ", html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]).split())
    assert "Simple" in words and "Easy read Easy read" not in words


def test_easy_read_folder_is_an_option(tmp_path):
    site = make_site(tmp_path)
    (tmp_path / "easyread").rename(tmp_path / "easy")
    site.plugin_options()["easy_read_dir"] = "easy"
    result = site.build()
    assert result.ok, result.log
    assert "We will build homes near your family." in result.html("easy-read/plan/homes")


# --- the checker in a build ------------------------------------------------------------------


BAD_PAGE = """\
---
title: Plan
---

:material-home: We will work with you and your family and your friends to find a good home that is close to the people you love.

A row with no picture.

:material-help: You can get a **thingummy**.
"""


def test_three_findings_each_with_file_and_line_and_strict_fails(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/plan/index.md", BAD_PAGE)
    result = site.build(strict=True)
    assert not result.ok
    ours = [w for w in result.warnings if w.startswith("easyread/plan/index.md:")]
    assert len(ours) == 3, result.warnings
    assert ours[0].startswith("easyread/plan/index.md:5: sentence has 24 words")
    assert ours[1].startswith("easyread/plan/index.md:7: row has no picture")
    assert ours[2].startswith("easyread/plan/index.md:9: bold word 'thingummy' is not in the glossary")
    assert len(result.warnings) == 3


def test_rules_can_be_turned_off_in_options(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/plan/index.md", BAD_PAGE.replace("**thingummy**", "thingummy"))
    site.plugin_options()["easy_read"] = {"checker": {"max_sentence_words": 30, "row_without_picture": False}}
    result = site.build()
    assert result.ok and result.warnings == [], result.log


def test_long_words_are_suggestions_that_do_not_fail(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/plan/homes.md", EASY_HOMES + "\n:material-home: We will improve the organisation of housing.\n")
    result = site.build()
    assert result.ok, result.log
    assert "'organisation' has 5 syllables" not in result.log, "listed only with --verbose (test_easy_read_lines.py)"
    assert "1 suggestion" in result.log


def test_unknown_package_picture_is_reported_with_its_line(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/plan/homes.md", EASY_HOMES + "\n![A castle](picture:castle) We visit.\n")
    result = site.build()
    assert any(w.startswith("easyread/plan/homes.md:7: there is no picture called 'castle'") for w in result.warnings), result.warnings


def test_bad_checked_by_date_is_reported(tmp_path):
    site = make_site(tmp_path)
    site.write("easyread/plan/homes.md", EASY_HOMES.replace("title: Homes", "title: Homes\nchecked_by: Our group, 2018-02-30"))
    result = site.build()
    assert any(w.startswith("easyread/plan/homes.md:3: checked_by date '2018-02-30' is not a date") for w in result.warnings), result.warnings


# --- the easy_read flag ------------------------------------------------------------------------


def test_easy_read_true_without_pages_is_reported(site):
    site.publication("plan", PLAN)
    result = site.build()
    assert any(w.startswith("content/plan/index.md:7: easy_read is true but easyread/plan/ has no easy-read pages") for w in result.warnings), result.warnings


def test_easy_read_false_with_pages_is_reported_only_when_set(site):
    site.publication("plan", PLAN.replace("easy_read: true", "easy_read: false"))
    site.write("easyread/plan/index.md", EASY_HOMES)
    result = site.build()
    assert any(w.startswith("content/plan/index.md:7: easy_read is false but easyread/plan/ has easy-read pages") for w in result.warnings)
    site.publication("plan", PLAN.replace("easy_read: true\n", ""))
    result = site.build()
    assert result.ok and result.warnings == [], result.warnings
    assert (result.site / "easy-read/plan/index.html").exists()
