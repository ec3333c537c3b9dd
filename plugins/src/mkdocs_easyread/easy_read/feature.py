"""EasyRead: not built yet."""

from __future__ import annotations

from ..build import Feature


class EasyRead(Feature):
    pass
