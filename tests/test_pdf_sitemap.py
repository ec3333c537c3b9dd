"""Where a page's links point (pdf/sitemap.py): the quick join of plain relative paths is urljoin's."""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_easyread.pdf.sitemap import ORIGIN, SiteMap, Target

segment = st.one_of(st.sampled_from(["", ".", "..", "a", "glossary", "index.html", "my%20pic%20%C3%A9.svg", "é"]),
                    st.text(st.characters(exclude_categories=("Cs",)), max_size=4))
path = st.lists(segment, min_size=1, max_size=6).map("/".join)
url = st.tuples(path, st.one_of(st.just(""), st.text(max_size=5).map(lambda f: f"#{f}"))).map("".join)
# Strings made of what decides between the quick way and urljoin: schemes, queries, parameters, fragments, spaces.
wild = st.lists(st.sampled_from(list("ab./#?:;\\ %é\t") + ["..", "//"]), max_size=12).map("".join)


def joined_by_urljoin(reference: str, page_url: str) -> Target | None:
    """What resolve gave before it had a quick way: urljoin for every URL."""
    try:
        parts = urlsplit(reference)
        if parts.scheme or parts.netloc:
            return None
        joined = urlsplit(urljoin(ORIGIN + page_url, reference))
    except ValueError:
        return None
    return Target(unquote(joined.path.lstrip("/")), joined.fragment, joined.query)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(url, wild), st.one_of(path, wild))
def test_a_link_resolves_as_urljoin_resolves_it(reference, page_url):
    site = SiteMap([], None)
    assert site.resolve(reference, page_url) == joined_by_urljoin(reference, page_url)


def test_the_usual_links():
    site = SiteMap([], None)
    assert site.resolve("../../glossary/#care", "plan/vision/") == Target("glossary/", "care")
    assert site.resolve("house.svg", "plan/vision/") == Target("plan/vision/house.svg", "")
    assert site.resolve("../x/", "") == Target("x/", "")
    assert site.resolve("#action-A1", "plan/progress/") == Target("plan/progress/", "action-A1")
    assert site.resolve("https://example.org/a", "plan/") is None
