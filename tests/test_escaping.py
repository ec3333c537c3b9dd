"""A <script> in any YAML, CSV or front-matter text comes out as text everywhere it appears."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_easyread.errors import SourceError
from test_charts_hostile import chart_csvs
from mkdocs_easyread.glossary.model import Glossary, Term
from mkdocs_easyread.sources import Node, parse_yaml, split_front_matter

EVIL = "<script>alert(1)</script>"
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    from conftest import Site

    root = tmp_path_factory.mktemp("evil")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options().update({"pdf": {"enabled": False}, "review": True, "feedback": "a@example.gov.uk"})
    site.write("content/glossary.yml", f"- term: care\n  means: Help {EVIL}\n  more: More {EVIL}\n")
    site.write("content/plan/index.md", f"---\ntitle: Plan {EVIL}\nsubtitle: Sub {EVIL}\ntype: action-plan\nstatus: consultation\n"
               f"published: 2018-07-02\nowner: Owner {EVIL}\nsummary: Summary {EVIL}\nnumbered: true\n---\n\n## About\n\nGood care.\n\n"
               "/// chart | Ratings\ndata: r.csv\ntype: bar\n///\n\n/// table | The numbers\ndata: r.csv\n///\n")
    site.write("content/plan/r.csv", f'Rating,Services\n"Good {EVIL}",12\nOutstanding,3\n')
    site.write("content/plan/outcomes.yml", f"""recommendations:
  - id: R1
    theme: Theme {EVIL}
    text: Text {EVIL}
outcomes:
  - id: O1
    title: Outcome {EVIL}
    easy_read: Easy {EVIL}
    measures: [Measure {EVIL}]
    actions:
      - id: A1.1
        title: Action {EVIL}
        owner: Owner {EVIL}
        due: 2019-03-31
        recommendations: [R1]
        updates:
          - date: 2018-10-01
            status: underway
            note: Note {EVIL}
""")
    result = site.build()
    assert result.ok, result.log
    return result


def test_no_script_from_sources_in_any_output(evil_site):
    leaks = []
    for path in evil_site.site.rglob("*"):
        if path.suffix in (".html", ".svg", ".xml") and EVIL in path.read_text(encoding="utf-8"):
            leaks.append(str(path.relative_to(evil_site.site)))
    assert leaks == []


def test_escaped_text_is_still_shown(evil_site):
    html = evil_site.html("plan")
    assert "Summary &lt;script&gt;" in html
    assert "Good &lt;script&gt;" in html  # the CSV label in the table and the chart


def test_exports_keep_text_as_data(evil_site):
    data = json.loads((evil_site.site / "plan/progress/outcomes.json").read_text(encoding="utf-8"))
    assert EVIL in json.dumps(data, ensure_ascii=False)  # JSON is data: valid, and the text is exact
    rows = list(csv.reader(io.StringIO((evil_site.site / "plan/progress/outcomes.csv").read_text(encoding="utf-8"))))
    assert any(f"Action {EVIL}" in row for row in rows)


def test_no_inline_event_handlers_anywhere(evil_site):
    offenders = [str(p.relative_to(evil_site.site)) for p in evil_site.site.rglob("*.html") if INLINE_HANDLER.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# --- property-based: parsers never fail with anything but our own error ----------------

@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_yaml_parser_only_raises_source_errors(text):
    from pathlib import Path

    try:
        data = parse_yaml(text, Path("x.yml"))
    except SourceError as error:
        assert error.line is None or error.line >= 1
        return
    node = Node(Path("x.yml"), data, 1)
    try:
        for item in node.items("a list"):
            item.check_keys(["a"], ["a"])
    except SourceError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_split_only_raises_source_errors(text):
    from pathlib import Path

    try:
        split_front_matter("---\n" + text + "\n---\nBody\n", Path("p.md"))
    except SourceError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=20), max_size=10), st.text(max_size=400))
def test_glossary_matcher_finds_only_whole_known_forms(terms, text):
    glossary = Glossary([Term(t, "m") for t in terms if t.strip()])
    for match in glossary.find(text):
        assert 0 <= match.start < match.end <= len(text)
        assert glossary.lookup(text[match.start:match.end]) is match.term


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(chart_csv=chart_csvs(), markdown=st.text(max_size=200))
def test_hostile_csv_and_random_markdown_never_crash_the_build(site, chart_csv, markdown):
    csv_text, _hostile = chart_csv
    site.write("content/plan/index.md", "---\ntitle: P\ntype: strategy\nstatus: published\npublished: 2018-07-02\n---\n\n"
               + markdown.replace("\r", "") + "\n\n/// chart | C\ndata: r.csv\ntype: line\n///\n")
    (site.root / "content/plan/r.csv").write_text(csv_text, encoding="utf-8")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert "Traceback" not in result.log
