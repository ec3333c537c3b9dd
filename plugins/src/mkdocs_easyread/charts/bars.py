"""Layout of horizontal bar charts, grouped (``bar``) or stacked (``stacked-bar``).

Bars run left to right so that category labels stay horizontal and readable,
however long they are.
"""

from __future__ import annotations

from .data import Dataset
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
    PHONE_WIDTH,
    WIDTH,
    Bar,
    Box,
    Chart,
    Label,
    Rule,
    legend,
    styles_for,
)

SINGLE_BAR = 28.0
TICK_GAP = 8.0  # at least this much space between two tick labels
GROUPED_BAR = 22.0
ROW_GAP = 14.0
LABEL_GAP = 10.0


def layout_bars(chart_id: str, data: Dataset, options: ChartOptions, width: float = WIDTH) -> Chart:
    stacked = options.type == "stacked-bar"
    styles = styles_for(len(data.series))
    show_legend = len(data.series) > 1
    items, top = legend([s.name for s in data.series], styles, PAD, line_chart=False, width=width) if show_legend else ([], PAD)
    titles: list[Label] = []
    if options.x_label:
        titles.append(Label(PAD, top + FONT, [options.x_label], css="er-chart__title"))
        top += LINE_HEIGHT + 4
    target_label_y = None
    if options.target is not None:
        target_label_y = top + FONT
        top += LINE_HEIGHT + 6

    totals = _stack_totals(data) if stacked else []
    values = totals if stacked else [v for s in data.series for v in s.values if v is not None]
    label_width = _label_column_width(data.short_labels, width)
    right_space = 8.0 if stacked else _value_label_space(data, options.unit)
    left = PAD + label_width + LABEL_GAP
    ticks, right = _ticks_that_fit(values, options, left, width - PAD, right_space)
    scale = Scale(ticks[0], ticks[-1], left, right)

    bars: list[Bar] = []
    category_labels: list[Label] = []
    y = top
    bar_height = SINGLE_BAR if stacked or len(data.series) == 1 else GROUPED_BAR
    for row, name in enumerate(data.short_labels):
        lines = wrap_words(name, label_width, FONT)
        group = bar_height if stacked else len(data.series) * bar_height + (len(data.series) - 1) * 2
        row_height = max(group, len(lines) * LINE_HEIGHT)
        bar_top = y + (row_height - group) / 2
        if stacked:
            bars += _stack(data, row, bar_top, bar_height, scale, options.unit)
        else:
            bars += _group(data, row, bar_top, bar_height, scale, options.unit)
        first_baseline = y + row_height / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + FONT * 0.35
        category_labels.append(Label(PAD + label_width, first_baseline, lines, anchor="end"))
        y += row_height + ROW_GAP
    bottom = y - ROW_GAP / 2

    gridlines = [Rule(scale(t), top - 4, scale(t), bottom) for t in ticks]
    tick_labels = [Label(scale(t), bottom + FONT + 6, [tick_label(t, ticks, options.unit)], anchor="middle") for t in ticks]
    height = bottom + FONT + 6 + PAD
    if options.y_label:
        titles.append(Label((left + right) / 2, height + LINE_HEIGHT, [options.y_label], anchor="middle", css="er-chart__title"))
        height += LINE_HEIGHT + 4
    axis = [Rule(scale(0), top - 4, scale(0), bottom)]

    chart = Chart(chart_id, options.type, width, height + PAD, styles, items, gridlines, tick_labels, axis, category_labels, titles, bars=bars)
    if options.target is not None and target_label_y is not None:
        x = scale(options.target)
        chart.target = Rule(x, target_label_y + 4, x, bottom)
        text = f"{options.target_label} {with_unit(plain_number(options.target), options.unit)}"
        anchor = "end" if x + text_width(text, FONT) / 2 > width - PAD else "middle"
        chart.target_label = Label(x, target_label_y, [text], anchor=anchor, css="er-chart__target-text")
    return chart


def _stack_totals(data: Dataset) -> list[float]:
    return [sum(v for v in column if v is not None) for column in zip(*(s.values for s in data.series))]


def _ticks_that_fit(values: list[float], options: ChartOptions, left: float, edge: float, right_space: float) -> tuple[list[float], float]:
    """The most ticks (up to 5) whose labels fit side by side between ``left`` and the plot's right end."""
    def layout(count: int) -> tuple[list[float], float, bool]:
        ticks = value_ticks(values, options.target, count=count)
        texts = [tick_label(t, ticks, options.unit) for t in ticks]
        right = edge - max(right_space, text_width(texts[-1], FONT) / 2)
        spacing = (right - left) / max(1, len(ticks) - 1)
        return ticks, right, all(text_width(text, FONT) + TICK_GAP <= spacing for text in texts)

    for count in range(5, 1, -1):
        ticks, right, fits = layout(count)
        if fits:
            return ticks, right
    ticks, right, _ = layout(1)
    return ticks, right


def _label_column_width(labels: list[str], width: float) -> float:
    widest = max((text_width(label, FONT) for label in labels), default=0.0)
    share = 0.36 if width > PHONE_WIDTH else 0.45  # on a phone, a long word needs more of the width
    return min(max(widest, 40.0), width * share)


def _value_label_space(data: Dataset, unit: str) -> float:
    widths = [text_width(cell.text(unit), FONT) for s in data.series for cell in s.cells if cell.value is not None]
    return max(widths, default=0.0) + 10


def _group(data: Dataset, row: int, top: float, height: float, scale: Scale, unit: str) -> list[Bar]:
    bars = []
    styles = styles_for(len(data.series))
    for index, series in enumerate(data.series):
        cell = series.cells[row]
        if cell.value is None:
            continue
        y = top + index * (height + 2)
        start, end = sorted((scale(0), scale(cell.value)))
        negative = cell.value < 0
        label_x = start - 6 if negative else end + 6
        label = Label(label_x, y + height / 2 + FONT * 0.35, [cell.text(unit)], anchor="end" if negative else "start", css="er-chart__halo")
        bars.append(Bar(Box(start, y, max(end - start, 0.0), height), styles[index], label))
    return bars


def _stack(data: Dataset, row: int, top: float, height: float, scale: Scale, unit: str) -> list[Bar]:
    bars = []
    styles = styles_for(len(data.series))
    total = 0.0
    for index, series in enumerate(data.series):
        cell = series.cells[row]
        if cell.value is None or cell.value <= 0:
            continue
        start, end = scale(total), scale(total + cell.value)
        total += cell.value
        bar = Bar(Box(start, top, end - start, height), styles[index])
        text = cell.text(unit)
        text_w = text_width(text, FONT)
        if end - start >= text_w + 10:
            centre = (start + end) / 2
            bar.pill = Box(centre - text_w / 2 - 3, top + (height - FONT - 5) / 2, text_w + 6, FONT + 5)
            bar.label = Label(centre, top + height / 2 + FONT * 0.35, [text], anchor="middle")
        bars.append(bar)
    return bars
