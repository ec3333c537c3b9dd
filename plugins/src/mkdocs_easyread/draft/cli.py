"""The `easyread` command line (being written)."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    raise SystemExit("easyread: not ready yet")
