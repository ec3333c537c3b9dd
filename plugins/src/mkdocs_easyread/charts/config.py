"""Options of charts from CSV."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ChartsConfig(Config):
    enabled = c.Type(bool, default=True)
    """Draw charts. Off: each chart block shows only its table of numbers."""

    table = c.Choice(("details", "visible"), default="details")
    """Where a chart's table of numbers goes: in a 'Show the numbers as a table' box that opens
    without JavaScript ("details"), or always on show ("visible"). Print always shows it.
    A chart block may say `table: visible` for itself."""

    download_link = c.Type(bool, default=True)
    """Under each chart and table, a link to download its CSV file (when the file is published)."""
