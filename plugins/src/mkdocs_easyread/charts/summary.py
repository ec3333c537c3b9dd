"""A chart's short description in words, for screen readers (the SVG's <desc>) and for everyone."""

from __future__ import annotations

from .data import Cell, Dataset, Series
from .scale import plain_number, value_ticks, with_unit
from .spec import ChartOptions

MAX_SERIES_DESCRIBED = 3


def describe_chart(data: Dataset, options: ChartOptions) -> str:
    sentences: list[str] = []
    if options.summary:
        sentences.append(_sentence(options.summary))
    described = data.series[:MAX_SERIES_DESCRIBED]
    for series in described:
        sentences.append(_describe_series(series, data, options, named=len(data.series) > 1))
    if len(data.series) > len(described):
        rest = ", ".join(series.name for series in data.series[len(described):])
        sentences.append(f"Also in the table: {rest}.")
    if options.target is not None:
        sentences.append(_target(data, options))
    if options.y_min is not None:
        start = value_ticks(_known(data), options.target, options.y_min)[0]
        if start != 0:
            sentences.append(f"The scale starts at {with_unit(plain_number(start), options.unit)}, not 0.")
    sentences.append("All the numbers are in the table.")
    return " ".join(s for s in sentences if s)


def _describe_series(series: Series, data: Dataset, options: ChartOptions, named: bool) -> str:
    points = [(label, cell) for label, cell in zip(data.long_labels, series.cells) if cell.value is not None]
    prefix = f"{series.name}: " if named else ""
    if not points:
        return f"{prefix}no data."
    if len(points) == 1:
        label, cell = points[0]
        return f"{prefix}{_at(label, cell, options)}."
    high = max(points, key=lambda point: point[1].value)
    low = min(points, key=lambda point: point[1].value)
    if named:
        extremes = f"highest {_at(*high, options)}, lowest {_at(*low, options)}"
    else:
        extremes = f"Highest: {_at(*high, options)}. Lowest: {_at(*low, options)}"
    if options.type == "line":
        first, last = points[0], points[-1]
        trend = f"{prefix}{_at(*first, options)} to {_at(*last, options)}"
        return f"{trend}; {extremes}." if named else f"{_capital(trend)}. {extremes}."
    return f"{prefix}{extremes}."


def _at(label: str, cell: Cell, options: ChartOptions) -> str:
    value = cell.text(options.unit)
    return f"{value} in {label}" if options.type == "line" else f"{label} ({value})"


def _target(data: Dataset, options: ChartOptions) -> str:
    target = with_unit(plain_number(options.target), options.unit)
    text = f"{options.target_label}: {target}."
    if len(data.series) == 1 and options.type != "stacked-bar":
        known = [v for v in data.series[0].values if v is not None]
        meeting = sum(1 for v in known if v >= options.target)
        text += f" {meeting} of {len(known)} {'is' if meeting == 1 else 'are'} at or above it."
    return text


def _known(data: Dataset) -> list[float]:
    return [v for s in data.series for v in s.values if v is not None]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
