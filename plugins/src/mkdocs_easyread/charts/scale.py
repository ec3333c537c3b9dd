"""Pure numbers for charts: nice axis ticks, linear scales, number and label formatting."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from babel.dates import format_date

from ..languages.catalogue import babel_locale
from ..languages.speaking import current_language

NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
# A value this little past a round number (in steps) does not earn another tick: stacked
# percentages that add up to 100.1 because of rounding still get an axis that ends at 100%.
OVERSHOOT = 0.01
DEFAULT_MAX_VALUE = 1e15  # the default of option charts.max_value; floats hold every whole number up to 9e15
# Bounds that keep tick computation finite and small for any input, checked or not:
MAX_TICKS = 12
AXIS_LIMIT = 1e306  # no axis reaches further from 0 (stacked totals of 1e300 values still fit)
MIN_SPAN = 1e-9  # the smallest range an axis covers
RELATIVE_SPAN = 1e-12  # ...and relative to its values' size: floats hold about 16 digits
PREFIX_UNITS = {"£", "$", "€"}
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` intervals over ``span``."""
    if not span > 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(count, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for step in NICE_STEPS:
        if raw <= step * magnitude * (1 + OVERSHOOT):
            return step * magnitude
    return 10 * magnitude


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high; always includes 0 when the range does.

    Safe for any floats: NaN counts as 0, values beyond AXIS_LIMIT are clipped, a range too
    narrow for its magnitude is widened, and there are never more than MAX_TICKS ticks.
    """
    low, high = sorted((_on_axis(low), _on_axis(high)))
    if high == low:
        high = low + (abs(low) or 1.0)
    high = max(high, low + max(MIN_SPAN, max(abs(low), abs(high)) * RELATIVE_SPAN))
    step = nice_step(high - low, max(1, min(count, MAX_TICKS - 1)))
    for _ in range(64):  # each round doubles the step; 64 rounds outgrow any float range
        first = math.floor(low / step + OVERSHOOT)
        last = math.ceil(high / step - OVERSHOOT)
        if last - first < MAX_TICKS:
            break
        step *= 2
    else:  # not reached: the step from nice_step gives at most about count + 3 ticks
        return [low, high]
    decimals = max(0, 1 - math.floor(math.log10(step)))  # enough to tell the ticks apart, no float noise
    return [round(index * step, decimals) + 0.0 for index in range(first, last + 1)]


def _on_axis(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(max(value, -AXIS_LIMIT), AXIS_LIMIT)


def value_ticks(values: list[float], target: float | None = None, floor: float | None = None, count: int = 5) -> list[float]:
    """Ticks for a value axis from 0 (or ``floor``) to the largest value or target; non-finite values are left out."""
    known = [v for v in [*values, target] if v is not None and math.isfinite(v)]
    high = max(known + [0.0])
    low = min(known + [0.0]) if floor is None or not math.isfinite(floor) else min([floor] + known)
    return nice_ticks(low, high, count)


@dataclass(frozen=True)
class Scale:
    """Maps a domain (low..high) onto a pixel range (start..end)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return self.start
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def decimals_of(text: str) -> int:
    """How many digits follow the decimal point in a number as written."""
    _, _, fraction = text.partition(".")
    return len(fraction.rstrip("%").strip())


def format_number(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1,234.5' with the given number of decimals; never '-0'."""
    text = f"{value:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def with_unit(text: str, unit: str) -> str:
    """'85' + '%' -> '85%'; '£' is put in front; words get a space: '12 people'."""
    if not unit:
        return text
    if unit in PREFIX_UNITS:
        return f"-{unit}{text[1:]}" if text.startswith("-") else f"{unit}{text}"
    if unit[0].isalpha():
        return f"{text} {unit}"
    return f"{text}{unit}"


def tick_label(value: float, ticks: list[float], unit: str) -> str:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = 0 if float(step).is_integer() else min(3, max(decimals_of(repr(round(step, 6))), 1))
    return with_unit(format_number(value, decimals), unit)


def parse_number(text: str) -> float | None:
    """A number from a CSV cell: '85', '-3.5', '1,234', '85%'. Empty is None; anything else raises ValueError."""
    cleaned = text.strip()
    if cleaned == "":
        return None
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(text)
    return float(cleaned)


def number_problem(value: float, max_value: float) -> str | None:
    """What keeps a number off a chart: not a number, or further from 0 than ``max_value`` (infinity included)."""
    if math.isnan(value):
        return "is not a number (NaN)"
    if not abs(value) <= max_value:
        return "is outside the range a chart or table can show"
    return None


def allowed_numbers(max_value: float) -> str:
    limit = plain_number(max_value) if max_value < 1e16 else f"{max_value:g}"
    return f"a number like 85 or 85.5, from -{limit} to {limit}"


def quoted_value(text: str, limit: int = 40) -> str:
    """A value for a message: quoted, and cut short when long."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit] + '…'!r} ({len(text):,} characters)"


def display_label(text: str) -> tuple[str, str]:
    """(long, short) forms of a row label: ISO months and days read as words, others unchanged."""
    if match := ISO_MONTH.match(text):
        date = _safe_date(int(match[1]), int(match[2]), 1)
        if date:
            return _date_words(date, "LLLL y"), _date_words(date, "LLL y")
    if match := ISO_DAY.match(text):
        date = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if date:
            return _date_words(date, "d MMMM y"), _date_words(date, "d MMM y")
    return text, text


def _date_words(date: dt.date, pattern: str) -> str:
    """A date in the language being written (the page's): 'March 2024', 'Mawrth 2024'."""
    return format_date(date, pattern, locale=babel_locale(current_language()))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Rough advance widths (in em) of a sans-serif font, so that labels can be laid out without a browser.
_NARROW = set("iljtfI.,:;'!|() ")
_WIDE = set("mwMW@%")


def text_width(text: str, font_size: float) -> float:
    """An estimate of rendered width, on the generous side: it leaves room for the letter and word
    spacing a reader may add (WCAG 1.4.12: 0.12 em between letters, 0.16 em between words)."""
    ems = 0.0
    for char in text:
        ems += 0.28 if char == " " else 0.12
        if char in _NARROW:
            ems += 0.3
        elif char in _WIDE:
            ems += 0.85
        elif char.isupper() or char.isdigit():
            ems += 0.64
        else:
            ems += 0.55
    return ems * font_size * 1.05


def wrap_words(text: str, width: float, font_size: float, max_lines: int = 3) -> list[str]:
    """Break a label into lines no wider than ``width``; the last line keeps the rest, with an ellipsis if cut."""
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        candidate = f"{current} {word}"
        if text_width(candidate, font_size) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [_shorten(" ".join(lines[max_lines - 1:]), width, font_size)]
    return lines


def _shorten(text: str, width: float, font_size: float) -> str:
    """The longest start of ``text`` that fits with an ellipsis (at least one character); linear in its length."""
    room = width - text_width("…", font_size)
    used, keep = 0.0, 1
    for index, char in enumerate(text):
        used += text_width(char, font_size)
        if used > room:
            break
        keep = index + 1
    return text[:keep].rstrip() + "…"


def plain_number(value: float) -> str:
    """A number from an option (target: 85, 72.5) as it was written."""
    return format_number(value, 0 if float(value).is_integer() else decimals_of(repr(value)))
