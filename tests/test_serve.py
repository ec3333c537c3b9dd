"""`mkdocs serve` with PDFs on (`pdf.in_serve`): the edited page reloads as soon as its HTML is
written; PDFs are made afterwards in the background, and only those of the publication that changed."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from mkdocs_easyread.pdf import jobs, runner


@pytest.fixture
def held_pdfs(monkeypatch):
    """Render in threads of this process, each job waiting until the test lets it go; the labels rendered."""
    release, rendered = threading.Event(), []
    render = jobs.run

    def held(job):
        assert release.wait(120), "the test never let the PDFs go"
        rendered.append(job.label)
        return render(job)

    monkeypatch.setattr(runner, "start_pool", lambda workers: ThreadPoolExecutor(workers))
    monkeypatch.setattr(jobs, "run", held)
    return release, rendered


def finishing() -> None:
    """Wait for the background work of every build started so far."""
    for thread in threading.enumerate():
        if thread.name == "easyread-finishing":
            thread.join(120)
            assert not thread.is_alive()


def serving_site(site):
    site.plugin_options()["pdf"] = {"in_serve": True, "cache_dir": ".cache/easyread"}
    site.plugin_options()["braille"] = {"enabled": False}
    site.publication("plan", body="# Our plan\n\nWe will do things.\n")
    site.publication("report", front_matter="title: Report\ntype: quality-report\nstatus: published\npublished: 2024-01-02\n",
                     body="# Our report\n\nHow it went.\n")
    return site


def test_the_page_is_served_before_its_pdfs_which_follow_in_the_background(site, held_pdfs):
    release, rendered = held_pdfs
    result = serving_site(site).build(command="serve")
    assert result.ok, result.log
    assert (result.site / "plan" / "index.html").is_file()
    assert not list(result.site.rglob("*.pdf")), "the build waited for its PDFs"
    release.set()
    finishing()
    assert (result.site / "plan" / "pdf" / "plan.pdf").is_file()
    assert (result.site / "report" / "pdf" / "report.pdf").is_file()
    assert 'href="pdf/plan.pdf"' in result.html("plan/")


def test_after_an_edit_only_that_publications_pdfs_are_made_again(site, held_pdfs):
    release, rendered = held_pdfs
    release.set()
    serving_site(site).build(command="serve")
    finishing()
    assert any(label.startswith("report") for label in rendered)
    rendered.clear()
    site.write("content/plan/index.md", (site.root / "content/plan/index.md").read_text(encoding="utf-8") + "\nA new line.\n")
    result = site.build(command="serve")
    finishing()
    assert result.ok, result.log
    assert rendered and all(label.startswith("plan") for label in rendered), rendered


def test_a_newer_build_stops_the_background_work_of_the_one_before(site, held_pdfs):
    release, rendered = held_pdfs
    first = serving_site(site).build(command="serve")
    site.write("content/plan/index.md", (site.root / "content/plan/index.md").read_text(encoding="utf-8") + "\nA new line.\n")
    second = site.build(command="serve")
    release.set()
    finishing()
    assert first.ok and second.ok
    assert (second.site / "plan" / "pdf" / "plan.pdf").is_file()
    assert not [line for line in second.log.splitlines() if "could not be made" in line]
