"""Options of the PDF builds."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PdfConfig(Config):
    enabled = c.Type(bool, default=True)
    """Build PDFs for publications with `pdf: true`."""

    in_serve = c.Type(bool, default=False)
    """Also build PDFs in `mkdocs serve` (off: serving stays fast)."""

    concurrency = c.Type(int, default=0)
    """Worker processes for PDF rendering; 0 means one per core."""

    cache_dir = c.Type(str, default=".cache/easyread")
    """Where rendered PDFs are cached by content hash, relative to mkdocs.yml."""
