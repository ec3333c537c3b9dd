"""`easyread draft <publication>`: an editable first easy-read draft, written into easyread/, never over a file."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.easy_read.drafts import shorten

REPO = Path(__file__).resolve().parent.parent
EASYREAD = REPO / ".venv" / "bin" / "easyread"
CHAPTERS = ["index.md", "background.md", "review-findings.md", "action-plan.md", "next-steps.md"]  # nav order
SEMICOLONS = "Providing support; ensuring safety; and leadership."
WORKSHOP_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
PICTURE_START = re.compile(r"^(:[a-z0-9-]+:|!\[[^\]]+\]\([^)]+\)) \S")


def sample_copy(root: Path) -> Path:
    """The sample site without the Care Act review's easy read, so there is something to write."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "overrides", "easyread"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    shutil.rmtree(root / "easyread" / "care-act-review")
    library = root / "easyread/pictures"
    library.mkdir(parents=True, exist_ok=True)
    (library / "workshop.svg").write_text(WORKSHOP_SVG, encoding="utf-8")
    with (root / "content/care-act-review/next-steps.md").open("a", encoding="utf-8") as page:
        page.write(f"\n## Our values\n\n{SEMICOLONS}\n")
    return root


def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EASYREAD_PDF": "false"}


def easyread(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EASYREAD), *arguments], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=120)


def as_module(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs_easyread", *arguments]
    return subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, text=True, timeout=120)


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
        digest.update(path.as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    root = sample_copy(tmp_path_factory.mktemp("sample"))
    return root, easyread(root, "draft", "care-act-review")


def draft_files(root: Path) -> dict[str, str]:
    folder = root / "easyread" / "care-act-review"
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}


def body_lines(text: str) -> list[str]:
    return text.split("\n---\n", 1)[1].splitlines()


def test_writes_one_file_per_chapter_and_says_so(drafted):
    root, run = drafted
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert sorted(draft_files(root)) == sorted(CHAPTERS)
    wrote = [line for line in run.stdout.splitlines() if line.startswith("wrote: ")]
    assert wrote == [f"wrote: easyread/care-act-review/{name}" for name in CHAPTERS]
    assert re.search(r"^Wrote 5 files, left 0 alone; the checker found \d+ warnings for a person to fix and \d+ suggestions", run.stdout, re.M)


def test_draft_front_matter_marks_it_a_draft_with_keys_the_build_accepts(drafted):
    root, _ = drafted
    background = draft_files(root)["background.md"]
    front = background.split("\n---\n", 1)[0].splitlines()
    assert front[0] == "---"
    assert "# First draft made by `easyread draft` from content/care-act-review/background.md on 2025-11-23." in front
    keys = [line.split(":")[0] for line in front[1:] if line and not line.startswith("#")]
    assert keys == ["title"]
    assert 'title: "Background"' in front
    assert "checked_by" not in "".join(line for line in front if not line.startswith("#"))


def test_rows_start_with_a_picture_and_have_one_sentence_a_line(drafted):
    root, _ = drafted
    for name, text in draft_files(root).items():
        rows = "\n".join(body_lines(text)).strip().split("\n\n")
        for row in rows:
            lines = row.splitlines()
            if lines[0].startswith("#"):
                assert len(lines) == 1, (name, row)
                continue
            assert PICTURE_START.match(lines[0]), (name, row)
            assert 1 <= len(lines) <= 3, (name, row)
            for line in lines:
                assert re.search(r"[.!?:][\"'’”)]*$", line), (name, line)


def test_headings_glossary_terms_and_numbers(drafted):
    root, _ = drafted
    index = draft_files(root)["index.md"]
    assert "## Summary" in index.splitlines()
    assert "**Care Act**" in index
    assert "SCIE made 22 **recommendations**." in index
    assert "brought together many older laws into 1." in draft_files(root)["background.md"]
    for text in draft_files(root).values():
        assert [i for i in check_page(text, Settings()) if i.rule == "number-as-word"] == []


def test_rows_get_a_picture_from_the_councils_library_or_a_marker_to_choose_one(drafted):
    root, _ = drafted
    rows = [line for text in draft_files(root).values() for line in body_lines(text) if PICTURE_START.match(line)]
    workshop = [row for row in rows if row.startswith("![Workshop](picture:workshop) ")]
    assert workshop and all("workshop" in row.lower() for row in workshop)
    assert any(row.startswith("![Choose a picture](picture:choose) ") for row in rows)


def test_semicolons_inside_a_sentence_do_not_split_it(drafted):
    root, _ = drafted
    rows = [line for line in body_lines(draft_files(root)["next-steps.md"]) if SEMICOLONS in line]
    assert len(rows) == 1 and PICTURE_START.match(rows[0]) and rows[0].endswith(SEMICOLONS)


def test_sub_points_become_rows_of_their_own(drafted):
    root, _ = drafted
    background = draft_files(root)["background.md"]
    assert re.search(r"^(?::[a-z0-9-]+:|!\[[^\]]+\]\([^)]+\)) Decide who is \*\*eligible\*\* using a national set of rules\.$", background, re.M)
    assert "b)" not in background


def long_sentences(root: Path, max_words: int) -> list[str]:
    settings = Settings(max_sentence_words=max_words)
    return [f"{name}:{issue.line}: {issue.message}" for name, text in draft_files(root).items()
            for issue in check_page(text, settings) if issue.rule == "long-sentence"]


def test_long_sentences_are_cut_wherever_a_clean_clause_break_exists(drafted):
    root, _ = drafted
    for name, text in draft_files(root).items():
        for line in body_lines(text):
            sentence = PICTURE_START.sub(lambda m: m.group()[-1], line).replace("**", "")
            if not line.startswith("#") and len(sentence.split()) > 15:
                assert shorten(sentence, 15) == [sentence], (name, line)


def test_no_sentence_over_25_words(drafted):
    root, _ = drafted
    assert long_sentences(root, 25) == []


def test_checker_findings_are_printed_with_file_and_line(drafted):
    root, run = drafted
    files = draft_files(root)
    findings = [line for line in run.stdout.splitlines() if ": warning: " in line]
    assert findings
    for finding in findings:
        where = re.match(r"^easyread/care-act-review/([\w-]+\.md):(\d+): warning: ", finding)
        assert where, finding
        line = files[where[1]].splitlines()[int(where[2]) - 1]
        assert line.strip() and not line.startswith(("#", "---")), finding
    total = int(re.search(r"the checker found (\d+) warnings", run.stdout)[1])
    assert total == len(findings)


def test_existing_files_are_left_alone_byte_for_byte(tmp_path):
    root = sample_copy(tmp_path)
    mine = root / "easyread/care-act-review/background.md"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"---\ntitle: Mine\n---\r\n\n:material-home: Written by a person.  \n")
    before = mine.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = as_module(elsewhere, "draft", "-f", str(root / "mkdocs.yml"), str(root / "content/care-act-review"))
    assert run.returncode == 0, run.stderr
    assert mine.read_bytes() == before
    assert "left alone: easyread/care-act-review/background.md (it exists)" in run.stdout.splitlines()
    assert "wrote: easyread/care-act-review/index.md" in run.stdout.splitlines()
    assert "Wrote 4 files, left 1 alone;" in run.stdout
    written = tree_hash(root / "easyread")
    again = easyread(root, "draft", "care-act-review")
    assert again.returncode == 0 and "Wrote 0 files, left 5 alone;" in again.stdout
    assert tree_hash(root / "easyread") == written


def test_the_written_draft_builds_as_easy_read_pages(drafted):
    root, _ = drafted
    site = root / "site"
    build = subprocess.run([str(REPO / ".venv/bin/mkdocs"), "build", "-d", str(site)], cwd=root, env=environment(),
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert "Traceback" not in build.stderr
    assert "easy_read is true but" not in build.stderr  # the publication has its easy-read pages now
    for name in CHAPTERS:
        page = site / "easy-read/care-act-review" / ("" if name == "index.md" else name[:-3]) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'class="er-row' in html, name
        assert "People with a learning disability have not checked this page yet." in html, name
    assert "Standard version of this page" in (site / "easy-read/care-act-review/background/index.html").read_text(encoding="utf-8")


# --- bad input: one line on stderr, exit status 1, nothing written ------------------------------------


def not_a_publication(root: Path) -> list[str]:
    (root / "content/notes").mkdir()
    (root / "content/notes/a.md").write_text("# Notes\n\nWords.\n", encoding="utf-8")
    return ["draft", "notes"]


def index_without_front_matter(root: Path) -> list[str]:
    (root / "content/notes").mkdir()
    (root / "content/notes/index.md").write_text("# Notes\n\nWords.\n", encoding="utf-8")
    return ["draft", "notes"]


def no_pages(root: Path) -> list[str]:
    (root / "content/empty").mkdir()
    (root / "content/empty/index.md").write_text("---\ntitle: Empty plan\ntype: strategy\n---\n", encoding="utf-8")
    return ["draft", "empty"]


def easyread_is_a_file(root: Path) -> list[str]:
    shutil.rmtree(root / "easyread")
    (root / "easyread").write_text("not a folder\n", encoding="utf-8")
    return ["draft", "care-act-review"]


def missing_mkdocs_yml(root: Path) -> list[str]:
    return ["draft", "-f", "nowhere/mkdocs.yml", "care-act-review"]


def no_such_folder(root: Path) -> list[str]:
    return ["draft", "no-such-plan"]


def easyread_links_outside(root: Path) -> list[str]:
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (root / "easyread/care-act-review").symlink_to(outside, target_is_directory=True)
    return ["draft", "care-act-review"]


def chapter_links_outside(root: Path) -> list[str]:
    secret = root.parent / f"{root.name}-secret.md"
    secret.write_text("---\ntitle: Secret\n---\n\nNot for the site.\n", encoding="utf-8")
    (root / "content/care-act-review/secret.md").symlink_to(secret)
    return ["draft", "care-act-review"]


@pytest.mark.parametrize(("make", "says"), [
    (not_a_publication, "'notes' is not a publication: content/notes/index.md is missing"),
    (index_without_front_matter, "content/notes/index.md has no publication front matter"),
    (no_pages, "content/empty has no pages to draft from"),
    (easyread_is_a_file, "easyread is a file, not a folder"),
    (missing_mkdocs_yml, "no MkDocs configuration at nowhere/mkdocs.yml; run beside mkdocs.yml or give -f"),
    (no_such_folder, "'no-such-plan' is not a publication folder"),
    (easyread_links_outside, "easyread/care-act-review is a link to somewhere outside easyread"),
    (chapter_links_outside, "content/care-act-review/secret.md: this is a link to a file outside the project"),
])
def test_bad_input_is_one_line_exit_1_and_nothing_written(tmp_path, make, says):
    root = sample_copy(tmp_path / "site")
    arguments = make(root)
    before = tree_hash(root)
    outside_before = sorted(path.name for path in tmp_path.iterdir())
    run = easyread(root, *arguments)
    assert run.returncode == 1, (run.stdout, run.stderr)
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert run.stderr.startswith("easyread draft: ") and says in run.stderr
    assert tree_hash(root) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == outside_before
    assert not any((tmp_path / name).is_dir() and any((tmp_path / name).iterdir()) for name in outside_before if name.endswith("-outside"))
