"""The user guide (docs/) is an accessible site built with the plugin, and what it shows works.

Every block in the guide that shows a site file (```yaml, ```markdown, ```csv) names that file
with ``title="path"``. The titled blocks of one page, together, are a site: they are written into
an empty folder, completed with a minimal project where they leave something out, and built with
``--strict``. So the guide cannot show a file that does not build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from conftest import MINIMAL_CONFIG, REPO, Site, axe_violations, sideways_scroll

GUIDE = REPO / "docs"
PDFUA = Path(sys.executable).parent / "pdfua"
SITE_FILE_LANGUAGES = {"yaml", "yml", "markdown", "md", "csv"}
# Pages whose snippets are built with PDFs on, because what they show is the PDF.
PAGES_BUILT_WITH_PDFS = {"tutorial/build-and-publish.md"}
OPENING_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
TITLE = re.compile(r'title="(?P<title>[^"]+)"')
# Words written for the people who build the plugin rather than for those who use it.
BUILDER_WORDS = re.compile(r"must work exactly as written|closing note|authoring contract|build it as written", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    language: str
    title: str | None
    text: str


def blocks_of(page: Path) -> list[Block]:
    """The fenced code blocks of a guide page, outermost only, with their indentation removed."""
    lines = page.read_text(encoding="utf-8").splitlines()
    name = page.relative_to(GUIDE / "guide").as_posix() if page.is_relative_to(GUIDE / "guide") else page.relative_to(GUIDE).as_posix()
    found, index = [], 0
    while index < len(lines):
        opening = OPENING_FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence, info = opening["indent"], opening["fence"], opening["info"].strip()
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((at for at in range(index + 1, len(lines)) if closing.match(lines[at])), len(lines))
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[index + 1:end]]
        title = TITLE.search(info)
        found.append(Block(name, index + 1, (info.split() or [""])[0].lstrip("."), title["title"] if title else None,
                           "\n".join(body) + "\n"))
        index = end + 1
    return found


def guide_pages() -> list[Path]:
    return sorted([*(GUIDE / "guide").rglob("*.md"), *(GUIDE / "easyread").rglob("*.md")])


def pages_with_snippets() -> list[Path]:
    return [page for page in guide_pages() if any(block.title for block in blocks_of(page))]


def page_id(page: Path) -> str:
    return page.relative_to(GUIDE).as_posix()


def test_the_guide_has_pages():
    assert len(guide_pages()) >= 30
    assert len(pages_with_snippets()) >= 10


@pytest.mark.parametrize("page", guide_pages(), ids=page_id)
def test_every_block_that_shows_a_site_file_names_the_file(page):
    untitled = [f"{block.page}:{block.line}" for block in blocks_of(page) if block.language in SITE_FILE_LANGUAGES and not block.title]
    assert untitled == [], "give each block the file it shows, e.g. ```yaml title=\"mkdocs.yml\""


def site_of(blocks: list[Block], root: Path, pdfs: bool) -> Site:
    """The project that a page's titled blocks make, completed with a minimal mkdocs.yml and home page."""
    site = Site(root)
    for block in blocks:
        if block.title == "mkdocs.yml":
            site.config = yaml.load(block.text, Loader=get_yaml_loader())  # noqa: S506 (MkDocs' own safe loader, for !ENV)
        else:
            site.write(block.title, block.text)
    docs_dir = root / site.config.get("docs_dir", "docs")
    if not any(docs_dir.glob("index.*")) and not (docs_dir / "README.md").exists():
        site.write(f"{docs_dir.relative_to(root).as_posix()}/index.md", "# Home\n")
    plugins = site.config.setdefault("plugins", yaml.safe_load(yaml.safe_dump(MINIMAL_CONFIG["plugins"])))
    easyread = next((p for p in plugins if isinstance(p, dict) and "easyread" in p), None)
    if easyread is not None and not pdfs:
        options = easyread["easyread"] = easyread["easyread"] or {}
        options.setdefault("pdf", {})["enabled"] = False
    return site


@pytest.mark.parametrize("page", pages_with_snippets(), ids=page_id)
def test_the_site_files_a_page_shows_build_strictly(page, tmp_path):
    blocks = [block for block in blocks_of(page) if block.title]
    name = blocks[0].page
    site = site_of(blocks, tmp_path, pdfs=name in PAGES_BUILT_WITH_PDFS)
    result = site.build()
    shown = ", ".join(sorted({block.title for block in blocks}))
    assert result.ok and result.warnings == [], f"{name} shows {shown}, which do not build:\n{result.error}\n{result.log}"
    if name in PAGES_BUILT_WITH_PDFS:
        assert list(result.site.rglob("*.pdf")), f"{name} promises a PDF"


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Path:
    """The guide, built as `make docs` builds it: strictly, with its PDFs."""
    out = tmp_path_factory.mktemp("guide") / "site"
    process = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(GUIDE / "mkdocs.yml"), "-d", str(out)],
                             capture_output=True, text=True, timeout=1200)
    assert process.returncode == 0, process.stderr[-5000:]
    warnings = [line for line in process.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == []
    return out


def test_the_guide_has_its_glossary_easy_read_page_and_pdfs(guide):
    assert "What is this?" in (guide / "easy-read" / "about" / "index.html").read_text(encoding="utf-8")
    assert (guide / "glossary" / "index.html").is_file()
    sections = {path.parent.parent.name for path in guide.rglob("*.pdf")}
    assert {"tutorial", "how-to", "reference", "explanation"} <= sections


def test_every_pdf_of_the_guide_passes_pdfua(guide):
    failures = []
    for path in sorted(guide.rglob("*.pdf")):
        process = subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)
        if process.returncode != 0:
            failures.append(f"{path.relative_to(guide)}: {process.stdout}{process.stderr}")
    assert failures == []


GUIDE_PAGES_IN_A_BROWSER = ["", "tutorial/", "tutorial/build-and-publish/", "how-to/chart/", "reference/options/",
                            "reference/errors/", "explanation/easy-read/", "easy-read/about/", "glossary/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_guide(guide, browser, serve, scheme):
    base = serve(guide)
    found = {}
    for path in GUIDE_PAGES_IN_A_BROWSER:
        for width in (320, 1280):
            violations = axe_violations(browser, base + path, scheme, width=width)
            if violations:
                found[f"{path or '/'} at {width}px"] = violations
    assert found == {}


def test_no_guide_page_scrolls_sideways_on_a_phone(guide, browser, serve):
    base = serve(guide)
    scrolling = {path: sideways_scroll(browser, base + path) for path in GUIDE_PAGES_IN_A_BROWSER}
    assert {path: pixels for path, pixels in scrolling.items() if pixels} == {}


def test_nothing_in_the_project_is_written_to_its_builders():
    documents = [REPO / "README.md", *GUIDE.rglob("*.md")]
    addressed = [f"{path.relative_to(REPO)}: {match.group(0)!r}" for path in documents
                 for match in BUILDER_WORDS.finditer(path.read_text(encoding="utf-8"))]
    assert addressed == []
