"""Options of outcome tracking."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OutcomesConfig(Config):
    file_name = c.Type(str, default="outcomes.yml")
    """The file in a publication's folder that makes it a tracked plan."""

    easy_read_summary = c.Type(bool, default=True)
    """Generate the easy-read summary at easy-read/<publication>/progress/."""

    progress_box = c.Type(bool, default=True)
    """Show a short "Progress" box, linking to progress/, at the foot of a tracked publication's first page."""
