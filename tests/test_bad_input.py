"""Every mistake a council can make in every source: one clear message with file and line, never a traceback.

Each case writes one broken file into an otherwise good site and checks that
the strict build fails with a warning that starts with ``<file>:<line>:``,
names the bad value, and says what was expected; and that without --strict
the other publications still build.
"""

from __future__ import annotations

import pytest

GOOD_INDEX = "---\ntitle: Good\ntype: strategy\nstatus: published\npublished: 2018-07-02\n---\n\nFine.\n"
CHART_PAGE = "---\ntitle: Data\n---\n\n/// chart | Ratings\ndata: {data}\ntype: {type}\n///\n"
OUTCOMES = """outcomes:
  - id: O1
    title: Being safe
    measures: [More people feel safe]
    actions:
      - id: A1.1
        title: Write the plan
        owner: The board
        due: {due}
        updates:
          - date: 2018-10-01
            status: {status}
"""

# id: (files to write, expected warning prefix, fragments the message must contain)
CASES = {
    "front matter: unknown key": ({"content/plan/index.md": "---\ntitle: T\ntype: strategy\nstatus: published\npublished: 2018-07-02\ncolour: red\n---\n"}, "content/plan/index.md:6:", ["'colour'", "expected one of"]),
    "front matter: unknown status": ({"content/plan/index.md": "---\ntitle: T\ntype: strategy\nstatus: Published!\npublished: 2018-07-02\n---\n"}, "content/plan/index.md:4:", ["'Published!'", "draft, consultation, published, archived"]),
    "front matter: bad date": ({"content/plan/index.md": "---\ntitle: T\ntype: strategy\nstatus: published\npublished: 4th September 2018\n---\n"}, "content/plan/index.md:5:", ["'4th September 2018'", "2018-07-02"]),
    "front matter: tab": ({"content/plan/index.md": "---\ntitle: T\n\ttype: strategy\n---\n"}, "content/plan/index.md:3:", ["tab"]),
    "front matter: unclosed bracket": ({"content/plan/index.md": "---\ntitle: [T\ntype: strategy\n---\n"}, "content/plan/index.md:", ["broken YAML"]),
    "front matter: wrong type": ({"content/plan/index.md": "---\ntitle: [a, b]\ntype: strategy\nstatus: published\npublished: 2018-07-02\n---\n"}, "content/plan/index.md:2:", ["'title' must be text"]),
    "front matter: duplicate key": ({"content/plan/index.md": "---\ntitle: T\ntitle: U\ntype: strategy\n---\n"}, "content/plan/index.md:3:", ["'title' appears twice"]),
    "front matter: empty index": ({"content/plan/index.md": ""}, "content/plan/index.md:", ["missing 'type'"]),
    "chapter: not UTF-8": ({"content/plan/index.md": GOOD_INDEX, "content/plan/latin.md": b"---\ntitle: Caf\xe9\n---\n"}, "content/plan/latin.md:2:", ["not UTF-8"]),
    "index: not UTF-8": ({"content/plan/index.md": b"---\ntitle: Caf\xe9\n---\n"}, "content/plan/index.md:2:", ["not UTF-8"]),
    "glossary: duplicate term": ({"content/glossary.yml": "- term: care\n  means: Help.\n- term: CARE\n  means: Again.\n"}, "content/glossary.yml:3:", ["'CARE'", "twice"]),
    "glossary: missing means": ({"content/glossary.yml": "- term: care\n"}, "content/glossary.yml:1:", ["missing 'means'"]),
    "glossary: empty file": ({"content/glossary.yml": ""}, "content/glossary.yml:1:", ["glossary is empty", "add terms"]),
    "glossary: unclosed bracket": ({"content/glossary.yml": "- term: care\n  also: [caring, carer\n  means: Help.\n"}, "content/glossary.yml:2:", ["'['", "not closed"]),
    "front matter: never closed": ({"content/plan/index.md": "---\ntitle: T\ntype: strategy\nstatus: published\n\nWords.\n"}, "content/plan/index.md:1:", ["not closed", "---"]),
    "front matter: year 2999": ({"content/plan/index.md": GOOD_INDEX.replace("2018-07-02", "2999-07-02")}, "content/plan/index.md:5:", ["2999-07-02", "between 1900 and 2200"]),
    "front matter: year 0001": ({"content/plan/index.md": GOOD_INDEX.replace("2018-07-02", "0001-07-02")}, "content/plan/index.md:5:", ["0001-07-02", "between 1900 and 2200"]),
    "front matter: missing template": ({"content/plan/index.md": GOOD_INDEX.replace("published: 2018-07-02", "published: 2018-07-02\ntemplate: nothere.html")}, "content/plan/index.md:6:", ["'nothere.html'", "main.html"]),
    "front matter: template outside the theme": ({"content/plan/index.md": GOOD_INDEX, "content/plan/ch.md": "---\ntitle: C\ntemplate: ../../../../etc/passwd\n---\n"}, "content/plan/ch.md:3:", ["not one of the theme's page templates"]),
    "front matter: control character": ({"content/plan/index.md": GOOD_INDEX.replace("title: Good", 'title: "Go\\u0007od"')}, "content/plan/index.md:2:", ["U+0007", "delete it"]),
    "chapter: broken front matter": ({"content/plan/ch.md": "---\ntitle: [C\n---\n\nWords.\n"}, "content/plan/ch.md:2:", ["'['", "not closed"]),
    "outcomes: due in 2999": ({"content/plan/outcomes.yml": OUTCOMES.format(due="2999-03-31", status="underway")}, "content/plan/outcomes.yml:9:", ["between 1900 and 2200"]),
    "outcomes: update in 0001": ({"content/plan/outcomes.yml": OUTCOMES.format(due="2019-03-31", status="underway").replace("2018-10-01", "0001-10-01")}, "content/plan/outcomes.yml:11:", ["between 1900 and 2200"]),
    "glossary: not a list": ({"content/glossary.yml": "care: Help.\n"}, "content/glossary.yml:1:", ["must be a list"]),
    "glossary: not UTF-8": ({"content/glossary.yml": b"- term: caf\xe9\n  means: x\n"}, "content/glossary.yml:1:", ["not UTF-8"]),
    "outcomes: status typo": ({"content/plan/outcomes.yml": OUTCOMES.format(due="2019-03-31", status="in progress")}, "content/plan/outcomes.yml:12:", ["'in progress'", "underway"]),
    "outcomes: bad due date": ({"content/plan/outcomes.yml": OUTCOMES.format(due="31/03/2019", status="underway")}, "content/plan/outcomes.yml:9:", ["31/03/2019"]),
    "outcomes: duplicate id": ({"content/plan/outcomes.yml": OUTCOMES.format(due="2019-03-31", status="underway") + "  - id: O1\n    title: Again\n    measures: [x]\n    actions: []\n"}, "content/plan/outcomes.yml:13:", ["'O1'"]),
    "outcomes: dangling recommendation": ({"content/plan/outcomes.yml": OUTCOMES.format(due="2019-03-31", status="underway").replace("        owner: The board\n", "        owner: The board\n        recommendations: [R9]\n")}, "content/plan/outcomes.yml:9:", ["'R9'"]),
    "outcomes: broken YAML": ({"content/plan/outcomes.yml": "outcomes:\n  - id: [O1\n"}, "content/plan/outcomes.yml:", ["broken YAML"]),
    "csv: missing file": ({"content/plan/data.md": CHART_PAGE.format(data="nowhere.csv", type="bar")}, "content/plan/data.md:", ["nowhere.csv"]),
    "csv: not a number": ({"content/plan/data.md": CHART_PAGE.format(data="r.csv", type="bar"), "content/plan/r.csv": "Rating,Services\nGood,12\nOutstanding,n/a\n"}, "content/plan/r.csv:3:", ["'n/a'"]),
    "csv: empty": ({"content/plan/data.md": CHART_PAGE.format(data="r.csv", type="bar"), "content/plan/r.csv": ""}, "content/plan/", ["empty"]),
    "csv: not UTF-8": ({"content/plan/data.md": CHART_PAGE.format(data="r.csv", type="bar"), "content/plan/r.csv": b"Rating,Services\nCaf\xe9,12\n"}, "content/plan/r.csv:", ["UTF-8"]),
    "csv: path escapes the site": ({"content/plan/data.md": CHART_PAGE.format(data="../../../etc/passwd.csv", type="bar")}, "content/plan/data.md:", ["outside"]),
    "csv: absolute path": ({"content/plan/data.md": CHART_PAGE.format(data="/etc/ratings.csv", type="bar")}, "content/plan/data.md:", ["relative"]),
    "chart: unknown type": ({"content/plan/data.md": CHART_PAGE.format(data="r.csv", type="pie"), "content/plan/r.csv": "Rating,Services\nGood,12\n"}, "content/plan/data.md:", ["'pie'", "bar"]),
    "easy read: unknown key": ({"easyread/plan/index.md": "---\ntitle: T\nchecked: yes\n---\n\n:material-home: We help you.\n"}, "easyread/plan/index.md:3:", ["'checked'", "checked_by"]),
    "easy read: broken front matter": ({"easyread/plan/index.md": "---\ntitle: [T\n---\n\n:material-home: We help you.\n"}, "easyread/plan/index.md:", ["broken YAML"]),
    "easy read: not UTF-8": ({"easyread/plan/index.md": b"---\ntitle: T\n---\n\n:material-home: Caf\xe9.\n"}, "easyread/plan/index.md:5:", ["not UTF-8"]),
    "easy read: picture without alt": ({"easyread/plan/index.md": "---\ntitle: T\n---\n\n![](x.svg) We help you.\n"}, "easyread/plan/index.md:5:", ["alt"]),
}


def write_all(site, files: dict[str, str | bytes]) -> None:
    if "content/plan/index.md" not in files:
        site.write("content/plan/index.md", GOOD_INDEX)
    for path, text in files.items():
        if isinstance(text, bytes):
            target = site.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text)
        else:
            site.write(path, text)


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_mistake_is_reported_with_file_line_and_expectation(site, case):
    files, prefix, fragments = CASES[case]
    write_all(site, files)
    site.publication("other")
    result = site.build()
    assert "Traceback" not in result.log and "Traceback" not in result.error
    assert not result.ok, result.log
    matching = [w for w in result.warnings if w.startswith(prefix)]
    assert matching, f"no warning starting {prefix!r}:\n{result.log}"
    assert any(all(f in w for f in fragments) for w in matching), matching


@pytest.mark.parametrize("case", [c for c in CASES if CASES[c][1]], ids=[c for c in CASES if CASES[c][1]])
def test_other_publications_still_build_without_strict(site, case):
    files, _, _ = CASES[case]
    write_all(site, files)
    site.publication("other")
    result = site.build(strict=False)
    assert result.ok, result.error
    assert "Traceback" not in result.log
    assert (result.site / "other/index.html").exists()


@pytest.mark.parametrize("options, expected", [
    ({"organisation": ["a", "b"]}, "organisation"),
    ({"alternative_formats": {"fax": "123"}}, "fax"),
    ({"pdf": {"concurrency": "many"}}, "concurrency"),
    ({"easy_read": {"checker": {"max_sentence_words": "fifteen"}}}, "max_sentence_words"),
])
def test_bad_plugin_options_are_named_without_traceback(site, options, expected):
    site.plugin_options().update(options)
    site.publication("plan")
    process = site.run("build", "--strict")
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert expected in output
    assert "Traceback" not in output


@pytest.mark.parametrize("option, value", [("easy_read_dir", "../../outside"), ("glossary_file", "../../etc/glossary.yml")])
def test_option_paths_must_stay_inside_the_project(site, option, value):
    site.plugin_options()[option] = value
    site.publication("plan")
    process = site.run("build", "--strict")
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert option in output and "inside" in output
    assert "Traceback" not in output


def test_symlink_out_of_the_tree_is_refused(site, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text("Rating,Services\nGood,12\n")
    site.write("content/plan/index.md", GOOD_INDEX)
    site.write("content/plan/data.md", CHART_PAGE.format(data="link.csv", type="bar"))
    (site.root / "content/plan/link.csv").symlink_to(outside)
    result = site.build()
    assert not result.ok
    assert any(w.startswith("content/plan/data.md:") and "outside" in w for w in result.warnings), result.log
