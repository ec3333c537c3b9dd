"""Generated pages keep their HTML blocks away from Markdown (hidden_html.py): what Markdown would have
made of the page must be exactly what the page gets, ids included, whatever the blocks hold."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_easyread.hidden_html import HiddenHtml


@dataclass
class FakeFile:
    src_uri: str = "plan/progress/index.md"


@dataclass
class FakePage:
    file: FakeFile = field(default_factory=FakeFile)
    present_anchor_ids: set[str] = field(default_factory=set)


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables"])


def normalised(html_text: str) -> str:
    return re.sub(r"\s+", " ", html_text).strip()


# Control characters never reach a page: every source with one is refused (sources.py).
words = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
tags = st.sampled_from(["div", "dl", "table", "ul", "p", "section"])


@st.composite
def blocks(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["html", "heading", "paragraph", "indented", "open", "nested"]))
    value = html.escape(draw(words))
    tag = draw(tags)
    if kind == "html":
        return f'<{tag} class="er-oc" id="x{draw(st.integers(0, 99))}">\n<span>{value}</span>\n</{tag}>'
    if kind == "nested":
        return f"<{tag}>\n<{tag}>{value}</{tag}>\n</{tag}>"
    if kind == "open":  # an element a blank line splits in two: Markdown's to read
        return f"<{tag}>\n{value}"
    if kind == "indented":
        return f"    <{tag}>{value}</{tag}>"
    if kind == "heading":
        return f"## Heading {value or 'x'}"
    return value or "Words."


@settings(max_examples=300, deadline=None)
@given(st.lists(blocks(), min_size=1, max_size=8))
def test_the_page_is_what_markdown_would_have_made(parts: list[str]) -> None:
    text = "\n\n".join(parts) + "\n"
    hidden, page = HiddenHtml(), FakePage()
    assert normalised(hidden.restore(convert(hidden.hide(text, page)), page)) == normalised(convert(text))


def test_only_whole_blocks_are_hidden_and_their_ids_are_anchors() -> None:
    text = '## Actions { #actions }\n\n<div id="a1">\n<p>One</p>\n</div>\n\n<div>\nopen\n\n</div>\n\n    <div>code</div>\n'
    hidden, page = HiddenHtml(), FakePage()
    hid = hidden.hide(text, page)
    assert hid.count(f"easyread{hidden.key}block") == 1 and '<div id="a1">' not in hid
    assert "<div>\nopen" in hid and "    <div>code</div>" in hid
    restored = hidden.restore(convert(hid), page)
    assert '<div id="a1">\n<p>One</p>\n</div>' in restored and "easyread" not in restored
    assert page.present_anchor_ids == {"a1"}


def test_a_placeholder_in_a_changed_paragraph_is_still_replaced() -> None:
    hidden, page = HiddenHtml(), FakePage()
    hid = hidden.hide('<dl id="d"><dt>a</dt></dl>\n', page)
    numbered = f'<p id="para-3"><span class="n">3</span> {hid.strip()}</p>'
    assert hidden.restore(numbered, page) == '<dl id="d"><dt>a</dt></dl>'


def test_text_that_looks_like_a_placeholder_from_another_build_is_left_alone() -> None:
    first, second, page = HiddenHtml(), HiddenHtml(), FakePage()
    hid = first.hide("<div>x</div>\n", page)
    assert second.restore(f"<p>{hid.strip()}</p>", page) == f"<p>{hid.strip()}</p>"


def test_the_plugins_own_progress_pages_leave_markdown_only_headings(tmp_path, monkeypatch) -> None:
    """Every block the outcome templates write is whole, so Markdown reads only the headings (issue 21)."""
    from test_outcomes import make_site

    hidden: dict[str, str] = {}
    hide = HiddenHtml.hide

    def spy(self: HiddenHtml, text: str, page) -> str:
        hidden[page.file.src_uri] = result = hide(self, text, page)
        return result

    monkeypatch.setattr(HiddenHtml, "hide", spy)
    result = make_site(tmp_path).build()
    assert result.ok, result.log
    pages = {uri: text for uri, text in hidden.items() if uri.startswith("plan/progress/")}
    assert {"plan/progress/index.md", "plan/progress/O1.md", "plan/progress/history.md"} <= set(pages)
    assert {uri: text for uri, text in pages.items() if "<" in text} == {}
    assert 'class="er-oc-table er-oc-counts"' in result.html("plan/progress")  # put back


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("id", "name") and value is not None]


ATTRIBUTE_VALUES = st.text(alphabet="abc-_1 é", max_size=6)


@st.composite
def blocks_with_ids(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        attributes = draw(st.lists(st.tuples(st.sampled_from(["id", "name", "class", "data-x"]), ATTRIBUTE_VALUES,
                                             st.sampled_from(['"', "'"]), st.sampled_from([" ", "\n", "\t"])), max_size=3))
        tag = draw(st.sampled_from(["div", "a", "span", "td"]))
        parts.append(f"<{tag}" + "".join(f"{space}{name}={quote}{value}{quote}" for name, value, quote, space in attributes) + ">")
        parts.append(draw(st.sampled_from(["text", ' id="not-a-tag"', "x > y", "</span>", ""])))
    return "".join(parts)


@given(block=blocks_with_ids())
@settings(max_examples=300, deadline=None)
def test_anchors_are_the_id_and_name_attributes_a_parser_finds(block) -> None:
    from mkdocs_easyread.hidden_html import _anchors

    parser = _Attributes()
    parser.feed(block)
    assert _anchors(block) == parser.found
