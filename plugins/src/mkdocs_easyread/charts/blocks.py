"""The ``/// chart | Caption`` and ``/// table | Caption`` blocks, as pymdownx.blocks blocks.

Their options are ``key: value`` lines in the block's body, as the authoring
contract writes them (pymdownx's indented header options work too). The blocks
only collect what the author wrote; the Charts feature checks and renders it,
so that every mistake is reported with the page's file and line instead of the
block silently turning into text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block


@dataclass
class BlockRequest:
    name: str  # chart | table
    caption: str
    body: str  # the block's text: 'key: value' lines
    header: dict[str, Any] = field(default_factory=dict)  # pymdownx-style indented options
    occurrence: int = 0  # how many blocks of this name and caption came before on the page
    number: int = 1  # this block's number among the page's blocks of this name


Renderer = Callable[[BlockRequest], str]


class _DataBlock(Block):
    NAME = ""
    ARGUMENT = None  # the caption; checked by the feature so that a missing one is reported
    OPTIONS: ClassVar[dict[str, Any]] = {}

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # pymdownx drops a block whose options it does not know, leaving its text on the page;
        # we accept them all and report unknown ones with the page's line.
        self.argument = (arg or "").strip()
        self.header_options = dict(options)
        self.options = {"attrs": {}}
        return True

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": f"er-{self.NAME}-block"})

    def on_end(self, block: etree.Element) -> None:
        captions = self.tracker.setdefault("captions", {})
        occurrence = captions.get(self.argument, 0)
        captions[self.argument] = occurrence + 1
        number = self.tracker["count"] = self.tracker.get("count", 0) + 1
        request = BlockRequest(self.NAME, self.argument, str(block.text or ""), self.header_options, occurrence, number)
        html = self.config["render"](request)
        block.text = self.md.htmlStash.store(html)


class ChartBlock(_DataBlock):
    NAME = "chart"


class TableBlock(_DataBlock):
    NAME = "table"


class ChartsExtension(BlocksExtension):
    """Registers both blocks; co-exists with a site's own pymdownx.blocks.* extensions."""

    def __init__(self, render: Renderer, **kwargs: Any) -> None:
        self.render = render
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Any, block_mgr: BlocksProcessor) -> None:
        for block in (ChartBlock, TableBlock):
            if block.NAME not in block_mgr.blocks:
                block_mgr.register(block, {"render": self.render})
