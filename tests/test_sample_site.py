"""The repository's own sample site: builds strictly, is complete, loads nothing from elsewhere."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, axe_violations

EXTERNAL_LOAD = re.compile(r'<(?:script|img|iframe|source)[^>]+src="(?:https?:)?//|<link[^>]+href="(?:https?:)?//[^"]*"[^>]*>', re.IGNORECASE)


def test_sample_site_builds_strictly_with_enough_pages(sample_site):
    assert sample_site.ok, sample_site.log
    pages = list(sample_site.site.rglob("index.html"))
    assert len(pages) >= 15
    assert "WARNING" not in sample_site.log


def test_sample_site_loads_nothing_from_another_host(sample_site):
    offenders = []
    for path in sample_site.site.rglob("*.html"):
        for match in EXTERNAL_LOAD.finditer(path.read_text(encoding="utf-8")):
            if 'rel="canonical"' not in match.group(0):
                offenders.append(f"{path.relative_to(sample_site.site)}: {match.group(0)[:120]}")
    for path in sample_site.site.rglob("*.css"):
        if re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?https?://", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(sample_site.site)))
    assert offenders == []


def test_committee_report_is_numbered_straight_through(sample_site):
    index = sample_site.html("care-act-review")
    background = sample_site.html("care-act-review/background")
    last_on_index = max(int(n) for n in re.findall(r'id="paragraph-(\d+)"', index))
    assert 'id="paragraph-1"' in index
    assert f'id="paragraph-{last_on_index + 1}"><span class="er-paranum">{last_on_index + 1}</span>' in background
    assert 'class="er-subpoints er-subpoints--lower-alpha" type="a"' in index


def test_build_does_not_touch_sources(tmp_path):
    import hashlib

    def digest(folder: Path) -> str:
        h = hashlib.sha256()
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
        return h.hexdigest()

    before = {name: digest(REPO / name) for name in ("content", "easyread")}
    # The sample_site fixture already built once; build again here to be sure of the order.
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(tmp_path / "site")],
                   cwd=REPO, capture_output=True, env={**__import__("os").environ, "EASYREAD_PDF": "false"}, check=True)
    assert {name: digest(REPO / name) for name in ("content", "easyread")} == before


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_plugin_works_under_mkdocs_and_properdocs(site, tool):
    site.publication("plan", status="consultation", body="## About\n\nWords.\n")
    site.publication("bad", "title: Bad\ntype: strategy\nstatus: live\npublished: 2018-07-02")
    process = site.run("build", "--strict", tool=tool)
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert "content/bad/index.md:4: status 'live' is not known" in output
    assert "Traceback" not in output
    (site.root / "content/bad/index.md").unlink()
    process = site.run("build", "--strict", tool=tool)
    assert process.returncode == 0, process.stderr
    assert "er-banner--consultation" in (site.root / "site/plan/index.html").read_text()


SAMPLE_PAGES = [
    "",  # home
    "glossary/",
    "ld-strategy/",  # publication index with header
    "ld-strategy/priority-outcomes/",  # chapter
    "ld-strategy/glossary/",
    "care-act-review/",  # committee report header
    "care-act-review/background/",  # numbered committee report
    "news/",  # news list
    "news-care-act-review/",  # press release
    "care-management-strategy/",  # consultation banner
    "winter-services-update/",  # draft
    "quality-report-2017-18/ratings/",  # charts and tables
    "ld-strategy/progress/",  # outcome tracking
    "ld-strategy/progress/O1/",
    "ld-strategy/progress/history/",
    "care-act-review/progress/recommendations/",
    "care-act-review/progress/O3/",
    "easy-read/",  # easy-read home
    "easy-read/ld-strategy/",  # easy-read page, checked
    "easy-read/ld-strategy/vision/",  # easy-read page, not checked
    "easy-read/ld-strategy/progress/",  # easy-read progress summary
    "404.html",
]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_sample_pages_have_no_axe_violations(browser, serve, sample_site, path, scheme):
    assert axe_violations(browser, serve(sample_site.site) + path, scheme) == []


def test_site_works_under_its_strict_content_security_policy(browser, sample_site):
    """Serve the site with the policy from csp.txt; Chromium must report no violation."""
    import functools
    import http.server
    import threading

    header = (sample_site.site / "csp.txt").read_text().split(":", 1)[1].strip()
    assert "'unsafe-inline'" not in header.split("style-src")[0]

    class WithPolicy(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", header)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(WithPolicy, directory=str(sample_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        for path in ("", "ld-strategy/", "care-act-review/background/", "quality-report-2017-18/ratings/"):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}", wait_until="load")
            page.wait_for_timeout(200)
    finally:
        context.close()
        server.shutdown()
    assert violations == []
