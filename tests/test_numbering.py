"""Committee-report numbering: paragraphs 1, 2, 3 ... through a publication, or sections 1, 1.1, 1.1.1."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import Site, axe_violations, sideways_scroll

REPORT = "title: Report\ntype: committee-report\nstatus: published\npublished: 2016-09-05\nnumbered: {numbered}"

INDEX = """\
The report in brief.

## Background

The committee agreed the plan in 2016.

The committee is asked to:

a) agree the recommendations;
b) note the progress made;
c) ask for a further report.

Words after the sub-points.
"""
# File names sort a, b, c; the nav reads c, a, b.
CHAPTERS = {
    "c-first.md": "---\ntitle: First\n---\n\n## Findings\n\n- Waiting lists fell.\n- Fewer complaints.\n\nThe review found three things.\n",
    "a-second.md": ("---\ntitle: Second\n---\n\nThe risks are:\n\ni. cost;\nii. time.\n\n"
                    "| Risk | Level |\n|---|---|\n| Cost | High |\n\n> A quotation.\n\n"
                    '<div class="note">The author\'s own HTML.</div>\n\n![A chart of costs](costs.png)\n\nLast of the second.\n'),
    "b-third.md": "---\ntitle: Third\n---\n\n1. Agree the plan.\n2. Note the risks.\n\nThe end.\n",
}
NAV = [{"Report": ["report/index.md", "report/c-first.md", "report/a-second.md", "report/b-third.md"]}]


def numbered(html: str) -> list[tuple[str, str]]:
    """(label, first words) of each numbered paragraph or list item, in page order."""
    found = re.findall(r'<(?:p|li) class="er-para" id="paragraph-([\d.]+)">(?:\s*<p>)?<span class="er-paranum">([\d.]+)</span> ([^<]*)', html)
    assert all(anchor == label for anchor, label, _ in found)
    return [(label, words.strip()) for _, label, words in found]


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def report_site(site: Site, numbered_as: str = "paragraphs") -> Site:
    site.publication("report", REPORT.format(numbered=numbered_as), body=INDEX)
    for name, text in CHAPTERS.items():
        site.write(f"content/report/{name}", text)
    site.write("content/report/costs.png", "")
    site.config["nav"] = NAV
    return site


EXPECTED = {
    "report": [("1", "The report in brief."), ("2", "The committee agreed the plan in 2016."),
               ("3", "The committee is asked to:"), ("4", "Words after the sub-points.")],
    "report/c-first": [("5", "Waiting lists fell."), ("6", "Fewer complaints."), ("7", "The review found three things.")],
    "report/a-second": [("8", "The risks are:"), ("9", "Last of the second.")],
    "report/b-third": [("10", "Agree the plan."), ("11", "Note the risks."), ("12", "The end.")],
}


def test_paragraphs_are_numbered_through_every_chapter_in_nav_order(site):
    result = report_site(site).build()
    assert result.ok, result.log
    assert result.warnings == []
    assert {page: numbered(result.html(page)) for page in EXPECTED} == EXPECTED


def test_headings_are_not_numbered(site):
    html = article(report_site(site).build().html("report"))
    assert '<h2 id="background">Background' in html
    assert "er-num" not in html


def test_lettered_sub_points_keep_their_letters_and_are_not_numbered(site):
    result = report_site(site).build()
    html = article(result.html("report"))
    assert ('<ol class="er-subpoints er-subpoints--lower-alpha" type="a">\n<li>agree the recommendations;</li>\n'
            "<li>note the progress made;</li>\n<li>ask for a further report.</li>\n</ol>") in html
    roman = article(result.html("report/a-second"))
    assert '<ol class="er-subpoints er-subpoints--lower-roman" type="i">\n<li>cost;</li>\n<li>time.</li>\n</ol>' in roman


def test_items_of_top_level_lists_are_numbered_and_lose_their_own_markers(site):
    result = report_site(site).build()
    assert '<ul class="er-para-list">\n<li class="er-para" id="paragraph-5"><span class="er-paranum">5</span> Waiting lists fell.</li>' in result.html("report/c-first")
    third = article(result.html("report/b-third"))
    assert '<ol class="er-para-list">\n<li class="er-para" id="paragraph-10"><span class="er-paranum">10</span> Agree the plan.</li>' in third
    assert 'type="1"' not in third


def test_tables_quotes_html_and_pictures_are_not_numbered(site):
    html = article(report_site(site).build().html("report/a-second"))
    assert "<blockquote>\n<p>A quotation.</p>" in html
    assert '<div class="note">The author\'s own HTML.</div>' in html
    assert '<p><img alt="A chart of costs" src="../costs.png" /></p>' in html
    assert "<td>Cost</td>" in html and html.count('class="er-para"') == 2


def test_loose_list_items_carry_their_number_in_their_first_paragraph(site):
    site.publication("report", REPORT.format(numbered="paragraphs"), body="Intro.\n\n- First item.\n\n    More of it.\n\n- Second item.\n")
    html = article(site.build().html("report"))
    assert '<li class="er-para" id="paragraph-2">\n<p><span class="er-paranum">2</span> First item.</p>\n<p>More of it.</p>' in html
    assert numbered(html) == [("1", "Intro."), ("2", "First item."), ("3", "Second item.")]


HOOK = '''
def on_page_markdown(markdown, page, config, files):
    """A page that is not a chapter cites paragraph 7 through the plugin's model, as the tracker does."""
    if page.file.src_uri != "about.md":
        return markdown
    paragraphs = config.plugins["easyread"].build.publications["report"].paragraphs
    return markdown + f"\\n\\nSee [paragraph 7]({paragraphs['7']}#paragraph-7) "  \\
        f"and [paragraph 12]({paragraphs['12']}#paragraph-12) of {len(paragraphs)}.\\n"
'''


def test_other_pages_find_every_paragraph_in_the_model_before_they_render(site):
    """about.md renders before the report without the plugin's reordering; its links must resolve."""
    report_site(site)
    site.write("content/about.md", "---\ntitle: About\n---\n\nAbout us.\n")
    site.write("hooks.py", HOOK)
    site.config["hooks"] = ["hooks.py"]
    site.config["nav"] = [*NAV, "about.md"]
    site.config["validation"] = {"anchors": "warn"}
    result = site.build()
    assert result.ok, result.log
    assert result.warnings == []
    html = result.html("about")
    assert '<a href="../report/c-first/#paragraph-7">paragraph 7</a>' in html
    assert '<a href="../report/b-third/#paragraph-12">paragraph 12</a> of 12.' in html
    assert 'id="paragraph-7"' in result.html("report/c-first")


def test_a_missing_paragraph_anchor_is_still_reported(site):
    """The check above can fail: MkDocs does report a link to a paragraph that does not exist."""
    report_site(site)
    site.write("content/about.md", "---\ntitle: About\n---\n\nSee [paragraph 13](report/c-first.md#paragraph-13).\n")
    site.config["nav"] = [*NAV, "about.md"]
    site.config["validation"] = {"anchors": "warn"}
    result = site.build(strict=False)
    assert any("paragraph-13" in warning for warning in result.warnings), result.log


def test_rebuilding_in_one_process_starts_again_at_one(site):
    first, second = report_site(site).build_twice()
    assert numbered(first.html("report"))[0] == numbered(second.html("report"))[0] == ("1", "The report in brief.")
    assert numbered(second.html("report/b-third")) == EXPECTED["report/b-third"]


def test_properdocs_numbers_through_chapters_too(site):
    report_site(site)
    process = site.run("build", "--strict", tool="properdocs")
    assert process.returncode == 0, process.stderr
    assert "WARNING" not in process.stderr
    built = site.root / "site"
    for page, expected in EXPECTED.items():
        assert numbered((built / page / "index.html").read_text(encoding="utf-8")) == expected


def test_numbered_true_still_numbers_sections(site):
    site.publication("report", REPORT.format(numbered="true"),
                     body="Intro is not numbered.\n\n## Background\n\nFirst.\n\nSecond.\n\n### Detail\n\nThird.\n\n## Scope\n\nFourth.\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("report")
    assert "<p>Intro is not numbered.</p>" in html
    assert '<span class="er-num">1</span> Background' in html
    assert '<span class="er-num">1.3</span> Detail' in html
    assert '<span class="er-num">2</span> Scope' in html
    for label, text in [("1.1", "First."), ("1.2", "Second."), ("1.3.1", "Third."), ("2.1", "Fourth.")]:
        assert f'<p class="er-para" id="paragraph-{label}"><span class="er-paranum">{label}</span> {text}</p>' in html


def test_sections_keep_lettered_sub_points(site):
    site.publication("report", REPORT.format(numbered="sections"), body="## Background\n\nWe will:\n\na) listen;\nb) act.\n")
    html = article(site.build().html("report"))
    assert '<p class="er-para" id="paragraph-1.1"><span class="er-paranum">1.1</span> We will:</p>' in html
    assert '<ol class="er-subpoints er-subpoints--lower-alpha" type="a">' in html


def test_raw_html_block_is_not_a_numbered_paragraph(site):
    site.publication("report", REPORT.format(numbered="true"), body='## Background\n\n<div class="note">A note.</div>\n\nFirst.\n')
    html = site.build().html("report")
    assert '<div class="note">A note.</div>' in html
    assert '<p class="er-para" id="paragraph-1.1"><span class="er-paranum">1.1</span> First.</p>' in html


def test_unnumbered_publication_has_no_numbers_and_no_lettered_lists(site):
    site.publication("plan", body="## Background\n\nFirst.\n\na) not a list here;\nb) nor here.\n\n1. One.\n2. Two.\n")
    html = article(site.build().html("plan"))
    assert "er-num" not in html and "er-para" not in html and "paragraph-" not in html
    assert "<p>a) not a list here;\nb) nor here.</p>" in html
    assert "<ol>\n<li>One.</li>" in html


def test_generated_and_easy_read_pages_are_not_numbered(site):
    site.write("content/glossary.yml", "- term: advocacy\n  means: Help to speak up.\n")
    site.publication("report", REPORT.format(numbered="paragraphs") + "\neasy_read: true", body="We offer advocacy.\n")
    site.write("easyread/report/index.md", "---\ntitle: Report\n---\n\n:material-home: We help you speak up.\n")
    result = site.build(strict=False)
    assert 'id="paragraph-1"' in result.html("report")
    for page in ("report/glossary", "easy-read/report"):
        assert "er-para" not in article(result.html(page)), page


def test_comment_links_follow_numbered_paragraphs_and_list_items(site):
    site.plugin_options()["feedback"] = "consult@example.gov.uk"
    site.publication("report", REPORT.format(numbered="paragraphs").replace("published\n", "consultation\n"),
                     body="Intro.\n\n- An item.\n- Another.\n")
    html = article(site.build().html("report"))
    links = re.findall(r'<a class="er-para-feedback er-screen-only" href="([^"]+)">Comment on paragraph <span>(\d+)</span></a>', html)
    assert [label for _, label in links] == ["1", "2", "3"]
    query = {k: v[0] for k, v in parse_qs(urlsplit(links[1][0].replace("&amp;", "&")).query).items()}
    assert query["subject"] == "Feedback on Report, Report, paragraph 2"
    assert "Paragraph: 2" in unquote(query["body"])
    assert '<li class="er-para" id="paragraph-2"><span class="er-paranum">2</span> An item. <a class="er-para-feedback' in html


CHART = "Label,Value\nOne,1\nTwo,2\n"


def test_chart_blocks_still_work_on_numbered_pages(site):
    site.publication("report", REPORT.format(numbered="paragraphs"),
                     body="Before.\n\n/// chart | Values\ndata: values.csv\n///\n\nAfter.\n")
    site.write("content/report/values.csv", CHART)
    result = site.build()
    assert result.ok, result.log
    html = article(result.html("report"))
    assert "<svg" in html and "Values" in html
    assert numbered(html) == [("1", "Before."), ("2", "After.")]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_numbered_pages_pass_axe_and_do_not_scroll_sideways(browser, serve, site, scheme, width):
    report_site(site)
    site.write("content/report/c-first.md", CHAPTERS["c-first.md"] + "\n" + "A long paragraph that wraps over many lines on a phone. " * 6 + "\n")
    site.publication("sections", REPORT.format(numbered="sections").replace("Report", "Sections"),
                     body="## One\n\n" + "".join(f"### Part {n}\n\nWords.\n\n" for n in range(1, 12)) + "#### Deep\n\nDeep words.\n")
    result = site.build()
    assert result.ok, result.log
    base = serve(result.site)
    pages = ["report/", "report/c-first/", "report/a-second/", "report/b-third/", "sections/"]
    assert {page: axe_violations(browser, base + page, scheme, width=width) for page in pages} == {page: [] for page in pages}
    assert {page: sideways_scroll(browser, base + page, width, scheme) for page in pages} == {page: 0 for page in pages}


@pytest.mark.browser
def test_numbers_hang_left_of_aligned_text_and_sub_points_show_letters(browser, serve, site):
    report_site(site)
    site.write("content/report/c-first.md", CHAPTERS["c-first.md"] + "\n" + "A long paragraph that wraps over many lines on a phone. " * 6 + "\n")
    base = serve(site.build().site)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(base + "report/c-first/")
        shape = page.evaluate(LAYOUT)
        page.goto(base + "report/")
        marker = page.evaluate("getComputedStyle(document.querySelector('.er-subpoints > li'), '::marker').content")
    finally:
        context.close()
    assert shape["numberRight"] <= shape["lineLefts"][0] + 1
    assert len(set(shape["lineLefts"])) == 1 and len(shape["lineLefts"]) > 3  # every line of the text starts at one edge
    assert shape["numberLeft"] < shape["lineLefts"][0] and shape["numberLeft"] == shape["headingLeft"]
    assert shape["numberWeight"] == "700" and shape["bullet"] == "none"
    assert "lower-alpha" in marker and '")' in marker.replace("\\", "")


LAYOUT = """() => {
  const para = [...document.querySelectorAll('p.er-para')].pop();
  const number = para.querySelector('.er-paranum');
  const range = document.createRange();
  range.selectNodeContents(para);
  range.setStartAfter(number);
  const lines = [...range.getClientRects()].filter(r => r.width > 0);
  const item = document.querySelector('.er-para-list > li');
  return {
    numberLeft: Math.round(number.getBoundingClientRect().left),
    numberRight: Math.round(number.getBoundingClientRect().right),
    lineLefts: [...new Set(lines.map(r => Math.round(r.top)))].map(top => Math.round(Math.min(...lines.filter(r => Math.round(r.top) === top).map(r => r.left)))),
    headingLeft: Math.round(document.querySelector('article h2').getBoundingClientRect().left),
    numberWeight: getComputedStyle(number).fontWeight,
    bullet: getComputedStyle(item).listStyleType,
  };
}"""


def test_a_site_that_lists_fancylists_itself_still_builds(site):
    site.config["markdown_extensions"] = [{"pymdownx.fancylists": {"inject_class": True}}]
    site.publication("report", REPORT.format(numbered="paragraphs"), body="We will:\n\na) listen;\nb) act.\n")
    site.publication("plan", body="Words.\n\nb) lettered here too, as the site asked.\n")
    result = site.build()
    assert result.ok, result.log
    assert '<ol class="fancylists-lower-alpha er-subpoints er-subpoints--lower-alpha" type="a">' in result.html("report")
    assert '<ol class="fancylists-lower-alpha" start="2" type="a">' in result.html("plan")
