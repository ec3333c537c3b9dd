"""What a chart's SVG template draws: plain shapes with coordinates, computed in Python.

The template (``components/svg.html``) only loops over these; every text here is
escaped by Jinja when drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .scale import text_width

WIDTH = 600.0  # viewBox width; the SVG scales to its box
PHONE_WIDTH = 280.0  # phones' drawing, shown at its own size or larger, so that text stays at 15 px or more
PRINT_WIDTH = 400.0  # the large-print and easy-read PDFs' drawing, at 1.2 pt a unit (pdf/styles/base.css): text 18 pt
FONT = 15.0  # px in viewBox units: at least 12 px on screen down to a 480 px wide chart
LINE_HEIGHT = 19.0
PAD = 8.0

# One style per series: a CSS class (colours from charts.css, light and dark), the colour used
# where CSS does not reach (WeasyPrint PDFs), a fill pattern and a marker shape, so that series
# are told apart in black and white too.
LIGHT_COLOURS = ("#1d5e96", "#b34700", "#2b7a3d", "#7b3fa0", "#a8325e", "#00707a")
PATTERNS = ("solid", "diagonal", "dots", "crosshatch", "horizontal", "vertical")
MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "cross")
MAX_SERIES = len(LIGHT_COLOURS)


@dataclass(frozen=True)
class SeriesStyle:
    index: int  # 1-based, as in the CSS classes er-chart__s1...

    @property
    def css(self) -> str:
        return f"er-chart__s{self.index}"

    @property
    def colour(self) -> str:
        return LIGHT_COLOURS[self.index - 1]

    @property
    def pattern(self) -> str:
        return PATTERNS[self.index - 1]

    @property
    def marker(self) -> str:
        return MARKERS[self.index - 1]


@dataclass
class Label:
    x: float
    y: float  # baseline of the first line
    lines: list[str]
    anchor: str = "start"  # start | middle | end
    css: str = ""


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass
class Bar:
    box: Box
    style: SeriesStyle
    label: Label | None = None
    pill: Box | None = None  # a background behind a label drawn inside the bar


@dataclass
class LineSeries:
    style: SeriesStyle
    segments: list[str]  # SVG points lists; an empty cell breaks the line
    markers: list[str]  # SVG path data, one per point
    labels: list[Label] = field(default_factory=list)


@dataclass
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class LegendItem:
    x: float
    y: float  # top of the swatch
    style: SeriesStyle
    name: str
    marker: str = ""  # path data, for line charts


@dataclass
class Chart:
    id: str
    kind: str  # bar | stacked-bar | line
    width: float
    height: float
    styles: list[SeriesStyle]
    legend: list[LegendItem]
    gridlines: list[Rule]
    tick_labels: list[Label]
    axis: list[Rule]
    category_labels: list[Label]
    titles: list[Label]
    bars: list[Bar] = field(default_factory=list)
    lines: list[LineSeries] = field(default_factory=list)
    target: Rule | None = None
    target_label: Label | None = None


def styles_for(count: int) -> list[SeriesStyle]:
    return [SeriesStyle(index) for index in range(1, count + 1)]


SWATCH = 18.0
LEGEND_GAP = 22.0
LEGEND_ROW = 26.0


def legend(names: list[str], styles: list[SeriesStyle], top: float, line_chart: bool, width: float = WIDTH) -> tuple[list[LegendItem], float]:
    """Legend items flowing left to right and wrapping; returns them and the y below them."""
    swatch = 30.0 if line_chart else SWATCH
    items: list[LegendItem] = []
    x, y = PAD, top
    for name, style in zip(names, styles):
        item_width = swatch + 6 + text_width(name, FONT)
        if x > PAD and x + item_width > width - PAD:
            x, y = PAD, y + LEGEND_ROW
        marker = marker_path(style.marker, x + swatch / 2, y + SWATCH / 2) if line_chart else ""
        items.append(LegendItem(x, y, style, name, marker))
        x += item_width + LEGEND_GAP
    return items, (y + LEGEND_ROW + 4 if items else top)


def marker_path(shape: str, x: float, y: float, size: float = 11.0) -> str:
    """SVG path data for a point marker of ``shape`` centred on (x, y)."""
    r = size / 2
    if shape == "square":
        r *= 0.9
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if shape == "triangle":
        return f"M{x:.1f},{y - r * 1.15:.1f}L{x + r * 1.1:.1f},{y + r * 0.8:.1f}L{x - r * 1.1:.1f},{y + r * 0.8:.1f}z"
    if shape == "triangle-down":
        return f"M{x:.1f},{y + r * 1.15:.1f}L{x + r * 1.1:.1f},{y - r * 0.8:.1f}L{x - r * 1.1:.1f},{y - r * 0.8:.1f}z"
    if shape == "diamond":
        r *= 1.2
        return f"M{x:.1f},{y - r:.1f}L{x + r:.1f},{y:.1f}L{x:.1f},{y + r:.1f}L{x - r:.1f},{y:.1f}z"
    if shape == "cross":
        t = r * 0.4
        return (f"M{x - t:.1f},{y - r:.1f}h{2 * t:.1f}v{r - t:.1f}h{r - t:.1f}v{2 * t:.1f}h{t - r:.1f}v{r - t:.1f}"
                f"h{-2 * t:.1f}v{t - r:.1f}h{t - r:.1f}v{-2 * t:.1f}h{r - t:.1f}z")
    # circle, as two arcs
    return f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0z"
