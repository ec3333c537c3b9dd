"""PDFs against hostile or damaged input: pages naming files outside the site, a damaged cache,
picture names with spaces and accents, and one publication whose PDF work crashes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import Result, Site

pytestmark = pytest.mark.pdf

PDFUA = Path(sys.executable).parent / "pdfua"
SECRET = "TOPSECRET-7Q"
SECRET_SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 60" width="400" height="60">
<text x="5" y="40" font-size="30">{SECRET}</text></svg>
"""
SECRET_CSS = f'h1::after {{ content: "{SECRET}"; }}\n'
HOUSE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><rect x="20" y="45" width="60" height="45" fill="#36c"/></svg>\n'
BLUE = (0.2, 0.4, 0.8)  # the house's #36c


def make_site(tmp_path: Path, page: str, attachments: bool | None = None) -> Site:
    """A publication of two short pages, the second one `page`; files outside the project in tmp_path/elsewhere."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    (elsewhere / "secret.svg").write_text(SECRET_SVG, encoding="utf-8")
    (elsewhere / "secret.css").write_text(SECRET_CSS, encoding="utf-8")
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": True, "concurrency": 1}
    if attachments is not None:
        site.plugin_options()["pdf"]["attachments"] = attachments
    site.publication("plan", body="# Plan\n\nThis plan says what we will do.\n")
    site.write("content/plan/more.md", f"# More\n\nWords before.\n\n{page.replace('ELSEWHERE', str(elsewhere))}\n\nWords after.\n")
    return site


def pdfs(result: Result) -> list[Path]:
    found = sorted((result.site / "plan" / "pdf").glob("*.pdf"))
    assert len(found) == 2, found  # standard and large print
    return found


def leaks(path: Path, secret: str) -> list[str]:
    """Where the PDF holds `secret` or any embedded file: in an object stream (decompressed) or its text."""
    found = []
    with pikepdf.open(path) as pdf:
        names = pdf.Root.get("/Names")
        if names is not None and "/EmbeddedFiles" in names:
            found.append("/EmbeddedFiles")
        if "/AF" in pdf.Root:
            found.append("/AF")
        for page in pdf.pages:
            found += [str(a.Subtype) for a in page.get("/Annots", []) if a.get("/Subtype") == "/FileAttachment"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and secret.encode() in obj.read_bytes():
                found.append(f"stream {obj.objgen}")
    with pdfplumber.open(path) as pdf:
        if any(secret in (page.extract_text() or "") for page in pdf.pages):
            found.append("text")
    return found


def assert_refused(result: Result, reference: str, secret: str = SECRET) -> None:
    """Nothing of the file in either PDF, and a warning on the page that names the reference."""
    for path in pdfs(result):
        assert leaks(path, secret) == [], path.name
    ours = [w for w in result.warnings if reference in w and "the PDFs" in w]
    assert ours, result.log
    assert all(w.startswith("content/plan/more.md:") for w in ours), ours
    assert "Traceback" not in result.log


# --- Files outside the site -------------------------------------------------------


@pytest.mark.parametrize("kind", ["etc-passwd", "absolute-path", "symlink-in-docs", "symlink-to-project-file"])
def test_an_attachment_outside_the_site_is_refused_even_when_attachments_are_on(tmp_path, kind):
    site = make_site(tmp_path, "", attachments=True)
    secret = SECRET
    if kind == "etc-passwd":
        passwd = Path("/etc/passwd")
        if not passwd.is_file() or not passwd.read_text().strip():
            pytest.skip("no /etc/passwd here")
        reference, secret = "file:///etc/passwd", passwd.read_text().splitlines()[0]
    elif kind == "absolute-path":
        reference = str(tmp_path / "elsewhere" / "secret.svg")
    elif kind == "symlink-in-docs":
        (site.root / "content" / "plan" / "linked.svg").symlink_to(tmp_path / "elsewhere" / "secret.svg")
        reference = "../linked.svg"  # raw HTML: relative to the page's URL, plan/more/
    else:  # inside the project, but not one of the site's source folders
        private = site.write("private/notes.svg", SECRET_SVG)
        (site.root / "content" / "plan" / "linked.svg").symlink_to(private)
        reference = "../linked.svg"
    site.write("content/plan/more.md", f'# More\n\n<link rel="attachment" href="{reference}">\n\nWords.\n')
    result = site.build(strict=False)
    assert_refused(result, reference, secret)


@pytest.mark.parametrize("attachments", [False, True])
def test_attachments_of_the_sites_own_files_only_when_the_council_turns_them_on(tmp_path, attachments):
    # raw HTML is not rewritten by MkDocs: its addresses are relative to the page's URL, plan/more/
    page = '<link rel="attachment" href="../figures.csv" title="The figures">\n\nSee <a rel="attachment" href="../figures.csv">the figures</a>.'
    site = make_site(tmp_path, page, attachments=attachments)
    site.write("content/plan/figures.csv", f"year,spend\n2025,{SECRET}\n")
    result = site.build(strict=False)
    for path in pdfs(result):
        assert bool(leaks(path, SECRET)) is attachments, path.name  # embedded (and found) only when on
        check = subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)
        assert check.returncode == 0, check.stdout  # an attached file's annotation says what it holds
    refusals = [w for w in result.warnings if "figures.csv" in w]
    if attachments:
        assert refusals == [], result.log
    else:
        assert refusals and refusals[0].startswith("content/plan/more.md:5: the PDFs do not attach '../figures.csv'")
        assert "attachments: true" in refusals[0]


@pytest.mark.parametrize("page, reference", [
    ('<object data="file://ELSEWHERE/secret.svg" type="image/svg+xml"></object>', "/secret.svg"),
    ('<embed src="file://ELSEWHERE/secret.svg" type="image/svg+xml">', "/secret.svg"),
    ("<p style=\"height: 80px; background: url('file://ELSEWHERE/secret.svg') no-repeat\">Words.</p>", "/secret.svg"),
    ('<style>.er-chapter { background: url("file://ELSEWHERE/secret.svg") no-repeat; }</style>', "/secret.svg"),
    ('<style>@import url("file://ELSEWHERE/secret.css");</style>', "/secret.css"),
    ('<style>@import "ELSEWHERE/secret.css";</style>', "/secret.css"),
    ('<svg width="400" height="60"><image href="file://ELSEWHERE/secret.svg" width="400" height="60"/></svg>', "/secret.svg"),
    ('<style>@font-face { font-family: Secret; src: url(file://ELSEWHERE/secret.svg); } p { font-family: Secret; }</style>',
     "/secret.svg"),
], ids=["object", "embed", "style-attribute", "style-block", "import-url", "import-string", "inside-svg", "font-face"])
def test_a_reference_to_a_file_outside_the_site_is_refused_with_a_warning_on_its_page(tmp_path, page, reference):
    result = make_site(tmp_path, page).build(strict=False)
    assert_refused(result, str(tmp_path / "elsewhere") + reference)
    assert "the PDFs leave out" in " ".join(result.warnings)


def test_a_picture_of_the_site_that_names_a_file_outside_it_is_refused_while_rendering(tmp_path):
    """The last guard, in the worker: the picture is a file of the site, what it names is not."""
    site = make_site(tmp_path, "![A frame](frame.svg)")
    secret = tmp_path / "elsewhere" / "secret.svg"
    site.write("content/plan/more/frame.svg", f"""\
        <svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">
        <image href="{secret.as_uri()}" width="400" height="60"/></svg>
        """)
    site.write("content/plan/more.md", "# More\n\n![A frame](more/frame.svg)\n")
    result = site.build(strict=False)
    refusals = [w for w in result.warnings if secret.as_uri() in w]
    assert refusals and refusals[0].startswith("content/plan/index.md: the PDFs leave out"), result.log
    for path in pdfs(result):
        assert leaks(path, SECRET) == [], path.name


def test_a_pdf_from_the_cache_still_warns_about_what_it_left_out(tmp_path):
    site = make_site(tmp_path, '<object data="file://ELSEWHERE/secret.svg" type="image/svg+xml"></object>')
    first = site.build(strict=False)
    second = site.build(strict=True)
    assert "2 rendered, 0 from cache" in first.log and "0 rendered, 2 from cache" in second.log, second.log
    assert not second.ok, "a page that names a file outside the site fails --strict on every build"
    assert [w for w in second.warnings if w.startswith("content/plan/more.md:5: the PDFs leave out")], second.log


# --- A damaged cache ----------------------------------------------------------------


def truncate(pdf: Path, sidecar: Path) -> None:
    pdf.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 2])


def lie_about_pages(pdf: Path, sidecar: Path) -> None:
    record = json.loads(sidecar.read_text(encoding="utf-8"))
    sidecar.write_text(json.dumps({**record, "pages": 999999}), encoding="utf-8")


def overwrite_keeping_size(pdf: Path, sidecar: Path) -> None:
    data = pdf.read_bytes()
    pdf.write_bytes(data[:-20] + b"%damaged-same-length")


def link_to_a_copy(pdf: Path, sidecar: Path) -> None:
    """The same bytes, but through a symbolic link to a file outside the cache."""
    outside = pdf.parents[3] / "elsewhere" / "copy.pdf"
    outside.write_bytes(pdf.read_bytes())
    pdf.unlink()
    pdf.symlink_to(outside)


@pytest.mark.parametrize("damage", [truncate, lie_about_pages, overwrite_keeping_size, link_to_a_copy],
                         ids=["truncated-pdf", "lying-sidecar", "same-size-overwrite", "symbolic-link"])
def test_a_damaged_cache_entry_is_rendered_again_not_published(tmp_path, damage):
    site = make_site(tmp_path, "Nothing unusual.")
    assert site.build().ok
    cache = site.root / ".cache" / "easyread"
    sidecar = next(p for p in cache.glob("*.json") if json.loads(p.read_text())["for"] == "plan/standard")
    damage(sidecar.with_suffix(".pdf"), sidecar)

    result = site.build(strict=True)
    assert result.ok, result.log  # a damaged cache is not the council's mistake
    assert len(re.findall(r"PDF plan/standard: the cached copy .* is damaged .*rendering it again", result.log)) == 1, result.log
    assert "1 rendered, 1 from cache" in result.log
    published = result.site / "plan" / "pdf" / "plan.pdf"
    with pikepdf.open(published) as pdf:
        pages = len(pdf.pages)
    shown = re.search(r'href="pdf/plan\.pdf"[^>]*>Download the standard PDF <span[^>]*>\(PDF, [\d.]+ KB, (\d+) pages?\)',
                      result.html("plan"))
    assert shown and int(shown[1]) == pages, result.html("plan")


def test_an_unchanged_cache_is_not_read_again_and_a_restored_one_is_checked_once(tmp_path, monkeypatch):
    """An unchanged rebuild trusts its cached PDFs without reading them; a cache copied back into place (new
    files, same bytes, as CI restores one) has every PDF's bytes checked once, then is trusted again."""
    site = make_site(tmp_path, "Nothing unusual.")
    assert site.build().ok
    cache = site.root / ".cache" / "easyread"
    read: list[Path] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path) or read_bytes(path))

    def build_reading_cached_pdfs() -> list[str]:
        read.clear()
        result = site.build(strict=True)
        assert result.ok and "0 rendered, 2 from cache" in result.log and "damaged" not in result.log, result.log
        return sorted(path.name for path in read if path.parent == cache and path.suffix == ".pdf")

    assert build_reading_cached_pdfs() == []
    copy = tmp_path / "copy"
    shutil.copytree(cache, copy)
    shutil.rmtree(cache)
    shutil.copytree(copy, cache)
    assert len(build_reading_cached_pdfs()) == 2
    assert build_reading_cached_pdfs() == []


# --- Picture names with spaces and accents ---------------------------------------------


def test_pictures_named_with_spaces_and_accents_are_in_the_easy_read_pdf(tmp_path):
    from PIL import Image

    site = make_site(tmp_path, "Nothing unusual.")
    site.write("easyread/plan/pictures/my pic é.svg", HOUSE)
    pictures = site.root / "easyread" / "plan" / "pictures"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(pictures / "bus é 2.png")
    site.write("easyread/plan/index.md", """\
        # Our plan in easy read

        ![A house](pictures/my%20pic%20%C3%A9.svg) We want you to have a good place to live.

        ![A bus](<pictures/bus é 2.png>) We will help you travel.
        """)
    result = site.build(strict=False)
    assert not [w for w in result.warnings if "PDFs leave out" in w], result.log
    with pdfplumber.open(result.site / "plan" / "pdf" / "plan-easy-read.pdf") as pdf:
        images = [image for page in pdf.pages for image in page.images]
        blue = [r for page in pdf.pages for r in page.rects if tuple(r["non_stroking_color"] or ()) == BLUE]
    assert len(images) == 1, "the PNG named 'bus é 2.png'"
    assert blue, "the SVG named 'my pic é.svg'"


# --- One publication's PDF work crashes ------------------------------------------------


def two_publications(tmp_path: Path) -> Site:
    site = make_site(tmp_path, "Nothing unusual.")
    site.publication("bad", body="# Bad\n\nWords.\n")
    return site


def assert_only_bad_failed(result: Result) -> None:
    assert "Traceback" not in result.log
    assert [w for w in result.warnings if w.startswith("content/bad/index.md: ") and "'bad'" in w], result.log
    assert not [w for w in result.warnings if "plan" in w], result.warnings
    for name in ("plan.pdf", "plan-large-print.pdf"):
        with pikepdf.open(result.site / "plan" / "pdf" / name) as pdf:
            assert len(pdf.pages) > 1
    for url in ("plan/", "plan/more/", "bad/"):
        assert "</html>" in result.html(url)
    assert "Download the standard PDF" in result.html("plan/more/")


def plant_crash(monkeypatch, module, name: str, is_bad) -> None:
    """Make ``module.name`` raise for the calls ``is_bad`` picks, as a fault in the plugin would."""
    real = getattr(module, name)

    def crashing(*args, **kwargs):
        if is_bad(*args):
            raise ValueError("something unexpected")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, crashing)


def test_a_crash_while_assembling_one_publication_leaves_the_others_whole(tmp_path, monkeypatch):
    from mkdocs_easyread.pdf import assemble  # imported where a PDF is to be made, so found there at each call

    plant_crash(monkeypatch, assemble, "assemble_document", lambda build, publication, *rest: publication.slug == "bad")
    result = two_publications(tmp_path).build(strict=False)
    assert_only_bad_failed(result)
    assert not list((result.site / "bad").glob("pdf/*.pdf"))


def test_a_crash_in_one_publications_download_box_leaves_the_others_whole(tmp_path, monkeypatch):
    from mkdocs_easyread.pdf import feature

    plant_crash(monkeypatch, feature, "render_box", lambda components, pdfs, *rest: pdfs.slug == "bad")
    result = two_publications(tmp_path).build(strict=False)
    assert_only_bad_failed(result)


def die_rendering_bad(job):
    """In a worker process: dies on the publication 'bad' (as a crash in a library would), renders the rest."""
    from mkdocs_easyread.pdf import worker

    if job.label.startswith("bad/"):
        os._exit(70)
    return worker.render_job(job) if hasattr(job, "roots") else job.render()  # braille jobs render themselves


def test_a_worker_that_dies_on_one_publication_leaves_the_others_whole(tmp_path, monkeypatch):
    from mkdocs_easyread.pdf import jobs

    monkeypatch.setattr(jobs, "run", die_rendering_bad)
    result = two_publications(tmp_path).build(strict=False)
    assert_only_bad_failed(result)
    assert "the standard PDF for 'bad' could not be made: the process rendering it stopped" in " ".join(result.warnings)
    assert not list((result.site / "bad" / "pdf").glob("*.pdf"))
