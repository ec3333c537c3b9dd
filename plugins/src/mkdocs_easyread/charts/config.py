"""Options of charts from CSV."""

from __future__ import annotations

import math
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from .scale import AXIS_LIMIT, DEFAULT_MAX_VALUE

MAX_VALUE_LIMIT = AXIS_LIMIT / 1e6  # stacked totals of such values still fit on an axis


class PositiveNumber(BaseConfigOption[float]):
    """A number above 0 and at most ``limit``; YAML's ``1e15`` (which it reads as text) is accepted."""

    def __init__(self, default: float, limit: float) -> None:
        super().__init__()
        self.default = default
        self.limit = limit

    def run_validation(self, value: Any) -> float:
        try:
            number = float(value) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else math.nan
        except (ValueError, OverflowError):
            number = math.nan
        if not 0 < number <= self.limit:
            raise ValidationError(f"expected a number above 0 and at most {self.limit:g}, like 1000000000000000; got {value!r}")
        return number


class ChartsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Draw charts. Off: each chart block shows only its table of numbers."""

    table = c.Choice(("details", "visible"), default="details")
    """Where a chart's table of numbers goes: in a 'Show the numbers as a table' box that opens
    without JavaScript ("details"), or always on show ("visible"). Print always shows it.
    A chart block may say `table: visible` for itself."""

    download_link = c.Type(bool, default=True)
    """Under each chart and table, a link to download its CSV file (when the file is published)."""

    max_value = PositiveNumber(DEFAULT_MAX_VALUE, MAX_VALUE_LIMIT)
    """The largest size of number in a chart's or table's CSV file and in a chart's options (target, y_min):
    a number further from 0, infinity or NaN is reported with its file and line. Beyond about 9e15
    whole numbers lose digits."""
