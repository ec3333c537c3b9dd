"""Reviewing drafts: feedback links, the review page, the build summary and the publish gate."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import axe_violations

OUTCOMES = """
outcomes:
  - id: O1
    title: Being safe
    measures:
      - More people feel safe
    actions:
      - id: A1.1
        title: Write the safety plan
        owner: The board
        due: 2019-03-31
        updates:
          - date: 2018-10-01
            status: underway
"""


@pytest.fixture
def review_site(site):
    site.plugin_options().update({"review": True, "feedback": "consult@example.gov.uk"})
    site.write("content/glossary.yml", "- term: advocacy\n  means: Help to speak up.\n- term: reablement\n  means: Help to get skills back.\n")
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: consultation\npublished: 2018-07-02\nreview_by: 2020-01-01\nnumbered: true\neasy_read: true",
                     body="## Background\n\nWe offer advocacy.\n\nSecond paragraph.\n")
    site.write("content/plan/outcomes.yml", OUTCOMES)
    site.write("easyread/plan/index.md", "---\ntitle: Our plan\n---\n\n:material-home: This sentence has far too many words in it for an easy read page and it keeps going on.\n\nA row with no picture.\n\n:material-help: You can get **thingummy**.\n")
    return site


def test_review_page_lists_findings_unchecked_pages_overdue_actions_and_dates(review_site):
    result = review_site.build(strict=False)
    html = result.html("review")
    assert "easyread/plan/index.md:5" in html  # the long sentence, with its line
    assert "easyread/plan/index.md:9" in html and "thingummy" in html
    assert "has no <code>checked_by</code>" in html
    assert "A1.1: Write the safety plan" in html and 'href="../plan/progress/O1/"' in html
    assert "Past its review date" in html and "1 January 2020" in html
    assert "reablement" in html.split("Glossary terms not used")[-1]
    assert 'href="../plan/"' in html


def test_build_log_summarises_the_review(review_site):
    result = review_site.build(strict=False)
    summary = [line for line in result.log.splitlines() if "easyread review:" in line]
    assert summary and "1 overdue action," in summary[0] and "1 easy-read page not checked" in summary[0]
    assert "1 publication past its review date" in summary[0]


def test_published_build_has_no_review_page(site):
    site.publication("plan")
    result = site.build()
    assert result.ok, result.log
    assert not (result.site / "review").exists()
    assert "easyread review:" in result.log


def test_publish_gate_fails_a_published_publication_with_unchecked_easy_read(site):
    site.plugin_options()["publish_gate"] = True
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\neasy_read: true")
    site.write("easyread/plan/index.md", "---\ntitle: Plan\n---\n\n:material-home: We want you to have a good home.\n")
    result = site.build(strict=False)
    assert not result.ok
    assert "content/plan/index.md: published, but has 1 easy-read page not checked" in result.log
    assert "Traceback" not in result.log
    site.write("easyread/plan/index.md", "---\ntitle: Plan\nchecked_by: Co-production group, 2018-06-12\n---\n\n:material-home: We want you to have a good home.\n")
    assert site.build(strict=False).ok


def test_feedback_links_name_publication_page_and_paragraph(review_site):
    html = review_site.build(strict=False).html("plan")
    assert "Tell us what you think" in html
    start = html.index('class="er-para-feedback er-screen-only" href="') + len('class="er-para-feedback er-screen-only" href="')
    href = html[start:html.index('"', start)].replace("&amp;", "&")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "consult@example.gov.uk"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["subject"] == "Feedback on Our plan, Our plan, paragraph 1.1"
    assert "Paragraph: 1.1" in unquote(query["body"])


def test_published_publication_has_no_feedback_links(site):
    site.plugin_options()["feedback"] = "consult@example.gov.uk"
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nnumbered: true", body="## A\n\nWords.\n")
    html = site.build().html("plan")
    assert "Tell us what you think" not in html and "mailto:consult@" not in html


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_and_feedback_pages_have_no_axe_violations(browser, serve, review_site, scheme):
    result = review_site.build(strict=False)
    base = serve(result.site)
    for path in ("review/", "plan/"):
        assert axe_violations(browser, base + path, scheme) == [], path
