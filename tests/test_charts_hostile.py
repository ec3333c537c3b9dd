"""Hostile numbers, text and bugs in charts: each is a warning with file and line, never a crash or a hang."""

from __future__ import annotations

import contextlib
import contextvars
import csv
import dataclasses
import io
import math
import re
import signal
from collections import Counter
from pathlib import Path

import pytest
from conftest import Site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_easyread.charts.bars import layout_bars
from mkdocs_easyread.charts.data import Cell, Dataset, Series, load_csv
from mkdocs_easyread.charts.feature import rounded, table_view
from mkdocs_easyread.charts.lines import layout_line
from mkdocs_easyread.charts.scale import AXIS_LIMIT, MAX_TICKS, OVERSHOOT, Scale, nice_ticks, tick_label, value_ticks
from mkdocs_easyread.charts.spec import BlockSource, ChartOptions, read_options
from mkdocs_easyread.charts.summary import describe_chart
from mkdocs_easyread.errors import SourceError
from mkdocs_easyread.render import Components

ONE_E15 = "1,000,000,000,000,000"
ALLOWED = f"expected a number like 85 or 85.5, from -{ONE_E15} to {ONE_E15}"
GOOD = "Area,Count\nNorth,5\nSouth,7\n"
LOCATED = re.compile(r"^content/[\w/.-]+\.(md|csv):\d+: ")


class TooSlow(BaseException):
    """Not an Exception, so that no ``except Exception`` in the build can turn a hang into a warning."""


@contextlib.contextmanager
def time_limit(seconds: float):
    def stop(signum, frame):
        raise TooSlow(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def build(site: Site, strict: bool = False, seconds: float = 120):
    with time_limit(seconds):
        result = site.build(strict=strict)
    assert "Traceback" not in result.log
    assert not any("unexpected error" in w for w in result.warnings), result.warnings  # mistakes are not bugs
    return result


def chart_page(site: Site, name: str, options: str, csv_name: str = "good.csv") -> None:
    """A page whose chart header is on line 5, 'data:' on line 6 and the first other option on line 7."""
    site.write(f"content/bad/{name}.md", f"---\ntitle: {name}\n---\n\n/// chart | Chart on {name}\ndata: {csv_name}\n{options}\n///\n\nAfter the chart.\n")


def assert_shown_in_place(result, url: str) -> None:
    html = result.html(url)
    assert "Chart could not be shown" in html and "After the chart." in html


# --- Numbers in chart options -------------------------------------------------------------------

OPTION_CASES = {
    # page: (options, warning)
    "inf": ("target: .inf", f"content/bad/inf.md:7: target '.inf' is outside the range a chart or table can show; {ALLOWED}"),
    "minus-inf": ("target: -.Inf", "content/bad/minus-inf.md:7: target '-.inf' is outside the range"),
    "nan": ("type: line\ny_min: .nan", f"content/bad/nan.md:8: y_min '.nan' is not a number (NaN); {ALLOWED}"),
    "float-overflow": ("target: 1.0e+400", "content/bad/float-overflow.md:7: target '.inf' is outside the range"),
    "400-digits": ("target: " + "1" * 400, "content/bad/400-digits.md:7: target '" + "1" * 40 + f"…' (400 characters) is outside the range a chart or table can show; {ALLOWED}"),
    "beyond-1e15": ("type: line\ny_min: -1000000000000001", "content/bad/beyond-1e15.md:8: y_min '-1000000000000001' is outside the range"),
    "nan-text": ("target: nan", "content/bad/nan-text.md:7: target 'nan' must be a number, like 85"),
    "infinity-text": ("target: '-Infinity'", "content/bad/infinity-text.md:7: target '-Infinity' must be a number, like 85"),
    "huge-text": ("target: '" + "9" * 400 + "'", "content/bad/huge-text.md:7: target '" + "9" * 40 + "…' (400 characters) is outside the range"),
}


@pytest.fixture(scope="module")
def bad_options(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("bad-options"))
    (site.root / "content").mkdir()
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("bad")
    site.write("content/bad/good.csv", GOOD)
    for name, (options, _) in OPTION_CASES.items():
        chart_page(site, name, options)
    chart_page(site, "largest", "type: line\ntarget: 1000000000000000\ny_min: -1000000000000000")
    return build(site, strict=True)


@pytest.mark.parametrize("name", OPTION_CASES)
def test_non_finite_and_huge_options_are_errors_on_their_line(bad_options, name):
    assert not bad_options.ok and "Aborted" in bad_options.error
    expected = OPTION_CASES[name][1]
    assert any(w.startswith(expected) for w in bad_options.warnings), bad_options.warnings
    assert_shown_in_place(bad_options, f"bad/{name}/")


def test_the_largest_allowed_option_values_draw(bad_options):
    assert len(bad_options.warnings) == len(OPTION_CASES)
    assert "<svg" in bad_options.html("bad/largest/")


# --- Numbers in CSV files -----------------------------------------------------------------------

CSV_CASES = {
    # file: (value in row 3, what the warning says after "'<value>' in column Count ")
    "inf": ("inf", f"is not a finite number (infinity and NaN cannot be drawn); {ALLOWED}"),
    "minus-infinity": ("-Infinity", "is not a finite number"),
    "nan": ("NaN", "is not a finite number"),
    "nan-percent": ("nan%", "is not a finite number"),
    "exponent-overflow": ("1e400", f"is written with an exponent; write the number out in full; {ALLOWED}"),
    "exponent": ("1e5", "is written with an exponent; write the number out in full"),
    "400-digits": ("9" * 400, f"is outside the range a chart or table can show; {ALLOWED}"),
    "beyond-1e15": ("-1000000000000001", "is outside the range a chart or table can show"),
    "many-decimals": ("0." + "0" * 30 + "1", "has 31 digits after the decimal point; round it to at most 20"),
}


@pytest.fixture(scope="module")
def bad_csvs(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("bad-csvs"))
    (site.root / "content").mkdir()
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("bad")
    for name, (value, _) in CSV_CASES.items():
        site.write(f"content/bad/{name}.csv", f"Area,Count\nNorth,5\nSouth,{value}\n")
        chart_page(site, name, "type: line", csv_name=f"{name}.csv")
    return build(site)


@pytest.mark.parametrize("name", CSV_CASES)
def test_non_finite_and_huge_csv_numbers_are_errors_on_their_row(bad_csvs, name):
    value, message = CSV_CASES[name]
    shown = repr(value) if len(value) <= 40 else repr(value[:40] + "…") + f" ({len(value)} characters)"
    expected = f"content/bad/{name}.csv:3: {shown} in column Count {message}"
    assert any(w.startswith(expected) for w in bad_csvs.warnings), bad_csvs.warnings
    assert_shown_in_place(bad_csvs, f"bad/{name}/")


HUGE = "9" * 308


@pytest.mark.parametrize("rows", [
    [HUGE, "-" + HUGE],  # the 645-byte file that never finished: one range wider than any float
    [HUGE, HUGE[:-1] + "8"],  # two values too close for their size
])
def test_a_small_csv_of_huge_numbers_is_refused_quickly(site, rows):
    site.publication("plan", body="/// chart | Huge\ndata: r.csv\n///\n\nAfter the chart.\n")
    site.write("content/plan/r.csv", "Area,Count\n" + "".join(f"Row {i},{value}\n" for i, value in enumerate(rows)))
    result = build(site, seconds=30)
    assert result.ok
    assert any(w.startswith("content/plan/r.csv:2: '9999") and "is outside the range" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("values", [
    ["1" + "0" * 299, "-1" + "0" * 299],
    ["1" + "0" * 299, "1" + "0" * 298 + "1"],
    ["-0", "0.000000000000000001"],
])
def test_huge_and_tiny_numbers_within_the_option_draw(site, values):
    site.plugin_options()["charts"] = {"max_value": "1e300"}
    body = "/// chart | Bars\ndata: r.csv\n///\n\n/// chart | Line\ndata: r.csv\ntype: line\ntarget: 5\n///\n"
    site.publication("plan", body=body)
    site.write("content/plan/r.csv", "Area,Count\n" + "".join(f"Row {i},{value}\n" for i, value in enumerate(values)))
    result = build(site, strict=True, seconds=60)
    assert result.ok, result.warnings
    html = result.html("plan/")
    assert html.count("<svg class=\"er-chart__svg\"") == 2
    assert not re.search(r' (x|y|x1|y1|x2|y2|width|height|points|d)="[^"]*(nan|inf)', html)  # no coordinate is NaN or infinite
    assert ">-0<" not in html  # negative zero reads as 0


def test_negative_zero_reads_as_zero(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Area,Count\nNorth,-0\nSouth,-0.00\nEast,-0.5\n", encoding="utf-8")
    assert [cell.text("") for cell in load_csv(path).series[0].cells] == ["0", "0.00", "-0.5"]
    assert [tick_label(t, [0.0, 0.2], "%") for t in (-0.0, -0.00001, -0.2)] == ["0.0%", "0.0%", "-0.2%"]


def test_max_value_option_sets_the_limit(site):
    site.plugin_options()["charts"] = {"max_value": 100}
    site.publication("plan", body="/// chart | C\ndata: r.csv\ntarget: 101\n///\n\n/// table | T\ndata: r.csv\n///\n")
    site.write("content/plan/r.csv", "Area,Count\nNorth,5\nSouth,100.5\n")
    result = build(site)
    assert "content/plan/index.md:11: target '101' is outside the range a chart or table can show; expected a number like 85 or 85.5, from -100 to 100" in result.warnings
    assert any(w.startswith("content/plan/r.csv:3: '100.5' in column Count is outside the range") for w in result.warnings)


@pytest.mark.parametrize("value", ["many", 0, -5, float("inf"), float("nan"), True, 1e301, [1]])
def test_max_value_must_be_a_positive_number(site, value):
    site.plugin_options()["charts"] = {"max_value": value}
    site.publication("plan")
    result = build(site)
    assert not result.ok
    assert any("max_value" in w and "expected a number above 0 and at most 1e+300" in w for w in result.warnings), result.warnings


# --- Ticks and layout are bounded without any checking -----------------------------------------

BIGGEST = 1.7976931348623157e308


@pytest.mark.parametrize("low, high", [
    (-BIGGEST, BIGGEST), (BIGGEST, BIGGEST * (1 - 1e-16)), (1e300, 1e300), (-math.inf, math.inf),
    (math.nan, 5), (0, 5e-324), (-0.0, 0.0), (1e15, 1e15 + 1), (5e-324, 1e-323), (-1e-300, 1e300),
])
def test_ticks_are_bounded_for_any_floats(low, high):
    with time_limit(2):
        ticks = nice_ticks(low, high)
        assert_good_ticks(ticks)
        assert_good_ticks(value_ticks([low, high], target=high, floor=low))


def assert_good_ticks(ticks: list[float]) -> None:
    assert 2 <= len(ticks) <= MAX_TICKS
    assert all(math.isfinite(t) for t in ticks)
    assert all(a < b for a, b in zip(ticks, ticks[1:]))
    scale = Scale(ticks[0], ticks[-1], 0, 500)
    assert all(-1e-6 <= scale(t) <= 500 + 1e-6 for t in ticks)


@pytest.mark.parametrize("chart_type", ["bar", "stacked-bar", "line"])
@pytest.mark.parametrize("values", [[BIGGEST, -BIGGEST], [BIGGEST, BIGGEST], [math.inf, math.nan, 1.0], [-0.0, 5e-324]])
def test_layout_of_unchecked_numbers_ends(chart_type, values):
    data = Dataset(Path("x.csv"), "Area", tuple(f"Row {i}" for i in range(len(values))), (Series("Count", tuple(Cell(v, 0) for v in values)),))
    options = ChartOptions("chart", "C", "x.csv", 1, type=chart_type, target=values[0], y_min=values[-1] if chart_type == "line" else None)
    with time_limit(5):
        (layout_line if chart_type == "line" else layout_bars)("c1", data, options)
        describe_chart(data, options)


def test_very_long_labels_lay_out_in_linear_time(site):
    label = "word " * 26_000  # as long as a CSV value may be: cut to three lines with an ellipsis
    site.publication("plan", body="/// chart | Bars\ndata: r.csv\n///\n\n/// chart | Line\ndata: r.csv\ntype: line\n///\n")
    site.write("content/plan/r.csv", f"Area,Count,Other\n{label},5,6\nShort,7,8\n")
    result = build(site, strict=True, seconds=60)
    assert result.ok, result.warnings
    assert re.search(r"word…</t|wor?d? ?…</t", result.html("plan/"))


# --- Control characters and quotes in CSV text --------------------------------------------------

@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f"])
@pytest.mark.parametrize("where, line", [("header", 1), ("label", 3), ("number", 3), ("quoted-line", 4)])
def test_control_characters_in_csv_are_errors_on_their_line(site, char, where, line):
    rows = {
        "header": f"Area,Cou{char}nt\nNorth,5\nSouth,7\n",
        "label": f"Area,Count\nNorth,5\nSo{char}uth,7\n",
        "number": f"Area,Count\nNorth,5\nSouth,7{char}\n",
        "quoted-line": f'Area,Count\nNorth,5\n"South\nand{char} East",7\n',
    }
    site.publication("plan", body="/// chart | C\ndata: r.csv\n///\n\nAfter the chart.\n")
    (site.root / "content/plan/r.csv").write_bytes(rows[where].encode("utf-8"))
    result = build(site)
    code = f"U+{ord(char):04X}"
    assert f"content/plan/r.csv:{line}: this line has an invisible control character ({code}); CSV text may hold letters" in result.warnings[0]
    assert_shown_in_place(result, "plan/")
    assert not any(char in path.read_text(encoding="utf-8") for path in result.site.rglob("*.html"))


def test_tabs_and_windows_line_ends_are_fine(site):
    site.publication("plan", body="/// chart | C\ndata: r.csv\n///\n")
    (site.root / "content/plan/r.csv").write_bytes(b"Area,Count\r\nNorth\twest,5\r\nSouth,7\r\n")
    result = build(site, strict=True)
    assert result.ok, result.warnings


QUOTE_CASES = {
    "never closed": ('Area,Count\nNorth,5\n"South,6\nEast,7\nWest,8\n', 3, "a quoted value starts on this line and its closing quote is missing; close the quote where the value ends"),
    "closed by a later quote": ('Area,Count\nNorth,"5\nSouth,"6"\nEast,7\n', 2, "a quoted value starts on this line and runs on to line 3: its closing quote is missing"),
    "text after the quote": ('Area,Count\nNorth,"5" \nSouth,6\n', 2, "this line has text after the closing quote of a quoted value (a space counts)"),
    "longer than a field may be": ('Area,Count\nNorth,5\nSouth,"6\n' + "East,7\n" * 20_000, 3, "a quoted value starts on this line and its closing quote is missing"),
}


@pytest.mark.parametrize("case", QUOTE_CASES)
def test_an_unclosed_quote_names_the_line_where_it_starts(site, case):
    text, line, message = QUOTE_CASES[case]
    site.publication("plan", body="/// chart | C\ndata: r.csv\n///\n\nAfter the chart.\n")
    site.write("content/plan/r.csv", text)
    result = build(site)
    assert any(w.startswith(f"content/plan/r.csv:{line}: {message}") for w in result.warnings), result.warnings
    assert_shown_in_place(result, "plan/")


def test_a_value_longer_than_csv_allows_is_an_error_on_its_line(site):
    site.publication("plan", body="/// chart | C\ndata: r.csv\n///\n\nAfter the chart.\n")
    site.write("content/plan/r.csv", "Area,Count\nNorth,5\n" + "x" * 140_000 + ",7\n")
    result = build(site)
    assert "content/plan/r.csv:3: a value on this line is longer than 131,072 characters; shorten it" in result.warnings


# --- A bug in one chart costs that chart, not the site ----------------------------------------

@pytest.mark.parametrize("broken", ["layout_bars", "load_csv"])
def test_a_crash_in_one_chart_is_a_warning_and_the_rest_builds(site, monkeypatch, broken):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(f"mkdocs_easyread.charts.feature.{broken}", boom)
    site.publication("plan", body="Before.\n\n/// chart | Bars\ndata: r.csv\n///\n\nAfter the chart.\n")
    site.publication("other", body="Another publication.\n")
    site.write("content/plan/r.csv", GOOD)
    with time_limit(60):
        result = site.build(strict=True)
    assert not result.ok and "Aborted" in result.error  # a warning, so --strict fails
    assert "Traceback" not in result.log
    assert result.warnings == ["content/plan/index.md:11: the chart 'Bars' from r.csv could not be shown because of an unexpected error "
                               "in the charts feature (ZeroDivisionError: boom); the rest of the page was built. Please report it with this page and its CSV file"]
    assert_shown_in_place(result, "plan/")
    assert "Another publication." in result.html("other/")


# --- Properties: valid CSV files and chart blocks with hostile values ---------------------------

PLAIN_TEXT = st.characters(categories=("L", "N", "P", "S", "Zs"))
CONTROL = st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\x80", "\x85", "\x9f"])
HOSTILE_NUMBERS = st.one_of(
    st.sampled_from(["inf", "-inf", "+Infinity", "nan", "NaN", "-nan", "1e400", "1E5", "1000000000000001", "0." + "0" * 20 + "1"]),
    st.integers(16, 400).map(lambda digits: "9" * digits),
    st.integers(309, 400).map(lambda digits: "-1" + "0" * digits),
)


def numbers(non_negative: bool) -> st.SearchStrategy[str]:
    """Numbers a chart accepts, from ordinary to awkward: near 1e15, near-equal, tiny, -0, with % or commas."""
    values = st.one_of(
        st.integers(-10**15, 10**15).map(str),
        st.floats(-1e15, 1e15, allow_nan=False).flatmap(lambda x: st.integers(0, 4).map(lambda d: f"{x:.{d}f}")),
        st.integers(0, 5).map(lambda k: str(10**15 - k)),
        st.sampled_from(["-0", "0", "-0.0", "0.000000000000000001", "1,234", "85%", "-3.5", ""]),
    )
    return values.map(lambda text: text.lstrip("-")) if non_negative else values


@st.composite
def chart_csvs(draw, chart_type: str = "line") -> tuple[str, bool]:
    """(CSV text, whether it holds one hostile value): a header and rows of a label and numbers."""
    names = draw(st.lists(st.text(PLAIN_TEXT, min_size=1, max_size=12).filter(str.strip), min_size=1, max_size=4, unique_by=str.strip))
    label = st.one_of(
        st.text(st.one_of(PLAIN_TEXT, st.sampled_from(['"', ",", "\t", "\n", "<", "&"])), max_size=30),
        st.integers(500, 5000).map(lambda n: "long label " * n),
    )
    rows = draw(st.lists(st.tuples(label, st.lists(numbers(chart_type == "stacked-bar"), min_size=len(names), max_size=len(names))), min_size=1, max_size=8))
    table = [[draw(st.sampled_from(["Area", "", 'Say "where"']))] + names] + [[text] + cells for text, cells in rows]
    hostile = draw(st.sampled_from(["none"] * 8 + ["number", "control"]))
    if hostile != "none":
        row = draw(st.integers(0 if hostile == "control" else 1, len(table) - 1))
        column = draw(st.integers(0 if hostile == "control" else 1, len(names)))
        cell = table[row][column]
        table[row][column] = cell[:1] + draw(CONTROL) + cell[1:] if hostile == "control" else draw(HOSTILE_NUMBERS)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue(), hostile != "none"


GOOD_OPTIONS = ["85", "-0", "0.5", "1000000000000000", "-1000000000000000", "'1,234'", "1.5e+14"]
HOSTILE_OPTIONS = [".inf", "-.inf", ".nan", ".NaN", "1.0e+400", "1" * 400, "nan", "1000000000000001", "[1, 2]"]
OPTION_VALUES = st.sampled_from(GOOD_OPTIONS * 4 + HOSTILE_OPTIONS)


@st.composite
def chart_blocks(draw) -> str:
    """The body of a chart block: valid keys with awkward or hostile values."""
    chart_type = draw(st.sampled_from(["bar", "stacked-bar", "line"]))
    lines = ["data: r.csv", f"type: {chart_type}"]
    if draw(st.booleans()):
        lines.append(f"target: {draw(OPTION_VALUES)}")
    if chart_type == "line" and draw(st.booleans()):
        lines.append(f"y_min: {draw(OPTION_VALUES)}")
    for key in ("target_label", "x_label", "y_label", "summary", "unit"):
        if draw(st.booleans()):
            lines.append(f'{key}: "{draw(st.text(PLAIN_TEXT, max_size=60)).replace(chr(92), "/").replace(chr(34), chr(39))}"')
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(low=st.floats(), high=st.floats(), extra=st.lists(st.one_of(st.none(), st.floats()), max_size=5))
def test_ticks_are_few_finite_and_cover_the_range(low, high, extra):
    with time_limit(2):
        ticks = nice_ticks(low, high)
        assert_good_ticks(ticks)
        assert_good_ticks(value_ticks(extra, target=high, floor=low))
    if all(math.isfinite(v) and abs(v) <= AXIS_LIMIT for v in (low, high)):
        step = ticks[1] - ticks[0]
        assert ticks[0] <= min(low, high) + step * OVERSHOOT * 1.1
        assert ticks[-1] >= max(low, high) - step * OVERSHOOT * 1.1
        if min(low, high) <= 0 <= max(low, high):
            assert 0.0 in ticks


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(OPTION_VALUES, st.floats().map(repr), st.integers(-10**500, 10**500).map(str)))
def test_option_numbers_are_finite_and_in_range_or_an_error_on_their_line(value):
    where = BlockSource(Path("page.md"), 5)
    try:
        options = read_options(where, "chart", "C", {}, f"data: r.csv\ntype: line\ny_min: 0\ntarget: {value}\n", "details", 1e15)
    except SourceError as error:
        assert error.line == 9 and error.path == where.path
        return
    assert options.target is None or (math.isfinite(options.target) and abs(options.target) <= 1e15)


def test_valid_csvs_with_hostile_values_load_and_draw_or_name_their_line(tmp_path):
    outcomes: Counter = Counter()

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(chart_type=st.sampled_from(["bar", "stacked-bar", "line"]), data=st.data())
    def check(chart_type, data):
        outcomes[_load_and_draw(tmp_path, chart_type, data)] += 1

    contextvars.Context().run(check)  # outside any build's confinement of source paths (sources.confine_sources_to)
    assert outcomes["drawn"] >= 0.5 * sum(outcomes.values()) and outcomes["refused"] > 0, outcomes


def _load_and_draw(folder: Path, chart_type: str, data) -> str:
    """Load a generated CSV and draw it as the feature does: 'drawn', or 'refused' with the file and line."""
    text, hostile = data.draw(chart_csvs(chart_type))
    path = folder / "r.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with time_limit(10):
        try:
            dataset = load_csv(path)
        except SourceError as error:
            assert error.path == path and error.line is not None and 1 <= error.line <= text.count("\n") + 1, (error, text[:300])
            assert hostile or "no rows" in error.message, error  # a table of empty rows has no rows
            return "refused"
        assert not hostile
        assert all(math.isfinite(v) and abs(v) <= 1e15 for s in dataset.series for v in s.values if v is not None)
        options = ChartOptions("chart", "Caption", "r.csv", 1, type=chart_type, target=data.draw(st.sampled_from([None, 0.0, 1e15, -1e15])))
        chart = rounded((layout_line if chart_type == "line" else layout_bars)("c1", dataset, options))
        html = Components().render("charts/components/figure.html", id="c1", caption="Caption", chart=chart,
                                   description=describe_chart(dataset, options), table=table_view(dataset, ""),
                                   table_display="details", download=None)
    assert "<svg" in html and all(math.isfinite(n) for n in _coordinates(chart))
    return "drawn"


def _coordinates(value) -> list[float]:
    if isinstance(value, float):
        return [value]
    if dataclasses.is_dataclass(value):
        return [n for f in dataclasses.fields(value) for n in _coordinates(getattr(value, f.name))]
    if isinstance(value, list):
        return [n for item in value for n in _coordinates(item)]
    return []


def test_full_builds_with_hostile_values_draw_or_warn_with_file_and_line(site):
    outcomes: Counter = Counter()

    @settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(block=chart_blocks(), data=st.data())
    def build_one(block, data):
        chart_type = re.search(r"type: (\S+)", block)[1]
        text, _ = data.draw(chart_csvs(chart_type))
        site.publication("plan", body=f"Before.\n\n/// chart | Hostile\n{block}\n///\n\nAfter the chart.\n")
        (site.root / "content/plan/r.csv").write_text(text, encoding="utf-8", newline="")
        result = build(site, seconds=60)
        assert result.ok, result.error
        html = result.html("plan/")
        assert "After the chart." in html
        if result.warnings:
            assert all(LOCATED.match(w) for w in result.warnings), result.warnings
            assert "Chart could not be shown" in html
            outcomes["warned"] += 1
        else:
            assert '<svg class="er-chart__svg"' in html
            outcomes["drawn"] += 1

    build_one()
    assert outcomes["drawn"] >= 10 and outcomes["warned"] >= 3, outcomes
