"""Pictures of easy-read rows: the council's library before the package's, the choose-a-picture marker, names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pdfplumber
import pytest
import yaml
from conftest import Site

from mkdocs_easyread.easy_read import pictures
from mkdocs_easyread.easy_read.checker import Settings, check_page
from mkdocs_easyread.languages.speaking import speaking

PDFUA = Path(sys.executable).parent / "pdfua"
PLAN = "title: Our plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\nsummary: What we will do.\neasy_read: true\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cf000000030101008a9f1d4a0000000049454e44ae426082"
)
COUNCIL_HOME = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>\n'


def easy_site(root: Path, body: str, pdf: bool = False) -> Site:
    (root / "content").mkdir(parents=True, exist_ok=True)
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": pdf, "concurrency": 1}
    site.publication("plan", PLAN, "# Our plan\n\nWhat we will do.\n")
    site.write("easyread/plan/index.md", f"---\ntitle: Our plan in easy read\n---\n\n{body}")
    return site


def library(site: Site, files: dict[str, bytes | str]) -> Path:
    folder = site.root / "easyread" / "pictures"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def row_picture(html: str, words: str) -> str:
    """The markup of the picture in the row whose words start with ``words``."""
    at = html.index(words)
    start = html.rindex('<div class="er-row__picture">', 0, at)
    return html[start:at]


# --- lookup ------------------------------------------------------------------------------


def test_a_library_picture_comes_before_the_packages_and_is_published_as_a_file(tmp_path):
    site = easy_site(tmp_path, "![Our town hall](picture:home) We will build more homes.\n\n![A bus](picture:travel) Buses.\n")
    library(site, {"home.svg": COUNCIL_HOME})
    result = site.build()
    assert result.ok, result.log
    html = result.html("easy-read/plan")
    council = row_picture(html, "We will build more homes.")
    assert re.search(r'<img alt="Our town hall" class="er-picture er-picture--library" src="(\.\./)+assets/easyread/pictures/home.svg"', council), council
    assert "<svg" not in council, "a council's SVG is never put into the page"
    assert (result.site / "assets/easyread/pictures/home.svg").read_text() == COUNCIL_HOME
    assert "<svg" in row_picture(html, "Buses."), "the package's own pictures are still inline"


@pytest.mark.parametrize("file_name", ["jobs.png", "jobs.jpg", "jobs.svg"])
def test_library_pictures_may_be_png_jpg_or_svg(tmp_path, file_name):
    site = easy_site(tmp_path, "![A person at work](picture:jobs) We will help you find a job.\n")
    library(site, {file_name: PNG if not file_name.endswith("svg") else COUNCIL_HOME})
    result = site.build()
    assert result.ok, result.log
    assert f"assets/easyread/pictures/{file_name}" in row_picture(result.html("easy-read/plan"), "We will help you find a job.")


def test_svg_comes_before_png_and_jpg_of_the_same_name(tmp_path):
    folder = library(easy_site(tmp_path, ""), {"jobs.jpg": PNG, "jobs.png": PNG, "jobs.svg": COUNCIL_HOME})
    assert pictures.library_file(folder, "jobs") == folder / "jobs.svg"
    (folder / "jobs.svg").unlink()
    assert pictures.library_file(folder, "jobs") == folder / "jobs.png"
    assert pictures.library_file(folder, "../plan/index") is None


def test_an_unknown_name_is_a_warning_with_its_line_and_the_nearest_names(tmp_path):
    site = easy_site(tmp_path, ":material-home: Hello.\n\n![A bus stop](picture:bus-stp) Take the bus.\n")
    library(site, {"bus-stop.png": PNG, "town-hall.png": PNG})
    result = site.build(strict=False)
    [warning] = [w for w in result.warnings if "bus-stp" in w]
    assert warning.startswith("easyread/plan/index.md:7: there is no picture called 'bus-stp'; the nearest names are: bus-stop")
    assert "town-hall" not in warning and "money" not in warning, "the nearest names, not all of them"


def test_a_library_link_to_a_file_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.svg").write_text(COUNCIL_HOME)
    site = easy_site(tmp_path / "site", "![A secret](picture:secret) Hello.\n")
    folder = library(site, {})
    os.symlink(outside / "secret.svg", folder / "secret.svg")
    result = site.build(strict=False)
    assert not (result.site / "assets/easyread/pictures/secret.svg").exists()
    assert "secret.svg" not in result.html("easy-read/plan")
    assert any(w.startswith("easyread/pictures/secret.svg: this is a link to a file outside the project") for w in result.warnings), result.warnings
    assert any("there is no picture called 'secret'" in w for w in result.warnings), result.warnings


def test_names_lists_the_library_and_the_package():
    folder = Path(__file__).parent / "nowhere"
    assert "travel" in pictures.names(folder) and "bus" in pictures.names()


def test_names_of_a_library(tmp_path):
    (tmp_path / "town-hall.png").write_bytes(PNG)
    (tmp_path / "notes.txt").write_text("not a picture")
    names = pictures.names(tmp_path)
    assert "town-hall" in names and "travel" in names and "notes" not in names


# --- plain names of icons, in the page's language -----------------------------------------

PLAIN_PHRASE = re.compile(r"[0-9A-ZÂÊÎÔÛŴŶ]?[0-9a-zâêîôûŵŷáéíóúàèìòùäëïöüÿ' -]+")


def icon_labels(html: str) -> dict[str, str]:
    """The name each icon picture on a page is read with, by its words."""
    rows = lxml.html.fromstring(html).xpath("//*[contains(@class, 'er-row')][*[contains(@class, 'er-row__words')]]")
    return {
        " ".join(row.xpath("string(*[contains(@class, 'er-row__words')])").split()): label
        for row in rows for label in row.xpath(".//*[@role='img']/@aria-label")
    }


def test_the_welsh_names_list_every_english_icon_and_only_those_in_plain_words():
    english = yaml.safe_load(pictures.ICON_NAMES_FILE.read_text(encoding="utf-8"))
    welsh = yaml.safe_load(pictures.icon_names_file("cy").read_text(encoding="utf-8"))
    assert list(welsh) == list(english)
    assert [name for name in welsh.values() if not (isinstance(name, str) and PLAIN_PHRASE.fullmatch(name))] == []
    assert [name for name in welsh.values() if not 0 < len(name.split()) <= 6] == []
    assert [icon for icon in english if welsh[icon] == english[icon] and len(welsh[icon]) > 4] == [], "left in English"


def test_an_icon_is_named_in_the_language_being_spoken():
    assert pictures.icon_names_file("cy-GB") == pictures.icon_names_file("cy") == pictures.ICON_NAMES_FILE.with_name("icon-names.cy.yml")
    with speaking("cy"):
        assert pictures.icon_name(":material-bus:") == "Bws"
        assert pictures.icon_name("material-home-outline") == "Tŷ"  # a style of a listed icon
        assert pictures.listed_icon_name("material-doctor") == "Meddyg"
        assert pictures.icon_name("material-kettle") == "kettle"  # not listed: words from its name
    with speaking("en_GB"):
        assert pictures.icon_name(":material-bus:") == "A bus"
    assert pictures.listed_icon_name("material-home", language="cy") == "Tŷ"
    assert pictures.listed_icon_name("material-home") == "A house"


def test_a_missing_name_is_english_and_a_language_with_no_list_is_english(tmp_path, monkeypatch):
    (tmp_path / "icon-names.yml").write_text("material-bus: A bus\nmaterial-home: A house\nmaterial-cash: Money\n", encoding="utf-8")
    (tmp_path / "icon-names.cy.yml").write_text("material-bus: Bws\nmaterial-home: ''\nmaterial-kettle: Tegell\n", encoding="utf-8")
    monkeypatch.setattr(pictures, "ICON_NAMES_FILE", tmp_path / "icon-names.yml")
    pictures._plain_icon_names.cache_clear()
    try:
        assert pictures.plain_icon_names("cy") == {"material-bus": "Bws", "material-home": "A house", "material-cash": "Money"}
        assert pictures.listed_icon_name("material-kettle", "cy") is None, "only icons on the English list are listed"
        assert pictures.plain_icon_names("fr") == pictures.plain_icon_names("en") == {
            "material-bus": "A bus", "material-home": "A house", "material-cash": "Money"}
    finally:
        pictures._plain_icon_names.cache_clear()


def test_an_icon_with_no_words_in_its_name_is_a_picture():
    assert pictures.icon_label("material-") == "picture"


def test_a_welsh_easy_read_page_reads_its_icons_in_welsh_beside_an_english_one(tmp_path):
    body = ":material-bus: Byddwn yn gwneud bysiau yn haws.\n\n:material-home-outline: Cartrefi.\n\n:material-cash:{ aria-label=\"Ein cyllideb\" } Arian.\n"
    site = easy_site(tmp_path, body)
    site.publication("cynllun", PLAN + "language: cy\n", "# Ein cynllun\n\nBeth fyddwn ni'n ei wneud.\n")
    site.write("easyread/cynllun/index.md", f"---\ntitle: Ein cynllun Hawdd ei Ddeall\n---\n\n{body}")
    result = site.build()
    assert result.ok, result.log
    assert icon_labels(result.html("easy-read/cynllun")) == {
        "Byddwn yn gwneud bysiau yn haws.": "Bws", "Cartrefi.": "Tŷ", "Arian.": "Ein cyllideb"}
    assert icon_labels(result.html("easy-read/plan")) == {
        "Byddwn yn gwneud bysiau yn haws.": "A bus", "Cartrefi.": "A house", "Arian.": "Ein cyllideb"}


# --- a picture for some words (first drafts) ----------------------------------------------


def test_picture_for_chooses_from_what_is_available():
    icons = list(pictures.PICTURE_WORDS)
    assert pictures.picture_for("Help people travel on buses.", icons) == "material-bus"
    assert pictures.picture_for("Help people travel on buses.", ["bus-stop", *icons]) == "bus-stop"  # the council's first
    assert pictures.picture_for("We work with doctors.", ["health", *icons]) == "health"
    assert pictures.picture_for("The town hall is open.", ["town-hall", "material-bus"]) == "town-hall"
    assert pictures.picture_for("Nothing fits these words.", [*pictures.names(), *icons]) is None


# --- the draft's marker ------------------------------------------------------------------


def test_choose_a_picture_marker_is_a_warning_and_a_visible_placeholder(tmp_path):
    site = easy_site(tmp_path, ":material-home: Hello.\n\n![Choose a picture](picture:choose) We will help you.\n")
    result = site.build(strict=False)
    assert [w for w in result.warnings if "picture" in w] == [
        'easyread/plan/index.md:7: choose a picture for this row: "We will help you."; replace picture:choose with a '
        "picture's name, like ![A bus](picture:travel), or use an icon, like :material-bus:"
    ]
    picture = row_picture(result.html("easy-read/plan"), "We will help you.")
    assert '<span class="er-picture er-picture--choose"><span class="er-choose-picture">Choose a picture</span></span>' in picture
    css = (result.site / "assets/easyread/easy_read/easy-read-pictures.css").read_text()
    assert "dashed" in css
    assert "easy-read-pictures.css" in result.html("easy-read/plan")


def test_checker_reports_the_marker_on_its_line():
    page = "---\ntitle: A\n---\n\n:material-home: Hi.\n\n- ![Choose a picture](picture:choose) We will help you.\n"
    issues = check_page(page, Settings(), pictures=pictures.names())
    assert [(i.line, i.rule, i.suggestion) for i in issues] == [(7, "choose-picture", False)]


# --- PDF -----------------------------------------------------------------------------------


def test_a_library_picture_is_in_the_easy_read_pdf_and_it_passes_pdfua(tmp_path):
    site = easy_site(tmp_path, "![Our town hall](picture:town-hall) We will build more homes.\n", pdf=True)
    site.config["site_url"] = "https://example.gov.uk/"
    site.config["theme"]["language"] = "en"
    library(site, {"town-hall.png": PNG})
    result = site.build()
    assert result.ok, result.log
    path = result.site / "plan" / "pdf" / "plan-easy-read.pdf"
    with pdfplumber.open(path) as pdf:
        assert sum(len(page.images) for page in pdf.pages) >= 1
        assert "We will build more homes." in "\n".join(page.extract_text() or "" for page in pdf.pages)
    process = subprocess.run([str(PDFUA), "check", str(path)], check=False, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr
