"""Publications: front matter, banners, headers and the alternative-formats notice."""

from __future__ import annotations

import re
import pytest


def test_minimal_consultation_site_builds_strictly_with_banner_and_notice(minimal_site):
    site = minimal_site
    site.publication("care-strategy", status="consultation")
    result = site.build()
    assert result.ok, result.log
    html = result.html("care-strategy")
    assert "er-banner--consultation" in html
    assert "We want your views" in html
    assert "Other formats" in html
    assert 'href="tel:03448008020"' in html
    assert 'href="mailto:information@example.gov.uk"' in html


def test_publication_header_shows_details(site):
    site.publication("plan", """
        title: My Life, My Ambition, My Future
        subtitle: Norfolk Learning Disability Strategy 2018 to 2022
        type: strategy
        status: published
        published: 2018-07-02
        review_by: 2022-07-01
        owner: Learning Disability Partnership Board
        summary: How we will work together.
    """)
    site.write("content/plan/vision.md", "---\ntitle: Our vision\n---\n\nWords.\n")
    result = site.build()
    assert result.ok, result.log
    index = result.html("plan")
    assert index.count("<h1") == 1
    for text in ("My Life, My Ambition, My Future", "Norfolk Learning Disability Strategy 2018 to 2022",
                 "2 July 2018", "1 July 2022", "Learning Disability Partnership Board", "How we will work together."):
        assert text in index
    assert "er-banner" not in index
    chapter = result.html("plan/vision")
    assert "Part of" in chapter and ">Our vision</h1>" in chapter


@pytest.mark.parametrize("status, banner", [("draft", "This is a draft"), ("archived", "no longer current")])
def test_status_banner_on_every_page(site, status, banner):
    site.publication("plan", status=status)
    site.write("content/plan/chapter.md", "---\ntitle: Chapter\n---\n\nWords.\n")
    result = site.build()
    assert result.ok, result.log
    assert banner in result.html("plan")
    assert banner in result.html("plan/chapter")


@pytest.mark.parametrize("front_matter, line, expected", [
    ("title: T\ntype: strategy\nstatus: published\npublished: 2018-07-02\ncolour: red", 6, "unknown front-matter key 'colour'"),
    ("title: T\ntype: strategy\nstatus: live\npublished: 2018-07-02", 4, "status 'live' is not known; expected one of: draft, consultation, published, archived"),
    ("title: T\ntype: strategy\nstatus: published\npublished: 4th September 2018", 5, "published '4th September 2018' is not a date; write it as year-month-day, like 2018-07-02"),
    ("title: T\ntype: leaflet\nstatus: published\npublished: 2018-07-02", 3, "type 'leaflet' is not known"),
    ("title: T\ntype: strategy\nstatus: published\npublished: 2018-02-30", 5, "is not a date"),
    ("title: T\ntype: strategy\nstatus: published\npublished: 2018-07-02\nnumbered: sometimes", 6, "numbered 'sometimes' is not known; expected paragraphs, sections or false"),
    ("title: T\ntype: strategy\nstatus: published", 2, "missing 'published'"),
    ("title: [unclosed\ntype: strategy", 2, "the list opened with '[' on this line is not closed"),
    ("title: T\n\ttype: strategy", 3, "tab character"),
])
def test_bad_front_matter_fails_strict_with_file_and_line(site, front_matter, line, expected):
    site.publication("plan", front_matter)
    result = site.build()
    assert not result.ok
    messages = [w for w in result.warnings if w.startswith(f"content/plan/index.md:{line}: ")]
    assert messages, result.log
    assert expected in messages[0]
    assert "Traceback" not in result.log


def test_bad_front_matter_is_a_warning_without_strict(site):
    site.publication("plan", "title: T\ntype: strategy\nstatus: live\npublished: 2018-07-02")
    site.publication("other")
    result = site.build(strict=False)
    assert result.ok
    assert (result.site / "plan/index.html").exists()
    assert (result.site / "other/index.html").exists()
    # An unknown status is treated as a draft: nothing unchecked looks final.
    assert "er-banner--draft" in result.html("plan")


def test_chapter_may_override_title_only(site):
    site.publication("plan")
    site.write("content/plan/chapter.md", "---\ntitle: Chapter\nowner: Someone\n---\n\nWords.\n")
    result = site.build()
    assert not result.ok
    assert any(w.startswith("content/plan/chapter.md:3: 'owner' can only be set in the publication's index.md") for w in result.warnings), result.log


def test_material_page_keys_are_allowed(site):
    site.publication("plan")
    site.write("content/plan/chapter.md", "---\ntitle: Chapter\nhide: [toc]\n---\n\nWords.\n")
    assert site.build().ok


def test_home_lists_publications_by_type_with_status_and_summary(site):
    site.publication("plan", "title: Our plan\ntype: action-plan\nstatus: published\npublished: 2019-01-01\nsummary: What we will do.")
    site.publication("strategy", "title: Our strategy\ntype: strategy\nstatus: consultation\npublished: 2018-07-02\nsummary: Where we are going.")
    result = site.build()
    assert result.ok, result.log
    home = result.html("")
    assert home.index("Strategy</h3>") < home.index("Action plan</h3>")
    assert 'href="strategy/">Our strategy</a>' in home and "Where we are going." in home
    assert "Consultation</span>" in home and "2 July 2018" in home


def test_front_matter_text_is_escaped(site):
    site.publication("plan", "title: T <script>alert(1)</script>\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: A <b>bold</b> & risky summary")
    result = site.build()
    assert result.ok, result.log
    html = result.html("plan")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; risky summary" in html


def nav_links(html: str) -> list[str]:
    import re

    return re.findall(r'href="([^"]*)" class="md-nav__link', html)


@pytest.mark.parametrize("explicit_nav", [False, True])
def test_chapters_follow_nav_and_generated_pages_come_last(site, explicit_nav):
    site.write("content/glossary.yml", "- term: care\n  means: Help to live your life.\n")
    site.publication("plan", body="Good care.\n")
    site.write("content/plan/b-second.md", "---\ntitle: Second\n---\n\nWords.\n")
    site.write("content/plan/a-third.md", "---\ntitle: Third\n---\n\nWords.\n")
    if explicit_nav:
        site.config["nav"] = [{"Plan": ["plan/index.md", "plan/b-second.md", "plan/a-third.md"]}]
    result = site.build()
    assert result.ok, result.log
    links = [link for link in nav_links(result.html("plan")) if link not in ("..", "../glossary/")]
    expected = ["./", "b-second/", "a-third/", "glossary/"] if explicit_nav else ["./", "a-third/", "b-second/", "glossary/"]
    assert links == expected
    assert "not included in the" not in result.log


def test_home_page_keeps_its_own_content(site):
    site.write("content/index.md", "---\ntitle: Welcome\n---\n\nRead our [plan](plan/index.md) about care.\n")
    site.write("content/glossary.yml", "- term: care\n  means: Help to live your life.\n")
    site.publication("plan")
    html = site.build().html("")
    assert '<a href="plan/">plan</a>' in html
    assert "&lt;p&gt;" not in html and "&lt;a" not in html
    assert "Our publications" in html


def test_a_page_that_starts_with_its_own_heading_has_one_h1(site):
    site.publication("plan", body="# Our *plan*\n\nWords.\n")
    site.write("content/plan/chapter.md", "# Chapter heading\n\nWords.\n")
    result = site.build()
    assert result.ok, result.log
    for url, title in (("plan/", "Our <em>plan</em>"), ("plan/chapter/", "Chapter heading")):
        headings = re.findall(r"<h1\b[^>]*>.*?</h1>", result.html(url), re.DOTALL)
        assert len(headings) == 1, headings
        assert title in headings[0] and ' id="' in headings[0]
