"""Work WeasyPrint 70 repeats on every page of a PDF, done once per PDF (in the worker processes).

- A page background drawn from an SVG (the draft or consultation watermark, thousands of path
  operations) is parsed and drawn again for each page, into a form XObject of its own, and each
  copy is written and compressed again: a quarter of a draft's rendering time and half its size.
  The first drawing is kept and replayed (`reuse_drawings`); before the file is written all the
  copies are pointed at the first one (`share_copies`), so the file holds it once.
- `pdf.page_references` is rebuilt from the page list on every call, and the tagging step calls it
  for every structure element: quadratic in the pages. It is kept until a page is added.

Each drawing is replayed only inside the document that drew it (the picture objects are per document)
and only when it stands alone: no text, fonts, pictures, patterns or masks that WeasyPrint would have
to register again for the copy.
"""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint import images

SHARED_RESOURCES = ("XObject", "Pattern", "Shading")  # registered as objects of their own: not replayable
FRESH_GROUP = 4  # at most this many operations in a group before the picture is drawn: only its placing


def reuse_drawings() -> None:
    """Replay an SVG picture's first drawing into later groups of the same picture, size and placing."""
    original = images.SVGImage.draw
    if getattr(original, "easyread_reused", False):
        return

    def draw(self: Any, stream: Any, width: float, height: float, style: Any) -> None:
        drawn = self.__dict__.setdefault("_easyread_drawn", {})
        first = drawn.get((width, height))
        if first is not None and stream.stream == first.easyread_placing and hasattr(stream, "_resources"):
            stream.stream = first.stream  # the same list: share_copies finds the copies by it
            stream._resources["ExtGState"].update(first._resources["ExtGState"])
            stream.easyread_copy_of = first
            return
        placing = list(stream.stream) if len(stream.stream) <= FRESH_GROUP else None
        original(self, stream, width, height, style)
        if placing is not None and (width, height) not in drawn and replayable(stream):
            stream.easyread_placing = placing
            drawn[(width, height)] = stream

    draw.easyread_reused = True  # type: ignore[attr-defined]
    images.SVGImage.draw = draw


def replayable(group: Any) -> bool:
    resources = getattr(group, "_resources", None)
    if not isinstance(resources, dict) or any(resources.get(name) for name in SHARED_RESOURCES):
        return False
    states = resources.get("ExtGState") or {}
    if any(isinstance(state, dict) and "SMask" in state for state in states.values()):
        return False
    # No text, nested pictures or tagged content (a copy would repeat its marked-content ids).
    return not any(isinstance(item, bytes) and (b"BT" in item or b"Do" in item or b"BDC" in item) for item in group.stream)


def share_copies(pdf: pydyf.PDF) -> None:
    """Point every replayed group at its first drawing; the copies are left empty (unreferenced)."""
    firsts: dict[bytes, bytes] = {}
    for item in pdf.objects:
        first = getattr(item, "easyread_copy_of", None)
        if isinstance(item, pydyf.Stream) and isinstance(first, pydyf.Stream) and first.number is not None:
            firsts[item.reference] = first.reference
            item.stream = []
    if not firsts:
        return
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and isinstance(item.get("XObject"), pydyf.Dictionary):
            shown = item["XObject"]
            for name, reference in shown.items():
                if reference in firsts:
                    shown[name] = firsts[reference]


def keep_page_references() -> None:
    """`pdf.page_references`, computed again only when the page list has grown."""
    compute = pydyf.PDF.page_references.fget
    if getattr(compute, "easyread_kept", False):
        return

    def page_references(self: pydyf.PDF) -> tuple[bytes, ...]:
        count = len(self.pages["Kids"])
        kept = self.__dict__.get("_easyread_page_references")
        if kept is None or kept[0] != count:
            kept = self.__dict__["_easyread_page_references"] = (count, compute(self))
        return kept[1]

    page_references.easyread_kept = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)
