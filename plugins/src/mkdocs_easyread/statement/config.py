"""Options of the accessibility statement (the GOV.UK model statement, filled in by the build)."""

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class StatementConfig(Config):
    enabled = c.Type(bool, default=True)
    """Publish the accessibility statement and link it from every page's footer."""

    url = c.Type(str, default="accessibility")
    """Folder of the statement (`<url>/`); its easy-read version is at `easy-read/<url>/`."""

    reply_days = c.Type(int, default=5)
    """How many working days you take to answer a request for another format or a report of a problem."""

    enforcement = c.Choice(("ehrc", "ecni"), default="ehrc")
    """Who enforces the regulations: `ehrc` (England, Scotland, Wales: EHRC and EASS) or `ecni` (Northern Ireland)."""

    compliance = c.Choice(("full", "partial", "not"), default="partial")
    """Your compliance status with WCAG 2.2 AA. `full` is shown only while the build finds nothing non-accessible."""

    prepared = c.Optional(c.Type(dt.date))
    """The date the statement was first prepared (default: the build date)."""

    reviewed = c.Optional(c.Type(dt.date))
    """The date it was last reviewed (default: the build date, or SOURCE_DATE_EPOCH's)."""

    tested = c.Optional(c.Type(dt.date))
    """The date people last tested the site by hand (optional)."""

    tested_by = c.Optional(c.Type(str))
    """Who tested it, e.g. "the council's digital team" or an auditor's name (optional)."""

    known_issues = c.Type(str, default="accessibility-issues.md")
    """Your own known issues in Markdown, relative to docs_dir; included in the statement, never published alone."""
