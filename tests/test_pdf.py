"""PDFs: tagged PDF/UA-1 standard, large print and easy read files, their download links and cache."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import Result, Site

pytestmark = pytest.mark.pdf

PDFUA = Path(sys.executable).parent / "pdfua"
INDEX = """
    title: Care & Support Plan
    subtitle: Our plan for 2025 to 2030
    type: strategy
    status: consultation
    published: 2025-06-01
    summary: How we will support people.
"""
VISION = """---
title: Our vision
---

# Our vision

![A house with a garden](house.svg)

We want everyone to have a good place to live. Read about [money](money.md#spending)
and go back to the [home page](../index.md) or [GOV.UK](https://www.gov.uk/).

## Goals

1. People live where they choose.
2. People are safe.
"""
MONEY = """---
title: Money
---

# Money

## Spending

| Year | Spend (£m) |
|------|-----------:|
| 2023 | 120 |
| 2024 | 125 |

## By month

| Month | Spend (£k) |
|-------|-----------:|
| Month 1 | 101 |
| Month 2 | 102 |
| Month 3 | 103 |
| Month 4 | 104 |
| Month 5 | 105 |
| Month 6 | 106 |
| Month 7 | 107 |
| Month 8 | 108 |
| Month 9 | 109 |
| Month 10 | 110 |
| Month 11 | 111 |
| Month 12 | 112 |
| Month 13 | 113 |
| Month 14 | 114 |
| Month 15 | 115 |
| Month 16 | 116 |
| Month 17 | 117 |
| Month 18 | 118 |
| Month 19 | 119 |
| Month 20 | 120 |
| Month 21 | 121 |
| Month 22 | 122 |
| Month 23 | 123 |
| Month 24 | 124 |
| Month 25 | 125 |
| Month 26 | 126 |
| Month 27 | 127 |
| Month 28 | 128 |
| Month 29 | 129 |
| Month 30 | 130 |
| Month 31 | 131 |
| Month 32 | 132 |
| Month 33 | 133 |
| Month 34 | 134 |
| Month 35 | 135 |
| Month 36 | 136 |
| Month 37 | 137 |
| Month 38 | 138 |
| Month 39 | 139 |
| Month 40 | 140 |
| Month 41 | 141 |
| Month 42 | 142 |
| Month 43 | 143 |
| Month 44 | 144 |
| Month 45 | 145 |
| Month 46 | 146 |
| Month 47 | 147 |
| Month 48 | 148 |
| Month 49 | 149 |
| Month 50 | 150 |
| Month 51 | 151 |
| Month 52 | 152 |
| Month 53 | 153 |
| Month 54 | 154 |
| Month 55 | 155 |
| Month 56 | 156 |
| Month 57 | 157 |
| Month 58 | 158 |
| Month 59 | 159 |
| Month 60 | 160 |
| Month 61 | 161 |
| Month 62 | 162 |
| Month 63 | 163 |
| Month 64 | 164 |
| Month 65 | 165 |
| Month 66 | 166 |
| Month 67 | 167 |
| Month 68 | 168 |
| Month 69 | 169 |
| Month 70 | 170 |

Back to [our vision](vision.md).
"""
EASY_READ = """# Our plan in easy read

:material-home: We want you to have a good place to live.
"""
HOUSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><rect x="20" y="45" width="60" height="45" fill="#36c"/></svg>\n'


def make_site(root: Path, easy_read: bool = True, status: str = "consultation") -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.config["site_url"] = "https://example.gov.uk/"
    site.config["theme"]["language"] = "en"
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 2}
    site.write("content/index.md", "# Home\n\nWelcome.\n")
    site.publication("plan", INDEX.replace("consultation", status), "# Care & Support Plan\n\nThis plan says what we will do. Start with [our vision](vision.md).\n")
    site.write("content/plan/vision.md", VISION)
    site.write("content/plan/money.md", MONEY)
    site.write("content/plan/house.svg", HOUSE)
    if easy_read:
        site.write("easyread/plan/index.md", EASY_READ)
    return site


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Result, Result]:
    """The consultation site built twice, unchanged: the second build renders nothing."""
    site = make_site(tmp_path_factory.mktemp("pdf"))
    return site.build_twice()


@pytest.fixture(scope="module")
def built(builds) -> Result:
    return builds[1]


def pdf_files(result: Result) -> dict[str, Path]:
    """The PDFs this build should have made: an easy-read one only if easy-read pages were published."""
    folder = result.site / "plan" / "pdf"
    names = {"standard": "plan.pdf", "large-print": "plan-large-print.pdf"}
    if (result.site / "easy-read" / "plan" / "index.html").exists():
        names["easy-read"] = "plan-easy-read.pdf"
    return {variant: folder / name for variant, name in names.items()}


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def median_font_size(path: Path) -> float:
    with pdfplumber.open(path) as pdf:
        return statistics.median(char["size"] for page in pdf.pages for char in page.chars if char["text"].strip())


def struct_elements(pdf: pikepdf.Pdf):
    """Every structure element of a tagged PDF, depth first."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for kid in items:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield kid
                stack.append(kid)


def test_standard_and_large_print_files_are_written(built):
    files = pdf_files(built)
    assert files["standard"].is_file() and files["large-print"].is_file()
    assert not list((built.site / "plan" / "pdf").glob(".*")), "temporary files left behind"


def test_every_pdf_passes_pdfua_check_without_errors_or_warnings(built):
    for variant, path in pdf_files(built).items():
        process = subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)
        assert process.returncode == 0, f"{variant}: {process.stdout}{process.stderr}"


def test_large_print_body_is_at_least_16pt_and_standard_is_smaller(built):
    files = pdf_files(built)
    assert median_font_size(files["large-print"]) >= 16
    assert median_font_size(files["standard"]) < 16


def test_easy_read_body_is_at_least_14pt_when_there_is_an_easy_read_version(built):
    files = pdf_files(built)
    if "easy-read" not in files:
        pytest.skip("the easy-read feature did not publish easy-read pages in this build")
    assert median_font_size(files["easy-read"]) >= 14
    assert "We want you to have a good place to live." in "\n".join(page_texts(files["easy-read"]))


def test_title_language_and_bookmarks(built):
    for variant, path in pdf_files(built).items():
        with pikepdf.open(path) as pdf:
            assert str(pdf.docinfo["/Title"]).startswith("Care & Support Plan"), variant
            assert str(pdf.Root.Lang) == "en"
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
            with pdf.open_outline() as outline:
                titles = [item.title for item in outline.root]
                titles += [child.title for item in outline.root for child in item.children]
            if variant != "easy-read":
                assert "Contents" in titles, variant  # 3 chapters
                assert {"Our vision", "Money", "Goals"} <= set(titles), titles
            else:
                assert "Contents" not in titles, titles  # one easy-read page: nothing to list


def test_consultation_marking_on_every_page(built):
    for variant, path in pdf_files(built).items():
        for number, text in enumerate(page_texts(path), start=1):
            assert "CONSULTATION DRAFT" in text, f"{variant} page {number}"


def test_cover_contents_notice_and_page_numbers(built):
    texts = page_texts(pdf_files(built)["standard"])
    cover, contents = texts[0], texts[1]
    for expected in ("Care & Support Plan", "Our plan for 2025 to 2030", "Norfolk County Council",
                     "Published 1 June 2025", "Consultation draft", "Other formats", "0344 800 8020",
                     "information@example.gov.uk"):
        assert expected in cover, expected
    assert re.search(r"Our vision[ .]+\d+", contents) and re.search(r"Money[ .]+\d+", contents), contents
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Care & Support Plan" in text  # the running header


def test_links_work_inside_the_pdf_and_point_to_the_web_outside_it(built):
    with pikepdf.open(pdf_files(built)["standard"]) as pdf:
        internal = [str(a.Dest) for page in pdf.pages for a in page.get("/Annots", []) if "/Dest" in a]
        external = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a]
    assert any(dest.endswith("-spending") for dest in internal), internal  # money.md#spending
    assert "https://www.gov.uk/" in external
    assert "https://example.gov.uk/" in external  # the home page is not in the PDF: its web address
    assert not any(uri.startswith("file:") for uri in external)


def test_tables_have_header_scope_and_pictures_alt_text(built):
    with pikepdf.open(pdf_files(built)["standard"]) as pdf:
        elements = list(struct_elements(pdf))
        headers = [e for e in elements if e.S == "/TH"]
        figures = [e for e in elements if e.S == "/Figure"]
        assert headers and all(str(h.A.Scope) in ("/Column", "/Row") for h in headers)
        assert "A house with a garden" in [str(f.get("/Alt", "")) for f in figures]


def test_structure_tree_is_whole_across_page_breaks(built):
    """One Table per table (the long one spans pages), content and parent tree agree, margins are artifacts."""
    for variant, path in pdf_files(built).items():
        assert structure_problems(path) == [], variant
    with pikepdf.open(pdf_files(built)["standard"]) as pdf:
        tables = [e for e in struct_elements(pdf) if e.S == "/Table"]
        pages_of_rows = {str(row.Pg.objgen) for table in tables[-1:] for group in table.K if "/S" in group
                         for row in group.K if isinstance(row, pikepdf.Dictionary) and row.get("/S") == "/TR"}
    assert len(tables) == 2, "each HTML table is one tagged table"
    assert len(pages_of_rows) > 1, "the long table should span pages in this test"


def structure_problems(path: Path) -> list[str]:
    """Marked content the structure tree and the parent tree disagree about."""
    problems = []
    with pikepdf.open(path) as pdf:
        page_of = {page.objgen: number for number, page in enumerate(pdf.pages)}
        numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
        owners = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
        held = set()
        for element in struct_elements(pdf):
            kids = element.get("/K")
            for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):
                    place = (page_of[element.Pg.objgen], kid)
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    place = (page_of[kid.Pg.objgen], int(kid.MCID))
                else:
                    continue
                held.add(place)
                if owners[place[0]][place[1]].objgen != element.objgen:
                    problems.append(f"page {place[0] + 1} MCID {place[1]}: the parent tree names another element")
        for page, array in owners.items():
            if isinstance(array, pikepdf.Array):
                problems += [f"page {page + 1} MCID {mcid}: in no structure element"
                             for mcid in range(len(array)) if array[mcid] is not None and (page, mcid) not in held]
    return problems


def test_download_links_show_size_and_page_count_of_the_files(built):
    files = pdf_files(built)
    pages = ["plan/", "plan/vision/", "plan/money/"]
    if "easy-read" in files:
        pages.append("easy-read/plan/")
    for url in pages:
        html = built.html(url)
        for variant, path in files.items():
            label = variant.replace("-", " ")
            match = re.search(rf'href="([^"]*{path.name})"[^>]*>Download the {label} PDF '
                              rf'<span[^>]*>\(PDF, ([\d.]+) (KB|MB), (\d+) pages\)', html)
            assert match, f"{url}: no link to the {label} PDF"
            assert (built.site / url / match[1]).resolve() == path.resolve()
            size = float(match[2]) * (1024 if match[3] == "KB" else 1024 * 1024)
            assert abs(size - path.stat().st_size) <= (512 if match[3] == "KB" else 52429), url
            with pikepdf.open(path) as pdf:
                assert int(match[4]) == len(pdf.pages)
        assert "<!--er-pdf-downloads-->" in html and "(PDF, " in html


def test_unchanged_rebuild_renders_no_pdf(builds):
    first, second = builds
    assert re.search(r"easyread: PDF plan: \d files, \d+ pages, [2-4] rendered, 0 from cache", first.log), first.log
    assert re.search(r"easyread: PDF plan: \d files, \d+ pages, 0 rendered, [2-4] from cache", second.log), second.log
    assert "easyread: rendering" not in second.log


def test_an_unchanged_rebuild_loads_neither_the_print_layout_nor_weasyprint(builds):
    """With every PDF in the cache, the build plans and copies them; it does not load what makes one."""
    root = builds[1].root
    process = subprocess.run([sys.executable, "-X", "importtime", "-m", "mkdocs", "build", "--strict"], cwd=root,
                             capture_output=True, text=True, timeout=300, check=False)
    assert process.returncode == 0, process.stderr[-3000:]
    assert re.search(r"easyread: PDF plan: \d files, \d+ pages, 0 rendered", process.stderr), process.stderr[-3000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in process.stderr.splitlines() if line.startswith("import time:")}
    assert "mkdocs_easyread.pdf.plan" in imported  # the PDFs were planned
    for module in ("mkdocs_easyread.pdf.assemble", "mkdocs_easyread.pdf.content", "mkdocs_easyread.pdf.runner",
                   "mkdocs_easyread.pdf.css_urls", "tinycss2", "lxml", "weasyprint"):
        assert module not in imported, module


def test_a_changed_page_renders_again_and_drafts_are_marked(tmp_path):
    site = make_site(tmp_path, easy_read=False, status="draft")
    assert site.build().ok
    site.write("content/plan/money.md", MONEY.replace("125", "130"))
    result = site.build()
    assert result.ok, result.log
    assert "easyread: PDF plan: 2 files" in result.log and "2 rendered, 0 from cache" in result.log
    texts = page_texts(result.site / "plan" / "pdf" / "plan.pdf")
    assert "130" in "\n".join(texts)
    assert all("DRAFT: NOT AGREED" in text for text in texts)
    cached = list((tmp_path / ".cache" / "easyread").glob("*.pdf"))
    assert len(cached) == 2, "older renderings are pruned from the cache"


def test_a_changed_picture_renders_again_what_shows_it(tmp_path):
    """A PDF's key holds the bytes of each file its pages show: the page's words are the same."""
    site = make_site(tmp_path, easy_read=False)
    assert site.build().ok
    site.write("content/plan/house.svg", HOUSE.replace("<svg", '<svg data-changed="yes"', 1))
    result = site.build()
    assert result.ok, result.log
    assert "easyread: PDF plan: 2 files" in result.log and "2 rendered, 0 from cache" in result.log, result.log


def test_a_render_failure_names_the_publication_and_leaves_no_file(tmp_path, monkeypatch):
    from mkdocs_easyread.pdf import runner, worker

    def broken(job):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(runner, "start_pool", lambda workers: ThreadPoolExecutor(workers))
    monkeypatch.setattr(worker, "render_job", broken)
    site = make_site(tmp_path, easy_read=False)
    site.publication("other", body="# Other\n\nWords.\n")
    result = site.build(strict=True)
    assert not result.ok
    assert "content/plan/index.md: the standard PDF for 'plan' could not be made: the renderer broke" in result.warnings
    assert "content/other/index.md: the large print PDF for 'other' could not be made: the renderer broke" in result.warnings
    assert not list((result.site / "plan").glob("pdf/*.pdf"))
    assert '.pdf"' not in result.html("plan/vision")  # no link to a PDF that was not made (the braille file was)


def test_pdfs_off_means_no_files_and_no_links(site):
    site.publication("plan", INDEX, "# Plan\n\nWords.\n")
    site.plugin_options()["pdf"] = {"enabled": 0}  # what `!ENV [EASYREAD_PDF, true]` gives for EASYREAD_PDF=0
    result = site.build()
    assert result.ok, result.log
    assert not (result.site / "plan" / "pdf").exists()
    assert "er-downloads" not in result.html("plan")


def test_publication_with_pdf_false_gets_none(site):
    site.publication("plan", textwrap.dedent(INDEX) + "pdf: false\n", "# Plan\n\nWords.\n")
    site.plugin_options()["pdf"] = {"enabled": True}
    result = site.build()
    assert result.ok, result.log
    assert not (result.site / "plan" / "pdf").exists()
    assert "er-downloads" not in result.html("plan")


@pytest.mark.parametrize("serving, in_serve, enabled, active", [
    (False, False, True, True),
    (True, False, True, False),  # `mkdocs serve` stays fast
    (True, True, True, True),
    (False, False, "false", False),  # `!ENV [EASYREAD_PDF, true]` with EASYREAD_PDF=false
    (False, False, 0, False),
])
def test_pdfs_are_made_in_builds_and_only_in_serve_when_asked(serving, in_serve, enabled, active):
    from mkdocs_easyread.build import Build
    from mkdocs_easyread.config import PluginConfig
    from mkdocs_easyread.pdf.feature import Pdf

    options = PluginConfig()
    options.load_dict({"pdf": {"enabled": enabled, "in_serve": in_serve}})
    errors, _ = options.validate()
    assert not errors
    assert Pdf(Build(config=None, options=options, reporter=None, serving=serving)).active is active


def test_a_wrong_switch_value_is_a_configuration_error():
    from mkdocs_easyread.config import PluginConfig

    options = PluginConfig()
    options.load_dict({"pdf": {"enabled": "sometimes"}})
    errors, _ = options.validate()
    assert errors and "expected true or false, got 'sometimes'" in str(errors[0][1])
