"""Outcome tracking: outcomes.yml drives progress pages, exports and an easy-read summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import Site, axe_violations, sideways_scroll
from mkdocs_easyread.outcomes.model import Action, Outcome, Plan, Update
from mkdocs_easyread.outcomes.pages import inline_markdown

PLAN = """\
recommendations:
  - id: R1
    theme: Engagement
    text: Review how the council engages with people who use services.
  - id: R2
    theme: Engagement
    text: Hold listening events every year.
  - id: R3
    theme: Workloads
    text: Review social work caseloads.
outcomes:
  - id: O1
    title: Promoting equality, respect and being safe
    easy_read: People are safe and treated fairly.
    picture: material-shield-account
    measures:
      - More people say they feel safe in the community
    actions:
      - id: A1.1
        title: Develop an LD-friendly Norfolk approach
        owner: Learning Disability Partnership Board
        due: 2019-03-31
        recommendations: [R1]
        updates:
          - date: 2018-10-01
            status: underway
            note: Partners have signed up to the principles.
          - date: 2019-02-01
            status: completed
            note: The approach has launched.
      - id: A1.2
        title: Train staff <script>alert(1)</script>
        owner: Adult Social Services
        due: 2025-11-22
        recommendations: [R3, R1]
        updates:
          - date: 2025-01-10
            status: underway
            note: <script>alert(2)</script> & "quotes", *stars*
  - id: O2
    title: Being healthy
    measures: [More people have a health check]
    actions:
      - id: A2.1
        title: Annual health checks
        owner: NHS
        due: 2025-11-23
        updates:
          - date: 2020-01-01
            status: delayed
          - date: 2021-01-01
            status: delayed
            note: Still waiting.
      - id: A2.2
        title: Health passports
        owner: NHS
        due: 2030-01-01
"""


def make_site(root: Path, plan: str = PLAN) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}  # PDFs are the PDF feature's tests; these stay fast
    site.publication("plan", "title: Our plan\ntype: action-plan\nstatus: published\npublished: 2018-07-02")
    site.write("content/plan/chapter.md", "---\ntitle: A chapter\n---\n\nWords.\n")
    site.write("content/plan/outcomes.yml", plan)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = make_site(tmp_path_factory.mktemp("outcomes")).build()
    assert result.ok, result.log
    return result


def action_rows(html: str) -> dict[str, str]:
    """Each table row of an action on a page, by action id."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<tr[^>]*>\s*<th scope="row"[^>]*><span class="er-oc-id">([^<]+)</span>.*?</tr>', html, re.DOTALL)}


def csv_rows(result) -> list[dict[str, str]]:
    text = (result.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_export(result) -> dict:
    return json.loads((result.site / "plan/progress/outcomes.json").read_text(encoding="utf-8"))


# --- pages and exports -------------------------------------------------------------


def test_plan_builds_every_page_and_export_without_warnings(built):
    assert built.warnings == []
    for path in ("plan/progress", "plan/progress/O1", "plan/progress/O2", "plan/progress/recommendations",
                 "plan/progress/history", "easy-read/plan/progress"):
        assert (built.site / path / "index.html").is_file(), path
    assert (built.site / "plan/progress/outcomes.csv").is_file()
    assert (built.site / "plan/progress/outcomes.json").is_file()


def test_progress_page_counts_outcomes_actions_and_links(built):
    html = built.html("plan/progress")
    assert ">Progress</h1>" in html and "Part of <a" in html
    counts = dict(re.findall(r'er-oc-status__word">([^<]+)</span></span></th><td>(\d+)</td>', html))
    assert counts == {"Not started": "1", "Underway": "1", "Completed": "1", "Delayed": "1", "Cancelled": "0"}
    assert sum(int(n) for n in counts.values()) == 4 and "<th scope=\"row\">All actions</th><td>4</td>" in html, "each action counted once"
    assert "1 of these is overdue." in html, "overdue is a flag on actions, shown apart from the statuses"
    assert '<h2 id="outcome-O1">O1: Promoting equality, respect and being safe</h2>' in html
    assert '<a href="O1/#action-A1.1">Develop an LD-friendly Norfolk approach</a>' in html
    assert 'Download the data: <a href="outcomes.csv" download><span aria-hidden="true">CSV</span>' in html and '<a href="outcomes.json" download><span aria-hidden="true">JSON</span>' in html
    assert "CSV file of every action" in html  # the name a screen reader announces, with the visible word in it
    for href in ("recommendations/", "history/", "../../easy-read/plan/progress/", "O2/"):
        assert f'href="{href}"' in html
    assert "<caption>Actions for outcome O1</caption>" in html and '<th scope="col" role="columnheader">Owner</th>' in html


def test_outcome_page_has_measures_actions_owner_due_and_history(built):
    html = built.html("plan/progress/O1")
    assert ">O1: Promoting equality, respect and being safe</h1>" in html
    assert "More people say they feel safe in the community" in html
    assert '<h3 id="action-A1.1">A1.1: Develop an LD-friendly Norfolk approach</h3>' in html
    assert "<dt>Owner</dt><dd>Learning Disability Partnership Board</dd>" in html
    assert '<time datetime="2019-03-31">31 March 2019</time>' in html
    history = html.split('id="action-A1.1"')[1].split('id="action-A1.2"')[0]
    assert history.index("1 February 2019") < history.index("1 October 2018")  # newest first
    assert 'href="../recommendations/#rec-R1"' in html


def test_latest_status_in_csv_and_json_is_the_last_update_in_the_yaml(built):
    source = yaml.safe_load(PLAN)
    expected = {}
    for outcome in source["outcomes"]:
        for action in outcome["actions"]:
            last = (action.get("updates") or [None])[-1]
            expected[action["id"]] = (last["status"], str(last["date"])) if last else ("not-started", "")
    from_csv = {row["action_id"]: (row["status"], row["status_date"]) for row in csv_rows(built)}
    from_json = {row["action_id"]: (row["status"], row["status_date"] or "") for row in json_export(built)["actions"]}
    assert from_csv == expected
    assert from_json == expected


def test_csv_has_one_row_per_action_with_the_contract_columns(built):
    rows = csv_rows(built)
    assert [row["action_id"] for row in rows] == ["A1.1", "A1.2", "A2.1", "A2.2"]
    assert rows[1] == {
        "outcome_id": "O1", "outcome_title": "Promoting equality, respect and being safe",
        "action_id": "A1.2", "action_title": "Train staff <script>alert(1)</script>",
        "owner": "Adult Social Services", "due": "2025-11-22", "status": "underway",
        "status_date": "2025-01-10", "overdue": "yes", "recommendations": "R3 R1",
        "overdue_as_at": "2025-11-23",
    }


def test_json_carries_publication_counts_and_full_history(built):
    data = json_export(built)
    assert data["format"] == "easyread-outcomes" and data["version"] == 1
    assert data["publication"] == {"slug": "plan", "title": "Our plan", "url": "plan/"}
    assert data["generated"] == "2025-11-23"
    assert data["counts"] == {"actions": 4, "not-started": 1, "underway": 1, "completed": 1, "delayed": 1, "cancelled": 0, "overdue": 1}
    a12 = data["actions"][1]
    assert a12["history"] == [{"date": "2025-01-10", "status": "underway", "note": '<script>alert(2)</script> & "quotes", *stars*'}]
    assert a12["overdue"] is True and a12["recommendations"] == ["R3", "R1"]
    assert data["recommendations"][1] == {"id": "R2", "theme": "Engagement", "text": "Hold listening events every year.", "actions": []}
    assert data["outcomes"][1]["status"] == "delayed" and data["outcomes"][1]["measures"] == ["More people have a health check"]


def test_history_lists_every_change_newest_first(built):
    html = built.html("plan/progress/history")
    dates = re.findall(r'<tr[^>]*>\s*<td[^>]*>(?:<span class="er-oc-label"[^>]*>[^<]*</span>)?<time datetime="([\d-]+)"', html)
    assert dates == ["2025-01-10", "2021-01-01", "2020-01-01", "2019-02-01", "2018-10-01"]
    assert html.index('<h2 id="year-2025">') < html.index('<h2 id="year-2018">')
    assert "<caption>Changes in 2021, newest first</caption>" in html


def test_recommendations_grouped_by_theme_with_answering_actions(built):
    html = built.html("plan/progress/recommendations")
    assert html.index(">Engagement</h2>") < html.index(">Workloads</h2>")
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr id="rec-([^"]+)"[^>]*>.*?</tr>', html, re.DOTALL)}
    assert set(rows) == {"R1", "R2", "R3"}
    assert "No action yet" in rows["R2"] and "<a href" not in rows["R2"]
    assert 'href="../O1/#action-A1.1"' in rows["R1"] and 'href="../O1/#action-A1.2"' in rows["R1"]
    assert "Completed" in rows["R1"] and "Overdue" in rows["R1"]
    assert "No action yet" not in rows["R1"] + rows["R3"]
    assert "There are 3 recommendations in 2 themes. 2 have at least one action. 1 has no action yet." in html


def test_easy_read_summary_has_one_picture_row_per_outcome(built):
    html = built.html("easy-read/plan/progress")
    assert ">How we are doing</h1>" in html
    rows = html.split('class="twemoji" role="img">')[1:]
    assert len(rows) == 3  # an opening row, then one per outcome
    assert '<span aria-label="A person kept safe"' in html
    assert "People are safe and treated fairly." in rows[1] and "This is late." in rows[1]  # A1.2 is overdue
    # O2 has no easy_read or picture: its title, as a sentence, and a default picture stand in.
    assert '<span aria-label="A flag"' in html
    assert "Being healthy." in rows[2] and "This is taking longer than we planned." in rows[2]
    assert ":material-" not in html


def test_publication_index_links_to_progress(built):
    html = built.html("plan")
    box = html.split('aria-labelledby="er-oc-box-heading"')[1].split("</section>")[0]
    assert "1 of 4 actions are completed. 1 action is overdue." in box
    assert 'href="progress/"' in box
    assert "er-oc-box" not in built.html("plan/chapter")


def test_generated_pages_are_in_navigation_and_search(built):
    html = built.html("plan")
    assert 'href="progress/"' in html.split('class="md-nav')[1] or "progress/" in html
    index = json.loads((built.site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"plan/progress/", "plan/progress/O1/", "plan/progress/history/"} <= locations


def test_builds_are_byte_identical(built, tmp_path):
    again = make_site(tmp_path).build()
    assert again.ok, again.log
    for path in ("plan/progress/outcomes.csv", "plan/progress/outcomes.json"):
        assert (again.site / path).read_bytes() == (built.site / path).read_bytes()


def test_links_follow_the_sites_url_style(tmp_path):
    site = make_site(tmp_path)
    site.config["use_directory_urls"] = False
    result = site.build()
    assert result.ok, result.log
    page = (result.site / "plan/progress/index.html").read_text(encoding="utf-8")
    assert 'href="O1.html#action-A1.1"' in page and 'href="history.html"' in page
    assert 'href="../../easy-read/plan/progress/index.html"' in page
    assert (result.site / "plan/progress/O1.html").is_file()


def test_a_council_page_at_a_generated_address_is_kept_and_reported(tmp_path):
    site = make_site(tmp_path)
    site.write("content/plan/progress/history.md", "---\ntitle: Our own history\n---\n\nWords.\n")
    result = site.build()
    assert any(w.startswith("content/plan/progress/history.md: this file has the address of a page generated from content/plan/outcomes.yml")
               for w in result.warnings), result.warnings
    result = site.build(strict=False)
    assert "Our own history" in result.html("plan/progress/history")
    assert 'href="history/"' in result.html("plan/progress")


def test_options_turn_off_the_easy_read_summary_and_the_progress_box(tmp_path):
    site = make_site(tmp_path)
    site.plugin_options()["outcomes"] = {"easy_read_summary": False, "progress_box": False}
    result = site.build()
    assert result.ok, result.log
    assert not (result.site / "easy-read/plan/progress").exists()
    assert "Easy read version" not in result.html("plan/progress")
    assert "er-oc-box" not in result.html("plan")


# --- overdue, relative to the build date ----------------------------------------------


def test_overdue_is_marked_relative_to_the_build_date(built):
    rows = action_rows(built.html("plan/progress"))
    assert "Overdue" in rows["A1.2"]  # due yesterday, underway
    assert "Overdue" not in rows["A1.1"]  # past due but completed
    assert "Overdue" not in rows["A2.1"]  # due today
    assert "Overdue" not in rows["A2.2"]  # due in 2030


def test_overdue_follows_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2031, 1, 1, tzinfo=dt.UTC).timestamp())))
    result = make_site(tmp_path).build()
    assert result.ok, result.log
    rows = action_rows(result.html("plan/progress"))
    assert all("Overdue" in rows[a] for a in ("A1.2", "A2.1", "A2.2"))
    assert "Overdue" not in rows["A1.1"]
    assert json_export(result)["generated"] == "2031-01-01"
    assert [row["overdue"] for row in csv_rows(result)] == ["no", "yes", "yes", "yes"]


# --- escaping ------------------------------------------------------------------


def test_text_from_yaml_is_escaped_in_html_and_raw_in_data(built):
    for path in ("plan/progress", "plan/progress/O1", "plan/progress/history", "plan/progress/recommendations"):
        html = built.html(path)
        assert "<script>alert(" not in html, path
    page = built.html("plan/progress/O1")
    assert "&lt;script&gt;alert(2)&lt;/script&gt; &amp; &#34;quotes&#34;, *stars*" in page
    assert '<h3 id="action-A1.2">A1.2: Train staff &lt;script&gt;alert(1)&lt;/script&gt;</h3>' in page
    assert "Train staff <script>alert(1)</script>" in (built.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8-sig")


def test_markdown_in_titles_is_shown_as_written(tmp_path):
    plan = PLAN.replace("title: Being healthy", "title: \"Being *healthy* :smile: [link](x.md) {: #id } # end\"")
    result = make_site(tmp_path, plan).build()
    assert result.ok, result.log
    heading = re.search(r'<h2 id="outcome-O2">(.*?)</h2>', result.html("plan/progress")).group(1)
    assert unescape(heading) == "O2: Being *healthy* :smile: [link](x.md) {: #id } # end"


def test_inline_markdown_escapes_what_markdown_would_read():
    assert inline_markdown("a *b* _c_ `d` [e] {f} # :smile: <i> &amp;") == r"a \*b\* \_c\_ \`d\` \[e\] \{f\} \# &#58;smile: &lt;i> &amp;amp;"
    assert inline_markdown("King's Lynn & Norwich: 2 towns.") == "King's Lynn & Norwich: 2 towns."


# --- validation: every mistake names outcomes.yml and its line -----------------------


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


BAD_INPUTS = [
    # (id, replace this, with this, line marker (text, occurrence), expected words)
    ("status typo", "status: completed", "status: in progress", ("in progress", 1),
     "status 'in progress' is not known; expected one of: not-started, underway, completed, delayed, cancelled"),
    ("duplicate id", "id: A2.1", "id: A1.1", ("id: A1.1", 2), "id 'A1.1' is used twice"),
    ("missing recommendation", "recommendations: [R1]", "recommendations: [R9]", ("[R9]", 1),
     "action A1.1 refers to recommendation 'R9', which is not in 'recommendations'"),
    ("ids are case-sensitive", "recommendations: [R1]", "recommendations: [r1]", ("[r1]", 1), "did you mean 'R1'?"),
    ("bad due date", "due: 2030-01-01", "due: 2030-02-30", ("2030-02-30", 1), "due '2030-02-30' is not a date"),
    ("bad update date", "date: 2020-01-01", "date: 1/1/2020", ("1/1/2020", 1), "date '1/1/2020' is not a date"),
    ("unknown key", "    title: Being healthy\n", "    title: Being healthy\n    colour: red\n", ("colour", 1),
     "unknown key 'colour' in outcome O2; expected one of: id, title, easy_read, picture, measures, actions"),
    ("missing owner", "        owner: NHS\n        due: 2030-01-01\n", "        due: 2030-01-01\n", ("id: A2.2", 1),
     "action A2.2 is missing 'owner'"),
    ("missing title", "    title: Being healthy\n", "", ("id: O2", 1), "outcome O2 is missing 'title'"),
    ("updates out of order", "date: 2020-01-01", "date: 2022-01-01", ("date: 2021-01-01", 1),
     "update dated 2021-01-01 is listed after one dated 2022-01-01; list updates oldest first"),
    ("unknown picture", "material-shield-account", "material-sheild-account", ("sheild", 1),
     "picture 'material-sheild-account' is not a known icon"),
    ("id with a space", "id: O2", "id: O 2", ("id: O 2", 1), "id 'O 2' may only use letters, digits"),
    ("broken YAML", "measures: [More people have a health check]", "measures: [More people have a health check", ("measures: [More", 1),
     "the list opened with '[' on this line is not closed; end it with ']'"),
]


@pytest.mark.parametrize("old, new, marker, expected", [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_fails_strict_with_file_line_and_value(tmp_path, old, new, marker, expected):
    assert old in PLAN
    text = PLAN.replace(old, new, 1)
    result = make_site(tmp_path, text).build()
    assert not result.ok
    prefix = f"content/plan/outcomes.yml:{line_of(text, *marker)}: "
    messages = [w for w in result.warnings if w.startswith(prefix)]
    assert messages, result.warnings
    assert any(expected in m for m in messages), messages
    assert "Traceback" not in result.log


def test_broken_plan_still_builds_the_publications_other_pages(tmp_path):
    result = make_site(tmp_path, PLAN.replace("status: completed", "status: done")).build(strict=False)
    assert result.ok
    assert any("did you mean 'completed'?" in w for w in result.warnings)
    assert (result.site / "plan/chapter/index.html").is_file()
    assert not (result.site / "plan/progress").exists()  # a plan that cannot be trusted is not published


def test_unknown_key_alone_still_publishes_the_plan(tmp_path):
    result = make_site(tmp_path, PLAN.replace("    title: Being healthy\n", "    title: Being healthy\n    colour: red\n")).build(strict=False)
    assert any("unknown key 'colour'" in w for w in result.warnings)
    assert (result.site / "plan/progress/index.html").is_file()


def test_outcomes_file_outside_a_publication_is_reported(tmp_path):
    site = make_site(tmp_path)
    site.write("content/loose/outcomes.yml", PLAN)
    result = site.build()
    assert any(w.startswith("content/loose/outcomes.yml: outcomes.yml is in a folder without index.md") for w in result.warnings), result.warnings


def test_numeric_ids_keep_their_written_form(tmp_path):
    plan = PLAN.replace("id: R1\n", "id: 1.10\n").replace("[R1]", "[1.10]").replace("[R3, R1]", "[R3, 1.10]")
    plan = plan.replace("        owner: NHS\n        due: 2030-01-01\n", "        owner: NHS\n        due: 2030-01-01\n        recommendations: 1.10\n")
    result = make_site(tmp_path, plan).build()
    assert result.ok, result.log
    assert [row["recommendations"] for row in csv_rows(result)] == ["1.10", "R3 1.10", "", "1.10"]


# --- model ---------------------------------------------------------------------


def action(status: str | None, due: dt.date = dt.date(2020, 1, 1)) -> Action:
    updates = [Update(dt.date(2019, 1, 1), status)] if status else []
    return Action(id="A", title="T", owner="O", due=due, updates=updates)


@pytest.mark.parametrize("statuses, expected", [
    (["completed", "completed"], "completed"),
    (["completed", "cancelled"], "completed"),
    (["cancelled", "cancelled"], "cancelled"),
    (["underway", "delayed"], "delayed"),
    ([None, "not-started"], "not-started"),
    (["completed", None], "underway"),
    ([], "not-started"),
])
def test_outcome_status_rolls_up_from_its_actions(statuses, expected):
    assert Outcome(id="O", title="T", measures=["m"], actions=[action(s) for s in statuses]).status == expected


def test_history_on_the_same_day_puts_the_later_update_first():
    first, second = Update(dt.date(2020, 1, 1), "underway", "first"), Update(dt.date(2020, 1, 1), "completed", "second")
    a = Action(id="A", title="T", owner="O", due=dt.date(2021, 1, 1), updates=[Update(dt.date(2019, 1, 1), "not-started"), first, second])
    plan = Plan(slug="p", source="s", today=dt.date(2022, 1, 1), outcomes=[Outcome(id="O", title="T", measures=["m"], actions=[a])])
    assert [c.update for c in plan.history()] == [second, first, a.updates[0]]


# --- in the browser --------------------------------------------------------------------

PAGE_TYPES = ["plan/", "plan/progress/", "plan/progress/O1/", "plan/progress/O2/", "plan/progress/recommendations/",
              "plan/progress/history/", "easy-read/plan/progress/"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_generated_pages_have_no_axe_violations(browser, serve, built, path, scheme):
    assert axe_violations(browser, serve(built.site) + path, scheme) == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_tracker_pages_reflow_on_phones(browser, serve, built, path, width):
    url = serve(built.site) + path
    assert sideways_scroll(browser, url, width) <= 1
    assert axe_violations(browser, url, "dark" if width == 375 else "light", width=width) == []


@pytest.mark.browser
def test_tracker_rows_stack_with_labels_on_a_phone(browser, serve, built):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(serve(built.site) + "plan/progress/O1/", wait_until="load")
        row = page.locator("table.er-oc-stack tbody tr").first
        text = row.inner_text()
        assert "Owner: " in text and "Due: " in text and "Latest status: " in text
        assert row.bounding_box()["width"] <= 320
        action = row.locator("th").bounding_box()
        assert action["width"] > 200, "the action's words get the width of the screen, not a 50 px column"
        names = page.evaluate("""() => [...document.querySelectorAll('table.er-oc-stack')].map(t => t.getAttribute('role'))""")
        assert set(names) == {"table"}
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_is_legible_in_greyscale(browser, serve, built, scheme, tmp_path_factory):
    from PIL import Image

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(serve(built.site) + "plan/progress/", wait_until="load")
        page.add_style_tag(content="html { filter: grayscale(1) !important; }")
        shots = tmp_path_factory.mktemp("greyscale")
        page.screenshot(path=str(shots / f"progress-{scheme}.png"), full_page=True)
        badges = page.locator(".er-oc-counts .er-oc-status, .er-oc-overdue-count .er-oc-status")
        words = [badges.nth(i).inner_text().strip() for i in range(badges.count())]
        assert words == ["Not started", "Underway", "Completed", "Delayed", "Cancelled", "1 of these is overdue."]
        shapes = []
        for i in range(badges.count()):
            badge = badges.nth(i)
            assert badge.locator(".er-oc-status__word").is_visible()
            path = shots / f"badge-{scheme}-{i}.png"
            badge.screenshot(path=str(path))
            grey = Image.open(path).convert("L")
            darkest, lightest = grey.getextrema()
            assert contrast(darkest, lightest) >= 4.5, (words[i], darkest, lightest)
            shape = shots / f"shape-{scheme}-{i}.png"
            badge.locator("svg").screenshot(path=str(shape))
            shapes.append(Image.open(shape).convert("L").resize((32, 32)).point(lambda v: 255 if v > 128 else 0).tobytes())
        assert len(set(shapes)) == len(shapes)  # every shape is told apart without colour
    finally:
        context.close()


def contrast(dark: int, light: int) -> float:
    def luminance(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (luminance(light) + 0.05) / (luminance(dark) + 0.05)


def test_the_plan_file_itself_is_not_published(site):
    site.publication("plan")
    site.write("content/plan/outcomes.yml", PLAN)
    result = site.build()
    assert result.ok, result.log
    assert not (result.site / "plan" / "outcomes.yml").exists()
    assert (result.site / "plan" / "progress" / "outcomes.json").is_file()
