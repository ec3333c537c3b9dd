"""Hostile text in committee-report and news front matter: never a crash, always escaped.

Each example builds a small site whose committee report and news item carry generated
hostile values in every new key. Each value starts with a marker tag such as ``<hx-committee>``,
so a raw ``<hx-`` anywhere in the built site means a value reached the page unescaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

SITE_URL = "https://www.example.gov.uk/care/"
FRAGMENTS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='x", "]]>", "<![CDATA[",
    "&amp;", "&#0;", "\u202e", "\u200f", "\u2066", "{{ config }}", "{% raw %}", "javascript:alert(1)",
    "../", "news", "report", "a) b)", "\ufeff", "😀", "x" * 300, "-->", "<!--", "\\", "\n",
]
# Control characters are left out: each is refused at its line before any key is read (tested elsewhere).
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), printable), max_size=4).map("".join)
# A key's value is either a valid one (so the page is built with it) or hostile text.
maybe_date = st.one_of(st.just("2025-12-19"), st.just("2025-12-20"), hostile_text)
maybe_about = st.one_of(st.just("report"), hostile_text)
WARNING_WITH_LINE = re.compile(r"^content/[\w./-]+\.(md|yml):\d+: \S")


def marked(key: str, value: str) -> str:
    return f"<hx-{key}>{value}"


@st.composite
def contacts(draw, key: str) -> list[dict]:
    people = []
    for index in range(draw(st.integers(0, 2))):
        person = {"name": marked(f"{key}-name", draw(hostile_text)), "role": marked(f"{key}-role", draw(hostile_text)),
                  "phone": marked(f"{key}-phone", draw(hostile_text))}
        if draw(st.booleans()):
            person["email"] = draw(st.one_of(st.just(f"person{index}@example.gov.uk"), hostile_text))
        people.append(person)
    return people


@st.composite
def report_front_matter(draw) -> dict:
    return {
        "title": "Care Act review", "type": "committee-report", "status": "consultation",
        "published": "2025-10-01", "closes": draw(maybe_date), "summary": "A report.",
        "numbered": "paragraphs",
        "committee": marked("committee", draw(hostile_text)),
        "meeting": draw(maybe_date),
        "item": marked("item", draw(hostile_text)),
        "report_of": marked("report_of", draw(hostile_text)),
        "divisions": [marked("divisions", draw(hostile_text)) for _ in range(draw(st.integers(1, 3)))],
        "contacts": draw(contacts("officer")),
        "organisation": marked("organisation", draw(hostile_text)),
    }


@st.composite
def news_front_matter(draw) -> dict:
    return {
        "title": marked("news-title", draw(hostile_text)), "type": "news", "status": "published",
        "published": "2025-11-01", "summary": marked("news-summary", draw(hostile_text)),
        "about": draw(maybe_about), "contacts": draw(contacts("press")),
        "organisation": marked("news-organisation", draw(hostile_text)),
    }


def write_page(site, folder: str, front_matter: dict, body: str) -> None:
    text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True)
    path = site.root / "content" / folder / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{text}---\n\n{body}", encoding="utf-8")


def built_text(result) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in result.site.rglob("*")
                     if p.suffix in (".html", ".xml", ".json", ".csv", ".txt"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(report=report_front_matter(), news=news_front_matter())
def test_hostile_report_and_news_front_matter_is_escaped_and_never_crashes(site, report, news):
    site.config["site_url"] = SITE_URL
    write_page(site, "report", report, "First paragraph.\n\nThe committee is asked to:\n\na) agree;\nb) note.\n")
    write_page(site, "press-release", news, "Our news.\n\n## Notes to editors\n\nA note.\n")
    result = site.build(strict=False)

    assert result.ok, result.error
    assert "Traceback" not in result.log and "Error reading page" not in result.log, result.log
    assert "<hx-" not in built_text(result), "a front-matter value reached the site unescaped"
    feed = result.site / "news" / "feed.xml"
    if feed.exists():
        ElementTree.fromstring(feed.read_bytes())  # raises if the feed is not well-formed XML
    for warning in result.warnings:
        assert WARNING_WITH_LINE.match(warning), f"warning without file and line: {warning!r}"
    report_warnings = [w for w in result.warnings if w.startswith("content/report/index.md")]
    if not report_warnings:
        page_text = lxml_html.fromstring(result.html("report/")).text_content()
        assert "<hx-committee>" in page_text and "<hx-report_of>" in page_text
