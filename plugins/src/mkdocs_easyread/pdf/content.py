"""One page's content HTML, rewritten to be a chapter of a print document.

- ids get the chapter's prefix, so that two pages' "#introduction" stay apart;
- links to pages in the same PDF become in-document anchors, other site links
  become absolute addresses (or plain text when the site has no `site_url`);
- pictures, objects, embeds, `<link>` and CSS `url()` are read from the site's
  source files, and anything else they name is left out with a warning
  (`references.py`); attachments only when the site turns them on;
- pictures without a text alternative become page decoration (artifacts), and
  inline SVG with a name carries it as `<title>`, which WeasyPrint tags as alt text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .jobs import Problem
from .references import References
from .sitemap import Target, data_uri

SVG = "svg"
ID_LISTS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
DROPPED = {"script", "noscript", "iframe", "button", "input", "select", "textarea", "form", "template",
           "base"}  # <base href> would change what every relative address in the PDF means
FETCHED = {"object": "data", "embed": "src"}  # besides img, link and CSS: elements WeasyPrint reads a file for
SVG_FETCHED = {"image", "use", "feimage"}  # inside an SVG, by href or xlink:href
WEB_ONLY = {"headerlink", "er-term__means"}  # permalinks; glossary meanings shown on focus
# Wrappers that only place web-only parts (a glossary term's meaning): their content stays, in its paragraph.
WEB_WRAPPERS = {"er-gloss"}
SVG_ATTRIBUTES = {"viewbox": "viewBox", "preserveaspectratio": "preserveAspectRatio"}
SUBHEADINGS = {"h2", "h3", "h4", "h5", "h6"}
PASSED_SCHEMES = ("mailto:", "tel:", "http:", "https:")


@dataclass
class Chapter:
    """A page placed in a print document."""

    id: str  # the section's anchor, "c3"
    src_uri: str
    title: str
    html: str = ""
    source: str = ""  # the page's source file, for warnings
    problems: list[Problem] = field(default_factory=list)  # what the PDF leaves out of the page
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of each h2, for a contents list
    headings: int = 0  # h2 to h6: whether the document needs a contents list


@dataclass
class Rewriter:
    """Rewrites the pages of one print document."""

    references: References
    chapter_ids: dict[str, str]  # src_uri -> chapter id

    def chapter(self, content: str, page_url: str, chapter: Chapter) -> str:
        root = parse(content)
        for element in [e for e in root.iter() if is_dropped(e)]:
            if element.getparent() is not None:
                element.drop_tree()
        for element in [e for e in root.iter("span") if is_web_wrapper(e)]:
            element.drop_tag()  # a span that says nothing in the structure tree, and a box less to lay out
        for child in list(root):
            self._walk(child, page_url, chapter)
        if (root.text or "").strip():
            paragraph = lxml_html.Element("p")
            paragraph.text, root.text = root.text, None
            root.insert(0, paragraph)
        if root.find(".//h1") is None:
            heading = lxml_html.Element("h1")
            heading.text = chapter.title
            root.insert(0, heading)
        root.set("id", chapter.id)
        root.set("class", "er-chapter")
        count_headings(root, chapter)
        return etree.tostring(root, method="html", encoding="unicode")

    def _walk(self, element: etree._Element, page_url: str, chapter: Chapter) -> None:
        """Rewrite an element and what it holds; inside an SVG, ids stay as they are (its url(#id) use them)."""
        if not isinstance(element.tag, str):
            return
        self._rewrite(element, page_url, chapter)
        if element.tag.lower() != SVG:
            for child in list(element):
                self._walk(child, page_url, chapter)

    def _rewrite(self, element: etree._Element, page_url: str, chapter: Chapter) -> None:
        tag, prefix = element.tag.lower(), chapter.id
        if element.get("id"):
            element.set("id", f"{prefix}-{element.get('id')}")
        for name in ID_LISTS:
            if element.get(name):
                element.set(name, " ".join(f"{prefix}-{token}" for token in element.get(name).split()))
        self._styles(element, tag, page_url, chapter)
        if tag == "a" and element.get("href") is not None:
            self._link(element, page_url, chapter)
        elif tag == "img":
            self._picture(element, page_url, chapter)
        elif tag == SVG:
            self._svg_references(element, page_url, chapter)
            self._svg(element)
        elif tag == "link":
            self._link_element(element, page_url, chapter)
        elif tag in FETCHED and element.get(FETCHED[tag]) is not None:
            self._fetched(element, FETCHED[tag], page_url, chapter)
        elif tag == "source" or element.get("srcset") is not None:
            element.attrib.pop("srcset", None)

    def _link(self, element: etree._Element, page_url: str, chapter: Chapter) -> None:
        href, prefix = element.get("href", ""), chapter.id
        if "attachment" in link_types(element):
            attached = self.references.attachable(href, page_url, chapter)
            if attached:
                element.set("href", attached)
                return
            remove_link_type(element, "attachment")  # an ordinary link, then
        if href.startswith("#"):
            element.set("href", f"#{prefix}-{href[1:]}" if href[1:] else f"#{prefix}")
            return
        if href.lower().startswith(PASSED_SCHEMES):
            return
        target = self.references.site.resolve(href, page_url)
        new = self._anchor(target) if target else None
        if new is None and target is not None:
            new = self.references.site.absolute(target)
        if new is None:
            unlink(element)
        else:
            element.set("href", new)

    def _anchor(self, target: Target) -> str | None:
        src_uri = self.references.site.page_at(target.path)
        chapter_id = self.chapter_ids.get(src_uri) if src_uri else None
        if chapter_id is None:
            return None
        return f"#{chapter_id}-{target.fragment}" if target.fragment else f"#{chapter_id}"

    def _picture(self, element: etree._Element, page_url: str, chapter: Chapter) -> None:
        uri = self.references.fetchable(element.get("src", ""), page_url, chapter)
        element.set("src", uri or "")
        if not (element.get("alt") or "").strip():
            decorate(element, uri)

    def _link_element(self, link: etree._Element, page_url: str, chapter: Chapter) -> None:
        """`<link>` in a page: a style sheet or attachment of the site's own files, or nothing."""
        href = link.get("href") or ""
        if "attachment" in link_types(link):
            uri = self.references.attachable(href, page_url, chapter)
        else:
            uri = self.references.fetchable(href, page_url, chapter)
        if uri:
            link.set("href", uri)
        else:
            link.drop_tree()

    def _fetched(self, element: etree._Element, attribute: str, page_url: str, chapter: Chapter) -> None:
        """`<object data>`, `<embed src>`: a file of the site, or none (an object then shows what it holds)."""
        uri = self.references.fetchable(element.get(attribute), page_url, chapter)
        if uri:
            element.set(attribute, uri)
        else:
            element.attrib.pop(attribute)

    def _svg_references(self, svg: etree._Element, page_url: str, chapter: Chapter) -> None:
        """What an inline SVG makes WeasyPrint read: files of `<image>`, `<use>` and `<feImage>`, and CSS."""
        for element in svg.iterdescendants():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            self._styles(element, tag, page_url, chapter)
            if tag in SVG_FETCHED:
                for name in ("href", "xlink:href"):
                    if element.get(name) is not None:
                        self._fetched(element, name, page_url, chapter)

    def _styles(self, element: etree._Element, tag: str, page_url: str, chapter: Chapter) -> None:
        """A style attribute or `<style>` block: its `url()` and `@import` name only files the PDF may read."""
        if element.get("style") is not None:
            element.set("style", self.references.css(element.get("style"), page_url, chapter))
        if tag == "style" and element.text:
            element.text = self.references.css(element.text, page_url, chapter)

    def _svg(self, svg: etree._Element) -> None:
        name = svg_name(svg)
        if name is None:
            decorate(svg, data_uri(svg_markup(svg), "image/svg+xml"))
            return
        for child in svg:
            if isinstance(child.tag, str) and child.tag.lower() == "title":
                return
        title = lxml_html.Element("title")
        title.text = name
        svg.insert(0, title)


def count_headings(root: etree._Element, chapter: Chapter) -> None:
    headings = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.lower() in SUBHEADINGS]
    chapter.headings = len(headings)
    chapter.sections = [(e.get("id"), " ".join(e.text_content().split())) for e in headings
                        if e.tag.lower() == "h2" and e.get("id")]


def parse(content: str) -> etree._Element:
    if not content.strip():
        return lxml_html.Element("section")
    return lxml_html.fragment_fromstring(content, create_parent="section")


def is_dropped(element: etree._Element) -> bool:
    """Interactive and hidden parts of a web page, which mean nothing on paper."""
    if not isinstance(element.tag, str):
        return False
    classes = (element.get("class") or "").split()
    return (element.tag.lower() in DROPPED or element.get("hidden") is not None
            or any(name in WEB_ONLY for name in classes))


def is_web_wrapper(element: etree._Element) -> bool:
    return any(name in WEB_WRAPPERS for name in (element.get("class") or "").split())


def svg_markup(svg: etree._Element) -> bytes:
    """A standalone SVG file of an inline SVG (the HTML parser lowercased its attribute names)."""
    if svg.get("xmlns") is None:
        svg.set("xmlns", "http://www.w3.org/2000/svg")
    for element in svg.iter():
        for lowered, proper in SVG_ATTRIBUTES.items():
            if isinstance(element.tag, str) and lowered in element.attrib:
                element.set(proper, element.attrib.pop(lowered))
    return etree.tostring(svg, method="xml", encoding="utf-8")


def svg_name(svg: etree._Element) -> str | None:
    """The accessible name of an inline SVG, or None when it is decoration."""
    parent = svg.getparent()
    if svg.get("aria-hidden") == "true" or (parent is not None and parent.get("aria-hidden") == "true"):
        return None
    for child in svg:
        if isinstance(child.tag, str) and child.tag.lower() == "title" and (child.text or "").strip():
            return child.text.strip()
    for holder in (svg, parent):
        if holder is None:
            continue
        for attribute in ("aria-label", "title"):
            if (holder.get(attribute) or "").strip():
                return holder.get(attribute).strip()
    return None


def decorate(element: etree._Element, uri: str | None) -> None:
    """Replace a picture without a text alternative by a background, which WeasyPrint marks as an artifact."""
    span = lxml_html.Element("span", {"class": "er-deco"})
    if uri:
        span.set("style", f"background-image: url('{uri}')")
    for size in ("width", "height"):
        if (element.get(size) or "").isdigit():
            span.set("style", f"{span.get('style', '')}; {size}: {element.get(size)}px")
    span.tail = element.tail
    element.getparent().replace(element, span)


def link_types(element: etree._Element) -> list[str]:
    return (element.get("rel") or "").lower().split()


def remove_link_type(element: etree._Element, removed: str) -> None:
    kept = [kind for kind in (element.get("rel") or "").split() if kind.lower() != removed]
    if kept:
        element.set("rel", " ".join(kept))
    else:
        element.attrib.pop("rel", None)


def unlink(element: etree._Element) -> None:
    """A link the PDF cannot follow keeps its words but stops being a link."""
    element.tag = "span"
    for attribute in ("href", "target", "rel", "download"):
        element.attrib.pop(attribute, None)
