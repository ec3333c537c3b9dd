"""Outcome tracking: overdue counted as at the right date (issue 17), and ``paragraph:`` citations
of the report paragraphs that outcomes, actions and recommendations answer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import Site, axe_violations, sideways_scroll
from mkdocs.structure.files import File, Files
from mkdocs_easyread.outcomes.citations import citation_errors
from mkdocs_easyread.outcomes.loader import load_plan
from mkdocs_easyread.outcomes.model import AsAt, Citation, Outcome, Plan, as_at_for
from mkdocs_easyread.outcomes.pages import Links
from mkdocs_easyread.publications.model import Publication

BUILD_DATE = dt.date(2025, 11, 23)  # conftest's SOURCE_DATE_EPOCH

# Last updated on 30 April 2022. A1 was due before that and is not done: overdue then and now.
# A2 was due after it: overdue against the 2025 build date only. A3 is completed: never overdue.
PLAN = """\
outcomes:
  - id: O1
    title: More homes
    measures: [More people have a home of their own]
    actions:
      - id: A1
        title: Plan the homes
        owner: Housing team
        due: 2021-01-31
        updates:
          - date: 2020-06-01
            status: underway
      - id: A2
        title: Build the homes
        owner: Housing team
        due: 2023-06-30
        updates:
          - date: 2022-04-30
            status: underway
            note: Work started.
      - id: A3
        title: Survey the land
        owner: Housing team
        due: 2019-01-01
        updates:
          - date: 2019-01-01
            status: completed
"""

ARCHIVED_AS_AT = 'as at <time datetime="2022-04-30">30 April 2022</time>'
BUILT_AS_AT = 'as at <time datetime="2025-11-23">23 November 2025</time>'


def plan_site(root: Path, status: str, plan: str = PLAN, dates: str = "published: 2018-07-02\nreview_by: 2022-07-01") -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("plan", f"title: Housing plan 2018 to 2022\ntype: strategy\nstatus: {status}\n{dates}")
    site.write("content/plan/outcomes.yml", plan)
    return site


def overdue_ids(html: str) -> set[str]:
    """Action ids whose row in a tracker table is marked overdue."""
    rows = re.finditer(r'<tr[^>]*>\s*<th scope="row"[^>]*><span class="er-oc-id">([^<]+)</span>.*?</tr>', html, re.DOTALL)
    return {row.group(1) for row in rows if "er-oc-status--overdue" in row.group(0)}


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def exports(result) -> tuple[dict, list[dict[str, str]]]:
    data = json.loads((result.site / "plan/progress/outcomes.json").read_text(encoding="utf-8"))
    text = (result.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8-sig")
    return data, list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    site = plan_site(tmp_path_factory.mktemp("archived"), "archived")
    site.plugin_options()["review"] = True
    result = site.build()
    assert result.ok, result.log
    return result


# --- overdue as at the right date ------------------------------------------------------


def test_archived_plan_counts_overdue_as_at_its_last_update(archived):
    html = archived.html("plan/progress")
    assert overdue_ids(html) == {"A1"}, "A2 fell due after the last update; the 2025 build date does not count"
    assert f"This plan is archived, so overdue actions are counted {ARCHIVED_AS_AT}, when it was last updated." in html
    assert "1 of these is overdue." in html
    assert "the date this page was built" not in html and "built on" not in html
    outcome = archived.html("plan/progress/O1")
    assert overdue_ids(outcome) == {"A1"}
    assert "Overdue 1 of 3" in text_of(outcome.split('class="er-oc-details"')[1].split("</dl>")[0])
    assert ARCHIVED_AS_AT in outcome


def test_archived_plan_progress_box_and_easy_read_page_say_as_at_when(archived):
    box = archived.html("plan").split('aria-labelledby="er-oc-box-heading"')[1].split("</section>")[0]
    assert "1 of 3 actions are completed. 1 action is overdue." in box
    assert f"overdue actions are counted {ARCHIVED_AS_AT}, when it was last updated." in box
    easy = archived.html("easy-read/plan/progress")
    assert 'This plan has finished. This page shows how we were doing on <time datetime="2022-04-30">30 April 2022</time>.' in easy
    opening = easy.split("This plan has finished.")[1].split("</p>")[0]
    assert "More homes" not in opening, "the as-at row is a row of its own, before the outcomes' rows"
    assert "This is late." in easy  # A1 was late at the last update


def test_archived_plan_exports_keep_the_build_date_and_add_the_as_at_date(archived):
    data, rows = exports(archived)
    assert data["generated"] == "2025-11-23"
    assert data["overdue_as_at"] == "2022-04-30"
    assert data["counts"]["overdue"] == 1
    assert {row["action_id"]: row["overdue"] for row in data["actions"]} == {"A1": True, "A2": False, "A3": False}
    assert [(row["action_id"], row["overdue"], row["overdue_as_at"]) for row in rows] == [
        ("A1", "yes", "2022-04-30"), ("A2", "no", "2022-04-30"), ("A3", "no", "2022-04-30")]


def test_review_page_lists_the_same_overdue_actions_as_the_tracker(archived):
    html = archived.html("review")
    overdue = html.split("<h3>Overdue actions</h3>")[1].split("</ul>")[0]
    assert "A1: Plan the homes" in overdue and "A2" not in overdue


def test_published_plan_counts_overdue_against_the_build_date(tmp_path):
    result = plan_site(tmp_path, "published").build()
    assert result.ok, result.log
    html = result.html("plan/progress")
    assert overdue_ids(html) == {"A1", "A2"}
    assert f"Overdue actions are counted {BUILT_AS_AT}, the date this page was built." in html
    assert "archived" not in text_of(html.split('class="er-oc-intro"')[1].split("</div>")[0])
    box = result.html("plan").split('aria-labelledby="er-oc-box-heading"')[1].split("</section>")[0]
    assert "2 actions are overdue." in box and BUILT_AS_AT in box
    assert "It was made on <time datetime=\"2025-11-23\">23 November 2025</time>." in result.html("easy-read/plan/progress")
    data, rows = exports(result)
    assert data["generated"] == data["overdue_as_at"] == "2025-11-23"
    assert {row["overdue_as_at"] for row in rows} == {"2025-11-23"}


def test_archived_plan_follows_source_date_epoch_only_for_generated(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2031, 1, 1, tzinfo=dt.UTC).timestamp())))
    result = plan_site(tmp_path, "archived").build()
    assert result.ok, result.log
    data, _ = exports(result)
    assert (data["generated"], data["overdue_as_at"]) == ("2031-01-01", "2022-04-30")
    assert overdue_ids(result.html("plan/progress")) == {"A1"}


NO_UPDATES = re.sub(r"        updates:\n(          .*\n)+", "", PLAN)


@pytest.mark.parametrize("dates, as_at, words", [
    ("published: 2018-07-02\nreview_by: 2022-07-01", "2022-07-01", "its review date, as it has no updates."),
    ("published: 2018-07-02", "2018-07-02", "when it was published, as it has no updates."),
])
def test_archived_plan_without_updates_counts_as_at_review_by_else_published(tmp_path, dates, as_at, words):
    assert "updates" not in NO_UPDATES
    result = plan_site(tmp_path, "archived", NO_UPDATES, dates).build()
    assert result.ok, result.log
    html = result.html("plan/progress")
    assert re.search(rf'counted as at <time datetime="{as_at}">[^<]+</time>, {re.escape(words)}', html), html
    assert exports(result)[0]["overdue_as_at"] == as_at


def plan_of(today: dt.date, *update_dates: str) -> Plan:
    from mkdocs_easyread.outcomes.model import Action, Update

    updates = [Update(dt.date.fromisoformat(d), "underway") for d in update_dates]
    action = Action(id="A", title="T", owner="O", due=dt.date(2020, 1, 1), updates=updates)
    return Plan(slug="p", source="s", today=today, outcomes=[Outcome(id="O", title="T", measures=["m"], actions=[action])])


def test_as_at_rule():
    review_by, published = dt.date(2022, 7, 1), dt.date(2018, 7, 2)
    assert as_at_for(plan_of(BUILD_DATE, "2019-05-01", "2022-04-30"), False, review_by, published) == AsAt(BUILD_DATE)
    assert as_at_for(plan_of(BUILD_DATE, "2019-05-01", "2022-04-30"), True, review_by, published) == AsAt(dt.date(2022, 4, 30), "updated", True)
    assert as_at_for(plan_of(BUILD_DATE), True, review_by, published) == AsAt(review_by, "review-by", True)
    assert as_at_for(plan_of(BUILD_DATE), True, None, published) == AsAt(published, "published", True)
    assert as_at_for(plan_of(BUILD_DATE), True, None, None) == AsAt(BUILD_DATE, "built", True)
    # A review date still to come never makes more actions overdue than today would.
    assert as_at_for(plan_of(BUILD_DATE), True, dt.date(2027, 1, 1), published) == AsAt(BUILD_DATE, "built", True)
    plan = plan_of(BUILD_DATE)
    assert plan.as_at == AsAt(BUILD_DATE) and plan.is_overdue(plan.outcomes[0].actions[0])
    plan.as_at = AsAt(dt.date(2019, 12, 31), "updated", True)
    assert plan.overdue_actions() == []


# --- citations: paragraph: 13 links to the paragraph in its chapter ----------------------

CITING_PLAN = """\
recommendations:
  - id: R1
    theme: Engagement
    text: Listen to people who use services.
    paragraph: 3
outcomes:
  - id: O1
    title: People are listened to
    paragraph: 2
    measures: [More people say they were listened to]
    actions:
      - id: A1
        title: Hold listening events
        owner: Engagement team
        due: 2030-01-01
        recommendations: [R1]
        paragraph: 4
"""
FINDINGS = "---\ntitle: Findings\n---\n\nFirst.\n\nSecond.\n\nThird.\n\nFourth.\n\nFifth.\n"


def report_site(root: Path, plan: str = CITING_PLAN, numbered: str = "paragraphs") -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    front_matter = f"title: Care Act review\ntype: committee-report\nstatus: published\npublished: 2025-01-01\nnumbered: {numbered}"
    site.publication("report", front_matter, body="")
    site.write("content/report/findings.md", FINDINGS)
    site.write("content/report/outcomes.yml", plan)
    return site


def test_citations_link_to_the_paragraph_in_its_chapter(tmp_path):
    result = report_site(tmp_path).build()
    assert result.ok, result.log
    outcome = result.html("report/progress/O1")
    assert '<dt>Set out in</dt><dd><a class="er-oc-cite" href="../../findings/#paragraph-2">Paragraph 2</a></dd>' in outcome
    assert '<dt>Set out in</dt><dd><a class="er-oc-cite" href="../../findings/#paragraph-4">Paragraph 4</a></dd>' in outcome
    progress = result.html("report/progress")
    assert '(<a class="er-oc-cite" href="../findings/#paragraph-4">Paragraph 4</a>)' in progress  # actions table
    assert '<a class="er-oc-cite" href="../findings/#paragraph-2">Paragraph 2</a>' in progress  # the outcome
    recommendations = result.html("report/progress/recommendations")
    assert '(<a class="er-oc-cite" href="../../findings/#paragraph-3">Paragraph 3</a>)' in recommendations


def test_citations_follow_the_sites_url_style(tmp_path):
    site = report_site(tmp_path)
    site.config["use_directory_urls"] = False
    result = site.build()
    assert result.ok, result.log
    outcome = (result.site / "report/progress/O1.html").read_text(encoding="utf-8")
    assert 'href="../findings.html#paragraph-2"' in outcome


@pytest.fixture(scope="module")
def citing(tmp_path_factory):
    result = report_site(tmp_path_factory.mktemp("citing")).build()
    assert result.ok, result.log
    return result


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["report/progress/", "report/progress/O1/", "report/progress/recommendations/"])
def test_pages_with_citations_have_no_axe_violations_and_reflow(browser, serve, citing, path, scheme):
    url = serve(citing.site) + path
    assert axe_violations(browser, url, scheme) == []
    assert sideways_scroll(browser, url, 320, scheme) <= 1


def warnings_at(result, line: int) -> list[str]:
    return [w for w in result.warnings if w.startswith(f"content/report/outcomes.yml:{line}: ")]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_paragraph_the_report_does_not_have_warns_once_and_the_rest_builds(tmp_path):
    plan = CITING_PLAN.replace("paragraph: 4", "paragraph: 99")
    result = report_site(tmp_path, plan).build(strict=False)
    [warning] = warnings_at(result, line_of(plan, "paragraph: 99"))  # once, though three tables show A1
    assert warning.endswith("action A1 cites paragraph 99, which is not in the report; the report has paragraphs 1 to 5")
    assert len(result.warnings) == 1, result.warnings
    progress = result.html("report/progress")
    assert '<span class="er-oc-cite">Paragraph 99</span>' in progress and "#paragraph-99" not in progress
    assert 'href="../findings/#paragraph-2"' in progress  # the good citations still link
    assert not report_site(tmp_path / "strict", plan).build().ok


def test_a_citation_in_a_publication_that_is_not_numbered_warns_once(tmp_path):
    result = report_site(tmp_path, numbered="false").build(strict=False)
    for needle, what in (("paragraph: 2", "outcome O1"), ("paragraph: 3", "recommendation R1"), ("paragraph: 4", "action A1")):
        [warning] = warnings_at(result, line_of(CITING_PLAN, needle))
        label = needle.split()[-1]
        assert warning.endswith(f"{what} cites paragraph {label}, but content/report/index.md does not number its "
                                "paragraphs; set numbered: paragraphs in index.md, or remove the citation"), warning
    assert len(result.warnings) == 3, result.warnings
    assert '<span class="er-oc-cite">Paragraph 4</span>' in result.html("report/progress")


@pytest.mark.parametrize("value, got", [
    ("thirteen", "got 'thirteen'"),
    ("[4]", "got a list"),
    ("true", "got True"),
    ("", "got nothing"),
    ("-4", "got '-4'"),
    ('"para 4"', "got 'para 4'; write only the number: paragraph: 4"),
    ("Paragraph 3.2", "got 'Paragraph 3.2'; write only the number: paragraph: 3.2"),
])
def test_a_citation_that_is_not_a_paragraph_number_warns_at_its_line(tmp_path, value, got):
    plan = CITING_PLAN.replace("paragraph: 4", f"paragraph: {value}".rstrip())
    result = report_site(tmp_path, plan).build(strict=False)
    [warning] = warnings_at(result, line_of(plan, "        paragraph:"))
    assert warning.endswith("action A1: 'paragraph' must be the number of a paragraph in the report, like 13 "
                            f"(or a label like 3.2 in a report numbered in sections); {got}"), warning
    assert len(result.warnings) == 1, result.warnings
    progress = result.html("report/progress")  # the plan is published without that one citation
    assert "Hold listening events" in progress and 'href="../findings/#paragraph-2"' in progress


def test_a_numbered_committee_report_links_citations_end_to_end(tmp_path):
    plan = CITING_PLAN.replace("paragraph: 4", "paragraph: 2").replace("paragraph: 3", "paragraph: 2")
    result = report_site(tmp_path, plan).build()
    assert result.ok, result.log
    assert 'id="paragraph-2"' in result.html("report/findings")
    assert 'href="../../findings/#paragraph-2">Paragraph 2</a>' in result.html("report/progress/O1")


# --- citations: units ----------------------------------------------------------------


def test_labels_keep_their_written_form(tmp_path):
    path = tmp_path / "outcomes.yml"
    path.write_text(CITING_PLAN.replace("paragraph: 2", "paragraph: 3.10").replace("paragraph: 3\n", "paragraph: '3.2'\n"), encoding="utf-8")
    plan, errors = load_plan(path, "report", "outcomes.yml", BUILD_DATE)
    assert errors == []
    assert plan.outcomes[0].paragraph == Citation("3.10", 9)
    assert plan.recommendations[0].paragraph.label == "3.2"
    assert plan.outcomes[0].actions[0].paragraph == Citation("4", 17)
    assert [what for what, _ in plan.citations()] == ["recommendation R1", "outcome O1", "action A1"]


def test_links_and_checks_read_the_publications_paragraphs():
    files = Files([File(uri, "/docs", "/site", True) for uri in ("report/index.md", "report/findings.md", "report/progress/O1.md")])
    publication = Publication(slug="report", source="content/report/index.md", title="Care Act review", numbered="sections",
                              paragraphs={"1.1": "report/index.md", "3.2": "report/findings.md", "3.10": "report/findings.md"})
    links = Links({}, files.get_file_from_path("report/progress/O1.md"), publication, files.src_uris.get)
    assert links.paragraph(Citation("3.2", 1)) == "../../findings/#paragraph-3.2"
    assert links.paragraph(Citation("1.1", 1)) == "../../#paragraph-1.1"
    assert links.paragraph(Citation("3.3", 1)) is None
    plan = Plan(slug="report", source="s", today=BUILD_DATE, outcomes=[
        Outcome(id="O1", title="T", measures=["m"], actions=[], paragraph=Citation("3.3", 7)),
        Outcome(id="O2", title="T", measures=["m"], actions=[], paragraph=Citation("3.10", 9)),
    ])
    [error] = citation_errors(plan, publication, Path("outcomes.yml"))
    assert (error.line, error.message) == (7, "outcome O1 cites paragraph 3.3, which is not in the report; the report has paragraphs 1.1 to 3.10")


def test_a_fault_while_writing_a_tracker_page_names_outcomes_yml(tmp_path, monkeypatch):
    from mkdocs_easyread.outcomes import pages

    def planted(*args, **kwargs):
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(pages, "_content", planted)
    result = plan_site(tmp_path, "published").build(strict=False)
    assert result.ok, result.error
    assert any(w.startswith("content/plan/outcomes.yml: ") and "ZeroDivisionError: planted" in w for w in result.warnings), result.warnings
    assert (result.site / "plan/index.html").is_file() and (result.site / "plan/progress/outcomes.csv").is_file()
