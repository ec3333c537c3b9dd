"""Review: not built yet."""

from __future__ import annotations

from ..build import Feature


class Review(Feature):
    pass
