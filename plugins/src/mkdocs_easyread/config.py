"""The plugin's options: the contract's top-level ones, and one typed block per feature."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .braille.config import BrailleConfig
from .charts.config import ChartsConfig
from .easy_read.config import EasyReadConfig
from .news.config import NewsConfig
from .outcomes.config import OutcomesConfig
from .pdf.config import PdfConfig
from .statement.config import StatementConfig
from .theme.config import ThemeConfig


class AlternativeFormats(Config):
    """How to ask for another format; shown on every page and in every PDF."""

    phone = c.Optional(c.Type((str, int)))
    """Phone number, as people should read it, e.g. 0344 800 8020."""
    textphone = c.Optional(c.Type((str, int)))
    """Textphone number."""
    email = c.Optional(c.Type(str))
    """Email address for requests."""
    formats = c.Optional(c.Type(str))
    """Which formats people may ask for, in the notice's words (unset: "large print, audio, Braille or another language", in the page's language)."""


class PluginConfig(Config):
    organisation = c.Type(str, default="")
    """The council or body that publishes; shown on covers and in headers."""

    alternative_formats = c.SubConfig(AlternativeFormats)
    """How to ask for large print, audio, Braille or another language."""

    easy_read_dir = c.Type(str, default="easyread")
    """Folder of easy-read sources, relative to mkdocs.yml (beside docs_dir)."""

    glossary_file = c.Type(str, default="glossary.yml")
    """Glossary, relative to docs_dir."""

    feedback = c.Optional(c.Type(str))
    """Email address for 'Tell us what you think' links on draft and consultation pages."""

    review = c.Optional(c.Type(bool))
    """Build the review page at review/. Unset: only in `mkdocs serve`."""

    publish_gate = c.Type(bool, default=False)
    """Fail the build when a published publication has unchecked easy read or checker warnings."""

    theme = c.SubConfig(ThemeConfig)
    """The accessible layer over Material."""
    easy_read = c.SubConfig(EasyReadConfig)
    """Easy-read pages and their checker."""
    outcomes = c.SubConfig(OutcomesConfig)
    """Outcome tracking from outcomes.yml."""
    charts = c.SubConfig(ChartsConfig)
    """Charts and tables from CSV."""
    news = c.SubConfig(NewsConfig)
    """The news list and its Atom feed."""
    pdf = c.SubConfig(PdfConfig)
    """Tagged PDF/UA-1 PDFs."""
    braille = c.SubConfig(BrailleConfig)
    """Braille-ready files (BRF) beside the PDFs, translated by liblouis."""
    statement = c.SubConfig(StatementConfig)
    """The accessibility statement at accessibility/ and its easy-read version."""
