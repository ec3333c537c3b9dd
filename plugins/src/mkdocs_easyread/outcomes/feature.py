"""Outcomes: not built yet."""

from __future__ import annotations

from ..build import Feature


class Outcomes(Feature):
    pass
