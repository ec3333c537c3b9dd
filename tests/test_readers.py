"""Readers on phones and keyboards: what WCAG 2.2 AA asks beyond what axe sees (issue 16).

Glossary meanings that can be dismissed and hovered (1.4.13), a light/dark switch with a
visible focus and an honest name, wide tables that scroll in a named region a keyboard can
reach, navigation statuses a screen reader can hear, and no page that scrolls sideways on
a 320 px phone.
"""

from __future__ import annotations

import re

import pytest
from conftest import Site, axe_violations, sideways_scroll
from playwright.sync_api import expect

GLOSSARY = """
- term: advocacy
  means: Getting help to say what you want and to be listened to.
- term: reablement
  means: Short-term help to get back your skills at home.
"""
ADVOCACY = "Getting help to say what you want and to be listened to."
REABLEMENT = "Short-term help to get back your skills at home."
WIDE_TABLE = """
## How much we spend

| Year | Home care | Residential care | Nursing care | Day services | Reablement | Advocacy | Total spending |
|---|---|---|---|---|---|---|---|
| 2017 to 2018 | £112,345,678 | £212,345,678 | £312,345,678 | £12,345,678 | £2,345,678 | £345,678 | £652,345,678 |
| 2018 to 2019 | £113,345,678 | £213,345,678 | £313,345,678 | £13,345,678 | £3,345,678 | £445,678 | £656,345,678 |
| Notes | Rising | Steady | Rising | Falling | Steady | Steady | More for reablement |
"""


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory):
    """A draft and a consultation with a glossary, a wide table and the review page."""
    root = tmp_path_factory.mktemp("readers")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.plugin_options()["review"] = True
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", status="draft", body="""
        ## About this plan

        Our advocacy service helps people to speak up. We will tell you what we decide.
    """)
    site.write("content/plan/money.md", "---\ntitle: Money\n---\n\nThis page shows our spending.\n" + WIDE_TABLE
               + "\n| Service | What it does |\n|---|---|\n| Home care | Care at home for people who need it. |\n")
    site.publication("views", status="consultation", body="We want your views.\n")
    site.publication("report", status="published")
    result = site.build()
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def reader_url(serve, reader_site) -> str:
    return serve(reader_site.site)


@pytest.fixture(scope="module")
def sample_url(serve, sample_site) -> str:
    assert sample_site.ok, sample_site.log
    return serve(sample_site.site)


def open_page(browser, url: str, width: int = 1280, scheme: str = "light", **options):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800}, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(url, wait_until="load")
    return context, page


def tab_to(page, target, presses: int = 60) -> None:
    """Press Tab until keyboard focus is on ``target``, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail("Tab never reached it")


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


# --- Every kind of page on a phone --------------------------------------------------------

SAMPLE_PAGES = {
    "home": "",
    "publication": "ld-strategy/",
    "chapter with charts and tables": "quality-report-2017-18/ratings/",
    "glossary": "ld-strategy/glossary/",
    "easy read": "easy-read/ld-strategy/",
    "tracker": "ld-strategy/progress/",
    "outcome": "ld-strategy/progress/O1/",
    "history": "ld-strategy/progress/history/",
    "recommendations": "care-act-review/progress/recommendations/",
    "committee report": "care-act-review/",
    "numbered chapter": "care-act-review/background/",
    "news list": "news/",
    "news item": "news-care-act-review/",
    "404": "404.html",
}
READER_PAGES = {"draft with a glossary term": "plan/", "wide table": "plan/money/", "review": "review/"}
VIEWS = [(320, "light"), (320, "dark"), (375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")]


@pytest.mark.browser
@pytest.mark.parametrize("width, scheme", VIEWS)
@pytest.mark.parametrize("kind", list(SAMPLE_PAGES) + list(READER_PAGES))
def test_every_kind_of_page_reflows_and_passes_axe(browser, sample_url, reader_url, kind, width, scheme):
    url = sample_url + SAMPLE_PAGES[kind] if kind in SAMPLE_PAGES else reader_url + READER_PAGES[kind]
    if width == 320 and scheme == "light":
        assert sideways_scroll(browser, url, 320) <= 1
    assert axe_violations(browser, url, scheme, width=width) == []


# --- Glossary meanings: WCAG 1.4.13 ---------------------------------------------------------

@pytest.mark.browser
def test_escape_closes_a_glossary_meaning_and_focus_stays_on_the_term(browser, reader_url):
    context, page = open_page(browser, reader_url + "plan/")
    try:
        term = page.get_by_role("link", name="advocacy", exact=True)
        meaning = page.get_by_text(ADVOCACY)
        expect(meaning).to_be_hidden()
        tab_to(page, term)
        expect(meaning).to_be_visible()
        page.keyboard.press("Escape")
        expect(meaning).to_be_hidden()
        expect(term).to_be_focused()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        expect(meaning).to_be_visible()  # focused anew, the meaning shows again
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_glossary_meaning_stays_while_the_pointer_moves_onto_it(browser, reader_url, javascript):
    """With or without JavaScript: the meaning can be hovered, and the term is a link to its entry."""
    context, page = open_page(browser, reader_url + "plan/", java_script_enabled=javascript)
    try:
        term = page.get_by_role("link", name="advocacy", exact=True)
        meaning = page.get_by_text(ADVOCACY)
        term.hover()
        expect(meaning).to_be_visible()
        on_term, bubble = term.bounding_box(), meaning.bounding_box()
        assert not overlap(on_term, bubble), "the meaning covers the term it explains"
        # Straight down from the term into the bubble, a few pixels at a time, then across it.
        x = on_term["x"] + on_term["width"] / 2
        page.mouse.move(x, bubble["y"] + 6, steps=12)
        expect(meaning).to_be_visible()
        page.mouse.move(bubble["x"] + bubble["width"] - 6, bubble["y"] + bubble["height"] / 2, steps=12)
        expect(meaning).to_be_visible()
        page.mouse.move(bubble["x"] + bubble["width"] / 2, bubble["y"] + bubble["height"] + 120, steps=6)
        expect(meaning).to_be_hidden()  # gone once the pointer leaves both
        term.click()  # and the term is a link to its glossary entry
        page.wait_for_url(re.compile(r"/plan/glossary/#advocacy$"))
        expect(page.locator("#advocacy")).to_contain_text("advocacy", ignore_case=True)
    finally:
        context.close()


@pytest.mark.browser
def test_a_meaning_in_a_wide_table_on_a_phone_is_whole_on_the_screen(browser, reader_url):
    context, page = open_page(browser, reader_url + "plan/money/", width=320)
    try:
        term = page.get_by_role("link", name="reablement", exact=True)
        meaning = page.get_by_text(REABLEMENT)
        tab_to(page, term)
        expect(meaning).to_be_visible()
        bubble = meaning.bounding_box()
        assert bubble["x"] >= 0 and bubble["x"] + bubble["width"] <= 320
        # Not cut off by the table's scroll box: what is drawn at its corners is the meaning (waiting
        # out the invisible search box that Material leaves over a phone's page for 0.25 s after Tab).
        corners = [[bubble["x"] + 4, bubble["y"] + 4], [bubble["x"] + bubble["width"] - 4, bubble["y"] + bubble["height"] - 4]]
        page.wait_for_function(
            "([corners, text]) => corners.every(([x, y]) => document.elementFromPoint(x, y)?.textContent === text)",
            arg=[corners, REABLEMENT], timeout=3_000,
        )
        assert page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth") <= 1
    finally:
        context.close()


@pytest.mark.browser
def test_a_tap_shows_the_meaning_and_a_second_tap_follows_the_link(browser, reader_url):
    context, page = open_page(browser, reader_url + "plan/", width=375, has_touch=True, is_mobile=True)
    try:
        term = page.get_by_role("link", name="advocacy", exact=True)
        term.tap()
        expect(page.get_by_text(ADVOCACY)).to_be_visible()
        assert page.url.endswith("/plan/")
        term.tap()
        page.wait_for_url(re.compile(r"/plan/glossary/#advocacy$"))
    finally:
        context.close()


# --- The light/dark switch ------------------------------------------------------------------

def focus_look(page) -> dict:
    return page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return {outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow};
    }""")


def page_background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_colour_switch_shows_focus_says_what_it_does_and_works_with_space_and_enter(browser, reader_url, scheme):
    names = {"light": "Switch to dark mode", "dark": "Switch to light mode"}
    other = "dark" if scheme == "light" else "light"
    context, page = open_page(browser, reader_url + "plan/", scheme=scheme)
    try:
        switch = page.get_by_role("button", name=names[scheme], exact=True)
        tab_to(page, switch)
        box = switch.bounding_box()
        assert box["width"] >= 16 and box["height"] >= 16
        focused = focus_look(page)
        page.evaluate("document.activeElement.blur()")
        assert focus_look(page) != focused, "focus on the switch looks the same as no focus"
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        expect(switch).to_be_focused()

        background = page_background(page)
        page.keyboard.press("Space")
        back = page.get_by_role("button", name=names[other], exact=True)
        expect(back).to_be_focused()  # focus stays on the switch, which now offers the way back
        assert page_background(page) != background
        assert back.bounding_box()["width"] >= 16

        page.keyboard.press("Enter")
        expect(switch).to_be_focused()
        assert page_background(page) == background
    finally:
        context.close()


# --- Wide tables ------------------------------------------------------------------------------

@pytest.mark.browser
def test_a_wide_table_on_a_phone_scrolls_in_a_named_region_that_tab_reaches(browser, reader_url):
    url = reader_url + "plan/money/"
    context, page = open_page(browser, url, width=320)
    try:
        region = page.get_by_role("region", name="Table: How much we spend", exact=True)
        tab_to(page, region)
        assert region.evaluate("element => element.scrollWidth > element.clientWidth"), "the table is not wider than the phone"
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
        # A second table under the same heading gets a name of its own.
        expect(page.get_by_role("region", name="Table: How much we spend (2)", exact=True)).to_have_count(1)
    finally:
        context.close()
    assert sideways_scroll(browser, url, 320) <= 1


# --- Status in the navigation -------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("path, status", [("plan/", "Draft"), ("views/", "Consultation")])
def test_a_publications_status_is_said_in_the_navigation(browser, reader_url, path, status):
    context, page = open_page(browser, reader_url + path)
    try:
        navigation = page.get_by_role("navigation", name="Navigation", exact=True)
        entry = navigation.get_by_role("link", name=re.compile(rf"\b{status}\b"))
        expect(entry).to_have_count(1)
        expect(entry).to_have_attribute("href", re.compile(r"^(\.|\./|)$"))  # the page itself
        # Published is the usual state: no publication, shown or folded away, is marked with it.
        expect(navigation.get_by_role("link", name=re.compile(r"\bPublished\b"), include_hidden=True)).to_have_count(0)
        expect(navigation.get_by_role("link", name=re.compile(r"\bReport\b"), include_hidden=True)).not_to_have_count(0)
    finally:
        context.close()


def test_table_regions_are_named_safely_and_never_twice(site):
    """The name comes from the author's words, escaped; tables in a region or with a class are left alone."""
    site.publication("plan", body="""
        ## Costs & "savings" (<em>rising</em>)

        | A | B |
        |---|---|
        | 1 | 2 |

        <div role="region" aria-label="Our own box" tabindex="0"><table><tr><td>1</td></tr></table></div>

        <table class="layout"><tr><td>1</td></tr></table>

        <table><caption>Spending &amp; staff</caption><tr><td>1</td></tr></table>
    """)
    result = site.build()
    assert result.ok, result.log
    html = result.html("plan")
    names = re.findall(r'<div class="er-table-region" role="region" tabindex="0" aria-label="([^"]*)">', html)
    assert names == ["Table: Costs &amp; &#34;savings&#34; (rising)", "Table: Spending &amp; staff"]
    assert html.count('role="region"') == 3  # the two above and the author's own


@pytest.mark.browser
@pytest.mark.parametrize("path", ["news/", "care-act-review/progress/", "glossary/", "winter-services-update/"])
def test_skip_to_content_is_the_first_tab_stop_and_leads_past_the_navigation(browser, sample_url, path):
    """Material offers the skip link only when a page has a table of contents; the news list, progress and
    glossary pages are filled in after their Markdown, so without ours a phone's keyboard user tabs through
    every navigation link first."""
    context, page = open_page(browser, sample_url + path, width=320)
    try:
        page.keyboard.press("Tab")
        skip = page.locator("a.md-skip")
        expect(skip).to_be_focused()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate("document.activeElement.closest('.md-content') !== null")
        assert inside, page.evaluate("document.activeElement.outerHTML")
    finally:
        context.close()


IN_VIEW = """element => { const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight; }"""
NAME = "element => element.getAttribute('aria-label') || element.textContent.trim()"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_every_navigation_link_is_on_the_screen_when_it_has_keyboard_focus(browser, sample_url, width):
    """Material's drawer is off the screen until its menu button opens it, and the button takes no focus: a
    keyboard user tabs through the drawer's links. Each must be seen (WCAG 2.4.7) as focus reaches it."""
    context, page = open_page(browser, sample_url + "ld-strategy/", width=width)
    try:
        links = page.locator(".md-sidebar--primary a.md-nav__link")
        assert links.count() > 20
        reached = 0
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate_handle("document.activeElement")
            if not focused.evaluate("element => element.closest('.md-sidebar--primary') !== null"):
                if reached:
                    break  # past the drawer
                continue
            reached += focused.evaluate("element => element.matches('a')")
            try:
                page.wait_for_function(f"({IN_VIEW})(document.activeElement)", timeout=2_000)
            except Exception:  # noqa: BLE001 - said with the link's words
                pytest.fail(f"focus is off the screen on {focused.evaluate(NAME)!r}")
        assert reached > 20
    finally:
        context.close()
