"""The PDF worker in its own process: what it does to save time leaves the PDF whole and frees its memory."""

from __future__ import annotations

import gc
import zlib
from pathlib import Path

import pikepdf
import pydyf
import pytest
import weasyprint
from weasyprint.formatting_structure.boxes import Box

from mkdocs_easyread.pdf import worker
from mkdocs_easyread.pdf.jobs import RenderJob

pytestmark = pytest.mark.pdf

STYLES = Path(worker.__file__).parent / "styles"
WORDS = "The council will publish what it finds every year. " * 40
HTML = f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Plan</title></head>
<body><h1 class="er-doctitle">Plan</h1>{f"<p>{WORDS}</p>" * 30}</body></html>"""


def render(tmp_path: Path, html: str = HTML):
    job = RenderJob(key="a" * 64, label="plan/standard", html=html, css=(STYLES / "base.css").read_text(encoding="utf-8"),
                    styles_url=STYLES.as_uri() + "/", cache_dir=str(tmp_path), roots=(str(STYLES),))
    return worker.render_job(job)


def test_the_collector_is_paused_while_rendering_and_the_document_freed_after(tmp_path, monkeypatch):
    seen = []
    original = weasyprint.HTML.render

    def watched(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    collected = []

    def collection(phase, info):
        if phase == "start":
            collected.append(info["generation"])

    monkeypatch.setattr(weasyprint.HTML, "render", watched)
    assert gc.isenabled()
    gc.callbacks.append(collection)
    try:
        rendered = render(tmp_path)
    finally:
        gc.callbacks.remove(collection)
    assert seen == [False]
    assert collected == [0]  # one collection, of what the render made: not a walk of the whole heap
    assert gc.isenabled()
    assert rendered.pages > 5
    assert not [item for item in gc.get_objects() if isinstance(item, Box)]  # its boxes hold cycles: freed by the collection


def test_the_collector_stays_off_in_a_process_that_turned_it_off(tmp_path):
    gc.disable()
    try:
        render(tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_streams_are_deflated_at_zlibs_default_level_and_read_back(tmp_path):
    data = WORDS.encode("ascii") * 20
    compressor = pydyf.zlib.compressobj(level=9)  # what pydyf asks for
    assert compressor.compress(data) + compressor.flush() == zlib.compress(data, 6)
    rendered = render(tmp_path)
    with pikepdf.open(tmp_path / f"{rendered.key}.pdf") as pdf:
        assert len(pdf.pages) == rendered.pages
        content = b"".join(page.Contents.read_bytes() for page in pdf.pages[:1])
        assert b"BT" in content and b"ET" in content
        assert "/FlateDecode" in str(pdf.pages[0].Contents.get("/Filter"))
