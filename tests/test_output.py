"""Nothing half-written: pages and files go into the site by rename, with normal permissions."""

from __future__ import annotations

import os
import stat

import mkdocs.utils


def test_pages_are_written_atomically_and_mkdocs_is_restored(site, monkeypatch):
    original = mkdocs.utils.write_file
    renamed: list[str] = []
    real_replace = os.replace

    def spy(source, target):
        renamed.append(str(target))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    site.publication("plan")
    result = site.build()
    assert result.ok, result.log
    assert str(result.site / "plan/index.html") in renamed
    assert str(result.site / "sitemap.xml") in renamed
    assert mkdocs.utils.write_file is original
    assert not list(result.site.rglob("*.tmp"))
    mode = stat.S_IMODE((result.site / "plan/index.html").stat().st_mode)
    assert mode & 0o044 == 0o044  # readable by the web server


def test_a_failed_build_restores_mkdocs(site):
    original = mkdocs.utils.write_file
    site.publication("plan", "title: T\ntype: strategy\nstatus: live\npublished: 2018-07-02")
    assert not site.build().ok
    assert mkdocs.utils.write_file is original
