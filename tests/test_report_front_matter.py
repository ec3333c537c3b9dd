"""Committee reports, consultations and per-publication organisations, as front matter declares them."""

from __future__ import annotations

import pytest

REPORT = """\
title: Care Act review
type: committee-report
status: published
published: 2016-09-05
organisation: Social Care Institute for Excellence
committee: Adult Social Care Committee
meeting: 2016-09-05
item: 9
report_of: Executive Director of Adult Social Services
divisions: [All]
contacts:
  - name: Lorna Bright
    role: Head of Social Work
    phone: 01603 223960
    email: lorna.bright@example.gov.uk
  - name: Sam Smith
"""


def assert_warned(result, start: str) -> None:
    """One of the build's warnings starts with `start` (file:line: message)."""
    assert any(warning.startswith(start) for warning in result.warnings), result.log


def test_committee_report_header_shows_committee_details_and_officers(site):
    site.publication("report", REPORT)
    result = site.build()
    assert result.ok, result.log
    html = result.html("report")
    start = html.index('<header class="er-header')
    header = html[start:html.index("</header>", start)]
    for words in ("<dt>Committee</dt><dd>Adult Social Care Committee</dd>", '<time datetime="2016-09-05">5 September 2016</time>',
                  "<dt>Agenda item</dt><dd>9</dd>", "<dt>Report of</dt><dd>Executive Director of Adult Social Services</dd>",
                  "<dt>Divisions affected</dt><dd>All</dd>", ">Officers to contact</h2>", 'Lorna Bright, <span class="er-contact__role">Head of Social Work</span>',
                  'href="tel:01603223960"', 'href="mailto:lorna.bright@example.gov.uk"', "Sam Smith</p>"):
        assert words in header, words
    assert "<dt>Published by</dt><dd>Social Care Institute for Excellence</dd>" in header
    assert "Norfolk County Council" not in header  # the site's organisation gives way to the publication's


def test_report_details_are_escaped(site):
    site.publication("report", REPORT.replace("Adult Social Care Committee", "'<script>alert(1)</script>'"))
    html = site.build().html("report")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("change, line, expected", [
    (("item: 9\n", "item: 9\nclerk: Ann\n"), 10, "unknown front-matter key 'clerk'"),
    (("  - name: Sam Smith\n", "  - role: Clerk\n"), 17, "a contact is missing 'name'"),
    (("  - name: Sam Smith\n", "  - name: Sam\n    fax: 123\n"), 18, "unknown key 'fax' in a contact"),
    (("    email: lorna.bright@example.gov.uk\n", "    email: Lorna at the council\n"), 16, "is not an email address"),
    (("meeting: 2016-09-05\n", "meeting: next Tuesday\n"), 8, "meeting 'next Tuesday' is not a date"),
    (("type: committee-report\n", "type: strategy\n"), 7, "'committee' is only for publications of type committee-report"),
    (("status: published\n", "status: consultation\nnumbered: chapters\n"), 5, "numbered 'chapters' is not known"),
])
def test_bad_report_front_matter_warns_with_file_and_line(site, change, line, expected):
    site.publication("report", REPORT.replace(*change))
    site.publication("other")
    result = site.build()
    assert not result.ok
    assert any(w.startswith(f"content/report/index.md:{line}: ") and expected in w for w in result.warnings), result.log
    assert "Traceback" not in result.log
    assert (result.site / "other/index.html").exists() and (result.site / "report/index.html").exists()


def test_organisation_on_a_chapter_is_refused_with_its_line(site):
    site.publication("report", REPORT)
    site.write("content/report/more.md", "---\ntitle: More\norganisation: Someone else\n---\n\nWords.\n")
    result = site.build()
    assert_warned(result, "content/report/more.md:3: 'organisation' can only be set in the publication's index.md; move it there")


def test_numbered_true_keeps_sections(site):
    site.publication("report", REPORT + "numbered: true\n", body="## Background\n\nFirst.\n")
    result = site.build()
    assert result.ok, result.log
    assert 'id="paragraph-1.1"' in result.html("report")


CONSULTATION = "title: Plan\ntype: strategy\nstatus: consultation\npublished: 2025-10-01\ncloses: {closes}\n"


def test_open_consultation_says_when_it_closes_and_how_to_reply(site):
    site.plugin_options()["feedback"] = "consultation@example.gov.uk"
    site.publication("plan", CONSULTATION.format(closes="2025-12-19"))
    site.write("content/plan/more.md", "---\ntitle: More\n---\n\nWords.\n")
    result = site.build()
    assert result.ok, result.log
    for page in ("plan", "plan/more"):
        html = result.html(page)
        assert 'The consultation closes on <strong><time datetime="2025-12-19">19 December 2025</time></strong>' in html
        assert 'To reply, email <a href="mailto:consultation@example.gov.uk">' in html
        assert "Tell us what you think</h2>" in html


def test_closed_consultation_says_it_has_closed_and_takes_no_replies(site):
    site.plugin_options()["feedback"] = "consultation@example.gov.uk"
    site.publication("plan", CONSULTATION.format(closes="2025-11-01"))  # the tests' build date is 23 November 2025
    result = site.build()
    assert result.ok, result.log
    html = result.html("plan")
    assert 'This consultation closed on <time datetime="2025-11-01">1 November 2025</time>' in html
    assert "closes on" not in html and "Tell us what you think</h2>" not in html


def test_consultation_closing_before_it_is_published_warns(site):
    site.publication("plan", CONSULTATION.format(closes="2025-09-01"))
    result = site.build()
    assert_warned(result, "content/plan/index.md:6: closes 2025-09-01 is before published 2025-10-01")


def test_about_naming_no_publication_warns_and_the_rest_builds(site):
    site.publication("plan")
    site.publication("story", "title: Story\ntype: news\nstatus: published\npublished: 2025-10-01\nabout: plann\n")
    result = site.build()
    assert_warned(result, "content/story/index.md:6: about 'plann' names no publication; use the folder name of one of: plan")
    assert (result.site / "story/index.html").exists()


@pytest.mark.parametrize("key", ["meeting", "published"])
def test_an_impossible_date_never_publishes_the_front_matter_as_text(site, key):
    site.publication("report", REPORT.replace(f"{key}: 2016-09-05", f"{key}: 2016-02-30"), body="The report.\n")
    result = site.build(strict=False)
    assert any(w.startswith("content/report/index.md:") and "'2016-02-30' is not a date" in w for w in result.warnings), result.log
    html = result.html("report")
    assert "report_of:" not in html and "lorna.bright@example.gov.uk\n" not in html and "name: Sam Smith" not in html
    assert "<p>The report.</p>" in html
    assert "<h1>Care Act review</h1>" in html  # the title is still read


@pytest.mark.parametrize("about", ["story", "other-story"])
def test_about_naming_a_news_item_or_itself_warns(site, about):
    site.publication("plan")
    site.publication("story", f"title: Story\ntype: news\nstatus: published\npublished: 2025-10-01\nabout: {about}\n")
    site.publication("other-story", "title: Other\ntype: news\nstatus: published\npublished: 2025-10-02\n")
    result = site.build()
    assert any(w.startswith(f"content/story/index.md:6: about '{about}' names a news item") and w.endswith("one of: plan")
               for w in result.warnings), result.log
    assert "This news is about" not in result.html("story")


def test_every_mistake_in_committee_details_and_contacts_is_reported_and_the_rest_kept(site):
    broken = (REPORT.replace("committee: Adult Social Care Committee", "committee: [a, b]")
              .replace("meeting: 2016-09-05", "meeting: 0001-01-01")
              .replace("    phone: 01603 223960", "    phone: call me maybe")
              .replace("  - name: Sam Smith", "  - role: Clerk\n  - name: Sam Smith\n    email: 'javascript:alert(1)'"))
    site.publication("report", broken)
    result = site.build(strict=False)
    expected = [(7, "'committee' must be text"), (8, "meeting 0001-01-01 is not between 1900 and 2200"), (15, "phone 'call me maybe' is not a phone number"),
                (17, "a contact is missing 'name'"), (19, "is not an email address")]
    for line, words in expected:
        assert any(w.startswith(f"content/report/index.md:{line}: ") and words in w for w in result.warnings), (line, result.log)
    html = result.html("report")
    assert "<dt>Agenda item</dt><dd>9</dd>" in html and "<dt>Report of</dt>" in html  # the good details stay


def test_a_publication_key_on_a_chapter_says_to_move_it(site):
    site.publication("plan")
    site.write("content/plan/more.md", "---\ntitle: More\ncloses: 2025-12-01\n---\n\nWords.\n")
    result = site.build()
    assert_warned(result, "content/plan/more.md:3: 'closes' can only be set in the publication's index.md; move it there")


def test_an_invisible_direction_control_is_refused_at_its_line(site):
    """U+202E makes "LTR" show as "RTL": text that reads differently from how it shows."""
    site.publication("report", REPORT.replace("report_of: Executive", "report_of: \u202eExecutive"))
    result = site.build()
    assert_warned(result, "content/report/index.md:10: text holds the invisible control character U+202E")
    assert "\u202e" not in result.html("report")
