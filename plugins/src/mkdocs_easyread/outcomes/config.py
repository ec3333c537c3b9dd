"""Options of outcome tracking."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OutcomesConfig(Config):
    file_name = c.Type(str, default="outcomes.yml")
    """The file in a publication's folder that makes it a tracked plan."""
