"""The guide's error catalogue: every message the easyread plugin can print, with its cause and fix.

    .venv/bin/python docs/errors.py --list     # every message template found in the plugin's code
    .venv/bin/python docs/errors.py            # write docs/guide/reference/errors.md from docs/errors.yml
    .venv/bin/python docs/errors.py --check    # exit 1 when that page is out of date

Templates are read from the code with `ast`: the message argument of every call that makes a
user-facing message (SourceError, node.error, _BadValue.at, Issue, Finding, Problem,
ValidationError, PluginError, DraftError, log.warning). Literals, f-strings, `+`, `a if b else c`,
names assigned in the function, module constants (imported too), `CONSTANT.format(...)`, the return
values of helper functions and the arguments callers in the same module give a parameter are all
followed. An f-string placeholder becomes ‹name›; a module constant is written out. A message the
extractor cannot read (another error's message passed on, a parameter with no caller in its module)
is listed as UNRESOLVED with its `where` key: docs/errors.yml names each under `passes_on`.
tests/test_error_catalogue.py fails when a template has no entry or an unresolved message is not named.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parent
PACKAGE = DOCS.parent / "plugins" / "src" / "mkdocs_easyread"
CATALOGUE = DOCS / "errors.yml"
PAGE = DOCS / "guide" / "reference" / "errors.md"
WHOLE = "…"

# Callee name -> (position of the message argument, its keyword). Attribute calls (x.error) and
# plain calls (SourceError) are matched by the last name of the callee.
MESSAGE_CALLS: dict[str, tuple[int, str | None]] = {
    "SourceError": (2, "message"),
    "error": (0, "message"),  # node.error(message, key) in sources.Node; log.error is not used
    "at": (1, "message"),  # _BadValue.at(node, message)
    "Issue": (2, "message"),
    "Finding": (3, "message"),
    "ValidationError": (0, None),
    "PluginError": (0, None),
    "DraftError": (0, None),
    "Problem": (2, "message"),  # a reference a PDF left out (pdf/jobs.py)
    "ConfigurationError": (0, None),  # not used today: MkDocs prints these too
    "Abort": (0, None),
    "warning": (0, None),  # log.warning
}


@dataclass(frozen=True)
class Found:
    """One message made in the code: a template, or (when unresolved) the argument as written."""

    file: str  # relative to the package, e.g. sources.py
    line: int
    function: str
    template: str | None
    argument: str
    suggestion: bool = False  # Issue(..., suggestion=True): listed only with --verbose

    @property
    def where(self) -> str:
        return f"{self.file}:{self.function}: {self.argument}"


class Unresolved(Exception):
    pass


class Module:
    """One source file: its module-level constants, functions and imported names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.relative_to(PACKAGE).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants: dict[str, ast.expr] = {}
        self.functions: dict[str, ast.FunctionDef] = {}
        self.imports: dict[str, tuple[str, str]] = {}  # local name -> (module file, name there)
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.constants[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.constants[node.target.id] = node.value
            elif isinstance(node, ast.FunctionDef):
                self.functions[node.name] = node
            elif isinstance(node, ast.ImportFrom) and node.level:
                target = _relative_module(self.name, node.module or "", node.level)
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (target, alias.name)


def _relative_module(importer: str, module: str, level: int) -> str:
    parts = importer.split("/")[:-1]
    parts = parts[: len(parts) - (level - 1)] + ([*module.split(".")] if module else [])
    return "/".join(parts) + ".py"


class Extractor:
    def __init__(self, package: Path = PACKAGE) -> None:
        self.modules = {m.name: m for m in (Module(p) for p in sorted(package.rglob("*.py")))}

    def all(self) -> list[Found]:
        found: list[Found] = []
        for module in self.modules.values():
            for function, call in _calls(module.tree):
                argument = _message_argument(call)
                if argument is not None:
                    found.extend(self._found(module, function, call, argument))
        return found

    def _found(self, module: Module, function: ast.AST | None, call: ast.Call, argument: ast.expr) -> list[Found]:
        name = getattr(function, "name", "<module>")
        text = ast.unparse(argument)
        suggestion = any(k.arg == "suggestion" and isinstance(k.value, ast.Constant) and k.value.value is True for k in call.keywords)
        try:
            if isinstance(argument, ast.Starred):
                templates = self._element(module, function, argument.value, _starred_index(call), depth=0)
            else:
                templates = self.templates(module, function, argument, depth=0)
        except Unresolved:
            return [Found(module.name, call.lineno, name, None, text, suggestion)]
        return [Found(module.name, call.lineno, name, t, text, suggestion) for t in dict.fromkeys(templates) if t.strip()]

    def _element(self, module: Module, function: ast.AST | None, node: ast.expr, index: int, depth: int) -> list[str]:
        """The texts at `index` of a tuple the expression can be: SourceError(path, *found)."""
        if depth > 6:
            raise Unresolved
        if isinstance(node, ast.Tuple):
            return self.templates(module, function, node.elts[index], depth + 1)
        if isinstance(node, ast.Constant) and node.value is None:
            return []
        if isinstance(node, ast.Name) and function is not None:
            values = _assigned(function, node.id)
            if values:
                return [t for value in values for t in self._element(module, function, value, index, depth + 1)]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            helper, home = self._function(module, node.func.id)
            if helper is not None:
                returns = [n.value for n in ast.walk(helper) if isinstance(n, ast.Return) and n.value is not None]
                return [t for value in returns for t in self._element(home, helper, value, index, depth + 1)]
        raise Unresolved

    def templates(self, module: Module, function: ast.AST | None, node: ast.expr, depth: int) -> list[str]:
        """Every text the expression can be, with placeholders; Unresolved when it cannot be read."""
        if depth > 6:
            raise Unresolved
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            return self._joined(module, function, node.values, depth)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._joined(module, function, [node.left, node.right], depth)
        if isinstance(node, ast.IfExp):
            return self.templates(module, function, node.body, depth + 1) + self.templates(module, function, node.orelse, depth + 1)
        if isinstance(node, ast.Name):
            return self._name(module, function, node.id, depth)
        if isinstance(node, ast.Call):
            return self._call(module, function, node, depth)
        raise Unresolved

    def _joined(self, module: Module, function: ast.AST | None, parts: list[ast.expr], depth: int) -> list[str]:
        results = [""]
        for part in parts:
            if isinstance(part, ast.FormattedValue):
                options = self._inlined(function, module, part, depth) or [self._placeholder(module, part)]
            elif isinstance(part, (ast.Constant, ast.JoinedStr, ast.BinOp)):
                options = self.templates(module, function, part, depth + 1)
            else:
                options = [_named(part)]
            results = [before + option for before in results for option in options]
        return results

    def _inlined(self, function: ast.AST | None, module: Module, part: ast.FormattedValue, depth: int) -> list[str]:
        """{message} where `message = f"..."` just before: the text itself, not a placeholder."""
        if function is None or not isinstance(part.value, ast.Name) or part.conversion != -1 or part.format_spec:
            return []
        values = _assigned(function, part.value.id)
        if not values or not all(isinstance(v, (ast.Constant, ast.JoinedStr)) for v in values):
            return []
        return [t for value in values for t in self.templates(module, function, value, depth + 1)]

    def _placeholder(self, module: Module, part: ast.FormattedValue) -> str:
        """A module constant is written out as the reader sees it; anything else is ‹name›."""
        if isinstance(part.value, ast.Name) and part.conversion == -1:
            value = self._constant(module, part.value.id)
            if isinstance(value, (int, float, str)) and not isinstance(value, bool):
                spec = ast.unparse(part.format_spec)[2:-1] if part.format_spec else ""
                return format(value, spec)
        return _named(part.value)

    def _constant(self, module: Module, name: str) -> object:
        if name in module.constants:
            try:
                return ast.literal_eval(module.constants[name])
            except (ValueError, SyntaxError):
                return None
        if name in module.imports:
            target, there = module.imports[name]
            if target in self.modules:
                return self._constant(self.modules[target], there)
        return None

    def _name(self, module: Module, function: ast.AST | None, name: str, depth: int) -> list[str]:
        if function is not None:
            values = _assigned(function, name)
            if values:
                return [t for value in values for t in self.templates(module, function, value, depth + 1)]
            if name in {a.arg for a in ast.walk(function) if isinstance(a, ast.arg)}:
                return self._passed(module, function, name, depth)
        if name in module.constants:
            return self.templates(module, None, module.constants[name], depth + 1)
        if name in module.imports:
            target, there = module.imports[name]
            if target in self.modules:
                return self._name(self.modules[target], None, there, depth + 1)
        raise Unresolved

    def _passed(self, module: Module, function: ast.AST, name: str, depth: int) -> list[str]:
        """A parameter: the texts its callers in the same module pass; Unresolved when there are none."""
        params = [a.arg for a in function.args.args]  # type: ignore[attr-defined]
        position = params.index(name) if name in params else None
        if position is None:
            raise Unresolved
        if params and params[0] in {"self", "cls"}:
            position -= 1
        results: list[str] = []
        for caller, call in _calls(module.tree):
            func = call.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if called != function.name or caller is function:  # type: ignore[attr-defined]
                continue
            given = next((k.value for k in call.keywords if k.arg == name), None)
            if given is None and 0 <= position < len(call.args):
                given = call.args[position]
            if given is None or isinstance(given, ast.Starred):
                raise Unresolved
            results += self.templates(module, caller, given, depth + 1)
        if not results:
            raise Unresolved
        return results

    def _call(self, module: Module, function: ast.AST | None, call: ast.Call, depth: int) -> list[str]:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "format" and not call.keywords:
            formats = self.templates(module, function, func.value, depth + 1)
            names = [_named(a) for a in call.args]
            return [_fill_format(template, names) for template in formats]
        if isinstance(func, ast.Name):
            helper, home = self._function(module, func.id)
            if helper is not None:
                returns = [n.value for n in ast.walk(helper) if isinstance(n, ast.Return) and n.value is not None]
                if returns:
                    return [t for value in returns for t in self.templates(home, helper, value, depth + 1)]
        raise Unresolved

    def _function(self, module: Module, name: str) -> tuple[ast.FunctionDef | None, Module]:
        if name in module.functions:
            return module.functions[name], module
        if name in module.imports:
            target, there = module.imports[name]
            if target in self.modules:
                return self._function(self.modules[target], there)
        return None, module


def _calls(tree: ast.Module) -> list[tuple[ast.AST | None, ast.Call]]:
    """Every call in the module with the innermost function around it."""
    found: list[tuple[ast.AST | None, ast.Call]] = []

    def visit(node: ast.AST, function: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                found.append((function, child))
            visit(child, inner)

    visit(tree, None)
    return found


def _assigned(function: ast.AST, name: str) -> list[ast.expr]:
    """Every value given to `name` in the function (name = ..., name := ...)."""
    values: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            values.append(node.value)
        elif isinstance(node, ast.NamedExpr) and node.target.id == name:
            values.append(node.value)
    return values


def _starred_index(call: ast.Call) -> int:
    """Which element of the starred tuple is the message: SourceError(path, *found) -> found[1]."""
    position = MESSAGE_CALLS[_callee(call) or ""][0]
    before = next(i for i, a in enumerate(call.args) if isinstance(a, ast.Starred))
    return position - before


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _message_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name not in MESSAGE_CALLS:
        return None
    if name == "warning" and not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "log"):
        return None
    if name in {"error", "at"} and not isinstance(func, ast.Attribute):
        return None
    position, keyword = MESSAGE_CALLS[name]
    for given in call.keywords:
        if keyword and given.arg == keyword:
            return given.value
    if any(isinstance(a, ast.Starred) for a in call.args[: position + 1]):
        return next(a for a in call.args if isinstance(a, ast.Starred))
    if len(call.args) > position:
        return call.args[position]
    return ast.Name(id="<no message argument>")  # e.g. Problem(**fields): listed as unresolved, never skipped


# Calls that show a value as it is: the placeholder is named after the value.
SHOWING = {"str", "repr", "describe", "quoted_value", "isoformat", "join", "as_posix", "shown"}


def _named(node: ast.expr) -> str:
    """A short readable placeholder for an expression: ‹key›, ‹file name›, or ‹…›."""
    while isinstance(node, ast.Call) and len(node.args) <= 1 and _callee(node) in SHOWING:
        if node.args:
            node = node.args[0]
        elif isinstance(node.func, ast.Attribute):
            node = node.func.value
        else:
            break
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute):
        owner = node.value.attr if isinstance(node.value, ast.Attribute) else getattr(node.value, "id", "")
        name = "file name" if node.attr == "name" and owner == "path" else node.attr
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and node.args:
        name = f"number of {_named(node.args[0])[1:-1]}"
    else:
        name = WHOLE
    return f"‹{name.strip('_').replace('_', ' ').lower()}›"


def _fill_format(template: str, names: list[str]) -> str:
    parts = iter(names)
    return re.sub(r"\{\d*\}", lambda _: next(parts, f"‹{WHOLE}›"), template)


def pattern(template: str) -> re.Pattern[str]:
    """A template as a regular expression: each ‹placeholder› stands for any text."""
    pieces = re.split(r"‹[^›]*›", template)
    return re.compile(".*?".join(re.escape(piece) for piece in pieces), re.DOTALL)


# --- the page ---------------------------------------------------------------------------------

def load_catalogue(path: Path = CATALOGUE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


GENERATED = "<!-- Generated by docs/errors.py from docs/errors.yml: edit those, not this page. -->"


def page(catalogue: dict) -> str:
    front_matter, rest = catalogue["intro"].split("\n---\n", 1)
    out = [f"{front_matter}\n---\n", GENERATED, "", rest.strip(), ""]
    entries = catalogue["messages"]
    for section in catalogue["sections"]:
        chosen = [e for e in entries if e["section"] == section["key"]]
        if not chosen:
            continue
        out += [f"## {section['title']}", "", section["about"].strip(), ""]
        for entry in chosen:
            out += _entry(entry, section.get("example", "content/plan/index.md:3"))
    return "\n".join(out).rstrip() + "\n"


KINDS = {
    "warning": "",
    "suggestion": "This is a suggestion: it is listed only with `--verbose` and never stops a build.",
    "error": "This error stops the build.",
    "draft": "",  # the section says it once: these start with "easyread draft:"
}


def _entry(entry: dict, example: str) -> list[str]:
    prefix = entry.get("example", example)
    lines = ["```text", f"{prefix}: {entry['message']}" if prefix else entry["message"], "```", ""]
    kind = KINDS[entry.get("kind", "warning")]
    lines += [kind, ""] if kind else []
    lines += [f"**Cause:** {entry['cause'].strip()}", ""]
    fix = entry["fix"].strip()
    lines += (["**What to do:**", "", fix] if fix[:2] in {"1.", "- "} else [f"**What to do:** {fix}"]) + [""]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="list every message template in the plugin's code")
    parser.add_argument("--check", action="store_true", help="exit 1 when the page is out of date")
    options = parser.parse_args()
    if options.list:
        for found in Extractor().all():
            shown = found.template if found.template is not None else f"UNRESOLVED {found.where}"
            print(f"{found.file}:{found.line}: {shown}")
        return 0
    text = page(load_catalogue())
    if options.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != text:
            print(f"{PAGE.relative_to(DOCS.parent)} is out of date: run .venv/bin/python docs/errors.py", file=sys.stderr)
            return 1
        return 0
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
