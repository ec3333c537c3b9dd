"""Options of the PDF builds."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

FALSE_WORDS = {"0", "false", "no", "off", ""}
TRUE_WORDS = {"1", "true", "yes", "on"}


class Switch(c.BaseConfigOption[bool]):
    """A yes/no option that also takes what `!ENV [NAME, true]` gives: 0, 1, 'false', 'yes'."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value != 0
        if isinstance(value, str) and value.strip().lower() in FALSE_WORDS | TRUE_WORDS:
            return value.strip().lower() in TRUE_WORDS
        raise ValidationError(f"expected true or false, got {value!r}")


class PdfConfig(Config):
    enabled = Switch(default=True)
    """Build PDFs for publications with `pdf: true` (also takes 0/1 from an environment variable)."""

    in_serve = Switch(default=False)
    """Also build PDFs in `mkdocs serve` (off: serving stays fast)."""

    concurrency = c.Type(int, default=0)
    """Worker processes for PDF rendering; 0 means one per core."""

    cache_dir = c.Type(str, default=".cache/easyread")
    """Where rendered PDFs (by content hash) and compiled templates are cached, relative to mkdocs.yml."""

    attachments = Switch(default=False)
    """Embed files of the site that a page links to with `rel="attachment"` (off: such links never embed a file)."""

    logo = c.Optional(c.Type(str))
    """The organisation's logo on PDF covers: a picture inside docs_dir, e.g. `assets/logo.svg`.
    Unset: the theme's `logo` from mkdocs.yml, when that is a file of the site."""

    contents_from_chapters = c.Type(int, default=3)
    """A PDF gets a contents list when it has at least this many chapters (pages), or `contents_from_headings` headings."""

    contents_from_headings = c.Type(int, default=8)
    """A PDF gets a contents list when it has at least this many headings below its chapter titles (h2 to h6)."""
