"""Charts: not built yet."""

from __future__ import annotations

from ..build import Feature


class Charts(Feature):
    pass
