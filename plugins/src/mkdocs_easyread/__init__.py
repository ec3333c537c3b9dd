"""MkDocs plugin that builds accessible, easy-read council publications."""

__version__ = "0.1.0"
