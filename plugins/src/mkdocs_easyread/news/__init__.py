"""News: the site's news list, its Atom feed, press contacts and notes to editors."""
