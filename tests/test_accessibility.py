"""axe-core in real Chromium, light and dark, over every page type of a small site."""

from __future__ import annotations

import pytest
from conftest import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    from conftest import Site

    root = tmp_path_factory.mktemp("a11y")
    (root / "content").mkdir()
    site = Site(root)
    site.write("content/index.md", "---\ntitle: Adult Social Care publications\n---\n\nWelcome to our [publications](plan/index.md).\n")
    site.publication("plan", """
        title: Our plan
        subtitle: What we will do
        type: action-plan
        status: consultation
        published: 2018-07-02
        review_by: 2020-07-01
        owner: The board
        summary: A plan with a [link](chapter.md) in it.
    """, body="## About\n\nThis is a paragraph with a [link](chapter.md) inside the text.\n")
    site.write("content/plan/chapter.md", "---\ntitle: A chapter\n---\n\n## Part\n\nMore words and a [link](index.md).\n\n| Name | Value |\n|---|---|\n| A | 1 |\n")
    site.publication("old", status="archived")
    result = site.build()
    assert result.ok, result.log
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "plan/", "plan/chapter/", "old/", "404.html"])
def test_no_axe_violations(browser, serve, small_site, path, scheme):
    base = serve(small_site.site)
    assert axe_violations(browser, base + path, scheme) == []
