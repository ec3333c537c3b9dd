"""The documentation stays true to the code."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO

REFERENCE = REPO / "docs/guide/reference"


def run_reference(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "docs/reference.py", *args], cwd=REPO, capture_output=True, text=True)


def table_rows(page: str) -> list[list[str]]:
    """The cells of every key or option row (the first cell is code) of a generated reference page."""
    text = (REFERENCE / page).read_text(encoding="utf-8")
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in text.splitlines() if line.startswith("| `")]


def test_generated_reference_pages_are_current():
    result = run_reference("--check")
    assert result.returncode == 0, result.stderr + "run: .venv/bin/python docs/reference.py"


def test_every_option_has_a_value_a_default_and_a_description():
    rows = table_rows("options.md")
    assert len(rows) > 60
    assert [row for row in rows if len(row) != 4 or not all(row)] == []
    assert "`easy_read.checker.max_sentence_words`" in [row[0] for row in rows]


def test_every_front_matter_key_has_a_description():
    from mkdocs_easyread.publications import frontmatter

    rows = table_rows("front-matter.md")
    keys = {row[0].strip("`") for row in rows if len(row) == 4}
    code_keys = {*frontmatter.PUBLICATION_KEYS, *frontmatter.CONTACT_KEYS, *frontmatter.EASY_READ_PAGE_KEYS, *frontmatter.THEME_KEYS}
    assert code_keys <= keys
    assert [row for row in rows if len(row) == 4 and not all(row)] == []


def test_allowed_values_come_from_the_code():
    from mkdocs_easyread.publications.model import STATUSES, TYPES

    rows = {row[0]: row for row in table_rows("front-matter.md")}
    assert all(f"`{kind}`" in rows["`type`"][1] for kind in TYPES)
    assert all(f"`{status}`" in rows["`status`"][1] for status in STATUSES)


def test_keys_and_descriptions_that_do_not_match_stop_the_generator(monkeypatch):
    sys.path.insert(0, str(REPO / "docs"))
    try:
        import reference
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(reference.fm, "CONTACT_KEYS", (*reference.fm.CONTACT_KEYS, "pager"))
    assert reference.main(["--check"]) == 2
    monkeypatch.setattr(reference.fm, "CONTACT_KEYS", ("name", "role", "phone"))  # "email" is described but gone
    assert reference.main(["--check"]) == 2


def test_readme_names_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
