"""Options of the accessible theme layer."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ThemeConfig(Config):
    dark_mode = c.Type(bool, default=True)
    """Follow the reader's light or dark setting (when the site sets no palette of its own)."""

    prune_navigation_from = c.Type(int, default=150)
    """From this many pages, only the current section's navigation is written into each page
    (Material's navigation.prune), so that large sites grow linearly. 0 turns it off."""

    home_lists_publications = c.Type(bool, default=True)
    """The home page lists the site's publications by type."""
