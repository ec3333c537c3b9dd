"""Charts and tables from CSV: SVG that works without JavaScript, the same numbers as a table, errors with lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import Site, axe_violations
from mkdocs_easyread.charts.data import load_csv
from mkdocs_easyread.charts.scale import (
    Scale,
    display_label,
    nice_ticks,
    parse_number,
    value_ticks,
    with_unit,
    wrap_words,
)
from mkdocs_easyread.charts.spec import find_header_line
from mkdocs_easyread.errors import SourceError

RATINGS = "Rating,Providers\nOutstanding,5\nGood,379\nRequires improvement,106\nInadequate,15\n"
BY_CARE_TYPE = ("Care type,Outstanding,Good,Requires improvement,Inadequate\n"
                "Home care,1,120,25,1\nResidential care,1,216,67,11\nNursing care,3,43,14,3\n")
MONTHLY = ("Month,All care types,Home care\n2017-04,75.8,83.6\n2017-05,76.2,84.0\n2017-06,76.1,\n"
           "2017-07,75.7,84.8\n2018-03,76.0,82.3\n")
CHARTS_PAGE = """
    Some words first.

    /// chart | Overall CQC ratings, all care types, March 2018
    data: cqc-overall-2018.csv
    type: bar            # bar | stacked-bar | line
    target: 100
    target_label: Goal
    ///

    /// chart | Ratings by care type
    data: by-care-type.csv
    type: stacked-bar
    x_label: Care type
    y_label: Number of services
    ///

    /// chart | Good or better, month by month
    data: monthly.csv
    type: line
    unit: "%"
    target: 85
    y_min: 60
    ///

    /// chart | Home care only
    data: monthly.csv
    type: line
    columns: [Home care]
    unit: "%"
    table: visible
    ///

    /// table | Ratings as a plain table
    data: cqc-overall-2018.csv
    ///
"""


def make_site(root) -> Site:
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    return site


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("charts"))
    site.publication("report", body=CHARTS_PAGE)
    site.write("content/report/cqc-overall-2018.csv", RATINGS)
    site.write("content/report/by-care-type.csv", BY_CARE_TYPE)
    site.write("content/report/monthly.csv", MONTHLY)
    site.write("content/report/escaping.md", """
        ---
        title: Escaping
        ---

        /// chart | Caption with <script>alert("caption")</script> & more
        data: nasty.csv
        ///
    """)
    site.write("content/report/nasty.csv", '"<script>alert(1)</script>","<b>Bold</b> & co",Other\n"<img src=x onerror=alert(2)>",5,6\nFine,7,8\n')
    result = site.build()
    assert result.ok, result.log
    assert result.warnings == []
    return result


class Figures(HTMLParser):
    """The page's chart figures and tables, as a reader's tools see them."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.figures: list[dict] = []
        self.tables: list[dict] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        self.stack.append((tag, attrs))
        if tag == "figure" and "er-chart" in attrs.get("class", ""):
            self.figures.append({"svg": None, "title": "", "desc": "", "table": None, "details": False})
        if tag == "svg" and self.figures and not self._in_other_drawing():
            self.figures[-1]["svg"] = attrs
        if tag == "details" and self.figures:
            self.figures[-1]["details"] = True
        if tag == "table":
            self.tables.append({"caption": "", "col": [], "rows": []})
            if self.figures and self._inside("figure"):
                self.figures[-1]["table"] = self.tables[-1]
        if tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])

    def _in_other_drawing(self) -> bool:
        """Inside the phone's or the PDFs' drawing of a chart (the same chart, drawn narrower)."""
        return any(tag == "svg" and ("--phone" in a.get("class", "") or "--print" in a.get("class", "")) for tag, a in self.stack)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.stack:
            return
        tag, attrs = self.stack[-1]
        if tag in ("title", "desc") and self.figures:
            if not self._in_other_drawing():
                self.figures[-1][tag] += data
        elif tag == "caption" and self.tables:
            self.tables[-1]["caption"] += data
        elif tag in ("th", "td") and self.tables and self.tables[-1]["rows"]:
            self.tables[-1]["rows"][-1].append((tag, attrs.get("scope"), data))

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)


def parse(html: str) -> Figures:
    parser = Figures()
    parser.feed(html)
    return parser


def table_cells(table: dict) -> list[list[str]]:
    return [[text for _, _, text in row] for row in table["rows"]]


# --- Pure logic -----------------------------------------------------------------------

@pytest.mark.parametrize("low, high, expected", [
    (0, 379, [0, 100, 200, 300, 400]),
    (0, 100.1, [0, 20, 40, 60, 80, 100]),  # stacked percentages that round to 100.1
    (0, 85, [0, 20, 40, 60, 80, 100]),
    (60, 90, [60, 70, 80, 90]),
    (0, 7, [0, 2, 4, 6, 8]),
    (-3, 7, [-4, -2, 0, 2, 4, 6, 8]),
    (0, 0.8, [0, 0.2, 0.4, 0.6, 0.8]),
    (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
])
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_value_ticks_start_at_zero_and_reach_the_target():
    assert value_ticks([70, 75], target=85) == [0, 20, 40, 60, 80, 100]
    assert value_ticks([70, 75], target=85, floor=60) == [60, 65, 70, 75, 80, 85]
    assert value_ticks([50, 75], floor=60)[0] == 50  # data below the floor is never cut off


def test_scale_maps_domain_onto_pixels():
    scale = Scale(0, 100, 50, 550)
    assert (scale(0), scale(50), scale(100)) == (50, 300, 550)
    assert Scale(0, 100, 300, 0)(25) == 225  # inverted, as the y axis of a line chart


@pytest.mark.parametrize("text, expected", [("85", 85), (" 85.5 ", 85.5), ("1,234", 1234), ("85%", 85), ("-3", -3), ("", None)])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["n/a", "1,23", "85 %x", "twelve", "1.2.3"])
def test_parse_number_refuses_words(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_units_and_labels():
    assert with_unit("85", "%") == "85%"
    assert with_unit("1,200", "£") == "£1,200"
    assert with_unit("12", "people") == "12 people"
    assert display_label("2017-04") == ("April 2017", "Apr 2017")
    assert display_label("2018-03-31") == ("31 March 2018", "31 Mar 2018")
    assert display_label("2017-13") == ("2017-13", "2017-13")
    assert display_label("Home care") == ("Home care", "Home care")
    assert wrap_words("Requires improvement", 100, 15) == ["Requires", "improvement"]
    assert len(wrap_words("one two three four five six seven", 40, 15, max_lines=2)) == 2


def test_finds_the_line_of_a_block_header():
    source = "---\ntitle: T\n---\n\n/// chart | A\ndata: a.csv\n///\n\n/// chart | B\n///\n\n/// chart | A\n///\n"
    assert find_header_line(source, "chart", "A", 0) == 5
    assert find_header_line(source, "chart", "B", 0) == 9
    assert find_header_line(source, "chart", "A", 1) == 12
    assert find_header_line(source, "table", "A", 0) == 0


def test_csv_with_bom_empty_cells_and_quoted_commas(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes('\ufeffArea,"Good, or better"\nNorth,"1,234"\nSouth,\n'.encode("utf-8"))
    data = load_csv(path)
    assert data.label_header == "Area"
    assert [s.name for s in data.series] == ["Good, or better"]
    assert data.series[0].values == [1234, None]
    assert [c.text("") for c in data.series[0].cells] == ["1,234", "No data"]


@pytest.mark.parametrize("content, line, message", [
    ("Domain,Good\nSafe,365\nCaring,n/a\n", 3, "'n/a' in column Good is not a number"),
    ("", None, "the file is empty"),
    ("Domain,Good\n", 1, "there are no rows under the header row"),
    ("Domain;Good\nSafe;365\n", 1, "separated by commas, not semicolons"),
    ("Domain,Good,Good\nSafe,1,2\n", 1, "column name 'Good' appears twice"),
    ("Domain,Good\nSafe,1,2\n", 2, "this row has 3 values; expected 2"),
])
def test_csv_errors_name_the_file_line_and_value(tmp_path, content, line, message):
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_csv(path)
    assert caught.value.path == path
    assert caught.value.line == line
    assert message in caught.value.message


# --- Built pages ------------------------------------------------------------------------

def test_each_chart_type_renders_an_accessible_svg_and_its_table(charts):
    page = parse(charts.html("report/"))
    assert len(page.figures) == 4
    kinds = re.findall(r'class="er-chart er-chart--([a-z-]+)"', charts.html("report/"))
    assert kinds == ["bar", "stacked-bar", "line", "line"]
    for figure in page.figures:
        svg = figure["svg"]
        assert svg["role"] == "img"
        assert svg["aria-labelledby"] == svg["aria-labelledby"].split()[0] and svg["aria-labelledby"].endswith("-title")
        assert svg["aria-describedby"].endswith("-desc")
        assert "viewbox" in svg
        assert figure["title"] and figure["title"] == figure["table"]["caption"]
        header, *rows = figure["table"]["rows"]
        assert {scope for _, scope, _ in header} == {"col"}
        assert all(row[0][:2] == ("th", "row") for row in rows)


def test_chart_numbers_equal_the_csv(charts):
    figures = parse(charts.html("report/")).figures
    bar, stacked, line, single = (figure["table"] for figure in figures)
    assert table_cells(bar) == [row.split(",") for row in RATINGS.strip().splitlines()]
    assert table_cells(stacked) == [row.split(",") for row in BY_CARE_TYPE.strip().splitlines()]
    assert table_cells(line)[0] == ["Month", "All care types", "Home care"]
    assert table_cells(line)[1:] == [
        ["April 2017", "75.8%", "83.6%"], ["May 2017", "76.2%", "84.0%"], ["June 2017", "76.1%", "No data"],
        ["July 2017", "75.7%", "84.8%"], ["March 2018", "76.0%", "82.3%"],
    ]
    assert table_cells(single)[0] == ["Month", "Home care"]


def test_text_summaries_say_what_the_chart_shows(charts):
    bar, stacked, line, single = (figure["desc"] for figure in parse(charts.html("report/")).figures)
    assert "Highest: Good (379). Lowest: Outstanding (5)." in bar
    assert "Goal: 100. 2 of 4 are at or above it." in bar
    assert "Good: highest Residential care (216), lowest Nursing care (43)." in stacked
    assert "Also in the table: Inadequate." in stacked
    assert "All care types: 75.8% in April 2017 to 76.0% in March 2018; highest 76.2% in May 2017, lowest 75.7% in July 2017." in line
    assert "Target: 85%." in line and "The scale starts at 60%, not 0." in line
    assert single.startswith("83.6% in April 2017 to 82.3% in March 2018.")


def test_series_differ_by_pattern_and_marker_not_colour_alone(charts):
    html = charts.html("report/")
    stacked = html.split('er-chart--stacked-bar')[1].split("</svg>")[0]
    assert stacked.count("<pattern ") == 4
    for mark in ('class="er-chart__mark-line"', 'class="er-chart__mark-dot"'):
        assert mark in stacked
    assert stacked.count('class="er-chart__bar er-chart__s') >= 12 + 4  # every segment, and the legend
    line = html.split('er-chart--line')[1].split("</svg>")[0]
    circle, square = line.split('class="er-chart__series er-chart__s2"')
    assert " 0 1,0 " in circle and "h" in square.split('d="')[1]  # circles for the first series, squares for the second
    assert line.count("<polyline") == 3  # the second series breaks at its empty cell
    assert 'stroke-dasharray="8 5"' in line and ">Target 85%<" in line


def test_ids_are_unique_on_a_page_and_between_pages(charts):
    report = parse(charts.html("report/"))
    assert len(report.ids) == len(set(report.ids))
    chart_ids = [i for i in report.ids if i.startswith("er-chart-")]
    assert len([i for i in chart_ids if i.endswith("-title") and not i.endswith("-phone-title")]) == 4
    other = parse(charts.html("report/escaping/"))
    assert not set(chart_ids) & set(other.ids)


def test_tables_fold_away_in_details_unless_visible(charts):
    figures = parse(charts.html("report/")).figures
    assert [figure["details"] for figure in figures] == [True, True, True, False]
    assert "<summary>Show the numbers as a table</summary>" in charts.html("report/")


def test_plain_table_block_has_no_chart(charts):
    tables = parse(charts.html("report/")).tables
    plain = tables[-1]
    assert plain["caption"] == "Ratings as a plain table"
    assert table_cells(plain)[2] == ["Good", "379"]
    assert charts.html("report/").count("<svg class=\"er-chart__svg\"") == 4


def test_download_link_to_the_published_csv(charts):
    html = charts.html("report/")
    assert 'href="cqc-overall-2018.csv" download>Download cqc-overall-2018.csv</a> (CSV, 1 KB)' in html
    assert (charts.site / "report" / "cqc-overall-2018.csv").is_file()


def test_text_from_csv_and_caption_is_escaped(charts):
    html = charts.html("report/escaping/")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Bold" not in html
    assert "&lt;script&gt;alert(&#34;caption&#34;)&lt;/script&gt; &amp; more" in html
    figure = parse(html).figures[0]
    assert figure["title"] == 'Caption with <script>alert("caption")</script> & more'
    assert table_cells(figure["table"])[0] == ["<script>alert(1)</script>", "<b>Bold</b> & co", "Other"]
    svg = html.split("<svg class=\"er-chart__svg\"")[1].split("</svg>")[0]
    assert "&lt;img src=x onerror=alert(2)&gt;" in svg
    assert ">&lt;b&gt;Bold&lt;/b&gt; &amp; co</text>" in svg  # in the legend


# --- Mistakes: each fails --strict with the file and line, and the build carries on ----------

GOOD = "Domain,Good,Poor\nSafe,365,124\nCaring,448,46\n"
MISTAKES = {
    # page name: (block body lines, expected warning)
    "missing": ("data: nope.csv", "content/errors/missing.md:6: CSV file 'nope.csv' not found; expected it next to the page, at content/errors/nope.csv"),
    "bad-number": ("data: bad.csv", "content/errors/bad.csv:3: 'n/a' in column Good is not a number; expected a number like 85 or 85.5"),
    "type": ("data: good.csv\ntype: pie", "content/errors/type.md:7: type 'pie' is not known; expected one of: bar, stacked-bar, line"),
    "column": ("data: good.csv\ncolumns: [Good, Goood]", "content/errors/column.md:7: column 'Goood' is not in good.csv; its columns are: Good, Poor"),
    "escape": ("data: ../../secret.csv", "content/errors/escape.md:6: path '../../secret.csv' leads outside the site's folders"),
    "absolute": ("data: /etc/secret.csv", "content/errors/absolute.md:6: path '/etc/secret.csv' must be relative to the page, like data.csv"),
    "unknown-key": ("data: good.csv\ncolour: red", "content/errors/unknown-key.md:7: unknown key 'colour' in chart block; expected one of: data, type"),
    "no-data": ("type: bar", "content/errors/no-data.md:5: the chart block needs its CSV file: add a line like 'data: ratings.csv'"),
    "empty": ("data: empty.csv", "content/errors/empty.csv: the file is empty; expected a header row"),
    "spreadsheet": ("data: ratings.xlsx", "content/errors/spreadsheet.md:6: data 'ratings.xlsx' must be a CSV file ending in .csv"),
    "y-min-on-bars": ("data: good.csv\ny_min: 50", "content/errors/y-min-on-bars.md:7: y_min only works for line charts"),
    "target-word": ("data: good.csv\ntarget: high", "content/errors/target-word.md:7: target 'high' must be a number, like 85"),
    "broken-yaml": ("data: good.csv\ncolumns: [Good", "content/errors/broken-yaml.md:"),
    "too-many-bars": ("data: wide.csv", "content/errors/too-many-bars.md:6: a bar chart can show at most 60 bars and wide.csv makes 63 (21 rows of 3 columns)"),
    "negative-stack": ("data: negative.csv\ntype: stacked-bar", "content/errors/negative-stack.md:6: a stacked-bar chart needs numbers of 0 or more; negative.csv has -2 in column Poor for Caring"),
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("chart-mistakes"))
    site.publication("errors")
    for name, (body, _) in MISTAKES.items():
        site.write(f"content/errors/{name}.md", f"---\ntitle: {name}\n---\n\n/// chart | Chart on {name}\n{body}\n///\n\nAfter the chart.\n")
    site.write("content/errors/no-caption.md", "---\ntitle: No caption\n---\n\n/// chart\ndata: good.csv\n///\n")
    site.write("content/errors/table-type.md", "---\ntitle: Table\n---\n\n/// table | Numbers\ndata: good.csv\ntype: bar\n///\n")
    site.write("content/errors/good.csv", GOOD)
    site.write("content/errors/bad.csv", "Domain,Good\nSafe,365\nCaring,n/a\n")
    site.write("content/errors/empty.csv", "")
    site.write("content/errors/negative.csv", "Domain,Good,Poor\nSafe,3,1\nCaring,4,-2\n")
    site.write("content/errors/wide.csv", "Row,A,B,C\n" + "".join(f"Row {i},1,2,3\n" for i in range(21)))
    site.write("secret.csv", GOOD)
    result = site.build()
    return site, result


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_fails_strict_naming_file_and_line(mistakes, name):
    _, result = mistakes
    expected = MISTAKES[name][1]
    assert not result.ok and "Aborted" in result.error
    assert any(warning.startswith(expected) for warning in result.warnings), result.warnings
    assert "Chart could not be shown" in result.html(f"errors/{name}/")
    assert "After the chart." in result.html(f"errors/{name}/")


def test_broken_yaml_names_the_line(mistakes):
    _, result = mistakes
    assert any(re.match(r"content/errors/broken-yaml\.md:7: broken YAML", w) for w in result.warnings), result.warnings


def test_caption_and_table_options_are_checked(mistakes):
    _, result = mistakes
    assert "content/errors/no-caption.md:5: the chart block needs a caption after a bar, like: /// chart | What the numbers show" in result.warnings
    assert any(w.startswith("content/errors/table-type.md:7: unknown key 'type' in table block; expected one of: data, columns, unit") for w in result.warnings)
    assert len(result.warnings) == len(MISTAKES) + 2  # one each, nothing else
    assert "Traceback" not in result.log


def test_strict_command_line_build_fails_without_traceback(mistakes):
    site, _ = mistakes
    process = site.run("build", "--strict")
    assert process.returncode != 0
    assert "Traceback" not in process.stderr
    assert "content/errors/type.md:7: type 'pie' is not known" in process.stderr


# --- Options and other extensions ---------------------------------------------------------

def test_co_exists_with_a_sites_own_pymdownx_blocks(tmp_path):
    site = make_site(tmp_path)
    site.config["markdown_extensions"] = ["pymdownx.superfences", "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.html"]
    site.publication("report", body="""
        /// note | A note
        Words in a note.
        ///

        //// details | More about ratings
        /// chart | Ratings inside details
        data: ratings.csv
        ///
        ////

        ```
        /// chart | An example in code
        data: not-read.csv
        ///
        ```

        /// chart | Indented options, the pymdownx way
            data: ratings.csv
            type: bar
        ///
    """)
    site.write("content/report/ratings.csv", RATINGS)
    result = site.build()
    assert result.ok, result.log
    html = result.html("report/")
    assert 'class="admonition note"' in html
    figures = parse(html).figures
    assert [f["title"] for f in figures] == ["Ratings inside details", "Indented options, the pymdownx way"]
    assert "/// chart | An example in code" in html


def test_switched_off_charts_show_their_tables(tmp_path):
    site = make_site(tmp_path)
    site.plugin_options()["charts"] = {"enabled": False, "download_link": False}
    site.publication("report", body="/// chart | Ratings\ndata: ratings.csv\ntype: line\n///\n")
    site.write("content/report/ratings.csv", RATINGS)
    result = site.build()
    assert result.ok, result.log
    html = result.html("report/")
    assert "<svg class=\"er-chart__svg\"" not in html and "Download" not in html
    assert table_cells(parse(html).tables[0])[1] == ["Outstanding", "5"]


def test_charts_in_easy_read_pages_read_csv_beside_them(tmp_path):
    site = make_site(tmp_path)
    site.publication("report")
    site.write("easyread/report/index.md", "---\ntitle: Easy read\n---\n\n/// chart | How good care is\ndata: ratings.csv\n///\n")
    site.write("easyread/report/ratings.csv", RATINGS)
    result = site.build(strict=False)
    if not (result.site / "easy-read" / "report" / "index.html").exists():
        pytest.skip("easy-read pages are not built yet")
    assert not [w for w in result.warnings if "chart" in w or "csv" in w], result.warnings
    assert parse(result.html("easy-read/report/")).figures[0]["title"] == "How good care is"


# --- In Chromium: axe-core light and dark, with and without JavaScript, and print ----------

@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_page_of_charts(browser, serve, charts, scheme, javascript):
    base = serve(charts.site)
    assert axe_violations(browser, base + "report/", scheme, scripts=javascript) == []


@pytest.mark.browser
def test_charts_and_tables_work_without_javascript(browser, serve, charts):
    base = serve(charts.site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(base + "report/")
        svgs = page.locator("svg.er-chart__svg:visible")
        assert svgs.count() == 4
        for index in range(4):
            box = svgs.nth(index).bounding_box()
            assert box and box["width"] > 300 and box["height"] > 100
        assert page.get_by_role("img", name="Ratings by care type").is_visible()
        folded = page.locator("figure.er-chart").nth(1)
        assert not folded.locator("table").is_visible()
        folded.get_by_text("Show the numbers as a table").click()
        assert folded.locator("table").is_visible()
        assert folded.locator("tbody tr").count() == 3
        open_table = page.locator("figure.er-chart").nth(3).locator("table")
        assert open_table.is_visible() and open_table.locator("tbody tr").count() == 5
        page.emulate_media(media="print")
        for index in range(4):
            assert page.locator("figure.er-chart").nth(index).locator("table").is_visible()
        assert not page.get_by_text("Show the numbers as a table").first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_dark_scheme_recolours_the_series(browser, serve, charts):
    base = serve(charts.site)
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        try:
            page.goto(base + "report/")
            page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === '%s'" % ("slate" if scheme == "dark" else "default"))
            colours[scheme] = page.eval_on_selector(".er-chart--line .er-chart__s1 .er-chart__line", "e => getComputedStyle(e).stroke")
        finally:
            context.close()
    assert colours == {"light": "rgb(29, 94, 150)", "dark": "rgb(140, 196, 255)"}


def test_charts_and_their_tables_reach_a_pdf(charts):
    """WeasyPrint draws the SVG as vector graphics and prints the folded-away table."""
    pytest.importorskip("weasyprint")
    import pypdfium2
    from mkdocs_easyread.charts.feature import __file__ as feature_file
    from weasyprint import CSS, HTML

    html = charts.html("report/")
    body = html[html.index('<figure class="er-chart er-chart--stacked-bar"'):]
    body = body[: body.index("</figure>") + len("</figure>")]
    css = CSS(filename=str(__import__("pathlib").Path(feature_file).parent / "assets" / "charts.css"))
    pdf = HTML(string=f"<html lang='en'><body>{body}</body></html>").write_pdf(stylesheets=[css], pdf_variant="pdf/ua-1")
    document = pypdfium2.PdfDocument(pdf)
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "Ratings by care type" in text
    assert "Residential care" in text and "216" in text  # drawn in the SVG and in the table
    assert text.count("Nursing care") >= 2
    assert "Show the numbers as a table" not in text
    objects = list(document[0].get_objects())
    assert sum(1 for o in objects if o.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH) > 10  # bars as paths, not an image
    assert not any(o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE for o in objects)


@pytest.mark.parametrize("chart_type", ["bar", "stacked-bar", "line"])
@pytest.mark.parametrize("csv_text", [
    "Area,Change\nNorth,-3.5\nSouth,2\n",  # negative values (stacked bars refuse them before layout)
    "Area,People\nNorfolk,1234567\n",  # one row, a big number
    "Area,A,B\nNorth,,\nSouth,,\n",  # no data at all
    "Area,A,B,C,D,E,F\n" + "".join(f"A very long area name number {i},{i},{i * 2},{i * 3},{i},{i},{i}\n" for i in range(30)),
])
def test_odd_data_lays_out_without_crashing(tmp_path, chart_type, csv_text):
    from mkdocs_easyread.charts.bars import layout_bars
    from mkdocs_easyread.charts.feature import rounded, table_view
    from mkdocs_easyread.charts.lines import layout_line
    from mkdocs_easyread.charts.spec import ChartOptions
    from mkdocs_easyread.charts.summary import describe_chart
    from mkdocs_easyread.render import Components

    path = tmp_path / "data.csv"
    path.write_text(csv_text, encoding="utf-8")
    data = load_csv(path)
    if chart_type == "stacked-bar" and any(v is not None and v < 0 for s in data.series for v in s.values):
        return
    options = ChartOptions("chart", "Caption", "data.csv", 1, type=chart_type, target=1.5)
    layout = layout_line if chart_type == "line" else layout_bars
    chart = rounded(layout("c1", data, options))
    html = Components().render("charts/components/figure.html", id="c1", caption="Caption", chart=chart,
                               description=describe_chart(data, options), table=table_view(data, ""),
                               table_display="details", download=None)
    figure = parse(str(html)).figures[0]
    assert figure["svg"]["role"] == "img" and figure["desc"]
    assert 0 < chart.height < 6000
    assert all(bar.box.w >= 0 and bar.box.x >= 0 for bar in chart.bars)
