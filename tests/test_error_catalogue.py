"""The guide's error catalogue (docs/errors.yml -> docs/guide/reference/errors.md) covers every message.

The extractor (docs/errors.py) reads the message templates from the plugin's code; these tests check
the catalogue against it, and check the extractor against real builds: every warning a build prints
must match a template the extractor found.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from functools import cache

import pytest
from conftest import REPO


def _load_docs_errors():
    """docs/errors.py, under a name of its own (the plugin has an `errors` module too)."""
    spec = importlib.util.spec_from_file_location("easyread_error_catalogue", REPO / "docs" / "errors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


catalogue = _load_docs_errors()

FIX_IT = "edit docs/errors.yml, then run: .venv/bin/python docs/errors.py"


@cache
def found() -> tuple[catalogue.Found, ...]:
    return tuple(catalogue.Extractor().all())


@cache
def templates() -> frozenset[str]:
    return frozenset(f.template for f in found() if f.template is not None)


@cache
def entries() -> tuple[dict, ...]:
    return tuple(catalogue.load_catalogue()["messages"])


def sample(template: str) -> str:
    return re.sub(r"‹[^›]*›", "x", template)


@cache
def specific_patterns() -> dict[str, re.Pattern[str]]:
    """Templates that match no other template's text: a warning matched by one of these was not
    matched by accident (`‹key› must be text; got ‹value›` would also match a missed message)."""
    patterns = {t: catalogue.pattern(t) for t in templates()}
    return {t: p for t, p in patterns.items()
            if not any(u != t and p.fullmatch(sample(u)) for u in templates())}


LOCATION = r"[^:\s][^:]*(?::\d+)?: "  # content/plan/index.md:3: (the line is left out for a whole file)


def unmatched(lines: list[str], patterns: dict[str, re.Pattern[str]] | None = None) -> list[str]:
    """The warning lines (`path:line: message`) that match no specific template from the code."""
    chosen = specific_patterns() if patterns is None else patterns
    return [line for line in lines
            if not any(re.fullmatch(LOCATION + p.pattern, line, re.DOTALL) for p in chosen.values())]


# --- the catalogue against the code -------------------------------------------------------------

def test_every_message_in_the_code_has_an_entry():
    written = {e["message"] for e in entries()}
    missing = sorted(templates() - written)
    assert missing == [], f"messages with no entry in docs/errors.yml ({FIX_IT}):\n" + "\n".join(missing)


def test_no_entry_is_stale():
    stale = [e["message"] for e in entries() if e["message"] not in templates()]
    assert stale == [], "entries in docs/errors.yml whose message is no longer in the code:\n" + "\n".join(stale)


def test_each_message_has_one_entry_with_a_cause_a_fix_and_a_section():
    sections = {s["key"] for s in catalogue.load_catalogue()["sections"]}
    messages = [e["message"] for e in entries()]
    assert len(messages) == len(set(messages)), "a message is in docs/errors.yml twice"
    incomplete = [e["message"] for e in entries()
                  if not str(e.get("cause", "")).strip() or not str(e.get("fix", "")).strip()
                  or e.get("section") not in sections or e.get("kind", "warning") not in catalogue.KINDS]
    assert incomplete == []


def test_suggestions_are_marked_as_suggestions():
    in_code = {f.template for f in found() if f.suggestion}
    in_catalogue = {e["message"] for e in entries() if e.get("kind") == "suggestion"}
    assert in_code == in_catalogue


def test_no_message_is_left_unresolved():
    """A message the extractor cannot read must be listed under passes_on (it prints another message)."""
    listed = set(catalogue.load_catalogue()["passes_on"])
    unresolved = {f.where: f"{f.file}:{f.line}" for f in found() if f.template is None}
    new = sorted(f"{line}: {where}" for where, line in unresolved.items() if where not in listed)
    assert new == [], "messages the extractor cannot read; make them literal or f-strings, or add their where key under passes_on in docs/errors.yml:\n" + "\n".join(new)
    assert sorted(listed - set(unresolved)) == [], "passes_on keys in docs/errors.yml no longer in the code"


def test_the_page_is_current():
    expected = catalogue.page(catalogue.load_catalogue())
    assert catalogue.PAGE.read_text(encoding="utf-8") == expected, FIX_IT
    check = subprocess.run([sys.executable, "docs/errors.py", "--check"], cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_the_extractor_reads_every_call_form():
    """One template for each way a message is written, so that a regression in the extractor shows here."""
    expected = [
        "‹key› appears twice in the same block; each key may appear once",  # _BadValue.at, f-string
        "file not found",  # SourceError, a literal
        "this is a link to a file outside the project, so it is not read or published; copy the file into the project instead",  # a module constant
        "row has no picture: \"‹…›\"; start it with a picture with alt text, like ![A bus](picture:travel), or an icon, like :material-bus:",  # Issue, implicit concatenation
        "easy_read is false but ‹…›/‹slug›/ has easy-read pages; set easy_read: true",  # a parameter, from the callers
        "a quoted value starts on this line and its closing quote is missing; close the quote where the value ends (a quote inside a value is written twice: \"\")",  # SourceError(path, *found)
        "the PDF logo '‹chosen›' is not a file of the site: put the picture in the docs folder and set `logo:` under `pdf:` to its path relative to the docs folder (e.g. assets/logo.svg)",  # CONSTANT.format(...)
        "easyread publish gate: ‹blocked›. Fix them, or set the status to draft.",  # PluginError, "..." + x + "..."
        "the aliases (*name) here expand to more than 250,000 values; write the values out instead of repeating aliases",  # a constant written out
    ]
    assert [t for t in expected if t not in templates()] == []


# --- the extractor against real builds ----------------------------------------------------------

FRONT_MATTER = "title: {title}\ntype: strategy\nstatus: draft\npublished: 2018-07-02\nsummary: A short summary.\n"
OUTCOMES = """
    outcomes:
      - id: O1
        title: People are safe
        {extra}
        measures:
          - More people feel safe
        actions:
          - id: A1
            title: Start a group
            owner: Adult Social Services
            due: 2019-12-31
            updates:
              - date: 2018-10-01
                status: {status}
    """
# One mistake of each kind a council makes, each from a different call form in the code.
MISTAKES = {
    "unknown front-matter key 'sumary'": "node.error in a loop, f-string",
    "'title' appears twice in the same block": "_BadValue.at",
    "is in the glossary twice": "item.error",
    "row has no picture": "Issue, implicit concatenation, passed on by Finding",
    "semicolon;": "Issue, a literal",
    "easy_read is false but": "a parameter, resolved from its callers",
    "'n/a' in column Days": "SourceError with helper results",
    "closing quote is missing": "SourceError(path, *found)",
    "will not run": "a helper's return value",
    "status 'finished' is not known": "node.error with a join",
    "does not number its paragraphs": "a name assigned before the call",
    "this is a link to a file outside the project": "a module constant",
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    from conftest import Site

    root = tmp_path_factory.mktemp("bad")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("plan", FRONT_MATTER.format(title="Plan") + "sumary: A typo.\n")
    site.publication("twice", FRONT_MATTER.format(title="Twice") + "title: Twice again\n")
    site.write("content/glossary.yml", """
        - term: care plan
          means: A written plan of the help you get.
        - term: Care Plan
          means: The same term again.
        """)
    site.publication("easy", FRONT_MATTER.format(title="Easy") + "easy_read: true\n")
    site.write("easyread/easy/index.md", """
        ---
        title: Easy
        ---

        This row has words but no picture.

        :material-bus: We will help you to get a bus; it is free.
        """)
    site.publication("none", FRONT_MATTER.format(title="None") + "easy_read: false\n")
    site.write("easyread/none/index.md", "---\ntitle: None\n---\n\n:material-bus: A row.\n")
    site.publication("charts", FRONT_MATTER.format(title="Charts"), """
        /// chart | Waiting times
        data: waiting.csv
        ///

        /// chart | Quotes
        data: quotes.csv
        ///

        <script>alert("hello")</script>
        """)
    site.write("content/charts/waiting.csv", "Month,Days\nApril,12\nMay,n/a\n")
    site.write("content/charts/quotes.csv", 'Month,Days\n"April,12\nMay,3\n')
    site.publication("actions", FRONT_MATTER.format(title="Actions"))
    site.write("content/actions/outcomes.yml", OUTCOMES.format(extra="", status="finished"))
    site.publication("cited", FRONT_MATTER.format(title="Cited"))
    site.write("content/cited/outcomes.yml", OUTCOMES.format(extra="paragraph: 13", status="underway"))
    outside = root.parent / f"{root.name}-outside.csv"
    outside.write_text("Month,Days\nApril,12\n", encoding="utf-8")
    (root / "content" / "charts" / "linked.csv").symlink_to(outside)
    return site.build()


def test_every_warning_of_a_bad_build_matches_a_template_from_the_code(bad_build):
    assert unmatched(bad_build.warnings) == [], bad_build.log
    # the build met each kind of mistake, so this test cannot pass by printing fewer warnings
    printed = "\n".join(bad_build.warnings)
    assert [words for words in MISTAKES if words not in printed] == [], bad_build.log


def test_a_message_the_extractor_missed_would_be_caught(bad_build):
    """Leave one template out, as if the extractor had missed its call form: a warning goes unmatched."""
    kept = {t: p for t, p in specific_patterns().items() if not t.startswith("row has no picture")}
    missed = unmatched(bad_build.warnings, kept)
    assert missed and all("row has no picture" in line for line in missed)


def test_every_suggestion_matches_a_template_from_the_code(site):
    site.publication("easy", FRONT_MATTER.format(title="Easy") + "easy_read: true\n")
    site.write("easyread/easy/index.md", """
        ---
        title: Easy
        ---

        :material-bus: We have responsibilities. You can ask us. We will call you. We will visit you. We will write to you. We will help.
        """)
    result = site.build()
    lines = [s.removeprefix("suggestion: ") for s in result.suggestions]
    assert any("syllables" in line for line in lines) and any("sentences beside each picture" in line for line in lines), result.suggestions
    assert unmatched(lines) == []


@pytest.mark.parametrize("options, printed", [
    ({"pdf": {"enabled": "maybe"}}, "expected true or false, got 'maybe'"),
    ({"news": {"url": "../press"}}, "easyread: option news.url '../press' must be a folder name such as news or press-releases"),
])
def test_option_errors_match_a_template_from_the_code(site, options, printed):
    site.plugin_options().update(options)
    site.publication("plan")
    result = site.build()
    shown = f"{result.error}\n{result.log}"
    assert not result.ok and printed in shown, shown
    assert any(p.fullmatch(printed) for p in specific_patterns().values())
