"""News: the list page, the Atom feed, press contacts, notes to editors and the links to and from
the publication a news item is about."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ElementTree

import pytest
from lxml import html as lxml_html

from conftest import axe_violations, sideways_scroll

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://www.example.gov.uk/care/"
HOSTILE_TITLE = 'Fair <script>alert(1)</script> "day" ]]> & more'


def news_item(site, slug: str, published: str | None, status: str = "published", extra: str = "", body: str = "Our news.\n") -> None:
    date = f"published: {published}\n" if published else ""
    front = f"title: {slug.replace('-', ' ').capitalize()}\ntype: news\nstatus: {status}\n{date}summary: About {slug}.\n{textwrap.dedent(extra)}"
    site.publication(slug, front, body)


@pytest.fixture
def news_site(site):
    """A plan, three news items (one a draft without a date) and a glossary."""
    site.config["site_url"] = SITE_URL
    site.publication("plan", body="How we support advocacy in Norfolk.\n")
    site.write("content/glossary.yml", "- term: advocacy\n  means: Getting help to say what you want.\n")
    news_item(site, "older-news", "2024-03-05", status="archived")
    news_item(site, "summer-fair", "2025-06-01", extra="""\
        about: plan
        contacts:
          - name: Press Office
            role: Communications team
            phone: 01603 222 222
            email: press@example.gov.uk
        """, body="""\
        We asked people about advocacy at the fair.

        ## Notes to Editors

        1. The fair was held in Norwich.
        2. Photographs are available.

        ## What happens next

        We will write to everyone.
        """)
    news_item(site, "next-plans", None, status="draft")
    return site


def list_items(result, url: str = "news/") -> list[dict]:
    tree = lxml_html.fromstring(result.html(url))
    return [
        {
            "title": item.find(".//h2").text_content(),
            "href": item.find(".//h2/a").get("href"),
            "date": item.find(".//time").get("datetime") if item.find(".//time") is not None else None,
            "summary": item.findtext(".//p[@class='er-news__summary']"),
            "text": " ".join(item.text_content().split()),
        }
        for item in tree.find_class("er-news__item")
    ]


def feed_of(result) -> ElementTree.Element:
    return ElementTree.fromstring((result.site / "news" / "feed.xml").read_bytes())


def test_list_is_newest_first_with_date_title_and_summary_and_leaves_drafts_out(news_site):
    result = news_site.build()
    assert result.ok, result.log
    items = list_items(result)
    assert [(i["title"], i["href"], i["date"], i["summary"]) for i in items] == [
        ("Summer fair", "../summer-fair/", "2025-06-01", "About summer-fair."),
        ("Older news", "../older-news/", "2024-03-05", "About older-news."),
    ]
    assert "Archived" in items[1]["text"]
    page = lxml_html.fromstring(result.html("news/"))
    assert page.findtext(".//h1") == "News"
    assert "Next plans" not in page.find_class("er-news")[0].text_content()


def test_review_lists_drafts_last_marked_draft(news_site):
    news_site.plugin_options()["review"] = True
    result = news_site.build()
    assert result.ok, result.log
    items = list_items(result)
    assert [i["title"] for i in items] == ["Summer fair", "Older news", "Next plans"]
    assert "Draft" in items[2]["text"] and items[2]["date"] is None
    assert len(feed_of(result).findall(f"{ATOM}entry")) == 2  # a draft never reaches feed readers


def test_news_page_is_in_navigation(news_site):
    result = news_site.build()
    nav = lxml_html.fromstring(result.html("plan/")).find_class("md-nav--primary")[0]
    links = [a.get("href") for a in nav.iter("a")]
    assert "../news/" in links
    # Without a nav in mkdocs.yml the items sit under News, newest first.
    assert links.index("../news/") < links.index("../summer-fair/") < links.index("../older-news/")


NEWS_ITEMS = ["summer-fair/index.md", "older-news/index.md", "next-plans/index.md"]


@pytest.mark.parametrize("nav", [["plan/index.md", *NEWS_ITEMS], ["plan/index.md", {"Latest": NEWS_ITEMS}]])
def test_explicit_nav_gets_the_news_page_without_mkdocs_notices(news_site, nav):
    news_site.config["nav"] = nav
    result = news_site.build()
    assert result.ok, result.log
    assert "not included in the" not in result.log
    primary = lxml_html.fromstring(result.html("plan/")).find_class("md-nav--primary")[0]
    links = [a.get("href") for a in primary.iter("a")]
    # First in the section that holds the news; at the top (after the home page) when there is none.
    if isinstance(nav[1], dict):
        assert links.index("../news/") == links.index("../summer-fair/") - 1
        section = [li for li in primary.iter("li") if li.find("label") is not None and "Latest" in li.find("label").text_content()]
        assert "../news/" in [a.get("href") for a in section[0].iter("a")]
    else:
        assert links.index("../news/") < links.index("./")


def test_feed_is_atom_with_absolute_links_and_stable_across_builds(news_site):
    first = news_site.build()
    assert first.ok, first.log
    first_bytes = (first.site / "news" / "feed.xml").read_bytes()
    second = news_site.build()
    assert (second.site / "news" / "feed.xml").read_bytes() == first_bytes

    feed = ElementTree.fromstring(first_bytes)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == SITE_URL + "news/"
    assert feed.findtext(f"{ATOM}title") == "News"
    assert feed.findtext(f"{ATOM}updated") == "2025-06-01T00:00:00+00:00"  # the newest item, not the clock
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Norfolk County Council"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": SITE_URL + "news/feed.xml", "alternate": SITE_URL + "news/"}
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [SITE_URL + "summer-fair/", SITE_URL + "older-news/"]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [SITE_URL + "summer-fair/", SITE_URL + "older-news/"]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == ["2025-06-01T00:00:00+00:00", "2024-03-05T00:00:00+00:00"]
    assert entries[0].findtext(f"{ATOM}summary") == "About summer-fair."
    ids_again = [e.findtext(f"{ATOM}id") for e in feed_of(second).findall(f"{ATOM}entry")]
    assert ids_again == [e.findtext(f"{ATOM}id") for e in entries]


def test_the_feed_carries_only_the_newest_items(news_site):
    news_site.plugin_options()["news"] = {"feed_items": 1}
    result = news_site.build()
    assert result.ok, result.log
    entries = feed_of(result).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [SITE_URL + "summer-fair/"]
    assert [i["title"] for i in list_items(result)] == ["Summer fair", "Older news"]  # the list keeps them all


def test_pages_link_to_the_feed(news_site):
    result = news_site.build()
    page = lxml_html.fromstring(result.html("news/"))
    subscribe = [a for a in page.iter("a") if a.text_content() == "Subscribe to our news feed (Atom)"]
    assert [a.get("href") for a in subscribe] == ["feed.xml"]
    for url, href in (("", "news/feed.xml"), ("plan/", "../news/feed.xml"), ("summer-fair/", "../news/feed.xml")):
        head = lxml_html.fromstring(result.html(url)).find("head")
        alternates = head.xpath("link[@rel='alternate'][@type='application/atom+xml']")
        assert [link.get("href") for link in alternates] == [href], url


def test_no_feed_without_site_url_and_one_info_line(news_site):
    del news_site.config["site_url"]
    result = news_site.build()
    assert result.ok, result.log
    assert not (result.site / "news" / "feed.xml").exists()
    assert result.warnings == []
    assert len([line for line in result.log.splitlines() if line.startswith("INFO: easyread") and "site_url" in line]) == 1
    assert "Subscribe" not in result.html("news/")
    assert "application/atom+xml" not in result.html("plan/")
    assert [i["title"] for i in list_items(result)] == ["Summer fair", "Older news"]


def test_news_item_has_press_contacts_and_links_to_what_it_is_about(news_site):
    result = news_site.build()
    page = lxml_html.fromstring(result.html("summer-fair/"))
    contacts = page.get_element_by_id("er-press-contacts").getparent()
    assert contacts.findtext(".//h2") == "Press contacts"
    text = " ".join(contacts.text_content().split())
    assert "Press Office, Communications team" in text and "01603 222 222" in text
    assert [a.get("href") for a in contacts.iter("a")] == ["tel:01603222222", "mailto:press@example.gov.uk"]
    about = page.find_class("er-news-about")[0]
    assert " ".join(about.text_content().split()) == "This news is about: Plan"
    assert about.find("a").get("href") == "../plan/"
    # A news item without contacts or about has neither block.
    other = result.html("older-news/")
    assert "Press contacts" not in other and "This news is about" not in other


def test_publication_lists_news_about_it(news_site):
    news_item(news_site, "plan-launch", "2025-09-09", extra="about: plan\n")
    result = news_site.build()
    section = lxml_html.fromstring(result.html("plan/")).get_element_by_id("er-news-about-this").getparent()
    assert section.findtext("h2") == "News about this"
    assert [a.get("href") for a in section.iter("a")] == ["../plan-launch/", "../summer-fair/"]
    assert "News about this" not in result.html("summer-fair/")


def test_notes_to_editors_are_a_section_of_their_own(news_site):
    result = news_site.build()
    page = lxml_html.fromstring(result.html("summer-fair/"))
    [notes] = page.find_class("er-notes-to-editors")
    assert notes.tag == "section"
    heading = notes[0]
    assert (heading.tag, heading.text_content()) == ("h2", "Notes to Editors")
    assert notes.get("aria-labelledby") == heading.get("id")
    assert [li.text_content() for li in notes.iter("li")] == ["The fair was held in Norwich.", "Photographs are available."]
    assert "What happens next" not in notes.text_content()  # the next heading of its level ends it
    css = (result.site / "assets/easyread/news/news.css").read_text()
    assert ".er-notes-to-editors" in css and "@media print" in css


def test_notes_heading_is_only_boxed_in_news(site):
    site.publication("plan", body="## Notes to editors\n\nNot a press release.\n")
    result = site.build()
    assert "er-notes-to-editors" not in result.html("plan/")


def test_news_gets_no_publication_glossary_and_links_to_the_site_glossary(news_site):
    result = news_site.build()
    assert result.ok, result.log
    assert (result.site / "plan" / "glossary" / "index.html").exists()
    assert not (result.site / "summer-fair" / "glossary").exists()
    page = lxml_html.fromstring(result.html("summer-fair/"))
    assert [a.get("href") for a in page.find_class("er-term")] == ["../glossary/#advocacy"]


def test_a_council_folder_named_news_is_kept_and_reported(news_site):
    news_site.publication("news", body="Written by hand.\n")  # a publication of its own in news/
    result = news_site.build(strict=False)
    assert result.ok, result.log
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("content/news/index.md:1: ") and "news.url" in result.warnings[0]
    assert "Written by hand." in result.html("news/")
    assert not (result.site / "news" / "feed.xml").exists()
    assert "er-news__list" not in result.html("news/")


def test_the_news_list_can_move(news_site):
    news_site.publication("news")
    news_site.plugin_options()["news"] = {"url": "press-releases", "title": "Press releases"}
    result = news_site.build()
    assert result.ok, result.log
    assert [i["href"] for i in list_items(result, "press-releases/")] == ["../summer-fair/", "../older-news/"]
    feed = ElementTree.fromstring((result.site / "press-releases" / "feed.xml").read_bytes())
    assert feed.findtext(f"{ATOM}title") == "Press releases"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE_URL + "press-releases/feed.xml"


def test_no_news_no_list(site):
    site.config["site_url"] = SITE_URL
    site.publication("plan")
    result = site.build()
    assert not (result.site / "news").exists()
    assert "application/atom+xml" not in result.html("plan/")


def test_hostile_title_and_summary_are_escaped_in_the_list_and_exact_in_the_feed(news_site):
    hostile_summary = "<b>bold</b> & \"quoted\" ]]> 'single'"
    news_site.publication("hostile", f"title: '{HOSTILE_TITLE}'\ntype: news\nstatus: published\npublished: 2025-10-10\n"
                                     f"summary: '{hostile_summary.replace(chr(39), chr(39) * 2)}'\nabout: plan\n")
    result = news_site.build()
    assert result.ok, result.log
    for url in ("news/", "plan/"):
        html = result.html(url)
        assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
    assert list_items(result)[0]["title"] == HOSTILE_TITLE
    assert list_items(result)[0]["summary"] == hostile_summary
    entry = feed_of(result).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == HOSTILE_TITLE
    assert entry.findtext(f"{ATOM}summary") == hostile_summary


def test_bad_news_url_option_is_refused(news_site):
    news_site.plugin_options()["news"] = {"url": "../outside"}
    result = news_site.build()
    assert not result.ok
    assert "news.url" in result.log + result.error


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_news_pages_have_no_axe_violations(browser, serve, news_site, scheme, width):
    result = news_site.build()
    base = serve(result.site)
    for path in ("news/", "summer-fair/", "plan/"):
        assert axe_violations(browser, base + path, scheme, width=width) == [], path


@pytest.mark.browser
def test_news_pages_do_not_scroll_sideways(browser, serve, news_site):
    word = "Supercalifragilistic" * 6
    news_site.publication("long", f"title: {word}\ntype: news\nstatus: published\npublished: 2025-07-07\nsummary: {word}\nabout: plan\n")
    result = news_site.build()
    base = serve(result.site)
    for path in ("news/", "summer-fair/"):
        for scheme in ("light", "dark"):
            assert sideways_scroll(browser, base + path, scheme=scheme) == 0, (path, scheme)
