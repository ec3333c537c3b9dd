"""Search is lent a plain version of each page: the same sections and words, far fewer tags to parse."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from mkdocs_easyread.theme import search
from mkdocs_easyread.theme.search import FEW_TAGS, plain_for_search, without_ignored_tags

from test_outcomes import make_site

CONTAINERS = ["div", "span", "p", "table", "tr", "td", "th", "time", "strong", "a", "ul", "li", "pre",
              "code", "dl", "dd", "section", "sup", "details", "svg", "SPAN", "Div"]
HEADINGS = ["h1", "h2", "h3", "H4"]


def words(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def sections(page: str) -> list[tuple]:
    """What Material's index keeps of a page: each section's heading, anchor, title and text."""
    parser = Parser()
    parser.feed(page)
    parser.close()
    return [(s.el.tag, s.id, s.is_excluded(), words(s.title), words(s.text)) for s in parser.data]


def quoted(value: str) -> str:
    """An attribute value as a careless hand would quote it: ``>`` and ``'`` left in."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


hostile_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12).map(html.escape)
attribute = st.one_of(
    st.tuples(st.sampled_from(["class", "title", "data-x", "lang"]), st.text(max_size=8).map(quoted)),
    st.just(("data-search-exclude", "")),
    st.just(("class", "headerlink")),
    st.just(("class", "linenodiv")),
)
leaf = st.one_of(
    hostile_text,
    st.sampled_from([
        "<br>", '<img alt="a > b" src="x.png">', "<hr/>", "<span/>", "<!-- <div> a comment </span> -->",
        '<script>let tag = "<span>";</script>', "<style>p > span { color: red }</style>",
        '<svg viewBox="0 0 16 16" aria-hidden="true"><circle r="6"/><path d="M8 1"/></svg>',
        "<svg><title>A picture with words</title></svg>", "\n", "  ",
    ]),
)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def tag(name: str, attributes: list[tuple[str, str]], inner: list[str]) -> str:
        written = "".join(f' {key}="{value}"' if value else f" {key}" for key, value in attributes)
        return f"<{name}{written}>{''.join(inner)}</{name}>"

    container = st.builds(tag, st.sampled_from(CONTAINERS), st.lists(attribute, max_size=2), st.lists(children, max_size=4))
    heading_attributes = st.lists(attribute, max_size=1).map(lambda a: [("id", "s")] + a)
    heading = st.builds(tag, st.sampled_from(HEADINGS), heading_attributes, st.lists(children, max_size=3))
    return st.one_of(container, heading)


pages = st.lists(st.recursive(leaf, element, max_leaves=40), max_size=6).map("\n".join)


def assert_same_index(page: str) -> None:
    try:
        whole = sections(page)
    except ValueError:  # Material's own parser fails on some nestings (<p data-search-exclude><p></p></p>)
        assume(False)
    assert sections(without_ignored_tags(page)) == whole


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(max_examples=400, deadline=None)
@given(pages)
def test_the_index_keeps_every_section_and_word(page):
    assert_same_index(page)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["<div>", "</div>", "</span>", "<span>", '<h2 id="a">', "</h2>", "<p>"]),
                          hostile_text), max_size=20).map("".join))
def test_markup_that_does_not_pair_up_is_indexed_as_it_is(page):
    assert_same_index(page)


ROW = ('<tr><th scope="row"><span class="badge"><svg aria-hidden="true"><circle r="6"/></svg>'
       '<span>Underway</span></span></th><td><time datetime="2026-01-01">1 January 2026</time></td></tr>\n')


def test_tags_without_words_are_left_out():
    page = f'<h2 id="status">Status</h2>\n<table>{ROW}</table>\n<p>Done.</p>'
    assert without_ignored_tags(page) == '<h2 id="status">Status</h2>\nUnderway1 January 2026\n\n<p>Done.</p>'
    # The page's first section opens where it did: at its first tag, here a dropped one.
    page = '<div><span>Words</span> <span>and</span> <span>more</span></div><h2 id="a">A</h2>'
    assert without_ignored_tags(page) == ' Words and more<h2 id="a">A</h2>'


def test_long_pages_are_cut_short_ones_and_glossaries_parsed_whole():
    table = f'<h2 id="status">Status</h2>\n<table>{ROW * 5}</table>'
    assert table.count("<") >= FEW_TAGS and plain_for_search(table) == without_ignored_tags(table) != table
    short = f'<h2 id="status">Status</h2>\n<table>{ROW}</table>'
    assert plain_for_search(short) == short
    glossary = '<div class="er-entry"><h3 id="care">Care</h3><p>Help.</p></div>' * 20
    assert glossary.count("<") >= FEW_TAGS and plain_for_search(glossary) == glossary


def test_a_heading_inside_a_box_keeps_its_box():
    page = '<div class="admonition"><h3 id="note">Note</h3><span>Inside</span></div><p>After</p>'
    plain = without_ignored_tags(page)
    assert plain.startswith('<div class="admonition"><h3 id="note">Note</h3>')
    assert "<span>" not in plain


def test_a_page_of_nothing_but_markup_keeps_its_entry():
    assert sections(without_ignored_tags("<div><span></span></div>")) == [("hx", None, False, "", "")]


def test_generated_pages_are_indexed_from_their_plain_version(tmp_path, monkeypatch):
    site = make_site(tmp_path)
    cut: list[str] = []

    def spy(page: str) -> str:
        plain = plain_for_search(page)
        if plain != page:
            cut.append(plain)
        return plain

    monkeypatch.setattr(search, "plain_for_search", spy)
    plain = site.build()
    assert plain.ok, plain.log
    assert len(cut) >= 3 and not any("<svg" in page or "<span" in page for page in cut)  # progress, O1, O2
    assert 'class="er-oc-status' in plain.html("plan/progress")  # the page keeps its markup

    monkeypatch.setattr(search, "plain_for_search", lambda page: page)
    whole = site.build()

    def index(result) -> list[tuple]:
        docs = json.loads((result.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        return [(doc["location"], words([doc["title"]]), words([doc["text"]])) for doc in docs]

    assert index(plain) == index(whole)
    assert any(location == "plan/progress/O1/" for location, _, _ in index(plain))
