"""One Braille-ready file to make in a worker of the PDFs' pool: linearise, translate with liblouis,
lay out, store in the cache. The job pickles; `render` runs in the worker."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..pdf.cache import PdfCache
from ..pdf.jobs import Rendered

SUFFIX = ".brf"


@dataclass(frozen=True)
class BrailleJob:
    key: str
    label: str  # "plan/braille-easy-read": which file, for the cache and messages
    html: str  # the braille document (components/document.html), in the publication's language
    table: str  # liblouis table, e.g. "en-ueb-g2.ctb"
    command: str  # lou_translate's path
    width: int
    height: int
    cache_dir: str

    def render(self) -> Rendered:
        from .layout import brf, lines_of, paginate
        from .linear import linearise
        from .louis import translate

        started = time.monotonic()
        blocks = [block for block in linearise(self.html)]
        braille = translate([block.text for block in blocks], self.table, self.command)
        pages = paginate(lines_of(list(zip(blocks, braille, strict=True)), self.width), self.width, self.height)
        data = brf(pages)
        entry = PdfCache(Path(self.cache_dir), SUFFIX).put(self.key, data, len(pages), self.label)
        return Rendered(self.key, len(pages), entry.size, time.monotonic() - started)
