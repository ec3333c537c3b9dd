"""Options of charts from CSV."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ChartsConfig(Config):
    enabled = c.Type(bool, default=True)
