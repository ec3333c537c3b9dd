"""liblouis, the braille translator of NVDA, JAWS and BRLTTY, through its `lou_translate` command.

liblouis is not on PyPI; a council installs Debian's `liblouis-bin` and `liblouis-data`. Its ASCII
output uses lower-case letters and `` ` { | } ~ ``; a Braille-ready file uses the 64 characters
0x20 to 0x5F of North American ASCII braille, so those are folded to their upper-case forms (the same cells).
"""

from __future__ import annotations

import functools
import re
import subprocess
from shutil import which

COMMAND = "lou_translate"
INSTALL = "sudo apt-get install liblouis-bin liblouis-data"
TIMEOUT = 600
TABLES = {  # (language, grade) -> liblouis table
    ("en", 2): "en-ueb-g2.ctb",
    ("en", 1): "en-ueb-g1.ctb",
    ("cy", 2): "cy-cy-g2.ctb",
    ("cy", 1): "cy-cy-g1.utb",
}
LOWER_CASE_FORMS = str.maketrans({code: code - 0x20 for code in range(0x60, 0x7F)})
NOT_ASCII_BRAILLE = re.compile(r"[^\x20-\x5F]")


def find() -> str | None:
    """The path of `lou_translate`, or None when liblouis is not installed."""
    return which(COMMAND)


def table_for(language: str, grade: int) -> str:
    """Welsh braille for Welsh publications, Unified English Braille for all others."""
    primary = language.replace("_", "-").split("-")[0].lower()
    return TABLES.get((primary, grade), TABLES[("en", grade)])


@functools.cache
def version(command: str) -> str:
    """'lou_translate (Liblouis) 3.24.0': part of every Braille-ready file's cache key."""
    try:
        result = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except OSError as error:
        return f"unknown ({error})"
    return (result.stdout.splitlines() or ["unknown"])[0]


def translate(lines: list[str], table: str, command: str = COMMAND) -> list[str]:
    """Each line in braille (liblouis translates line by line), as ASCII braille."""
    if not lines:
        return []
    result = subprocess.run(
        [command, table], input="\n".join(lines) + "\n", capture_output=True, encoding="utf-8",
        errors="replace", timeout=TIMEOUT, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{COMMAND} {table} failed: {result.stderr.strip() or result.returncode}")
    translated = result.stdout.split("\n")[: len(lines)]
    if len(translated) != len(lines):
        raise RuntimeError(f"{COMMAND} {table} returned {len(translated)} lines for {len(lines)}")
    return [ascii_braille(line) for line in translated]


def ascii_braille(text: str) -> str:
    return NOT_ASCII_BRAILLE.sub("", text.translate(LOWER_CASE_FORMS))
