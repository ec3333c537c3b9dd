"""CSV files as tables of numbers: first row headers, first column labels, other columns numbers."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SourceError
from ..languages.speaking import gettext as _
from ..sources import read_text
from .csv_text import control_character, quote_problem
from .scale import (
    DEFAULT_MAX_VALUE,
    allowed_numbers,
    decimals_of,
    display_label,
    format_number,
    number_problem,
    parse_number,
    quoted_value,
    with_unit,
)

MAX_DECIMALS = 20  # more than a float holds; a longer tail is a slip that would only stretch the table


@dataclass(frozen=True)
class Cell:
    value: float | None  # None: an empty cell, no data
    decimals: int

    def text(self, unit: str) -> str:
        if self.value is None:
            return _("No data")
        return with_unit(format_number(self.value, self.decimals), unit)


@dataclass(frozen=True)
class Series:
    name: str
    cells: tuple[Cell, ...]

    @property
    def values(self) -> list[float | None]:
        return [cell.value for cell in self.cells]


@dataclass(frozen=True)
class Dataset:
    path: Path
    label_header: str
    labels: tuple[str, ...]  # as written in the CSV
    series: tuple[Series, ...]

    @property
    def long_labels(self) -> list[str]:
        return [display_label(label)[0] for label in self.labels]

    @property
    def short_labels(self) -> list[str]:
        return [display_label(label)[1] for label in self.labels]

    def select(self, columns: list[str], source: Path, line: int | None) -> Dataset:
        """Only the named columns, in the order given; an unknown name is the page's error."""
        if not columns:
            return self
        by_name = {series.name: series for series in self.series}
        chosen = []
        for name in columns:
            if name not in by_name:
                known = ", ".join(by_name)
                raise SourceError(source, line, f"column {name!r} is not in {self.path.name}; its columns are: {known}")
            chosen.append(by_name[name])
        return replace(self, series=tuple(chosen))


def load_csv(path: Path, max_value: float = DEFAULT_MAX_VALUE) -> Dataset:
    """Read and check a CSV file; every problem names the file, the line and the bad value.

    Numbers further from 0 than ``max_value`` (and infinity or NaN) are mistakes.
    """
    text = read_text(path)
    if found := control_character(text):
        raise SourceError(path, *found)
    rows = [(line, row) for line, row in _rows(text, path) if any(cell.strip() for cell in row)]
    if not rows:
        raise SourceError(path, None, "the file is empty; expected a header row (labels, then column names) and rows of numbers")
    header_line, header = rows[0]
    headers = [cell.strip() for cell in header]
    _check_headers(headers, path, header_line)
    body = rows[1:]
    if not body:
        raise SourceError(path, header_line, "there are no rows under the header row; expected rows like 'Safe,365,124'")
    labels: list[str] = []
    columns: list[list[Cell]] = [[] for _ in headers[1:]]
    for line, row in body:
        if len(row) != len(headers):
            raise SourceError(path, line, f"this row has {len(row)} values; expected {len(headers)}, one for each column: {', '.join(headers)}")
        labels.append(row[0].strip())
        for index, raw in enumerate(row[1:]):
            columns[index].append(_cell(raw, headers[index + 1], path, line, max_value))
    series = tuple(Series(name, tuple(cells)) for name, cells in zip(headers[1:], columns))
    return Dataset(path, headers[0], tuple(labels), series)


def _rows(text: str, path: Path) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as error:
        if found := quote_problem(text):
            raise SourceError(path, *found) from None
        if "field limit" in str(error):
            raise SourceError(path, reader.line_num, f"a value on this line is longer than {csv.field_size_limit():,} characters; shorten it") from None
        raise SourceError(path, reader.line_num, f"this line is not valid CSV ({error}); check its quotes") from None
    return rows


def _check_headers(headers: list[str], path: Path, line: int) -> None:
    if len(headers) < 2:
        hint = " (values must be separated by commas, not semicolons)" if ";" in headers[0] else ""
        raise SourceError(path, line, f"the header row has one column; expected a label column and at least one column of numbers{hint}")
    for index, name in enumerate(headers):
        if not name and index > 0:
            raise SourceError(path, line, f"column {index + 1} has no name in the header row; expected a name like 'Good'")
    seen: set[str] = set()
    for name in headers[1:]:
        if name in seen:
            raise SourceError(path, line, f"column name {name!r} appears twice in the header row; each column needs its own name")
        seen.add(name)


def _cell(raw: str, column: str, path: Path, line: int, max_value: float) -> Cell:
    text = raw.strip()
    try:
        value = parse_number(raw)
    except ValueError:
        raise SourceError(path, line, f"{quoted_value(text)} in column {column} {_not_a_number(text)}; expected {allowed_numbers(max_value)}, or an empty cell for no data") from None
    if value is None:
        return Cell(None, 0)
    if problem := number_problem(value, max_value):
        raise SourceError(path, line, f"{quoted_value(text)} in column {column} {problem}; expected {allowed_numbers(max_value)}")
    decimals = decimals_of(text)
    if decimals > MAX_DECIMALS:
        raise SourceError(path, line, f"{quoted_value(text)} in column {column} has {decimals} digits after the decimal point; round it to at most {MAX_DECIMALS}")
    return Cell(value, decimals)


def _not_a_number(text: str) -> str:
    try:
        number = float(text.rstrip("%"))
    except ValueError:
        return "is not a number"
    if "e" in text.lower().replace("inf", ""):
        return "is written with an exponent; write the number out in full"
    if not math.isfinite(number):
        return "is not a finite number (infinity and NaN cannot be drawn)"
    return "is not a number"
