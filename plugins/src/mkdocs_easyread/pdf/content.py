"""One page's content HTML, rewritten to be a chapter of a print document.

- ids get the chapter's prefix, so that two pages' "#introduction" stay apart;
- links to pages in the same PDF become in-document anchors, other site links
  become absolute addresses (or plain text when the site has no `site_url`);
- pictures are read from their source files;
- pictures without a text alternative become page decoration (artifacts), and
  inline SVG with a name carries it as `<title>`, which WeasyPrint tags as alt text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from .sitemap import AssetStore, SiteMap, Target, data_uri

SVG = "svg"
ID_LISTS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
DROPPED = {"script", "noscript", "iframe", "button", "input", "select", "textarea", "form", "template"}
WEB_ONLY = {"headerlink", "er-term__means"}  # permalinks; glossary meanings shown on focus
SVG_ATTRIBUTES = {"viewbox": "viewBox", "preserveaspectratio": "preserveAspectRatio"}
PASSED_SCHEMES = ("mailto:", "tel:", "http:", "https:")


@dataclass
class Chapter:
    """A page placed in a print document."""

    id: str  # the section's anchor, "c3"
    src_uri: str
    title: str
    html: str = ""


@dataclass
class Rewriter:
    """Rewrites the pages of one print document."""

    site: SiteMap
    assets: AssetStore
    chapter_ids: dict[str, str]  # src_uri -> chapter id

    def chapter(self, content: str, page_url: str, chapter: Chapter) -> str:
        root = parse(content)
        for element in [e for e in root.iter() if is_dropped(e)]:
            if element.getparent() is not None:
                element.drop_tree()
        for child in list(root):
            self._walk(child, page_url, chapter.id)
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
        return etree.tostring(root, method="html", encoding="unicode")

    def _walk(self, element: etree._Element, page_url: str, prefix: str) -> None:
        """Rewrite an element and what it holds; inside an SVG, ids stay as they are (its url(#id) use them)."""
        if not isinstance(element.tag, str):
            return
        self._rewrite(element, page_url, prefix)
        if element.tag.lower() != SVG:
            for child in list(element):
                self._walk(child, page_url, prefix)

    def _rewrite(self, element: etree._Element, page_url: str, prefix: str) -> None:
        tag = element.tag.lower()
        if element.get("id"):
            element.set("id", f"{prefix}-{element.get('id')}")
        for name in ID_LISTS:
            if element.get(name):
                element.set(name, " ".join(f"{prefix}-{token}" for token in element.get(name).split()))
        if tag == "a" and element.get("href") is not None:
            self._link(element, page_url, prefix)
        elif tag == "img":
            self._picture(element, page_url)
        elif tag == SVG:
            self._svg(element)
        elif tag == "source" or element.get("srcset") is not None:
            element.attrib.pop("srcset", None)

    def _link(self, element: etree._Element, page_url: str, prefix: str) -> None:
        href = element.get("href", "")
        if href.startswith("#"):
            element.set("href", f"#{prefix}-{href[1:]}" if href[1:] else f"#{prefix}")
            return
        if href.lower().startswith(PASSED_SCHEMES):
            return
        target = self.site.resolve(href, page_url)
        new = self._anchor(target) if target else None
        if new is None and target is not None:
            new = self.site.absolute(target)
        if new is None:
            unlink(element)
        else:
            element.set("href", new)

    def _anchor(self, target: Target) -> str | None:
        src_uri = self.site.page_at(target.path)
        chapter_id = self.chapter_ids.get(src_uri) if src_uri else None
        if chapter_id is None:
            return None
        return f"#{chapter_id}-{target.fragment}" if target.fragment else f"#{chapter_id}"

    def _picture(self, element: etree._Element, page_url: str) -> None:
        uri = self._source(element.get("src", ""), page_url)
        if uri is None:
            element.set("src", "")
        else:
            element.set("src", uri)
        if not (element.get("alt") or "").strip():
            decorate(element, uri)

    def _source(self, src: str, page_url: str) -> str | None:
        if src.startswith("data:"):
            return src
        asset = self.assets.shown_by(src, page_url, self.site)
        return asset.uri if asset else None

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


def unlink(element: etree._Element) -> None:
    """A link the PDF cannot follow keeps its words but stops being a link."""
    element.tag = "span"
    for attribute in ("href", "target", "rel", "download"):
        element.attrib.pop(attribute, None)
