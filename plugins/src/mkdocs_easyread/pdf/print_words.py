"""The words WeasyPrint prints in every page's margins and behind the text, in the document's language.

CSS `content` cannot hold a message with a gap, so "Page %(page)s of %(pages)s" is split
around its gaps into CSS strings and counters. The watermark is the translated word drawn
as outlines from Liberation Sans Bold with fontTools (no font to embed, nothing to tag), as
the packaged English watermarks were made. The status line of a cover, a header block and a
Braille-ready file's title page ("Draft. It has not been agreed...") is here too: planning the
Braille-ready files reads it without loading the print layout.
"""

from __future__ import annotations

import base64
import functools
import re
import shutil
import subprocess

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..languages.speaking import N_
from ..languages.speaking import gettext as _

if TYPE_CHECKING:
    from ..render import Components

GAP = re.compile(r"%\((\w+)\)s")
WATERMARK_FONT = "Liberation Sans:bold"
A4_MM = (210, 297)
WIDEST_MM = 280  # along the page's diagonal
LARGEST_SCALE = 0.0245  # a short word is no larger than this (mm per font unit)


def print_words_style(components: Components) -> Markup:
    """A <style> for the print document: page numbers and the status of drafts and consultations."""
    draft = watermark(components, _("DRAFT"))
    consultation = watermark(components, _("CONSULTATION DRAFT"))
    rules = [
        "@page { @bottom-right { content: %s; } }" % css_content(_("Page %(page)s of %(pages)s"), page="page", pages="pages"),
        "@page status-draft { %s@top-right { content: %s; } }" % (_background(draft), css_string(_("DRAFT: NOT AGREED"))),
        "@page status-consultation { %s@top-right { content: %s; } }" % (_background(consultation), css_string(_("CONSULTATION DRAFT"))),
    ]
    return Markup("<style>\n%s\n</style>") % Markup("\n".join(rules))


def css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def css_content(message: str, **counters: str) -> str:
    """'Page %(page)s of %(pages)s' -> '"Page " counter(page) " of " counter(pages)'."""
    parts = GAP.split(message)
    return " ".join(f"counter({counters[part]})" if odd else css_string(part)
                    for odd, part in ((index % 2 == 1, part) for index, part in enumerate(parts)) if odd or part)


def _background(svg: str | None) -> str:
    if svg is None:
        return ""  # no outline font on this machine: base.css keeps the packaged English watermark
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'background: url("data:image/svg+xml;base64,{data}") center / 100% 100% no-repeat; '


def watermark(components: Components, word: str) -> str | None:
    """An A4 SVG with the word across the page's diagonal in light grey outlines."""
    outline = _outline(word)
    if outline is None:
        return None
    path, advance, cap_height = outline
    scale = min(LARGEST_SCALE, WIDEST_MM / max(advance, 1))
    width, height = A4_MM
    return components.render("pdf/components/watermark.svg", width=width, height=height, scale=scale,
                             advance=advance, cap_height=cap_height, path=path)


@functools.lru_cache(maxsize=16)
def _outline(word: str) -> tuple[str, int, int] | None:
    """The word's outlines as SVG path data, its advance and the font's capital height, in font units."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    path = _font_file()
    if path is None:
        return None
    font = TTFont(path)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    pen, advance = SVGPathPen(glyphs), 0
    for character in word:
        name = cmap.get(ord(character)) or ".notdef"
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, advance, 0)))
        advance += glyphs[name].width
    cap_height = getattr(font.get("OS/2"), "sCapHeight", 0) or 1409
    return pen.getCommands(), advance, cap_height


def _font_file() -> str | None:
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(["fc-match", "-f", "%{file}", WATERMARK_FONT], capture_output=True, text=True, timeout=10)
    return found.stdout.strip() if found.returncode == 0 and "Liberation" in found.stdout else None


STATUS_TEXT = {
    "draft": N_("Draft. It has not been agreed and it may change."),
    "consultation": N_("Consultation draft. We want your views before we agree it."),
    "published": N_("Published."),
    "archived": N_("Archived. It is no longer current and is kept for reference."),
}


def status_text(status: str, fallback: str) -> str:
    """The status line of a cover or header block, in the language being written."""
    return _(STATUS_TEXT[status]) if status in STATUS_TEXT else fallback
