"""outcomes.yml in more than one language: a `cy:` block gives an entry's text in Welsh."""

from __future__ import annotations

import json

from conftest import Site

PLAN = """\
recommendations:
  - id: R1
    theme: Housing
    text: Help more people live at home.
    cy:
      theme: Tai
      text: Helpu mwy o bobl i fyw gartref.
outcomes:
  - id: home
    title: More people live in their own home
    easy_read: More people live at home.
    measures:
      - Fewer people move into care homes
    cy:
      title: Mwy o bobl yn byw yn eu cartref eu hunain
      easy_read: Mae mwy o bobl yn byw gartref.
      measures:
        - Llai o bobl yn symud i gartrefi gofal
    actions:
      - id: A1
        title: Open a housing advice line
        owner: Housing team
        due: 2030-03-31
        recommendations: [R1]
        cy:
          title: Agor llinell gyngor ar dai
          owner: Tîm tai
        updates:
          - date: 2025-01-10
            status: underway
            note: The line is open on weekdays.
            cy:
              note: Mae'r llinell ar agor yn ystod yr wythnos.
"""


def tracked_site(tmp_path, plan: str = PLAN, language: str | None = None) -> Site:
    site = Site(tmp_path)
    if language:
        site.config["theme"]["language"] = language
    site.plugin_options()["pdf"] = {"enabled": False}  # not what these tests are about; faster
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: A plan.\n")
    site.write("content/plan/outcomes.yml", plan)
    return site


def test_a_welsh_site_shows_the_welsh_text(tmp_path):
    result = tracked_site(tmp_path, language="cy").build()
    assert result.ok, result.log
    assert result.warnings == []
    outcome = result.html("plan/progress/home/")
    assert "Mwy o bobl yn byw yn eu cartref eu hunain" in outcome
    assert "More people live in their own home" not in outcome
    assert "Llai o bobl yn symud i gartrefi gofal" in outcome
    assert "Agor llinell gyngor ar dai" in outcome and "Tîm tai" in outcome
    assert "Mae&#39;r llinell ar agor yn ystod yr wythnos." in outcome or "Mae'r llinell ar agor yn ystod yr wythnos." in outcome
    recommendations = result.html("plan/progress/recommendations/")
    assert "Helpu mwy o bobl i fyw gartref." in recommendations and ">Tai<" in recommendations
    assert "Mae mwy o bobl yn byw gartref." in result.html("easy-read/plan/progress/")


def test_an_english_site_shows_the_default_text_and_exports_stay_in_it(tmp_path):
    result = tracked_site(tmp_path).build()
    assert result.ok, result.log
    outcome = result.html("plan/progress/home/")
    assert "More people live in their own home" in outcome
    assert "Mwy o bobl" not in outcome
    data = json.loads((result.site / "plan/progress/outcomes.json").read_text(encoding="utf-8"))
    assert data["outcomes"][0]["title"] == "More people live in their own home"


def test_exports_of_a_welsh_site_stay_in_the_default_text(tmp_path):
    result = tracked_site(tmp_path, language="cy").build()
    csv_text = (result.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8-sig")
    assert "More people live in their own home" in csv_text and "Mwy o bobl" not in csv_text


def test_a_bad_key_in_a_language_block_is_one_warning_with_its_line(tmp_path):
    plan = PLAN.replace("      title: Mwy o bobl", "      titel: Mwy o bobl")
    line = plan.splitlines().index("      titel: Mwy o bobl yn byw yn eu cartref eu hunain") + 1
    result = tracked_site(tmp_path, plan, language="cy").build()
    assert not result.ok
    assert result.warnings == [
        f"content/plan/outcomes.yml:{line}: unknown key 'titel' in the 'cy' block of outcome home; "
        "expected one of: title, easy_read, measures"
    ]


def test_a_language_block_that_is_not_a_mapping_is_reported_and_the_plan_still_builds(tmp_path):
    plan = PLAN.replace("        cy:\n          title: Agor llinell gyngor ar dai\n          owner: Tîm tai\n", "        cy: Agor llinell\n")
    line = plan.splitlines().index("        cy: Agor llinell") + 1
    result = tracked_site(tmp_path, plan, language="cy").build(strict=False)
    assert [w for w in result.warnings if "outcomes.yml" in w] == [
        f"content/plan/outcomes.yml:{line}: the 'cy' block of action A1 must be a mapping of 'key: value' lines, "
        "like title: ...; got 'Agor llinell'"
    ]
    assert "Open a housing advice line" in result.html("plan/progress/home/")


def review_site(tmp_path, language: str | None = None) -> Site:
    site = tracked_site(tmp_path, language=language)
    site.plugin_options()["review"] = True
    site.publication("plan", "title: Our plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: A plan.\neasy_read: true\n")
    site.write("easyread/plan/index.md", "---\ntitle: Our plan\nchecked_by: Self-advocates group\n---\n\n:material-home: We help people live at home.\n")
    return site


def test_review_page_lists_the_checks_that_are_off_for_welsh_easy_read_pages(tmp_path):
    result = review_site(tmp_path, language="cy").build(strict=False)
    html = result.html("review")
    section = html[html.index('id="review-checks-cy"'):html.index('id="review-glossary"')]
    assert "<code>long-word</code>" in section  # no syllable dictionary for Welsh
    assert "number-as-word" not in section  # the checker knows Welsh number words


def test_review_page_of_an_english_site_has_no_such_list(tmp_path):
    result = review_site(tmp_path).build(strict=False)
    assert "review-checks-" not in result.html("review")
