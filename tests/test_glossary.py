"""Glossary: first use links with the plain meaning, glossary pages, validation."""

from __future__ import annotations

import json
import re

import pytest
from conftest import axe_violations
from mkdocs_easyread.glossary.model import Glossary, Term
from mkdocs_easyread.glossary.search import without_glossary_markup

GLOSSARY = """
- term: advocacy
  also: [advocate, advocates]
  means: Getting help to say what you want and to be listened to.
  more: An advocate is a person who helps you speak up.
- term: care and support plan
  means: A plan that says what help you get.
- term: care
  means: Help to live your life.
- term: CQC
  also: [Care Quality Commission]
  means: The people who check that care is good.
- term: reablement
  means: Short-term help to get back your skills at home.
"""

BODY = """
## About advocacy

Your care and support plan says what care you get. An Advocate can help. Advocacy is free.

The [CQC website](https://example.org) is not a first use. `care` in code is not either.

The Care Quality Commission checks services.

| Care | Value |
|---|---|
| reablement | 1 |
"""


def terms_linked(html: str) -> list[str]:
    return re.findall(r'<a aria-describedby="er-means-([a-z-]+)" class="er-term"', html)


@pytest.fixture
def glossary_site(site):
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", body=BODY)
    site.publication("other", body="Nothing hard here.\n")
    return site


def test_first_use_of_each_term_is_linked_once(glossary_site):
    result = glossary_site.build()
    assert result.ok, result.log
    html = result.html("plan")
    assert terms_linked(html) == ["care-and-support-plan", "care", "advocacy", "cqc", "reablement"]
    assert '>Advocate</a>' in html  # the form as written, any case
    assert 'href="glossary/#advocacy"' in html
    assert '<h2 id="about-advocacy">About advocacy' in html  # headings untouched
    assert "<code>care</code>" in html
    assert '<th>Care</th>' in html  # header cells untouched; body cells are fine


def test_meaning_is_next_to_the_link_for_screen_readers(glossary_site):
    html = glossary_site.build().html("plan")
    assert ('<span class="er-term__means" data-search-exclude="" id="er-means-reablement" role="tooltip">'
            "Short-term help to get back your skills at home.</span>") in html


def test_search_finds_each_meaning_once_in_the_site_glossary(glossary_site):
    result = glossary_site.build()
    docs = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    with_meaning = {doc["location"] for doc in docs if "get back your skills" in doc["text"]}
    assert with_meaning == {"glossary/#reablement"}
    assert any(doc["location"].startswith("plan/") and "<p>Your care and support plan says" in doc["text"] for doc in docs)


def test_search_indexes_the_same_words_without_parsing_the_glossary_markup(glossary_site, monkeypatch):
    from mkdocs_easyread.glossary import feature

    def index(result):  # each section's words (the space between two tags the plain page drops may differ)
        docs = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        return [{**doc, "text": " ".join(doc["text"].split())} for doc in docs]

    stripped = []
    monkeypatch.setattr(feature, "without_glossary_markup",
                        lambda html: stripped.append(plain := without_glossary_markup(html)) or plain)
    lent = index(glossary_site.build())
    assert stripped and not any('class="er-term"' in page for page in stripped)  # search was given plain pages
    parsed = []
    monkeypatch.setattr(feature, "lend_plain_pages_to_search", lambda plugins, simplify: parsed.append(True))
    assert index(glossary_site.build()) == lent
    assert parsed, "the glossary no longer lends plain pages to search"
    html = glossary_site.build().html("plan")
    assert html.count('class="er-term"') == 5  # the page itself keeps its links


def test_plain_page_for_search_keeps_every_word():
    html = ('<p>Your <a aria-describedby="er-means-care" class="er-term" href="glossary/#care">Care</a>'
            '<span class="er-term__means" data-search-exclude="" id="er-means-care" role="tooltip">Help &amp; support.</span>'
            ' plan, and <a href="x/">other links</a>.</p>')
    assert without_glossary_markup(html) == '<p>Your Care plan, and <a href="x/">other links</a>.</p>'
    boxed = html.replace('<a aria', '<span class="er-gloss"><a aria').replace('</span> plan', '</span></span> plan')
    assert without_glossary_markup(boxed) == without_glossary_markup(html)
    in_a_span = f'<span class="x">{html.removeprefix("<p>Your ").split(" plan")[0]}</span>'
    assert without_glossary_markup(in_a_span) == '<span class="x">Care</span>'  # the closing tag is not the box's


def test_publication_glossary_lists_only_its_terms_a_to_z_and_site_lists_all(glossary_site):
    result = glossary_site.build()
    ids = lambda url: re.findall(r'<h3 id="([a-z-]+)"', result.html(url))
    assert ids("plan/glossary") == ["advocacy", "care", "care-and-support-plan", "cqc", "reablement"]
    assert ids("other/glossary") == []
    assert "does not use any of the words" in result.html("other/glossary")
    assert ids("glossary") == ["advocacy", "care", "care-and-support-plan", "cqc", "reablement"]
    assert "An advocate is a person who helps you speak up." in result.html("glossary")
    assert not (result.site / "glossary.yml").exists()


def test_pages_outside_publications_link_to_the_site_glossary(glossary_site):
    glossary_site.write("content/about.md", "We explain reablement here.\n")
    html = glossary_site.build().html("about")
    assert 'href="../glossary/#reablement"' in html


@pytest.mark.parametrize("text, line, expected", [
    ("- term: care\n  means: Help.\n- term: Care\n  means: Again.\n", 3, "'Care' is in the glossary twice (first on line 1)"),
    ("- term: care\n  means: Help.\n- term: support\n  also: [CARE]\n  means: Again.\n", 4, "'CARE' is in the glossary twice"),
    ("- term: care\n", 1, "a glossary entry is missing 'means'"),
    ("- term: care\n  means: Help.\n  colour: red\n", 3, "unknown key 'colour' in a glossary entry"),
    ("- term: care\n  means: [unclosed\n", 2, "the list opened with '[' on this line is not closed"),
    ("- term: care\n\tmeans: Help.\n", 2, "tab character"),
    ("term: care\n", 1, "the glossary must be a list"),
    ("- term: care\n  means: Help.\n  also: ['!!!']\n", 3, "'!!!' has no words to find in the text"),
    (f"- term: {'very ' * 30}long\n  means: Help.\n", 1, "is 154 characters; a term or form may have at most 100"),
])
def test_broken_glossary_fails_strict_with_line(site, text, line, expected):
    site.write("content/glossary.yml", text)
    site.publication("plan")
    result = site.build()
    assert not result.ok
    messages = [w for w in result.warnings if w.startswith(f"content/glossary.yml:{line}: ")]
    assert messages and expected in messages[0], result.log


def test_glossary_text_is_escaped(site):
    site.write("content/glossary.yml", "- term: care\n  means: <script>alert(1)</script>\n  more: A & B <b>\n")
    site.publication("plan", body="Good care.\n")
    result = site.build()
    assert result.ok, result.log
    for url in ("plan", "glossary"):
        assert "<script>alert" not in result.html(url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.html("plan")
    assert "A &amp; B &lt;b&gt;" in result.html("glossary")


def test_unknown_bold_word_in_easy_read_is_reported_with_line(site):
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\neasy_read: true")
    site.write("easyread/plan/index.md", "---\ntitle: Plan\n---\n\n:material-home: You can get **advocacy**.\n\n:material-help: Ask for a **thingummy**.\n")
    result = site.build()
    assert any(w.startswith("easyread/plan/index.md:7: bold word 'thingummy' is not in the glossary") for w in result.warnings), result.log


class TestMatcher:
    glossary = Glossary([Term("care", "x"), Term("care and support plan", "y"), Term("co-production", "z", also=["coproduction"])])

    def found(self, text: str) -> list[str]:
        return [text[m.start:m.end] for m in self.glossary.find(text)]

    def test_longest_form_wins(self):
        assert self.found("A care and support plan, and care.") == ["care and support plan", "care"]

    def test_whole_words_only(self):
        assert self.found("careful carers scare") == []

    def test_hyphenated_terms_and_case(self):
        assert self.found("Co-production and COPRODUCTION") == ["Co-production", "COPRODUCTION"]

    def test_words_of_a_term_must_be_separated_by_spaces(self):
        assert self.found("care, and support plan") == ["care"]

    def test_words_may_be_split_over_lines(self):
        assert self.found("your care and\n  support plan") == ["care and\n  support plan"]

    def test_not_inside_hyphenated_or_quoted_words(self):
        assert self.found("self-care, non-co-production, care's, 'care' and \u2018care\u2019") == ["care", "care"]

    def test_curly_and_straight_apostrophes_match_each_other(self):
        glossary = Glossary([Term("carer's allowance", "x")])
        assert [m.term.term for m in glossary.find("A Carer\u2019s Allowance.")] == ["carer's allowance"]

    def test_many_forms_sharing_a_start_are_matched_longest_first(self):
        glossary = Glossary([Term("a" * length, str(length)) for length in range(1, 101)])
        assert [m.term.means for m in glossary.find("a aaa " + "a" * 100 + " " + "a" * 101)] == ["1", "3", "100"]

    def test_lookup_any_form_any_case(self):
        assert self.glossary.lookup("CoProduction").term == "co-production"
        assert self.glossary.lookup("carer") is None


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_glossary_pages_have_no_axe_violations(browser, serve, glossary_site, scheme):
    result = glossary_site.build()
    base = serve(result.site)
    for path in ("plan/", "plan/glossary/", "glossary/"):
        assert axe_violations(browser, base + path, scheme) == [], path


@pytest.mark.browser
def test_keyboard_focus_shows_meaning_and_exposes_it_as_description(browser, serve, glossary_site):
    result = glossary_site.build()
    context = browser.new_context()
    page = context.new_page()
    page.goto(serve(result.site) + "plan/")
    link = page.locator("a.er-term").first
    meaning = page.locator("#er-means-care-and-support-plan")
    assert not meaning.is_visible()
    for _ in range(60):  # Tab through the page until the first glossary link has focus
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the glossary link never received keyboard focus")
    assert meaning.is_visible()
    from playwright.sync_api import expect

    expect(link).to_have_accessible_description("A plan that says what help you get.")
    context.close()


@pytest.mark.parametrize("checker", [{"unknown_bold_word": False}, {"enabled": False}])
def test_unknown_bold_word_rule_can_be_turned_off(site, checker):
    site.plugin_options()["easy_read"] = {"checker": checker}
    site.write("content/glossary.yml", GLOSSARY)
    site.publication("plan", "title: Plan\ntype: strategy\nstatus: published\npublished: 2018-07-02\neasy_read: true")
    site.write("easyread/plan/index.md", "---\ntitle: Plan\n---\n\n:material-help: Ask for a **thingummy**.\n")
    result = site.build()
    assert result.ok, result.log
