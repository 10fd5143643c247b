"""Render a :class:`~fincloud.documents.model.Document` to PDF with fpdf2, fonts embedded.

The PDF is the record of what fincloud generated; it must print the same on any machine, so
NanumGothic (a per-package subset, see :mod:`fincloud.documents.fonts`) is embedded and no
system font is consulted.

Line breaking is done here rather than by ``multi_cell``/``table``: fpdf2 re-measures the
whole line for every character it adds, which made the 54-item and safeguard tables take
seconds each. Measuring with the font's width table once per string and placing lines with
``text()`` keeps a document under a tenth of a second. Table rows never split across pages
and the header row repeats on every page.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fontTools.ttLib import OPTIMIZE_FONT_SPEED
from fpdf import FPDF

from fincloud.documents.fonts import FAMILY, FULL, FontSet, printable
from fincloud.documents.model import (
    CheckList,
    Document,
    FillBox,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    checkbox,
)

HEADER_FILL = (225, 232, 242)
NOTE_GREY = (90, 90, 90)
PAD = 1.0  # mm inside table cells
_TOKENS = re.compile(r"\S+\s*|\s+")


class MissingGlyphs(RuntimeError):
    """The PDF would show boxes instead of letters: a bug in the font subset, never shipped."""


class _PDF(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_font(FAMILY, "", 7)
        self.set_text_color(*NOTE_GREY)
        baseline = self.h - 8
        self.text(self.l_margin, baseline, printable(self.footer_text))
        # fpdf2's {nb} alias is not substituted in the pre-subset font this writer uses, so the
        # footer shows the page number alone rather than a literal "{nb}".
        number = f"- {self.page_no()} -"
        self.text(self.w - self.r_margin - self.get_string_width(number), baseline, number)
        self.set_text_color(0, 0, 0)


class _Writer:
    def __init__(self, pdf: _PDF) -> None:
        self.pdf = pdf
        self.bottom = pdf.h - 16

    # -- measuring and wrapping ----------------------------------------------------------------
    def width(self, text: str, style: str, size: float) -> float:
        cw = self.pdf.fonts[f"{FAMILY.lower()}{style}"].cw
        return sum(cw[ord(c)] for c in text) * size * 0.001 / self.pdf.k

    def wrap(self, text: str, max_width: float, style: str, size: float) -> list[str]:
        """Greedy word wrap (Korean breaks at spaces like English); over-long words break anywhere."""
        lines: list[str] = []
        for paragraph in printable(text).split("\n"):
            line, line_w = "", 0.0
            for token in _TOKENS.findall(paragraph) or [""]:
                token_w = self.width(token, style, size)
                if line_w + self.width(token.rstrip(), style, size) <= max_width:
                    line, line_w = line + token, line_w + token_w
                    continue
                if line.strip():
                    lines.append(line.rstrip())
                line, line_w = "", 0.0
                for ch in token:
                    ch_w = self.width(ch, style, size)
                    if line_w + ch_w > max_width and line:
                        lines.append(line.rstrip())
                        line, line_w = "", 0.0
                    if line or not ch.isspace():
                        line, line_w = line + ch, line_w + ch_w
            lines.append(line.rstrip())
        return lines

    # -- placing -----------------------------------------------------------------------------
    def ensure(self, height: float) -> bool:
        """Start a new page unless ``height`` fits; True when a page was added."""
        if self.pdf.get_y() + height > self.bottom:
            self.pdf.add_page()
            return True
        return False

    def lines(self, text: str, size: float, style: str = "", leading: float = 1.45, indent: float = 0.0) -> None:
        pdf = self.pdf
        pdf.set_font(FAMILY, style, size)
        line_h = size * leading * 0.3528
        for line in self.wrap(text, pdf.epw - indent, style, size):
            self.ensure(line_h)
            y = pdf.get_y()
            if line:
                pdf.text(pdf.l_margin + indent, y + line_h * 0.78, line)
            pdf.set_y(y + line_h)

    def table(self, block: Table, header: bool = True) -> None:
        pdf = self.pdf
        size = block.font_size
        line_h = size * 1.3 * 0.3528
        weights = block.widths or tuple(1.0 for _ in block.header)
        total = float(sum(weights))
        widths = [pdf.epw * w / total for w in weights]

        def layout(row: tuple[str, ...], style: str) -> tuple[list[list[str]], float]:
            cells = [self.wrap(value, w - 2 * PAD, style, size) for value, w in zip(row, widths, strict=True)]
            return cells, max(len(c) for c in cells) * line_h + 2 * PAD

        head = layout(block.header, "B") if header else None

        def draw(cells: list[list[str]], height: float, style: str, fill: bool) -> None:
            x, y = pdf.l_margin, pdf.get_y()
            pdf.set_font(FAMILY, style, size)
            if fill:
                pdf.set_fill_color(*HEADER_FILL)
            for lines, w in zip(cells, widths, strict=True):
                pdf.rect(x, y, w, height, style="DF" if fill else "D")
                for n, line in enumerate(lines):
                    if line:
                        pdf.text(x + PAD, y + PAD + line_h * n + line_h * 0.78, line)
                x += w
            pdf.set_y(y + height)

        if head:
            self.ensure(head[1] + line_h * 2 + 2 * PAD)
            draw(*head, "B", True)
        for row in block.rows:
            cells, height = layout(row, "")
            if self.ensure(height) and head:
                draw(*head, "B", True)
            draw(cells, height, "", False)
        pdf.set_y(pdf.get_y() + 2.5)


def write_pdf(doc: Document, path: Path, fonts: FontSet = FULL, created: dt.date | None = None) -> None:
    """Write ``doc`` to ``path``; raise :class:`MissingGlyphs` rather than emit an unreadable PDF.

    ``created`` (the assessment's as_of) is stamped as the creation date so that the same input
    gives the same file.
    """
    pdf = _PDF(orientation="L" if doc.landscape else "P", format="A4")
    pdf.footer_text = doc.footer
    pdf.set_title(printable(doc.title))
    pdf.set_creator("fincloud")
    pdf.set_lang("ko")
    if created:
        pdf.set_creation_date(dt.datetime.combine(created, dt.time(), tzinfo=dt.UTC))
    pdf.add_font(FAMILY, "", str(fonts.regular))
    pdf.add_font(FAMILY, "B", str(fonts.bold))
    for font in pdf.fonts.values():
        # fpdf2 subsets again on output. Glyphs are copied unchanged, so their bounding boxes
        # stand: without recalculation fontTools keeps each glyph's raw bytes instead of
        # decoding and re-encoding it, which was most of the time of every PDF.
        font.ttfont.recalcBBoxes = False
        font.ttfont.cfg[OPTIMIZE_FONT_SPEED] = True
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(False)
    pdf.set_line_width(0.2)
    pdf.add_page()
    writer = _Writer(pdf)
    writer.lines(doc.title, 15, "B")
    if doc.subtitle:
        pdf.set_text_color(*NOTE_GREY)
        writer.lines(doc.subtitle, 9)
        pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + 2)
    if doc.meta:
        writer.table(Table(("", ""), tuple(doc.meta), (1, 3), 8.5), header=False)
    for block in doc.blocks:
        _block(writer, block)
    missing = sorted({chr(cp) for font in pdf.fonts.values() for cp in getattr(font, "missing_glyphs", ())})
    if missing:
        raise MissingGlyphs(f"{path.name}: font lacks {''.join(missing)!r}")
    pdf.output(str(path))


def _block(writer: _Writer, block: object) -> None:
    pdf = writer.pdf
    if isinstance(block, Heading):
        size = 12 if block.level == 1 else 10
        writer.ensure(size * 2.2)
        pdf.set_y(pdf.get_y() + (3 if block.level == 1 else 1.5))
        writer.lines(block.text, size, "B", 1.35)
        pdf.set_y(pdf.get_y() + 1)
    elif isinstance(block, Paragraph):
        if block.style == "note":
            pdf.set_text_color(*NOTE_GREY)
            writer.lines(block.text, 7.5)
            pdf.set_text_color(0, 0, 0)
        else:
            writer.lines(block.text, 9, "B" if block.style == "bold" else "")
        pdf.set_y(pdf.get_y() + 0.8)
    elif isinstance(block, Table):
        writer.table(block)
    elif isinstance(block, CheckList):
        for checked, text in block.items:
            writer.lines(f"{checkbox(checked)} {text}", 9)
        pdf.set_y(pdf.get_y() + 1)
    elif isinstance(block, FillBox):
        height = block.lines * 6.0
        writer.ensure(height + 8)
        writer.lines(block.label, 9, "B")
        pdf.rect(pdf.l_margin, pdf.get_y(), pdf.epw, height)
        pdf.set_y(pdf.get_y() + height + 3)
    elif isinstance(block, PageBreak):
        pdf.add_page()
