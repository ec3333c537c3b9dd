"""Print docs/options.md from the plugin's typed option classes (their docstrings are the docs).

    .venv/bin/python docs/options.py > docs/options.md

tests/test_docs.py fails when docs/options.md is out of date.
"""

from __future__ import annotations

import ast
import inspect
import sys

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs_easyread.config import PluginConfig


def attribute_docs(cls: type) -> dict[str, str]:
    """Docstrings written under class attributes, as mkdocstrings reads them."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body
    docs = {}
    for node, following in zip(body, body[1:]):
        if isinstance(node, ast.Assign) and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            docs[node.targets[0].id] = " ".join(str(following.value.value).split())
    return docs


def default_of(option: c.BaseConfigOption) -> str:
    if isinstance(option, c.SubConfig):
        return ""
    default = getattr(option, "default", None)
    if isinstance(option, c.Optional):
        default = option.option.default
    return "" if default is None else f"`{default!r}`".replace("True", "true").replace("False", "false")


def rows(cls: type[Config], prefix: str = "") -> list[str]:
    docs = attribute_docs(cls)
    lines = []
    for name, option in cls._schema:
        key = f"{prefix}{name}"
        if isinstance(option, c.SubConfig):
            lines.append(f"| `{key}` | | {docs.get(name, '')} |")
            lines.extend(rows(option.config_class, f"{key}."))
        else:
            lines.append(f"| `{key}` | {default_of(option)} | {docs.get(name, '')} |")
    return lines


def main() -> None:
    out = [
        "# Options",
        "",
        "Every option of the `easyread` plugin, with its default. Generated from the option",
        "classes by `docs/options.py`; do not edit by hand.",
        "",
        "| option | default | what it does |",
        "|---|---|---|",
        *rows(PluginConfig),
        "",
    ]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
