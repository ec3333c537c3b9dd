"""Chart text a reader can read: at least 14 px on any screen, and never cut off with WCAG text spacing."""

from __future__ import annotations

import pytest

TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
RATINGS = "Rating,Services\nOutstanding,3\nGood,12\nRequires improvement,5\nInadequate,1\n"
TREND = "Month,Norfolk,England\nApril,78,80\nMay,79,80.5\nJune,81,81\nJuly,82,81.5\n"


@pytest.fixture(scope="module")
def charts_site(tmp_path_factory):
    from conftest import Site

    root = tmp_path_factory.mktemp("chart-text")
    (root / "content").mkdir()
    site = Site(root)
    site.plugin_options()["pdf"] = {"enabled": False}
    site.publication("report", body=(
        "## Ratings\n\n/// chart | Overall ratings of care services in Norfolk, March 2018\ndata: ratings.csv\ntype: bar\n///\n\n"
        "## Trend\n\n/// chart | Share rated good or better\ndata: trend.csv\ntype: line\nunit: \"%\"\ntarget: 80\ntarget_label: Target\n///\n"
    ))
    site.write("content/report/ratings.csv", RATINGS)
    site.write("content/report/trend.csv", TREND)
    result = site.build()
    assert result.ok, result.log
    return result


def chart_text(browser, url: str, width: int, css: str = "") -> list[dict]:
    """Every chart text a reader can see: its computed size on screen and whether it is inside its drawing."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        if css:
            page.add_style_tag(content=css)
        return page.evaluate("""() => [...document.querySelectorAll('svg[role=img]')]
            .filter(svg => svg.getBoundingClientRect().width > 0)
            .flatMap(svg => {
                const box = svg.getBoundingClientRect();
                const scale = box.width / svg.viewBox.baseVal.width;
                return [...svg.querySelectorAll('text')].map(t => {
                    const r = t.getBoundingClientRect();
                    return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                            inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= innerWidth,
                            left: r.left, boxLeft: box.left, right: r.right, top: r.top, bottom: r.bottom,
                            chart: svg.id || svg.getAttribute('aria-labelledby')};
                });
            })""")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375, 600, 1280])
def test_chart_text_is_at_least_14px_at_every_width(browser, serve, charts_site, width):
    texts = chart_text(browser, serve(charts_site.site) + "report/", width)
    assert len(texts) > 10
    small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < 14 - 0.05]
    assert small == [], f"chart text under 14 px at {width} px: {small[:8]}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_no_chart_label_is_cut_off_with_text_spacing(browser, serve, charts_site, width):
    texts = chart_text(browser, serve(charts_site.site) + "report/", width, TEXT_SPACING)
    assert any("Requires improvement" in t["text"] or "Requires" in t["text"] for t in texts)
    cut = [t for t in texts if not t["inside"]]
    assert cut == [], f"labels outside their chart at {width} px with text spacing: {cut}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 375, 1280])
def test_no_chart_texts_overlap(browser, serve, charts_site, width):
    texts = chart_text(browser, serve(charts_site.site) + "report/", width)
    overlapping = [
        (a["text"], b["text"])
        for i, a in enumerate(texts) for b in texts[i + 1:]
        if a["chart"] == b["chart"] and a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1
    ]
    assert overlapping == [], f"chart texts drawn over each other at {width} px: {overlapping[:6]}"
