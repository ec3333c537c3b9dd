"""A chart's short description in words, for screen readers (the SVG's <desc>) and for everyone.

The sentences are messages in the language being written (the page's); each is a whole
sentence with named places, so a translation can put the words in its own order.
"""

from __future__ import annotations

from ..languages.speaking import gettext as _
from ..languages.speaking import ngettext
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
        sentences.append(_("Also in the table: %(names)s.") % {"names": rest})
    if options.target is not None:
        sentences.append(_target(data, options))
    if options.y_min is not None:
        start = value_ticks(_known(data), options.target, options.y_min)[0]
        if start != 0:
            sentences.append(_("The scale starts at %(start)s, not 0.") % {"start": with_unit(plain_number(start), options.unit)})
    sentences.append(_("All the numbers are in the table."))
    return " ".join(s for s in sentences if s)


def _describe_series(series: Series, data: Dataset, options: ChartOptions, named: bool) -> str:
    points = [(label, cell) for label, cell in zip(data.long_labels, series.cells) if cell.value is not None]
    if not points:
        return _("%(name)s: no data.") % {"name": series.name} if named else _("no data.")
    if len(points) == 1:
        point = _at(*points[0], options)
        return f"{series.name}: {point}." if named else f"{point}."
    words = {
        "name": series.name,
        "high": _at(*max(points, key=lambda point: point[1].value), options),
        "low": _at(*min(points, key=lambda point: point[1].value), options),
        "first": _at(*points[0], options),
        "last": _at(*points[-1], options),
    }
    if options.type == "line":
        if named:
            return _("%(name)s: %(first)s to %(last)s; highest %(high)s, lowest %(low)s.") % words
        words["first"] = _capital(words["first"])
        return _("%(first)s to %(last)s. Highest: %(high)s. Lowest: %(low)s.") % words
    if named:
        return _("%(name)s: highest %(high)s, lowest %(low)s.") % words
    return _("Highest: %(high)s. Lowest: %(low)s.") % words


def _at(label: str, cell: Cell, options: ChartOptions) -> str:
    value = cell.text(options.unit)
    if options.type == "line":
        # Translators: a point of a line chart: "85% in March 2024".
        return _("%(value)s in %(label)s") % {"value": value, "label": label}
    return f"{label} ({value})"


def _target(data: Dataset, options: ChartOptions) -> str:
    target = with_unit(plain_number(options.target), options.unit)
    text = f"{options.target_label}: {target}."
    if len(data.series) == 1 and options.type != "stacked-bar":
        known = [v for v in data.series[0].values if v is not None]
        meeting = sum(1 for v in known if v >= options.target)
        # Translators: how many of a chart's values reach its target line.
        text += " " + ngettext("%(num)d of %(total)d is at or above it.", "%(num)d of %(total)d are at or above it.", meeting) % {
            "num": meeting, "total": len(known)}
    return text


def _known(data: Dataset) -> list[float]:
    return [v for s in data.series for v in s.values if v is not None]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
