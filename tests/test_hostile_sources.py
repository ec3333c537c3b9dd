"""Hostile and careless sources: links out of the project, alias bombs, formulas, crashes.

Each test plants one defect or attack in a small site and checks what a council
would see: one message with file and line, the rest of the site complete, and
nothing from outside the project in the built site.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_easyread.errors import SourceError
from mkdocs_easyread.glossary.loader import load_glossary
from mkdocs_easyread.sources import MAX_YAML_VALUES, parse_yaml

GOOD_INDEX = "---\ntitle: Good\ntype: strategy\nstatus: published\npublished: 2018-07-02\n---\n\nFine.\n"
SECRET = "TOP-SECRET-3f9a"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A 'billion laughs' YAML block: each anchor repeats the one before ``width`` times."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def site_text(site) -> str:
    """Every byte of the built site, as text, to search for leaks."""
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in site.site.rglob("*") if p.is_file())


def secret_file(tmp_path_factory, name: str = "secret.txt", text: str = SECRET) -> Path:
    path = tmp_path_factory.mktemp("outside") / name
    path.write_text(text, encoding="utf-8")
    return path


# --- one message per mistake ----------------------------------------------------------

def test_broken_index_gives_one_message_not_a_list_of_missing_keys(site):
    site.write("content/plan/index.md", "---\ntitle: [Plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\n---\n\nWords.\n")
    result = site.build()
    about_index = [w for w in result.warnings if w.startswith("content/plan/index.md")]
    assert about_index == ["content/plan/index.md:2: broken YAML: the list opened with '[' on this line is not closed; end it with ']'"], result.warnings


@pytest.mark.parametrize("where", ["index front matter", "chapter front matter", "outcomes", "glossary"])
def test_alias_bomb_is_an_error_with_its_line_and_the_rest_builds(site, where):
    bomb = alias_bomb()
    site.publication("other")
    site.write("content/plan/index.md", GOOD_INDEX)
    if where == "index front matter":
        site.write("content/plan/index.md", f"---\n{bomb}title: Plan\ntype: *a8\nstatus: published\npublished: 2018-07-02\n---\n\nWords.\n")
        prefix = "content/plan/index.md:"
    elif where == "chapter front matter":
        site.write("content/plan/chapter.md", f"---\n{bomb}title: *a8\n---\n\nWords.\n")
        prefix = "content/plan/chapter.md:"
    elif where == "outcomes":
        site.write("content/plan/outcomes.yml", f"{bomb}outcomes:\n  - id: O1\n    title: *a8\n")
        prefix = "content/plan/outcomes.yml:"
    else:
        entry = "".join(f"  {line}\n" for line in bomb.splitlines())
        site.write("content/glossary.yml", f"-{entry[1:]}  term: care\n  means: *a8\n")
        prefix = "content/glossary.yml:"
    started = time.monotonic()
    result = site.build(strict=False)
    assert time.monotonic() - started < 60
    assert result.ok, result.error
    messages = [w for w in result.warnings if w.startswith(prefix) and "aliases" in w]
    assert messages, result.warnings
    assert messages[0].split(":")[1].isdigit()
    assert (result.site / "other/index.html").is_file()


def test_aliases_within_the_budget_still_work():
    data = parse_yaml("base: &b {owner: Board, due: 2019-03-31}\nfirst: *b\nsecond: {<<: *b, note: x}\n", Path("x.yml"))
    assert data["first"]["owner"] == "Board" and data["second"] == {"owner": "Board", "due": "2019-03-31", "note": "x"}


# --- links out of the project -------------------------------------------------------------

def test_links_in_docs_and_easy_read_folders_to_outside_files_are_left_out(site, tmp_path_factory):
    secret = secret_file(tmp_path_factory)
    page = secret_file(tmp_path_factory, "page.md", f"---\ntitle: Linked\n---\n\n{SECRET}\n")
    folder = secret.parent
    site.write("content/plan/index.md", GOOD_INDEX)
    site.write("easyread/plan/index.md", "---\ntitle: Easy\n---\n\n:material-home: We help you.\n")
    os.symlink(secret, site.root / "content/plan/notes.txt")
    os.symlink(page, site.root / "content/plan/linked.md")
    os.symlink(secret, site.root / "easyread/plan/notes.txt")
    os.symlink(folder, site.root / "content/plan/folder")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert SECRET not in site_text(result)
    for shown in ("content/plan/notes.txt", "content/plan/linked.md", "easyread/plan/notes.txt", "content/plan/folder/secret.txt"):
        assert any(w.startswith(f"{shown}: ") and "outside the project" in w for w in result.warnings), (shown, result.warnings)
    assert not any(str(folder) in w for w in result.warnings), "messages name the link, not where it leads"
    assert (result.site / "plan/index.html").is_file()


def test_chart_csv_linked_from_outside_is_neither_read_nor_copied(site, tmp_path_factory):
    secret = secret_file(tmp_path_factory, "r.csv", f"Rating,Services\n{SECRET},12\n")
    site.write("content/plan/index.md", GOOD_INDEX + "\n/// chart | Ratings\ndata: r.csv\ntype: bar\n///\n")
    os.symlink(secret, site.root / "content/plan/r.csv")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert SECRET not in site_text(result)
    assert not (result.site / "plan/r.csv").exists()
    assert any(w.startswith("content/plan/") for w in result.warnings), result.warnings


def test_glossary_linked_inside_the_project_still_works(site):
    site.write("shared/glossary.yml", "- term: care plan\n  means: A written plan of the help you get.\n")
    os.symlink(site.root / "shared/glossary.yml", site.root / "content/glossary.yml")
    site.publication("plan", body="Your care plan says what help you get.\n")
    result = site.build()
    assert result.ok, result.log
    assert "A written plan of the help you get." in result.html("plan/")


def test_glossary_linked_outside_the_project_is_named_and_the_site_builds(site, tmp_path_factory):
    secret = secret_file(tmp_path_factory, "glossary.yml", f"- term: care\n  means: {SECRET}\n")
    os.symlink(secret, site.root / "content/glossary.yml")
    site.publication("plan", body="Good care.\n")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert SECRET not in site_text(result)
    assert [w for w in result.warnings if w.startswith("content/glossary.yml: ")] == [
        "content/glossary.yml: this is a link to a file outside the project, so it is not read or published; copy the file into the project instead"]


# --- spreadsheets -----------------------------------------------------------------------

FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "=HYPERLINK(\"http://x\",\"y\")"]


@pytest.mark.parametrize("value, safe", [
    *[(f, "'" + f) for f in FORMULAS], ("\tTab", "'\tTab"), ("\rReturn", "'\rReturn"),
    ("-5", "-5"), ("+44 1603 222222", "'+44 1603 222222"), ("2019-03-31", "2019-03-31"), ("-1.5", "-1.5"),
    ("Plain words", "Plain words"), ("", ""), (3, 3), (None, None),
])
def test_spreadsheet_safe_cells(value, safe):
    from mkdocs_easyread.outcomes.exports import spreadsheet_safe

    assert spreadsheet_safe(value) == safe


def test_csv_export_neutralises_formulas_and_keeps_numbers_and_dates(site):
    actions = [{"id": f"A1.{n}", "title": title, "owner": "-5", "due": "2019-03-31"} for n, title in enumerate(FORMULAS, start=1)]
    plan = {"outcomes": [{"id": "O1", "title": "Safe", "measures": ["x"], "actions": actions}]}
    site.publication("plan", "title: Plan\ntype: action-plan\nstatus: published\npublished: 2018-07-02")
    site.write("content/plan/outcomes.yml", yaml.safe_dump(plan, sort_keys=False))
    result = site.build()
    assert result.ok, result.log
    text = (result.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["action_title"] for row in rows] == ["'" + f for f in FORMULAS]
    assert {row["owner"] for row in rows} == {"-5"}, "a number stays a number"
    assert {row["due"] for row in rows} == {"2019-03-31"}
    exported = json.loads((result.site / "plan/progress/outcomes.json").read_text(encoding="utf-8"))
    assert [action["action_title"] for action in exported["actions"]] == FORMULAS, "JSON is data: kept exactly"


# --- one publication's failure never stops the others -------------------------------------

def test_a_crash_in_one_plan_is_a_warning_for_that_plan(site, monkeypatch):
    from mkdocs_easyread.outcomes import feature

    real = feature.add_plan_files

    def crash_on_broken(plan, publication, files, build):
        if plan.slug == "broken":
            raise ZeroDivisionError("planted")
        return real(plan, publication, files, build)

    monkeypatch.setattr(feature, "add_plan_files", crash_on_broken)
    plan = "outcomes:\n  - id: O1\n    title: Safe\n    measures: [x]\n    actions:\n      - id: A1\n        title: Do it\n        owner: Board\n        due: 2019-03-31\n"
    for slug in ("broken", "fine"):
        site.publication(slug, f"title: {slug}\ntype: action-plan\nstatus: published\npublished: 2018-07-02")
        site.write(f"content/{slug}/outcomes.yml", plan)
    result = site.build(strict=False)
    assert result.ok, result.error
    assert any(w.startswith("content/broken/outcomes.yml: ") and "ZeroDivisionError: planted" in w for w in result.warnings), result.warnings
    assert (result.site / "fine/progress/outcomes.csv").is_file()
    assert (result.site / "broken/index.html").is_file()


def test_a_crash_on_one_page_is_a_warning_naming_that_page(site, monkeypatch):
    from mkdocs_easyread.publications.feature import Publications

    real = Publications.on_page_markdown

    def crash_on_chapter(self, markdown, page):
        if page.file.src_uri == "plan/chapter.md":
            raise KeyError("planted")
        return real(self, markdown, page)

    monkeypatch.setattr(Publications, "on_page_markdown", crash_on_chapter)
    site.write("content/plan/index.md", GOOD_INDEX)
    site.write("content/plan/chapter.md", "---\ntitle: Chapter\n---\n\nWords.\n")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert any(w.startswith("content/plan/chapter.md: ") and "KeyError" in w for w in result.warnings), result.warnings
    assert (result.site / "plan/chapter/index.html").is_file()


# --- property tests: valid YAML structures with hostile values ------------------------------

CONTROL = st.sampled_from([chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)]])
HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=20), CONTROL, st.text(max_size=20)),
    st.sampled_from(["<script>alert(1)</script>", "{{ 7*7 }}", "*a8", "&x", "!!python/object:os.system", "\u202e", "x" * 5000]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries({"term": HOSTILE_TEXT, "means": HOSTILE_TEXT}, optional={"also": st.lists(HOSTILE_TEXT, max_size=3)}), min_size=1, max_size=6))
def test_glossary_structures_with_hostile_values_load_or_name_a_line(tmp_path_factory, entries):
    path = tmp_path_factory.mktemp("g") / "glossary.yml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    try:
        glossary, errors = load_glossary(path)
    except SourceError as error:
        assert error.line and error.line >= 1
        return
    assert all(e.line and e.line >= 1 for e in errors)
    clean = [e for e in entries if not any(any(0 <= ord(ch) < 32 and ch not in "\t\n\r" or 127 <= ord(ch) < 160 for ch in str(v)) for v in e.values())]
    if clean == entries and not errors:
        assert len(glossary) == len(entries)


@settings(max_examples=60, deadline=None)
@given(levels=st.integers(1, 12), width=st.integers(1, 12), use=st.sampled_from(["value", "list", "mapping"]))
def test_aliases_of_any_shape_load_or_stop_at_the_budget(levels, width, use):
    bomb = alias_bomb(levels, width)
    tail = {"value": f"v: *a{levels - 1}\n", "list": f"v: [*a{levels - 1}, *a0]\n", "mapping": f"v: {{k: *a{levels - 1}}}\n"}[use]
    expanded = sum(width ** i for i in range(1, levels + 1)) + levels
    started = time.monotonic()
    try:
        parse_yaml(bomb + tail, Path("x.yml"))
    except SourceError as error:
        assert "aliases" in error.message and error.line >= 1
        assert expanded > MAX_YAML_VALUES // width
    else:
        assert expanded <= MAX_YAML_VALUES * 2
    assert time.monotonic() - started < 5


FRONT_MATTER_VALUES = st.fixed_dictionaries(
    {
        "title": HOSTILE_TEXT,
        "type": st.sampled_from(["strategy", "quality-report", "action-plan", "committee-report", "news"]),
        "status": st.sampled_from(["draft", "consultation", "published", "archived"]),
        "published": st.one_of(st.dates().map(lambda d: d.isoformat()), HOSTILE_TEXT),
    },
    optional={
        "subtitle": HOSTILE_TEXT, "owner": HOSTILE_TEXT, "summary": HOSTILE_TEXT,
        "review_by": st.dates().map(lambda d: d.isoformat()), "numbered": st.booleans(),
        "template": st.one_of(HOSTILE_TEXT, st.just("main.html")),
    },
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(meta=FRONT_MATTER_VALUES)
def test_front_matter_with_hostile_values_builds_or_names_the_line(site, meta):
    site.write("content/plan/index.md", "---\n" + yaml.safe_dump(meta, allow_unicode=True, width=1000) + "---\n\n## Words\n\nSome words.\n")
    site.publication("other")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert "Traceback" not in result.log
    for warning in result.warnings:
        if warning.startswith("content/plan/index.md"):
            assert warning.split(":")[1].isdigit(), warning
    assert (result.site / "other/index.html").is_file()
    built = result.html("plan/") if (result.site / "plan/index.html").is_file() else ""
    assert "<script>alert(1)</script>" not in built


def test_a_number_too_long_for_python_is_an_error_with_its_line():
    with pytest.raises(SourceError) as raised:
        parse_yaml("target: 1\ny_min: " + "9" * 5000 + "\n", Path("x.yml"))
    assert raised.value.line == 2 and "too long" in raised.value.message
