"""Reading councils' source files: text, YAML with line numbers, front matter, safe paths.

Everything here turns low-level failures (bad encoding, broken YAML, a path that
leaves the site) into :class:`~mkdocs_easyread.errors.SourceError` with a line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .errors import SourceError

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# An opening line of dashes followed by "key: value": front matter whose closing line is missing.
UNCLOSED_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n|\Z)")
MAX_SOURCE_BYTES = 5_000_000
# How many values one YAML document may hold once its aliases (*name) are expanded: far more
# than any glossary or plan, far fewer than a "billion laughs" document that would exhaust memory.
MAX_YAML_VALUES = 250_000
# C0 and C1 control characters other than tab, line feed and carriage return, and the invisible
# direction controls (embeddings, overrides, isolates) that make text read differently from how it shows.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)
OUTSIDE_PROJECT = "this is a link to a file outside the project, so it is not read or published; copy the file into the project instead"
_PROJECT_ROOT: ContextVar[Path | None] = ContextVar("easyread_project_root", default=None)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's fast parser, building ruamel's CommentedMap/CommentedSeq with line numbers.

    ruamel's own round-trip parser is pure Python and about 15 times slower;
    this keeps its line-number API (``.lc``) at libyaml's speed.
    """

    may_hold_aliases = True  # an alias is written *name: text with no asterisk has none to expand


class _BadValue(Exception):
    """A problem found while building values; ``line`` is 0-based within the YAML text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message

    @classmethod
    def at(cls, node: yaml.Node, message: str) -> _BadValue:
        return cls(node.start_mark.line, message)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> CommentedMap:
    loader.flatten_mapping(node)
    result = CommentedMap()
    result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise _BadValue.at(key_node, "a key must be a word, not a list or mapping")
        if key in result:
            raise _BadValue.at(key_node, f"{key!r} appears twice in the same block; each key may appear once")
        result[key] = loader.construct_object(value_node, deep=True)
        marks = [key_node.start_mark.line, key_node.start_mark.column, value_node.start_mark.line, value_node.start_mark.column]
        result._yaml_set_kv_line_col(key, marks)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> CommentedSeq:
    result = CommentedSeq()
    result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for index, child in enumerate(node.value):
        result.append(loader.construct_object(child, deep=True))
        result._yaml_set_idx_line_col(index, [child.start_mark.line, child.start_mark.column])
    return result


def _construct_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    found = CONTROL_CHARACTER.search(text)
    if found:
        raise _BadValue.at(node, f"text holds the invisible control character U+{ord(found.group()):04X}; delete it (it often comes from copying out of another program)")
    return text


def _check_expanded_size(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand to more than MAX_YAML_VALUES values.

    Each node is sized once (aliases share the node they name), so the check is linear in the
    text even when the expansion it measures is exponential.
    """
    sizes: dict[int, int] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in started:  # only a node's own descendants are above it on the stack
                raise _BadValue.at(node, "this value contains an alias (*name) of itself; write the values out instead")
            started.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(child), 1) for child in children)
        if size > MAX_YAML_VALUES:
            raise _BadValue.at(node, f"the aliases (*name) here expand to more than {MAX_YAML_VALUES:,} values; write the values out instead of repeating aliases")
        sizes[id(node)] = size


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def expands_too_far(value: Any) -> bool:
    """True when a value parsed elsewhere (MkDocs' own front matter) shares so many lists and
    mappings through YAML aliases that writing it out would exceed MAX_YAML_VALUES values."""
    sizes: dict[int, int] = {}

    def size(item: Any, depth: int) -> int:
        if not isinstance(item, (list, dict)) or depth > 100:
            return 1
        if id(item) not in sizes:
            sizes[id(item)] = MAX_YAML_VALUES + 1  # until known: a value inside itself never ends
            children = [part for pair in item.items() for part in pair] if isinstance(item, dict) else item
            sizes[id(item)] = min(1 + sum(size(child, depth + 1) for child in children), MAX_YAML_VALUES + 1)
        return sizes[id(item)]

    return size(value, 0) > MAX_YAML_VALUES


def _get_single_data(loader: _LineLoader) -> Any:
    node = loader.get_single_node()
    if node is None:
        return None
    if loader.may_hold_aliases:
        _check_expanded_size(node)
    return loader.construct_document(node)


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> int:
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:  # Python refuses to convert very long digit strings
        raise _BadValue.at(node, "this number is far too long; write a shorter number") from None


_LineLoader.get_single_data = _get_single_data
_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
# Dates stay text so that we, not the YAML library, say what is wrong with "2018-02-30".
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def confine_sources_to(root: Path | None) -> None:
    """From now on (in this build), refuse to read any source whose real path is outside ``root``."""
    _PROJECT_ROOT.set(root.resolve() if root else None)


def outside_project(path: Path) -> bool:
    """True when ``path``, once symbolic links are followed, lies outside the project."""
    root = _PROJECT_ROOT.get()
    return root is not None and not path.resolve().is_relative_to(root)


def check_inside_project(path: Path, line: int | None = None) -> None:
    if outside_project(path):
        raise SourceError(path, line, OUTSIDE_PROJECT)


def read_text(path: Path) -> str:
    """Read a UTF-8 source file inside the project, or explain why it cannot be read."""
    try:
        check_inside_project(path)
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(path, None, f"file is {size:,} bytes; expected at most {MAX_SOURCE_BYTES:,}")
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise SourceError(path, line, "text is not UTF-8; save the file as UTF-8") from None
    except OSError as error:
        raise SourceError(path, None, f"cannot read the file ({error.strerror})") from None


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML keeping line numbers; ``first_line`` is where ``text`` starts in ``path``."""
    try:
        return _load(text)
    except _BadValue as error:
        raise SourceError(path, error.line + first_line, error.message) from None
    except yaml.MarkedYAMLError as error:
        raise _broken_yaml(error, text, path, first_line) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + first_line
        raise SourceError(path, line, f"text holds the invisible control character U+{error.character:04X}; delete it (it often comes from copying out of another program)") from None
    except yaml.YAMLError as error:
        raise SourceError(path, first_line, f"broken YAML: {error}") from None


def _load(text: str) -> Any:
    loader = _LineLoader(text)
    loader.may_hold_aliases = "*" in text
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


UNCLOSED = {
    "while parsing a flow sequence": "the list opened with '[' on this line is not closed; end it with ']'",
    "while parsing a flow mapping": "the mapping opened with '{' on this line is not closed; end it with '}'",
    "while scanning a quoted scalar": "the quotation mark on this line is not closed; end the text with the same quotation mark",
}


def _broken_yaml(error: yaml.MarkedYAMLError, text: str, path: Path, first_line: int) -> SourceError:
    """Point at the bracket or quote left open rather than where the parser gave up."""
    unclosed = UNCLOSED.get(error.context or "")
    if unclosed and error.context_mark is not None:
        return SourceError(path, error.context_mark.line + first_line, f"broken YAML: {unclosed}")
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else first_line
    problem = (error.problem or error.context or "invalid YAML").strip()
    return SourceError(path, line, f"broken YAML: {problem}{_tab_hint(text, mark)}")


def _tab_hint(text: str, mark: Any) -> str:
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
        return " (this line has a tab character; YAML needs spaces for indentation)"
    return ""


def load_yaml_file(path: Path) -> Any:
    return parse_yaml(read_text(path), path)


def split_front_matter(text: str, path: Path) -> tuple[Any, str]:
    """Return (front matter with line numbers, Markdown body) of a page's text."""
    match = FRONT_MATTER.match(text)
    if not match:
        if UNCLOSED_FRONT_MATTER.match(text):
            raise SourceError(path, 1, "the front matter that starts on this line is not closed; add a line of three dashes (---) after its last 'key: value' line")
        return CommentedMap(), text
    data = parse_yaml(match.group(1) or "", path, first_line=2)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, Mapping):
        raise SourceError(path, 2, "front matter must be a list of 'key: value' lines")
    return data, text[match.end():]


def front_matter_node(path: Path, meta: Any) -> Node:
    """A Node over front matter, whose YAML starts on line 2 of the page."""
    return Node(path, meta, 2, offset=1)


def line_of(node: Any, key: Any = None, default: int = 1) -> int:
    """1-based line of a mapping key or list item in a ruamel node (its own line without ``key``)."""
    try:
        if key is None:
            return node.lc.line + 1
        if isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        if isinstance(node, CommentedSeq):
            return node.lc.item(key)[0] + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        pass
    return default


class Node:
    """A position in a YAML document: the file, the mapping, and helpers that validate its values."""

    def __init__(self, path: Path, data: Any, line: int, offset: int = 0) -> None:
        self.path = path
        self.data = data
        self.line = line
        self.offset = offset  # added to ruamel's lines, for YAML embedded in a larger file

    def error(self, message: str, key: Any = None) -> SourceError:
        return SourceError(self.path, self.line_of(key), message)

    def line_of(self, key: Any = None) -> int:
        if key is None:
            return self.line
        return line_of(self.data, key, self.line - self.offset) + self.offset

    def child(self, key: Any) -> Node:
        value = self.data[key]
        line = line_of(value, None, 0) + self.offset if isinstance(value, (CommentedMap, CommentedSeq)) else self.line_of(key)
        if isinstance(value, (CommentedMap, CommentedSeq)) and not value:
            line = self.line_of(key)
        return Node(self.path, value, line, self.offset)

    def mapping(self, what: str) -> Node:
        if not isinstance(self.data, Mapping):
            raise SourceError(self.path, self.line, f"{what} must be a mapping of 'key: value' lines; got {describe(self.data)}")
        return self

    def items(self, what: str) -> list[Node]:
        if self.data is None:
            return []
        if not isinstance(self.data, list):
            raise SourceError(self.path, self.line, f"{what} must be a list (lines starting with '- '); got {describe(self.data)}")
        nodes = []
        for index, value in enumerate(self.data):
            line = line_of(self.data, index, self.line - self.offset) + self.offset
            nodes.append(Node(self.path, value, line, self.offset))
        return nodes

    def check_keys(self, allowed: Iterable[str], required: Iterable[str] = (), what: str = "entry") -> list[SourceError]:
        """Errors for unknown and missing keys (unknown keys do not stop validation)."""
        self.mapping(what)
        allowed = list(allowed)
        errors = []
        for key in self.data:
            if key not in allowed:
                errors.append(self.error(f"unknown key {str(key)!r} in {what}; expected one of: {', '.join(allowed)}", key))
        for key in required:
            if key not in self.data or self.data[key] in (None, ""):
                errors.append(self.error(f"{what} is missing '{key}'"))
        return errors

    def text(self, key: str, what: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(f"{what} is missing '{key}'")
            return None
        if isinstance(value, (Mapping, list)):
            raise self.error(f"'{key}' must be text; got {describe(value)}", key)
        return str(value).strip()

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str | None:
        choices = list(choices)
        value = self.data.get(key, default)
        if value is None:
            return default
        if str(value) not in choices:
            raise self.error(f"{key} {str(value)!r} is not known; expected one of: {', '.join(choices)}", key)
        return str(value)

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"missing '{key}' (a date like 2018-07-02)")
            return None
        return parse_date(value, self.path, self.line_of(key), key)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"{key} {value!r} must be true or false", key)
        return value

    def string_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            raise self.error(f"'{key}' must be a list of words, like [a, b]; got {describe(value)}", key)
        return [str(item).strip() for item in value]


def parse_date(value: Any, path: Path, line: int, key: str = "date") -> dt.date:
    date = _as_date(value)
    if date is None:
        raise SourceError(path, line, f"{key} {str(value)!r} is not a date; write it as year-month-day, like 2018-07-02")
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise SourceError(path, line, f"{key} {date.isoformat()} is not between {EARLIEST_DATE.year} and {LATEST_DATE.year}; check the year")
    return date


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{value!r}"


def resolve_inside(base: Path, relative: str, roots: Iterable[Path], source: Path, line: int | None) -> Path:
    """Resolve ``relative`` against ``base``; refuse absolute paths and anything outside ``roots``."""
    if not relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative) or "://" in relative:
        raise SourceError(source, line, f"path {relative!r} must be relative to the page, like data.csv")
    target = (base / relative).resolve()
    for root in roots:
        if target.is_relative_to(root.resolve()):
            return target
    raise SourceError(source, line, f"path {relative!r} leads outside the site's folders; keep files inside {', '.join(r.name for r in roots)}")


def unreadable_pages(paths: Iterable[Path]) -> list[SourceError]:
    """A SourceError for each Markdown file that is not UTF-8 (MkDocs itself would stop with a traceback)."""
    errors = []
    for path in paths:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            try:
                read_text(path)
            except SourceError as error:
                errors.append(error)
        except OSError as error:
            errors.append(SourceError(path, None, f"cannot read the file ({error.strerror})"))
    return errors
