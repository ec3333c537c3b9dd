"""Repairs to the structure tree WeasyPrint 70 writes, done on its pydyf objects before the file is written.

- Running headers and footers (page margin boxes) are marked content outside the
  tree (Kozea/WeasyPrint#1836); they become artifacts, which is what they are.
- Table header cells get `/Scope` (WeasyPrint writes none: pdfua UA-15-003, Kozea/WeasyPrint#2508).
- An element that continues on the next page is tagged once per page: a paragraph
  becomes two paragraphs, a table two tables (the second part, or a caption left
  alone at the foot of a page, then has no rows). The parts are joined back into
  one element, so a screen reader meets one table and one paragraph. To know
  which parts belong together, the tagging step is watched (`watch_tagging`) and
  each structure element remembers the HTML element it came from.
"""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags

SOURCES: dict[tuple[int, int], Any] = {}  # (id of the pydyf PDF, object number) -> HTML element


def watch_tagging() -> None:
    """Remember the HTML element of each structure element WeasyPrint makes (once per process)."""
    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "easyread_watched", False):
        return

    def watched(box: Any, parent: Any, pdf: Any, *args: Any) -> Any:
        # html, body and page boxes pass their children's elements through: those keep their own source.
        passes_through = isinstance(box, boxes.PageBox) or getattr(box, "element_tag", None) in ("html", "body")
        source = None if passes_through else getattr(box, "element", None)
        for element in original(box, parent, pdf, *args):
            if source is not None and element.number is not None:
                SOURCES.setdefault((id(pdf), element.number), source)
            yield element

    watched.easyread_watched = True  # type: ignore[attr-defined]
    tags._build_box_tree = watched


def repair(pdf: pydyf.PDF) -> None:
    sources = {number: source for (owner, number), source in SOURCES.items() if owner == id(pdf)}
    for key in [key for key in SOURCES if key[0] == id(pdf)]:
        del SOURCES[key]
    root = resolve(pdf, pdf.catalog.get("StructTreeRoot"))
    if root is None:
        return
    if sources:
        Joiner(pdf, sources, root).join_all()
    mark_unreached_as_artifacts(pdf, root)
    for element in pdf.objects:
        if is_element(element, "/TH"):
            give_scope(pdf, element)
        elif is_element(element, "/TD") and isinstance(element.get("A"), pydyf.Dictionary) and not element["A"].get("Headers"):
            element["A"].pop("Headers", None)  # none found on this part's page: let /Scope decide


class Joiner:
    """Joins adjacent structure elements made from the same HTML element on consecutive pages."""

    def __init__(self, pdf: pydyf.PDF, sources: dict[int, Any], root: pydyf.Dictionary) -> None:
        self.pdf = pdf
        self.sources = sources
        self.root = root
        self.pages = page_indexes(pdf)
        self.parent_tree = resolve(pdf, root.get("ParentTree"))
        self.positions: dict[int, int] | None = None  # parent tree key -> its index in /Nums

    def join_all(self) -> None:
        stack = [element for element in self.kids(self.root)]
        while stack:
            element = stack.pop()
            self.join_kids(element)
            stack.extend(self.kids(element))

    def kids(self, element: pydyf.Dictionary) -> list[pydyf.Dictionary]:
        found = []
        for item in element.get("K", ()):
            kid = resolve(self.pdf, item) if isinstance(item, bytes) else None
            if is_element(kid):
                found.append(kid)
        return found

    def join_kids(self, parent: pydyf.Dictionary) -> None:
        items = parent.get("K")
        if not isinstance(items, list):
            return
        kept: list[Any] = []
        previous = None
        for item in items:
            element = resolve(self.pdf, item) if isinstance(item, bytes) else None
            if previous is not None and self.continues(previous, element):
                self.move_into(previous, element)
                continue
            kept.append(item)
            previous = element if is_element(element) else None
        items[:] = kept

    def continues(self, first: pydyf.Dictionary, second: Any) -> bool:
        return (is_element(second) and second.get("S") == first.get("S") and second.get("Pg") != first.get("Pg")
                and self.sources.get(first.number) is not None
                and self.sources.get(first.number) is self.sources.get(second.number))

    def move_into(self, target: pydyf.Dictionary, part: pydyf.Dictionary) -> None:
        """Give `part`'s content to `target`, keeping the page of each piece of marked content."""
        for item in part.get("K", ()):
            if isinstance(item, int):
                target["K"].append(pydyf.Dictionary({"Type": "/MCR", "Pg": part["Pg"], "MCID": item}))
                self.point_parent_tree(self.pages.get(part["Pg"]), item, target)
                continue
            kid = resolve(self.pdf, item) if isinstance(item, bytes) else item
            if is_element(kid):
                kid["P"] = target.reference
            elif isinstance(kid, pydyf.Dictionary) and kid.get("Type") == "/OBJR":
                annotation = resolve(self.pdf, kid.get("Obj"))
                if annotation is not None and "StructParent" in annotation:
                    self.point_parent_tree(annotation["StructParent"], None, target)
            elif isinstance(kid, pydyf.Dictionary) and kid.get("Type") == "/MCR":
                self.point_parent_tree(self.pages.get(kid.get("Pg")), kid.get("MCID"), target)
            target["K"].append(item)
        self.sources[target.number] = self.sources.get(part.number)
        part.clear()  # no longer in the tree

    def point_parent_tree(self, key: int | None, mcid: int | None, target: pydyf.Dictionary) -> None:
        """Make the parent tree say that content (page `key`'s MCID, or annotation `key`) belongs to `target`."""
        numbers = self.parent_tree.get("Nums") if self.parent_tree is not None else None
        if key is None or not isinstance(numbers, list):
            return
        if self.positions is None:
            self.positions = {numbers[position]: position for position in range(0, len(numbers) - 1, 2)}
        position = self.positions.get(key)
        if position is None:
            return
        value = numbers[position + 1]
        if mcid is None:
            numbers[position + 1] = target.reference
        elif isinstance(value, list) and 0 <= mcid < len(value):
            value[mcid] = target.reference


def mark_unreached_as_artifacts(pdf: pydyf.PDF, root: pydyf.Dictionary) -> None:
    """Marked content no structure element holds (the margin boxes') becomes /Artifact."""
    parent_tree = resolve(pdf, root.get("ParentTree"))
    numbers = parent_tree.get("Nums") if parent_tree is not None else None
    if not isinstance(numbers, list):
        return
    reached = reached_content(pdf, root)
    page_numbers = [number for number in pdf.pages["Kids"][::3]]
    for position in range(0, len(numbers) - 1, 2):
        page, owners = numbers[position], numbers[position + 1]
        if not isinstance(owners, list) or not isinstance(page, int) or page >= len(page_numbers):
            continue
        unreached = {mcid for mcid in range(len(owners)) if (page, mcid) not in reached}
        if unreached:
            stream = resolve(pdf, pdf.objects[page_numbers[page]].get("Contents"))
            if isinstance(stream, pydyf.Stream):
                unmark(stream.stream, unreached)
            for mcid in unreached:
                owners[mcid] = "null"


def unmark(operations: list, mcids: set[int]) -> None:
    """Turn `/Tag <</MCID n>> BDC` into `/Artifact BMC` for the given MCIDs."""
    for index in range(1, len(operations) - 1):
        properties = operations[index]
        if (isinstance(properties, pydyf.Dictionary) and properties.get("MCID") in mcids
                and operations[index + 1] == b"BDC"):
            operations[index - 1], operations[index], operations[index + 1] = "/Artifact", b"BMC", b""


def reached_content(pdf: pydyf.PDF, root: pydyf.Dictionary) -> set[tuple[int, int]]:
    """(page index, MCID) of every piece of marked content the structure tree holds."""
    pages = page_indexes(pdf)
    reached: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        element = stack.pop()
        for item in element.get("K", ()) if isinstance(element.get("K"), list) else [element.get("K")]:
            if isinstance(item, int) and not isinstance(item, bool):
                reached.add((pages.get(element.get("Pg"), -1), item))
            elif isinstance(item, pydyf.Dictionary) and item.get("Type") == "/MCR":
                reached.add((pages.get(item.get("Pg"), -1), item.get("MCID")))
            elif isinstance(item, bytes) and is_element(kid := resolve(pdf, item)):
                stack.append(kid)
    return reached


def give_scope(pdf: pydyf.PDF, cell: pydyf.Dictionary) -> None:
    attributes = cell.get("A")
    if not isinstance(attributes, pydyf.Dictionary):
        attributes = cell["A"] = pydyf.Dictionary({"O": "/Table"})
    attributes["Scope"] = "/Column" if heads_column(pdf, cell) else "/Row"


def heads_column(pdf: pydyf.PDF, cell: pydyf.Dictionary) -> bool:
    """A header cell heads a column when it is in THead or in a row of header cells only."""
    row = resolve(pdf, cell.get("P"))
    if row is None:
        return True
    group = resolve(pdf, row.get("P"))
    if group is not None and group.get("S") == "/THead":
        return True
    cells = [resolve(pdf, item) for item in row.get("K", ()) if isinstance(item, bytes)]
    return all(is_element(kid, "/TH") for kid in cells if is_element(kid))


def page_indexes(pdf: pydyf.PDF) -> dict[bytes, int]:
    """Each page's reference (b'12 0 R', as /Pg holds it) -> its index in the document."""
    return {reference: index for index, reference in enumerate(pdf.page_references)}


def resolve(pdf: pydyf.PDF, reference: Any) -> Any:
    """The object a reference (b'12 0 R') points to, or None."""
    if not isinstance(reference, bytes):
        return None
    try:
        return pdf.objects[int(reference.split()[0])]
    except (ValueError, IndexError):
        return None


def is_element(value: Any, role: str | None = None) -> bool:
    return (isinstance(value, pydyf.Dictionary) and value.get("Type") == "/StructElem"
            and (role is None or value.get("S") == role))
