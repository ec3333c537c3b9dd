"""The documentation stays true to the code."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_options_reference_is_current():
    generated = subprocess.run([sys.executable, "docs/options.py"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert (REPO / "docs/options.md").read_text(encoding="utf-8") == generated, "run: .venv/bin/python docs/options.py > docs/options.md"


def test_every_option_has_a_description():
    text = (REPO / "docs/options.md").read_text(encoding="utf-8")
    undocumented = [line for line in text.splitlines() if line.startswith("| `") and line.rstrip().endswith("|  |")]
    assert undocumented == []


def test_readme_names_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
