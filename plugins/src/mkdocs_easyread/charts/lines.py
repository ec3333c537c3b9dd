"""Layout of line charts: rows of the CSV along the bottom, values up the side."""

from __future__ import annotations

import math

from .data import Dataset, Series
from .scale import (
    Scale,
    plain_number,
    text_width,
    tick_label,
    value_ticks,
    with_unit,
    wrap_words,
)
from .spec import ChartOptions
from .view import (
    FONT,
    LINE_HEIGHT,
    PAD,
    WIDTH,
    Chart,
    Label,
    LineSeries,
    Rule,
    SeriesStyle,
    legend,
    marker_path,
    styles_for,
)

PLOT_HEIGHT = 250.0
MAX_POINT_LABELS = 12


def layout_line(chart_id: str, data: Dataset, options: ChartOptions, width: float = WIDTH) -> Chart:
    styles = styles_for(len(data.series))
    items, top = legend([s.name for s in data.series], styles, PAD, line_chart=True, width=width) if len(data.series) > 1 else ([], PAD)
    titles: list[Label] = []
    if options.y_label:
        titles.append(Label(PAD, top + FONT, [options.y_label], css="er-chart__title"))
        top += LINE_HEIGHT + 4
    top += FONT  # room for the top tick label and point labels

    values = [v for s in data.series for v in s.values if v is not None]
    ticks = value_ticks(values, options.target, options.y_min)
    tick_texts = [tick_label(t, ticks, options.unit) for t in ticks]
    left = PAD + max(text_width(t, FONT) for t in tick_texts) + 8
    target_text = ""
    right = width - PAD
    if options.target is not None:
        target_text = f"{options.target_label} {with_unit(plain_number(options.target), options.unit)}"
        right -= min(text_width(target_text, FONT), width * 0.3) + 8
    bottom = top + PLOT_HEIGHT
    y_scale = Scale(ticks[0], ticks[-1], bottom, top)
    count = len(data.labels)
    band = (right - left) / max(count, 1)
    xs = [left + band * (i + 0.5) for i in range(count)]

    gridlines = [Rule(left, y_scale(t), right, y_scale(t)) for t in ticks]
    tick_labels = [Label(left - 8, y_scale(t) + FONT * 0.35, [text], anchor="end") for t, text in zip(ticks, tick_texts)]
    axis = [Rule(left, bottom, right, bottom), Rule(left, top, left, bottom)]
    axis += [Rule(x, bottom, x, bottom + 5) for x in xs]

    category_labels, label_lines = _category_labels(data.short_labels, xs, band, bottom)
    height = bottom + 8 + label_lines * LINE_HEIGHT + PAD
    if options.x_label:
        titles.append(Label((left + right) / 2, height + FONT, [options.x_label], anchor="middle", css="er-chart__title"))
        height += LINE_HEIGHT + 4

    labelled = _labelled_points(data, band, options.unit)
    lines = [_series(series, style, xs, y_scale, options.unit, labelled) for series, style in zip(data.series, styles)]
    chart = Chart(chart_id, "line", width, height + PAD, styles, items, gridlines, tick_labels, axis, category_labels, titles, lines=lines)
    if options.target is not None:
        y = y_scale(options.target)
        chart.target = Rule(left, y, right, y)
        chart.target_label = Label(right + 6, y + FONT * 0.35, wrap_words(target_text, width - right - PAD, FONT, 2), css="er-chart__target-text")
    return chart


def _category_labels(labels: list[str], xs: list[float], band: float, bottom: float) -> tuple[list[Label], int]:
    """Labels under the axis, on up to two lines; when they do not fit, every n-th one (the table has all)."""
    wrapped = [wrap_words(label, band - 4, FONT, max_lines=2) for label in labels]
    widest = max((text_width(line, FONT) for lines in wrapped for line in lines), default=0.0)
    step = max(1, math.ceil((widest + 6) / band)) if band > 0 else 1
    if step > 1:
        wrapped = [wrap_words(label, band * step - 6, FONT, max_lines=2) for label in labels]
    chosen = [i for i in range(len(labels)) if i % step == 0]
    result = [Label(xs[i], bottom + 8 + FONT, wrapped[i], anchor="middle") for i in chosen]
    return result, max((len(wrapped[i]) for i in chosen), default=1)


def _labelled_points(data: Dataset, band: float, unit: str) -> set[int]:
    """Which points of a single line get their value written by them: all if they fit, else the first and last."""
    if len(data.series) != 1:
        return set()
    known = [i for i, value in enumerate(data.series[0].values) if value is not None]
    if len(known) <= MAX_POINT_LABELS and band >= _widest_value(data, unit) + 4:
        return set(known)
    return {known[0], known[-1]} if known else set()


def _series(series: Series, style: SeriesStyle, xs: list[float], y_scale: Scale, unit: str, labelled: set[int]) -> LineSeries:
    segments: list[str] = []
    current: list[str] = []
    markers: list[str] = []
    labels: list[Label] = []
    for index, (x, cell) in enumerate(zip(xs, series.cells)):
        if cell.value is None:
            if current:
                segments.append(" ".join(current))
            current = []
            continue
        y = y_scale(cell.value)
        current.append(f"{x:.1f},{y:.1f}")
        markers.append(marker_path(style.marker, x, y))
        if index in labelled:
            labels.append(_point_label(x, y, cell.text(unit), xs))
    if current:
        segments.append(" ".join(current))
    return LineSeries(style, segments, markers, labels)


def _point_label(x: float, y: float, text: str, xs: list[float]) -> Label:
    """A value above its point, kept inside the plot at both ends."""
    half = text_width(text, FONT) / 2
    anchor, at = "middle", x
    if x + half > xs[-1] + 6:
        anchor, at = "end", x + 6
    elif x - half < xs[0] - 6:
        anchor, at = "start", x - 6
    return Label(at, y - 12, [text], anchor=anchor, css="er-chart__halo")


def _widest_value(data: Dataset, unit: str) -> float:
    return max((text_width(cell.text(unit), FONT) for s in data.series for cell in s.cells if cell.value is not None), default=0.0)
