"""A tiny document model that both the DOCX and the PDF writer render.

Each filed document is written once, as a list of blocks, and rendered twice: a DOCX the
institution can edit before filing and a PDF that shows exactly what was generated. Keeping
the model this small (headings, paragraphs, tables, check boxes, fill-in boxes) is what makes
the two renderings agree; anything richer would have to be implemented twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

CHECKED = "■"
UNCHECKED = "□"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = section, 2 = subsection


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "normal"  # normal | note (small, grey) | bold


@dataclass(frozen=True)
class Table:
    """A table with a header row repeated on every page; ``widths`` are relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    font_size: float = 8.0

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"row has {len(row)} cells, header {len(self.header)}: {row[:2]}")


@dataclass(frozen=True)
class CheckList:
    """Check boxes: ``(checked, text)``. Unchecked boxes are for a person to tick."""

    items: tuple[tuple[bool, str], ...]


@dataclass(frozen=True)
class FillBox:
    """A bordered box left empty for a person to write in (e.g. the 준법감시인 검토의견)."""

    label: str
    lines: int = 4


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | CheckList | FillBox | PageBreak


@dataclass
class Document:
    """One document: a title, a few identifying lines under it, then blocks."""

    title: str
    subtitle: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    footer: str = ""

    def heading(self, text: str, level: int = 1) -> None:
        self.blocks.append(Heading(text, level))

    def para(self, text: str, style: str = "normal") -> None:
        self.blocks.append(Paragraph(text, style))

    def note(self, text: str) -> None:
        self.blocks.append(Paragraph(text, "note"))

    def table(self, header: tuple[str, ...] | list[str], rows: list[tuple[str, ...]] | list[list[str]],
              widths: tuple[float, ...] | list[float] = (), font_size: float = 8.0) -> None:
        self.blocks.append(Table(tuple(header), tuple(tuple(r) for r in rows), tuple(widths), font_size))

    def checklist(self, items: list[tuple[bool, str]]) -> None:
        self.blocks.append(CheckList(tuple(items)))

    def fillbox(self, label: str, lines: int = 4) -> None:
        self.blocks.append(FillBox(label, lines))

    def page_break(self) -> None:
        self.blocks.append(PageBreak())

    def texts(self) -> Iterator[str]:
        """Every string the document prints; the font subset is built from these."""
        yield self.title
        yield self.subtitle
        yield self.footer
        for key, value in self.meta:
            yield key
            yield value
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                yield block.text
            elif isinstance(block, Table):
                yield from block.header
                for row in block.rows:
                    yield from row
            elif isinstance(block, CheckList):
                yield CHECKED + UNCHECKED
                for _, text in block.items:
                    yield text
            elif isinstance(block, FillBox):
                yield block.label


def checkbox(checked: bool) -> str:
    return CHECKED if checked else UNCHECKED
