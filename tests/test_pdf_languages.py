"""PDFs are written in their publication's language: /Lang, and the plugin's words from that language's catalogue."""

from __future__ import annotations

import pikepdf
import pytest
from conftest import Site

pytestmark = pytest.mark.pdf

WELSH = """
    title: Cynllun Gofal
    type: strategy
    status: published
    published: 2025-06-01
    language: cy
"""
ENGLISH = """
    title: Care Plan
    type: strategy
    status: published
    published: 2025-06-01
"""


def test_a_welsh_publication_prints_in_welsh_beside_an_english_one(site: Site):
    site.plugin_options()["pdf"] = {"enabled": True}
    site.publication("cynllun", WELSH, "# Cynllun Gofal\n\nRydym eisiau i bawb fyw yn dda.\n")
    site.publication("care-plan", ENGLISH, "# Care Plan\n\nWe want everyone to live well.\n")
    result = site.build()
    assert result.ok, result.log
    for slug, language in (("cynllun", "cy"), ("care-plan", "en")):
        with pikepdf.open(result.site / slug / "pdf" / f"{slug}.pdf") as pdf:
            assert str(pdf.Root.Lang) == language, slug
