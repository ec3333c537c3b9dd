"""Reading councils' source files: text, YAML with line numbers, front matter, safe paths.

Everything here turns low-level failures (bad encoding, broken YAML, a path that
leaves the site) into :class:`~mkdocs_easyread.errors.SourceError` with a line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .errors import SourceError

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MAX_SOURCE_BYTES = 5_000_000


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's fast parser, building ruamel's CommentedMap/CommentedSeq with line numbers.

    ruamel's own round-trip parser is pure Python and about 15 times slower;
    this keeps its line-number API (``.lc``) at libyaml's speed.
    """


class _BadKey(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> CommentedMap:
    loader.flatten_mapping(node)
    result = CommentedMap()
    result._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise _BadKey(key_node.start_mark.line, "a key must be a word, not a list or mapping")
        if key in result:
            raise _BadKey(key_node.start_mark.line, f"{key!r} appears twice in the same block; each key may appear once")
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


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
# Dates stay text so that we, not the YAML library, say what is wrong with "2018-02-30".
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_text(path: Path) -> str:
    """Read a UTF-8 source file, or explain why it cannot be read."""
    try:
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
        return yaml.load(text, Loader=_LineLoader)
    except _BadKey as error:
        raise SourceError(path, error.line + first_line, error.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise SourceError(path, line, f"broken YAML: {problem}{_tab_hint(text, mark)}") from None
    except yaml.YAMLError as error:
        raise SourceError(path, first_line, f"broken YAML: {error}") from None


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
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SourceError(path, line, f"{key} {str(value)!r} is not a date; expected an ISO date like 2018-07-02")


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
