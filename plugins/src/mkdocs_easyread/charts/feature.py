"""Charts and tables from CSV files next to a page, drawn as SVG without JavaScript.

``/// chart | Caption`` and ``/// table | Caption`` blocks (blocks.py) hand their
options here while the page's Markdown is rendered: they are checked (spec.py),
the CSV is loaded (data.py), laid out (bars.py, lines.py) and rendered through
the components. Any mistake becomes a SourceError with the page's file and line,
and the page shows a short note instead of the chart. So does a bug: an unexpected
exception while one block is loaded or drawn costs that block, not the site.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from ..build import Feature
from ..errors import SourceError, log
from ..sources import resolve_inside
from .bars import layout_bars
from .blocks import BlockRequest, ChartsExtension
from .data import Dataset, load_csv
from .lines import layout_line
from .spec import BlockSource, ChartOptions, find_header_line, read_options
from .summary import describe_chart
from .view import MAX_SERIES, PHONE_WIDTH, PRINT_WIDTH, Chart

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MAX_ROWS = {"bar": 40, "stacked-bar": 40, "line": 60}
MAX_GROUPED_BARS = 60  # beyond this a grouped bar chart is taller than anyone can compare


class Charts(Feature):
    files: Files | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        if not any(isinstance(ext, ChartsExtension) for ext in config.markdown_extensions):
            config.markdown_extensions.append(ChartsExtension(render=self.render_block))

    def on_files(self, files: Files) -> None:
        self.files = files

    def render_block(self, request: BlockRequest) -> str:
        """HTML for one block of the page being rendered; never raises for an author's mistake."""
        page = self.build.current_page
        what = "Chart" if request.name == "chart" else "Table"
        if page is None:  # Markdown rendered outside a page: nothing to resolve the CSV against
            return str(self._render("error.html", what=what, caption=request.caption))
        where = self._where(page, request)
        charts = self.build.options.charts
        options = None
        try:
            options = read_options(where, request.name, request.caption, request.header, request.body, charts.table, charts.max_value)
            data = self._load(where, options)
            return str(self._block_html(page, request, options, data))
        except SourceError as error:
            self.build.reporter.warn(error)
        except Exception as error:  # a bug in this feature: report it like a mistake, keep building
            log.debug("charts: unexpected error in a block on %s", where.path, exc_info=True)
            self.build.reporter.warn(_crash_error(where, request, options, error))
        return str(self._render("error.html", what=what, caption=request.caption))

    def _where(self, page: Page, request: BlockRequest) -> BlockSource:
        path = Path(page.file.abs_src_path) if page.file.abs_src_path else self.build.docs_dir / page.file.src_uri
        try:
            source = page.file.content_string
        except (OSError, UnicodeDecodeError, TypeError):
            source = ""
        return BlockSource(path, find_header_line(source, request.name, request.caption, request.occurrence))

    def _load(self, where: BlockSource, options: ChartOptions) -> Dataset:
        line = options.data_line
        if not options.data.lower().endswith(".csv"):
            raise SourceError(where.path, line, f"data {options.data!r} must be a CSV file ending in .csv; save the spreadsheet as CSV")
        roots = [self.build.docs_dir, self.build.easy_read_dir]
        path = resolve_inside(where.path.parent, options.data, roots, where.path, line)
        if not path.is_file():
            raise SourceError(where.path, line, f"CSV file {options.data!r} not found; expected it next to the page, at {self.build.shown(path)}")
        data = load_csv(path, self.build.options.charts.max_value).select(options.columns, where.path, options.columns_line or line)
        if options.block == "chart" and self.build.options.charts.enabled:
            _check_chartable(data, options, where)
        return data

    def _block_html(self, page: Page, request: BlockRequest, options: ChartOptions, data: Dataset) -> Any:
        element_id = f"er-{request.name}-{_page_key(page)}-{request.number}"
        context = {
            "id": element_id,
            "caption": options.caption,
            "table": table_view(data, options.unit),
            "download": self._download(page, data.path),
        }
        if options.block == "table" or not self.build.options.charts.enabled:
            return self._render("data-table.html", **context)
        layout = layout_line if options.type == "line" else layout_bars
        chart = rounded(layout(element_id, data, options))
        # Large-print and easy-read PDFs print a narrower drawing, so that its words are as large as the text.
        print_chart = rounded(layout(f"{element_id}-print", data, options, width=PRINT_WIDTH)) if self.build.pdfs_enabled() else None
        # Scaled to a phone's width, the standard drawing's text would shrink to 7 px: phones get their own.
        phone_chart = rounded(layout(f"{element_id}-phone", data, options, width=PHONE_WIDTH))
        return self._render("figure.html", chart=chart, print_chart=print_chart, phone_chart=phone_chart, description=describe_chart(data, options), table_display=options.table, **context)

    def _download(self, page: Page, path: Path) -> dict[str, str] | None:
        if not self.build.options.charts.download_link or self.files is None or not path.is_relative_to(self.build.docs_dir):
            return None
        file = self.files.get_file_from_path(path.relative_to(self.build.docs_dir).as_posix())
        if file is None or file.is_documentation_page():
            return None
        size = max(1, math.ceil(path.stat().st_size / 1024))
        return {"href": get_relative_url(file.url, page.url), "name": path.name, "size": f"{size} KB"}

    def _render(self, name: str, **context: Any) -> Any:
        return self.build.components.render(f"charts/components/{name}", **context)



def _crash_error(where: BlockSource, request: BlockRequest, options: ChartOptions | None, error: Exception) -> SourceError:
    csv_file = f" from {options.data}" if options is not None else ""
    detail = f"{type(error).__name__}: {error}"
    detail = detail if len(detail) <= 200 else detail[:200] + "…"
    return SourceError(where.path, where.line, f"the {request.name} {request.caption!r}{csv_file} could not be shown because of "
                       f"an unexpected error in the charts feature ({detail}); the rest of the page was built. "
                       "Please report it with this page and its CSV file")


def _check_chartable(data: Dataset, options: ChartOptions, where: BlockSource) -> None:
    line = options.columns_line or options.data_line
    if len(data.series) > MAX_SERIES:
        names = ", ".join(s.name for s in data.series)
        raise SourceError(where.path, line, f"a chart can show at most {MAX_SERIES} columns of numbers and {data.path.name} has {len(data.series)} ({names}); choose some with 'columns: [A, B]' or use a /// table block")
    bars = len(data.labels) * len(data.series)
    if options.type == "bar" and bars > MAX_GROUPED_BARS:
        raise SourceError(where.path, line, f"a bar chart can show at most {MAX_GROUPED_BARS} bars and {data.path.name} makes {bars} ({len(data.labels)} rows of {len(data.series)} columns); choose columns with 'columns: [A, B]', use type: stacked-bar, or a /// table block")
    if len(data.labels) > MAX_ROWS[options.type]:
        raise SourceError(where.path, line, f"a {options.type} chart can show at most {MAX_ROWS[options.type]} rows and {data.path.name} has {len(data.labels)}; use a /// table block, or split the data")
    if options.type == "stacked-bar":
        for series in data.series:
            for label, value in zip(data.labels, series.values):
                if value is not None and value < 0:
                    raise SourceError(where.path, line, f"a stacked-bar chart needs numbers of 0 or more; {data.path.name} has {value:g} in column {series.name} for {label}")


def table_view(data: Dataset, unit: str) -> dict[str, Any]:
    rows = [
        {"label": label, "cells": [series.cells[index].text(unit) for series in data.series]}
        for index, label in enumerate(data.long_labels)
    ]
    return {"label_header": data.label_header, "headers": [s.name for s in data.series], "rows": rows}


def rounded(chart: Chart) -> Chart:
    """The same chart with every coordinate rounded to 0.1, for compact SVG."""
    return _round(chart)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 1) + 0.0
    if isinstance(value, list):
        return [_round(item) for item in value]
    names = _init_fields(type(value))
    if names:
        return dataclasses.replace(value, **{name: _round(getattr(value, name)) for name in names})
    return value


@functools.cache
def _init_fields(kind: type) -> tuple[str, ...]:
    """The fields a dataclass's constructor takes (none for any other type): a chart has thousands of values."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.init) if dataclasses.is_dataclass(kind) else ()


def _page_key(page: Page) -> str:
    """A short stable key per page, so that ids stay unique when pages are joined (PDFs)."""
    return hashlib.sha1(page.file.src_uri.encode("utf-8")).hexdigest()[:6]
