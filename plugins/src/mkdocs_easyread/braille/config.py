"""Options of the Braille-ready files (`.brf`) made beside each publication's PDFs."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..pdf.config import Switch


class Count(c.BaseConfigOption[int]):
    """A whole number within limits (cells on a line, lines on a page)."""

    def __init__(self, default: int, minimum: int, maximum: int) -> None:
        super().__init__()
        self.default, self.minimum, self.maximum = default, minimum, maximum

    def run_validation(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not self.minimum <= value <= self.maximum:
            raise ValidationError(f"expected a whole number from {self.minimum} to {self.maximum}, got {value!r}")
        return value


class BrailleConfig(Config):
    enabled = Switch(default=True)
    """Make a Braille-ready file of each publication that has PDFs, and of its easy-read version
    (only when PDFs are made: not in `mkdocs serve` unless `pdf.in_serve`)."""

    required = Switch(default=False)
    """Without liblouis on the machine, warn (so `mkdocs build --strict` fails) instead of logging one line
    and building everything else."""

    grade = c.Choice((1, 2), default=2)
    """2: contracted braille (Unified English Braille grade 2; Welsh grade 2 for Welsh publications);
    1: uncontracted (grade 1)."""

    cells_per_line = Count(default=40, minimum=20, maximum=100)
    """Braille cells on a line: 40 for the usual embosser paper (11 by 11.5 inches)."""

    lines_per_page = Count(default=25, minimum=10, maximum=50)
    """Lines on a braille page, the last one carrying the braille page number."""
