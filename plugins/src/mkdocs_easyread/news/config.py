"""Options of the news list and feed."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NewsConfig(Config):
    url = c.Type(str, default="news")
    """Folder of the news list page and its feed (`<url>/`, `<url>/feed.xml`), e.g. `press-releases`."""

    title = c.Optional(c.Type(str))
    """Title of the news list page and of the feed (default: "News", in the site's language)."""

    feed = c.Type(bool, default=True)
    """Publish an Atom feed of the news at `<url>/feed.xml` (needs `site_url`)."""

    feed_items = c.Type(int, default=50)
    """How many of the newest items the feed carries (feed readers fetch it often; the list page has them all)."""
