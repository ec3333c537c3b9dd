"""The plain easy-read page and its Listen button, as a reader meets them in Chromium.

A plain page has no site navigation, tabs or table of contents (unless the site keeps them),
a big "Easy read" header with the link to the standard version, boxes in easy-read type with a
picture each, and a Listen button that reads the page aloud row by row with the browser's own
speech (stubbed here: headless Chromium has no voices).
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import axe_violations, sideways_scroll
from test_csp import load_under_policy, serve_with_policy  # noqa: F401 - a fixture
from test_easy_read import make_site

EASY_INDEX = """\
---
title: Our plan in easy read
checked_by: Co-production group, 2018-06-12
---

:material-home: We want you to have a good place to live.

## Getting about

![A bus](pictures/bus.svg) We will make buses easier to use.

:material-account-group:{ aria-label="Lots of people" } You can get **advocacy**.

## Money

- :material-cash: We will help you with money.
- :material-briefcase: We will help you find a job.
"""
FIRST_ROW = "We want you to have a good place to live."
# Speech that records what it is asked to say and says it when the test calls __finish().
SPEECH_STUB = """
window.__spoken = [];
window.__calls = [];
const synth = {
  paused: false, current: null,
  speak(utterance) { window.__spoken.push(utterance.text); this.current = utterance; setTimeout(() => utterance.onstart && utterance.onstart({}), 0); },
  pause() { this.paused = true; window.__calls.push("pause"); },
  resume() { this.paused = false; window.__calls.push("resume"); },
  cancel() {
    window.__calls.push("cancel");
    const utterance = this.current;
    this.current = null;
    if (utterance && utterance.onend) setTimeout(() => utterance.onend({}), 0);  // as browsers do: a late end
  },
  getVoices() { return []; },
};
Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
window.__finish = () => { const utterance = synth.current; synth.current = null; utterance.onend({}); };
"""
NO_SPEECH = "delete window.speechSynthesis; delete Window.prototype.speechSynthesis; delete window.SpeechSynthesisUtterance;"
# The words of the highlighted rows, without what is hidden from screen readers (marks, pictures).
READING = """() => [...document.querySelectorAll('.er-listen-reading')].map(element => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('[aria-hidden="true"]').forEach(hidden => hidden.remove());
  return copy.textContent.trim().replace(/\\s+/g, ' ');
})"""
CONTROLS = """() => {
  const box = document.querySelector('[data-er-listen]');
  const stop = box.querySelector('[data-er-listen-stop]');
  return {shown: !box.hidden && box.getClientRects().length > 0, main: box.querySelector('[data-er-listen-main]').textContent.trim(),
          stop: !stop.hidden && stop.getClientRects().length > 0,
          focus: box.contains(document.activeElement) ? document.activeElement.textContent.trim() : ''};
}"""


def plain_site(root, **options):
    site = make_site(root)
    site.config["theme"]["features"] = ["navigation.footer", "navigation.tabs"]
    site.write("easyread/plan/index.md", EASY_INDEX)
    site.plugin_options()["easy_read"] = options
    return site


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    site = plain_site(tmp_path_factory.mktemp("plain"))
    site.plugin_options()["pdf"] = {"enabled": True}  # the Download box
    result = site.build()
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    result = plain_site(tmp_path_factory.mktemp("kept"), navigation=True, listen=False, picture_size=150).build()
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def urls(plain, kept, serve):
    return {"plain": serve(plain.site), "kept": serve(kept.site)}


def open_page(browser, url: str, width: int = 1280, scheme: str = "light", init: str = SPEECH_STUB):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    if init:
        context.add_init_script(init)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


def visible(page, selector: str) -> bool:
    return page.evaluate("(s) => [...document.querySelectorAll(s)].some(e => e.checkVisibility({visibilityProperty: true}))", selector)


# --- the built page -----------------------------------------------------------------------


def test_a_plain_page_hides_navigation_and_contents_with_materials_own_hide(plain, kept):
    def hidden(html: str) -> list[str]:
        return lxml.html.fromstring(html).xpath("//div[contains(@class, 'md-sidebar')][@hidden]/@data-md-type")

    assert hidden(plain.html("easy-read/plan")) == ["navigation", "toc"]
    assert "er-easy-header--plain" in plain.html("easy-read/plan")
    assert hidden(plain.html("plan")) == []  # standard pages keep them
    assert hidden(kept.html("easy-read/plan")) == []
    kept_page = lxml.html.fromstring(kept.html("easy-read/plan"))
    assert not kept_page.xpath("//header[contains(@class, 'er-easy-header--plain')]")


def test_the_header_says_easy_read_and_links_to_the_standard_version_with_its_picture(plain):
    header = lxml.html.fromstring(plain.html("easy-read/plan")).xpath("//header[contains(@class, 'er-easy-header')]")[0]
    label = header.xpath("./p[contains(@class, 'er-easy-header__label')]")[0]
    assert [span.text_content() for span in label.xpath("./span[not(@aria-hidden)]")] == ["Easy read"]
    assert label.xpath("./span[@aria-hidden='true']/*[local-name()='svg']")  # its picture is decoration
    assert header.xpath("./h1")[0].text_content() == "Our plan in easy read"
    link = header.xpath(".//p[contains(@class, 'er-version-link--standard')]/a")[0]
    assert link.get("href") == "../../plan/"
    assert " ".join(link.text_content().split()).endswith("Standard version of this page")
    assert link.xpath("./span[@aria-hidden='true']/*[local-name()='svg']")


def test_boxes_have_easy_read_type_and_a_decorative_picture(plain):
    document = lxml.html.fromstring(plain.html("easy-read/plan"))
    for heading in ("Hard words", "Other formats"):
        box = document.xpath("//section[.//h2[normalize-space()=$h]]", h=heading)[0]
        assert "er-box--easy-read" in box.get("class"), heading
        assert box.xpath(".//h2/span[@class='er-box__picture'][@aria-hidden='true']/*[local-name()='svg']"), heading
    assert document.xpath("//section[contains(@class, 'er-downloads')]")  # easy-read type from easy-read.css
    standard = lxml.html.fromstring(plain.html("plan"))
    assert not standard.xpath("//*[contains(@class, 'er-box--easy-read') or contains(@class, 'er-box__picture')]")


def test_the_download_box_template_has_an_easy_read_branch(plain):
    from mkdocs_easyread.render import Components

    items = [{"href": "plan.pdf", "variant": "easy-read", "size": "1 KB", "pages": 1}]
    easy = lxml.html.fromstring(Components().render("pdf/components/downloads.html", items=items, easy_read=True))
    assert easy.xpath("//section[contains(@class, 'er-box--easy-read')]//h2/span[@aria-hidden='true']/*[local-name()='svg']")
    standard = Components().render("pdf/components/downloads.html", items=items)
    assert "er-box__picture" not in standard and "Download the easy read PDF" in standard


def test_listen_controls_are_hidden_until_the_script_finds_speech_and_can_be_turned_off(plain, kept):
    box = lxml.html.fromstring(plain.html("easy-read/plan")).xpath("//div[@data-er-listen]")[0]
    assert box.get("hidden") is not None
    main = box.xpath(".//button[@data-er-listen-main]")[0]
    assert (main.get("data-er-word-pause"), main.get("data-er-word-resume")) == ("Pause", "Resume")
    assert "data-er-listen" not in plain.html("plan")
    assert "data-er-listen" not in kept.html("easy-read/plan")


def test_picture_size_is_a_generated_stylesheet_and_a_size_out_of_range_is_a_warning(plain, kept, tmp_path):
    assert "--er-picture-size: 120px" in (plain.site / "assets/easyread/easy_read/picture-size.css").read_text()
    assert "--er-picture-size: 150px" in (kept.site / "assets/easyread/easy_read/picture-size.css").read_text()
    assert "picture-size.css" in plain.html("easy-read/plan")
    result = plain_site(tmp_path, picture_size=20).build(strict=False)
    assert [w for w in result.warnings if w.startswith("mkdocs.yml: easy_read.picture_size is 20")], result.warnings
    assert "--er-picture-size: 56px" in (result.site / "assets/easyread/easy_read/picture-size.css").read_text()


# --- in Chromium -----------------------------------------------------------------------------


@pytest.mark.browser
def test_no_sidebar_tabs_or_contents_on_screen_unless_kept(browser, urls):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/")
    shown = {part: visible(page, selector) for part, selector in (("nav", ".md-sidebar--primary"), ("toc", ".md-sidebar--secondary"), ("tabs", ".md-tabs"))}
    context.close()
    assert shown == {"nav": False, "toc": False, "tabs": False}
    context, page = open_page(browser, urls["plain"] + "plan/")
    assert visible(page, ".md-tabs") and visible(page, ".md-sidebar--primary")
    context.close()
    context, page = open_page(browser, urls["kept"] + "easy-read/plan/")
    assert visible(page, ".md-tabs") and visible(page, ".md-sidebar--primary") and visible(page, ".md-sidebar--secondary")
    context.close()


@pytest.mark.browser
def test_skip_to_content_leads_to_the_easy_read_header(browser, urls):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('.er-version-link') ? document.activeElement.getAttribute('href') : document.activeElement.outerHTML")
    context.close()
    assert "md-skip" in skip[0].split() and skip[1] == "#er-content"
    assert focused == "../../plan/"  # the link to the standard version, first in the header


ROWS = """() => [...document.querySelectorAll('.er-easy-read .er-row, .er-box__heading')].map(row => {
  const picture = row.querySelector('.er-row__picture, .er-box__picture').getBoundingClientRect();
  const words = row.querySelector('.er-row__words, .er-box__heading > span:last-child').getBoundingClientRect();
  return {name: row.textContent.trim().slice(0, 30), box: row.matches('.er-box__heading'), width: picture.width,
          left: picture.right <= words.left, beside: picture.top < words.bottom && words.top < picture.bottom};
})"""
SIZES = """() => {
  const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  return {row: size('.er-easy-read .er-row__words p'), hard: size('.er-hard-words dd'), formats: size('.er-formats p'),
          downloads: size('.er-downloads li'), standard: size('.md-footer')};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_plain_page_in_chromium(browser, urls, width, scheme):
    url = urls["plain"] + "easy-read/plan/"
    assert axe_violations(browser, url, scheme, width=width) == []
    assert sideways_scroll(browser, url, width, scheme) <= 0
    context, page = open_page(browser, url, width, scheme)
    rows, sizes = page.evaluate(ROWS), page.evaluate(SIZES)
    context.close()
    assert len(rows) == 8  # 5 rows and 3 boxes with a heading and a picture: Hard words, Other formats, Download
    assert [row["name"] for row in rows if not (row["left"] and row["beside"])] == []
    smallest = 56 if width == 320 else 120
    assert [row["name"] for row in rows if not row["box"] and row["width"] < smallest] == []
    assert min(row["width"] for row in rows if row["box"]) >= 48
    assert sizes["hard"] == sizes["formats"] == sizes["downloads"] == sizes["row"] >= 19


@pytest.mark.browser
def test_picture_size_follows_the_option(browser, urls):
    context, page = open_page(browser, urls["kept"] + "easy-read/plan/")
    widths = page.evaluate("() => [...document.querySelectorAll('.er-easy-read .er-row__picture')].map(p => p.getBoundingClientRect().width)")
    context.close()
    assert widths and set(widths) == {150}


# --- Listen -----------------------------------------------------------------------------------


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_listen_reads_row_by_row_and_highlights_the_row_being_read(browser, urls, scheme):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/", scheme=scheme)
    try:
        assert page.evaluate(CONTROLS) == {"shown": True, "main": "Listen", "stop": False, "focus": ""}
        page.focus("[data-er-listen-main]")
        page.keyboard.press("Enter")
        assert page.evaluate("() => window.__spoken") == ["Our plan in easy read"]
        page.evaluate("window.__finish()")
        page.evaluate("window.__finish()")
        assert page.evaluate("() => window.__spoken")[1:] == ["Checked by Co-production group on 12 June 2018", FIRST_ROW]
        assert page.evaluate(READING) == [FIRST_ROW]
        assert page.evaluate("() => document.querySelector('.er-listen-reading').matches('.er-easy-read > .er-row')")
        assert page.evaluate(CONTROLS) == {"shown": True, "main": "Pause", "stop": True, "focus": "Pause"}
        look = page.evaluate("""() => {
            const style = getComputedStyle(document.querySelector('.er-listen-reading'));
            return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor,
                    page: getComputedStyle(document.body).backgroundColor, background: style.backgroundColor};
        }""")
        assert look["outline"] == "solid" and look["width"] >= 2
        assert contrast(look["colour"], look["page"]) >= 3 and look["background"] != look["page"]
        assert axe_on(page) == []  # the highlighted row's words keep their contrast
    finally:
        context.close()


def axe_on(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe
    from conftest import AXE_TAGS

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in results.response["violations"]]


@pytest.mark.browser
def test_listen_pauses_resumes_and_stops_by_keyboard(browser, urls):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/")
    try:
        page.focus("[data-er-listen-main]")
        page.keyboard.press("Enter")
        page.keyboard.press("Space")
        assert page.evaluate("() => window.__calls").count("pause") == 1
        assert page.evaluate(CONTROLS)["main"] == "Resume"
        page.keyboard.press("Enter")
        assert page.evaluate("() => window.__calls")[-1] == "resume"
        assert page.evaluate(CONTROLS)["main"] == "Pause"

        page.keyboard.press("Tab")  # to Stop
        assert page.evaluate(CONTROLS)["focus"] == "Stop"
        page.keyboard.press("Enter")
        page.wait_for_timeout(50)  # the late "end" of the cancelled row must not start the next
        assert page.evaluate(CONTROLS) == {"shown": True, "main": "Listen", "stop": False, "focus": "Listen"}
        assert page.evaluate(READING) == [] and page.evaluate("() => window.__spoken.length") == 1

        page.keyboard.press("Space")  # starts again from the top
        page.evaluate("window.__finish()")
        assert page.evaluate("() => window.__spoken")[-2:] == ["Our plan in easy read", "Checked by Co-production group on 12 June 2018"]
        page.locator("h1").click()  # focus away from the controls: Escape still stops
        page.keyboard.press("Escape")
        page.wait_for_timeout(50)
        assert page.evaluate(READING) == [] and page.evaluate(CONTROLS)["main"] == "Listen"
        assert page.evaluate("() => window.__spoken.length") == 3
    finally:
        context.close()


@pytest.mark.browser
def test_listen_reads_to_the_end_and_stops(browser, urls):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/")
    try:
        page.click("[data-er-listen-main]")
        for _ in range(40):
            if page.evaluate(CONTROLS)["main"] == "Listen":
                break
            page.evaluate("window.__finish()")
        spoken = page.evaluate("() => window.__spoken")
    finally:
        context.close()
    assert spoken[2:5] == [FIRST_ROW, "Getting about", "We will make buses easier to use."]
    assert "You can get advocacy." in spoken and "We will help you find a job." in spoken
    assert "Hard words" in spoken and "advocacy Getting help to say what you want and to be listened to." in spoken
    assert "Other formats" in spoken and "Download this document" in spoken
    assert not [text for text in spoken if "Standard version" in text or "Listen" in text or "Easy read" == text]


@pytest.mark.browser
def test_listen_stays_hidden_without_speech_or_javascript(browser, urls):
    context, page = open_page(browser, urls["plain"] + "easy-read/plan/", init=NO_SPEECH)
    try:
        assert page.evaluate("() => 'speechSynthesis' in window") is False
        assert page.evaluate(CONTROLS)["shown"] is False
    finally:
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(urls["plain"] + "easy-read/plan/")
    assert page.locator("[data-er-listen]").is_hidden()
    context.close()


@pytest.mark.browser
def test_the_page_and_listen_work_under_the_sites_policy(browser, plain, serve_with_policy):  # noqa: F811
    base = serve_with_policy(plain.site)
    found = load_under_policy(browser, base + "easy-read/plan/")
    assert found["violations"] == [] and found["problems"] == [] and found["materialRan"] and found["bundleRan"]
    context = browser.new_context()
    context.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.effectiveDirective));")
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base + "easy-read/plan/", wait_until="load")
        page.click("[data-er-listen-main]")
        page.evaluate("window.__finish()")
        assert page.evaluate("() => window.__spoken.length") == 2
        assert page.evaluate(READING) == ["Checked by Co-production group on 12 June 2018"]
        assert page.evaluate("() => window.__violations") == [] and errors == []
    finally:
        context.close()
