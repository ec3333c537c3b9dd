"""Easy-read pages in real Chromium: axe-core light and dark, large type, phones and print."""

from __future__ import annotations

import pytest
from conftest import axe_violations
from test_easy_read import make_site

pytestmark = pytest.mark.browser

DRAFT = "title: Our money plan\ntype: strategy\nstatus: consultation\npublished: 2018-07-02\neasy_read: draft\n"


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve):
    site = make_site(tmp_path_factory.mktemp("easy-read-browser"))
    site.publication("money", DRAFT, "## About\n\nWe will spend money wisely, and we will show what difference it makes.\n\n- help people travel\n- find homes\n")
    result = site.build()
    assert result.ok, result.log
    return serve(result.site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["easy-read/plan/", "easy-read/plan/homes/", "easy-read/", "easy-read/money/", "plan/", ""])
def test_no_axe_violations(browser, base, path, scheme):
    assert axe_violations(browser, base + path, scheme) == []


def measure(browser, url: str, width: int, media: str = "screen") -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.emulate_media(media=media)
        return page.evaluate("""() => {
            const row = document.querySelector('.er-easy-read .er-row');
            const words = row.querySelector('.er-row__words p');
            const picture = row.querySelector('.er-row__picture').getBoundingClientRect();
            const text = words.getBoundingClientRect();
            const style = getComputedStyle(words);
            return {
                fontSize: parseFloat(style.fontSize),
                lineHeight: parseFloat(style.lineHeight),
                textAlign: style.textAlign,
                picture: {left: picture.left, right: picture.right, top: picture.top, bottom: picture.bottom, width: picture.width},
                words: {left: text.left, top: text.top},
                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            };
        }""")
    finally:
        context.close()


def test_large_type_and_pictures_left_on_a_wide_screen(browser, base):
    found = measure(browser, base + "easy-read/plan/", 1280)
    assert found["fontSize"] >= 19
    assert found["lineHeight"] >= 1.5 * found["fontSize"]
    assert found["textAlign"] in ("left", "start")
    assert found["picture"]["width"] >= 120  # easy_read.picture_size, 120 by default
    assert found["picture"]["right"] <= found["words"]["left"]  # picture left, words right


def test_standard_pages_keep_their_own_type_size(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "plan/", wait_until="load")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-typeset p:not(.er-version-link)')).fontSize)")
    context.close()
    assert size < 19


def test_rows_keep_the_picture_left_on_a_phone_without_sideways_scrolling(browser, base):
    found = measure(browser, base + "easy-read/plan/", 375)
    assert found["overflow"] <= 0
    assert found["picture"]["width"] >= 64
    assert found["picture"]["right"] <= found["words"]["left"]  # picture left of its words at every width
    assert found["fontSize"] >= 19


def test_print_keeps_picture_left_and_large_type(browser, base):
    found = measure(browser, base + "easy-read/plan/", 800, media="print")
    assert found["fontSize"] >= 16 * 4 / 3 - 0.1  # 16pt
    assert found["picture"]["right"] <= found["words"]["left"]
