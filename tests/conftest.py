"""Fixtures that build small council sites into tmp_path, as a user would."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1763856000")  # 2025-11-23: stable "today" for tests

MINIMAL_CONFIG: dict = {
    "site_name": "Adult Social Care publications",
    "docs_dir": "content",
    "theme": {"name": "material"},
    "plugins": [
        "search",
        {
            "easyread": {
                "organisation": "Norfolk County Council",
                "alternative_formats": {
                    "phone": "0344 800 8020",
                    "textphone": "0344 800 8011",
                    "email": "information@example.gov.uk",
                },
            }
        },
    ],
}


@dataclass
class Result:
    """What a build left behind: the site folder, the log, and whether it failed."""

    root: Path
    log: str
    ok: bool
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # the checkers' suggestions (logged at DEBUG: --verbose)

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url_path: str) -> str:
        """The HTML of a page by its URL path, e.g. 'plan/' or '' for home."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


@dataclass
class Site:
    """A council site under construction in a temporary folder."""

    root: Path
    config: dict = field(default_factory=lambda: yaml.safe_load(yaml.safe_dump(MINIMAL_CONFIG)))

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def plugin_options(self) -> dict:
        return next(p["easyread"] for p in self.config["plugins"] if isinstance(p, dict) and "easyread" in p)

    def publication(self, slug: str, front_matter: str = "", body: str = "Some words.\n", status: str = "published") -> Path:
        fm = front_matter or f"title: {slug.replace('-', ' ').title()}\ntype: strategy\nstatus: {status}\npublished: 2018-07-02\nsummary: A short summary.\n"
        return self.write(f"content/{slug}/index.md", f"---\n{textwrap.dedent(fm).strip()}\n---\n\n{textwrap.dedent(body)}")

    def save_config(self) -> Path:
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")
        return path

    def build(self, strict: bool = True, command: str = "build") -> Result:
        """Build in this process (fast); a SourceError or crash is captured, never raised.

        ``command="serve"`` builds as one rebuild of `mkdocs serve` does (without serving it).
        """
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        config_file = self.save_config()
        records: list[logging.LogRecord] = []
        handler = _ListHandler(records)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        previous_level = logger.level
        logger.setLevel(logging.INFO)
        plugin_logger = logging.getLogger("mkdocs.plugins.easyread")
        plugin_logger.setLevel(logging.DEBUG)  # suggestions, as `mkdocs build --verbose` lists them
        ok, error = True, ""
        try:
            config = load_config(str(config_file), strict=strict, site_dir=str(self.root / "site"))
            config.plugins.on_startup(command=command, dirty=False)
            build(config)
        except (Abort, ConfigurationError) as exc:
            ok, error = False, str(exc)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(previous_level)
            plugin_logger.setLevel(logging.NOTSET)
        log = "\n".join(f"{r.levelname}: {r.getMessage()}" for r in records if r.levelno >= logging.INFO)
        warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
        suggestions = [r.getMessage() for r in records if r.levelno == logging.DEBUG and r.getMessage().startswith("suggestion: ")]
        return Result(self.root, log, ok, error, warnings, suggestions)

    def build_twice(self) -> tuple[Result, Result]:
        """Build, then build again with nothing changed (for caches); both must succeed."""
        first = self.build()
        assert first.ok, first.log
        second = self.build()
        assert second.ok, second.log
        return first, second

    def run(self, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess:
        """Run the real command line (mkdocs or properdocs) in the site folder."""
        self.save_config()
        command = [sys.executable, "-m", tool, *args]
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, timeout=300)


class _ListHandler(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """An empty council site with the contract's minimal mkdocs.yml, PDFs off for speed.

    Tests of PDFs turn them on with ``site.plugin_options()["pdf"] = {"enabled": True}``;
    ``minimal_site`` keeps the contract's file exactly.
    """
    (tmp_path / "content").mkdir()
    site = Site(tmp_path)
    site.plugin_options()["pdf"] = {"enabled": False}
    return site


@pytest.fixture
def minimal_site(tmp_path: Path) -> Site:
    """A council site with exactly the contract's minimal mkdocs.yml (every feature on)."""
    (tmp_path / "content").mkdir()
    return Site(tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The repository's sample site, built once with --strict (PDFs off for speed)."""
    out = tmp_path_factory.mktemp("sample")
    env = {**os.environ, "EASYREAD_PDF": "false"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "site")],
        cwd=REPO, capture_output=True, text=True, timeout=900, env=env,
    )
    return Result(out, process.stderr + process.stdout, process.returncode == 0)


# --- Browser: Playwright driving Debian's Chromium, with axe-core -----------------

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; no network beyond this machine."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def serve():
    """Serve a built site folder on 127.0.0.1; returns its base URL."""
    import functools
    import http.server
    import threading

    servers = []

    def start(directory: Path, handler_class: type = None) -> str:
        """``handler_class`` (a SimpleHTTPRequestHandler) changes how files are served."""
        handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def axe_violations(browser, url: str, scheme: str, scripts: bool = True, width: int = 1280) -> list[dict]:
    """axe-core violations of a page in light or dark colour scheme, and any off-site request.

    ``scripts=False`` shows the page as a reader without JavaScript gets it: every script is
    blocked (turning JavaScript off in Chromium would stop axe itself). ``width`` is the
    viewport's width in CSS pixels (320 and 375 for phones).
    """
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    offsite: list[str] = []
    page.on("request", lambda request: offsite.append(request.url) if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    try:
        if not scripts:
            page.route("**/*", _without_scripts)
        page.goto(url, wait_until="load")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results.response["violations"]
        ]
    finally:
        context.close()
    if offsite:
        violations.append({"id": "offsite-request", "impact": "serious", "nodes": offsite})
    return violations


def sideways_scroll(browser, url: str, width: int = 320, scheme: str = "light") -> int:
    """How many CSS pixels the page scrolls sideways at ``width`` (WCAG 1.4.10 wants 0 at 320)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 640})
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        return page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    finally:
        context.close()


def _without_scripts(route) -> None:
    import re

    if route.request.resource_type == "script":
        route.abort()
    elif route.request.resource_type == "document":
        response = route.fetch()
        body = re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.DOTALL | re.IGNORECASE)
        route.fulfill(response=response, body=body)
    else:
        route.continue_()
