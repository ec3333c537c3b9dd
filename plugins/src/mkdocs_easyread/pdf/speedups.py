"""How the worker spends less time on work that does not change a PDF (measured on the bench's 10 x 10 corpus).

- pydyf 0.13 deflates every stream of a PDF at zlib's level 9. Level 6, zlib's own
  default, takes a quarter of the time (0.09 against 0.37 s for 114 pages: 2.4 ms
  a page, about 5% of rendering one) for streams 3% larger. The files are the same
  PDF, read back the same way.
- Python's cycle collector walks every object WeasyPrint keeps alive while it lays
  a document out: tens of thousands of boxes and styles, all in use until the file
  is written, so those walks free next to nothing. They were an eighth of a PDF's
  time (sampled with perf). A document is rendered with the collector paused, and
  the cycles it leaves are freed once, when it is done: a 258-page document then
  peaked at 379 MB instead of 358 MB. That collection looks only at the youngest
  generation, which holds every object made since the pause began: the rest of the
  worker's heap (WeasyPrint's modules, the parsed print CSS, the fonts) is not
  walked again after every PDF. Half the time of a full collection (0.55 against
  1.13 s over 12 PDFs), the same memory.
"""

from __future__ import annotations

import gc
import types
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pydyf

LEVEL = zlib.Z_DEFAULT_COMPRESSION
YOUNGEST = 0  # the generation every object made while the collector is off is in


def compress_at_default_level() -> None:
    """Make pydyf deflate at zlib's default level, whatever level it asks for (once per process)."""
    if getattr(pydyf, "zlib", None) is not zlib:  # done already, or a pydyf that compresses some other way
        return

    def compressobj(level: int = LEVEL, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(LEVEL, *args, **kwargs)

    pydyf.zlib = types.SimpleNamespace(compress=zlib.compress, compressobj=compressobj)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection while a document is rendered; after it, one collection of what it made."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect(YOUNGEST)
