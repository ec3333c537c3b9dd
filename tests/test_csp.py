"""The site's Content-Security-Policy (csp.txt): every page works under it, a script in content never does."""

from __future__ import annotations

import base64
import hashlib
import http.server
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

CHAPTER = "---\ntitle: How we will do it\n---\n\n## Steps\n\nWe will listen.\n"
# A script file, a data block and code shown as an example: none is inline code that runs.
WITHOUT_INLINE_CODE = """
<script src="../widget.js"></script>

<script type="application/ld+json">{"@type": "Report", "name": "<script>"}</script>

Write `<script>alert(1)</script>` to see the warning.
"""
EVIL = "document.title = 'pwned'; window.pwned = true;"
LISTEN_FOR_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`);
});
"""


def site_policy(site_dir: Path) -> str:
    """The header value from csp.txt, as a web server would be configured with it."""
    name, _, value = (site_dir / "csp.txt").read_text(encoding="utf-8").strip().partition(": ")
    assert name == "Content-Security-Policy"
    return value


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


class _PolicyHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with its policy as a real header, and 404.html for any missing page."""

    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def serve_with_policy(serve) -> Callable[[Path], str]:
    def start(site_dir: Path) -> str:
        return serve(site_dir, type("Handler", (_PolicyHandler,), {"policy": site_policy(site_dir)}))

    return start


def load_under_policy(browser, url: str) -> dict:
    """Open a page; report CSP violations, script errors and whether Material's inline scripts ran."""
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" and "404 (Not Found)" not in message.text else None)
    try:
        page.goto(url, wait_until="load")
        page.evaluate("() => new Promise((done) => setTimeout(done, 100))")  # let queued violation events fire
        found = page.evaluate("() => ({violations: window.__violations, materialRan: typeof __md_get === 'function', "
                              "bundleRan: document.documentElement.classList.contains('js'), title: document.title, pwned: window.pwned === true, "
                              "widget: document.documentElement.dataset.widget})")
    finally:
        context.close()
    found["problems"] = problems
    return found


def page_urls(site_dir: Path) -> list[str]:
    """Every built HTML page by URL path, 404.html included, and one missing page that gets 404.html."""
    paths = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    return [path.removesuffix("index.html") for path in paths] + ["plan/no-such-page/"]


def assert_every_page_works(browser, base: str, site_dir: Path) -> None:
    urls = page_urls(site_dir)
    assert "404.html" in urls
    failures = {}
    for url in urls:
        found = load_under_policy(browser, base + url)
        if found["violations"] or found["problems"] or not found["materialRan"] or not found["bundleRan"]:
            failures[url] = found
    assert failures == {}


@pytest.mark.browser
def test_every_page_works_under_the_sites_policy(site, browser, serve_with_policy):
    site.publication("plan", body="## About\n\nWe will help.\n")
    site.write("content/plan/how.md", CHAPTER + WITHOUT_INLINE_CODE)
    site.write("content/plan/widget.js", "document.documentElement.dataset.widget = 'ran';\n")
    site.write("content/plan/parts/detail.md", CHAPTER)  # a deeper page: Material's scripts differ by depth
    result = site.build()  # strict: nothing above is inline code to warn about
    assert result.ok, result.log
    assert "csp.txt" in result.log
    base = serve_with_policy(result.site)
    assert_every_page_works(browser, base, result.site)
    assert load_under_policy(browser, base + "plan/how/")["widget"] == "ran"


@pytest.mark.browser
def test_the_sample_sites_policy_covers_every_page(sample_site, browser, serve_with_policy):
    assert sample_site.ok, sample_site.log
    assert_every_page_works(browser, serve_with_policy(sample_site.site), sample_site.site)


@pytest.mark.browser
def test_a_script_written_in_markdown_is_reported_and_never_runs(site, browser, serve_with_policy):
    body = f"## About\n\nWe will help.\n\n<script>{EVIL}</script>\n\nMore words.\n"
    site.publication("plan", body=body)
    result = site.build(strict=False)
    assert result.ok, result.log

    # Line 13 of the file: 7 lines of front matter, a blank line, then the body's fifth line.
    assert [w for w in result.warnings if "content/plan/index.md:13:" in w and "<script>" in w and "will not run" in w], result.warnings
    assert "<script>" + EVIL in result.html("plan")  # the author's HTML is published as written ...
    assert sha256_source(EVIL) not in site_policy(result.site)  # ... but the policy does not allow it

    found = load_under_policy(browser, serve_with_policy(result.site) + "plan/")
    assert not found["pwned"] and found["title"] != "pwned"
    assert any("script-src" in violation for violation in found["violations"])
    assert found["materialRan"] and found["bundleRan"]  # the theme's own scripts still run


@pytest.mark.parametrize("html, what", [
    ('<button onclick="alert(1)">Go</button>', "onclick attribute"),
    ('<a href="javascript:alert(1)">Go</a>', "javascript: link"),
    ('<script type="module">alert(1)</script>', "<script>"),
    ("<SCRIPT>alert(1)</SCRIPT>", "<script>"),
])
def test_other_inline_code_in_markdown_is_reported(site, html, what):
    site.publication("plan", body=f"Words.\n\n{html}\n")
    result = site.build(strict=False)
    assert [w for w in result.warnings if w.startswith("content/plan/index.md:11:") and what in w], result.warnings


def test_the_404_page_of_a_site_in_a_folder_is_covered(site):
    """The 404 page's links (and so Material's first script) start at the site's folder, not at the page."""
    site.config["site_url"] = "https://www.example.gov.uk/adult-care/"
    site.publication("plan")
    result = site.build()
    assert result.ok, result.log
    not_found = (result.site / "404.html").read_text(encoding="utf-8")
    assert '"/adult-care/"' in not_found
    scripts = re.findall(r"<script>(.*?)</script>", not_found, re.DOTALL)
    assert scripts
    assert {sha256_source(script) for script in scripts} <= set(site_policy(result.site).replace(";", " ").split())


def test_a_script_the_sites_templates_add_is_reported(site):
    """A custom_dir template's inline script is not the theme's: the build says it will not run."""
    site.config["theme"]["custom_dir"] = "overrides"
    site.write("overrides/main.html", '{% extends "base.html" %}\n{% block extrahead %}<script>window.tracked = true;</script>{% endblock %}\n')
    site.publication("plan")
    result = site.build(strict=False)
    assert [w for w in result.warnings if w.startswith("content/plan/index.md: an inline <script>") and "will not run" in w], result.warnings
    assert sha256_source("window.tracked = true;") not in site_policy(result.site)


@given(text=st.text(alphabet="ab<>\n", max_size=300), start=st.integers(0, 300), size=st.integers(0, 200))
@settings(max_examples=400, deadline=None)
def test_a_long_part_is_found_where_str_find_finds_it(text, start, size):
    from mkdocs_easyread.theme.csp import find_whole

    part = text[start:start + size] or "b"
    assert find_whole(text, part) == text.find(part)
    assert find_whole(text + part, part) == (text + part).find(part)
