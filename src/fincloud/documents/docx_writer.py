"""Render a :class:`~fincloud.documents.model.Document` to DOCX (python-docx), fonts embedded.

The DOCX is the copy the institution edits and files. It names NanumGothic for every script
(ascii, hAnsi, eastAsia) and embeds the package's font subset as an obfuscated font part
(ECMA-376 Part 1 §17.8.1), so Word and LibreOffice render Hangul the same without the font
installed; LibreOffice's PDF conversion then embeds it too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

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

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
HEADER_FILL = "E1E8F2"
# CT_Settings elements that must precede w:embedTrueTypeFonts (schema order).
_SETTINGS_BEFORE = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                    "printFractionalCharacterWidth", "printFormsData")


def write_docx(doc: Document, path: Path, fonts: FontSet = FULL, created: dt.date | None = None) -> None:
    """Write ``doc`` to ``path``; embed ``fonts`` when they are a subset (the full faces are 9 MB)."""
    document = new_docx()
    _setup(document, doc)
    if created:
        document.core_properties.created = dt.datetime.combine(created, dt.time())
        document.core_properties.modified = dt.datetime.combine(created, dt.time())
    document.core_properties.title = printable(doc.title)
    document.core_properties.author = "fincloud"
    document.core_properties.language = "ko-KR"
    _title(document, doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(printable(block.text), level=block.level)
        elif isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, CheckList):
            for checked, text in block.items:
                document.add_paragraph(printable(f"{checkbox(checked)} {text}"))
        elif isinstance(block, FillBox):
            _fillbox(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if fonts.subset:
        embed_fonts(document, fonts)
    document.save(str(path))


def _fonts_element(family: str) -> OxmlElement:
    rfonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), family)
    return rfonts


def _set_style_font(style, size: float | None = None, bold: bool | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, _fonts_element(FAMILY))
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)


def _setup(document, doc: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    # Document defaults: every run falls back to NanumGothic, whatever the script.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    rpr.insert(0, _fonts_element(FAMILY))
    styles = document.styles
    _set_style_font(styles["Normal"], 9)
    _set_style_font(styles["Title"], 15, True)
    _set_style_font(styles["Heading 1"], 12, True)
    _set_style_font(styles["Heading 2"], 10, True)
    table_text = styles.add_style("FinTable", 1)
    table_text.base_style = styles["Normal"]
    _set_style_font(table_text, 8)
    table_text.paragraph_format.space_after = Pt(0)
    note = styles.add_style("FinNote", 1)
    note.base_style = styles["Normal"]
    _set_style_font(note, 7.5)
    note.font.color.rgb = RGBColor(90, 90, 90)
    if doc.footer:
        footer = section.footer.paragraphs[0]
        footer.text = printable(doc.footer)
        footer.style = note


def _title(document, doc: Document) -> None:
    document.add_paragraph(printable(doc.title), style="Title")
    if doc.subtitle:
        document.add_paragraph(printable(doc.subtitle), style="FinNote")
    if doc.meta:
        _table(document, Table(("", ""), tuple(doc.meta), (1, 3), 8.5), header=False)


def _paragraph(document, block: Paragraph) -> None:
    if block.style == "note":
        document.add_paragraph(printable(block.text), style="FinNote")
        return
    paragraph = document.add_paragraph()
    run = paragraph.add_run(printable(block.text))
    run.bold = block.style == "bold"


def _table(document, block: Table, header: bool = True) -> None:
    """Append a table built as one XML string: python-docx's cell API costs ~1 ms per cell,
    which made the 54-item and safeguard tables take seconds."""
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    weights = block.widths or tuple(1 for _ in block.header)
    total = float(sum(weights))
    widths = [int(usable * w / total / 635) for w in weights]  # EMU -> twips (1 twip = 635 EMU)
    rows = ((block.header,) if header else ()) + block.rows
    size = round(block.font_size * 2)
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
             'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    parts += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    parts.append("</w:tblGrid>")
    for index, values in enumerate(rows):
        is_header = header and index == 0
        parts.append("<w:tr>" + ('<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' if is_header else "<w:trPr><w:cantSplit/></w:trPr>"))
        run_props = f'<w:rPr>{"<w:b/>" if is_header else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        for value, width in zip(values, widths, strict=True):
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if is_header else ""
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>')
            for line in printable(value).split("\n"):
                text = escape(line)
                parts.append(f'<w:p><w:pPr><w:pStyle w:val="FinTable"/></w:pPr><w:r>{run_props}'
                             f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
            parts.append("</w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml("".join(parts)))
    document.add_paragraph()


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _fillbox(document, block: FillBox) -> None:
    document.add_paragraph().add_run(printable(block.label)).bold = True
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    cell = table.rows[0].cells[0]
    for _ in range(block.lines - 1):
        cell.add_paragraph("")
    document.add_paragraph()


# --- font embedding --------------------------------------------------------------------------


def obfuscate(font_bytes: bytes, guid: str) -> bytes:
    """XOR the first 32 bytes with the GUID's bytes in reverse order (ECMA-376 Part 1 §17.8.1)."""
    key = bytes.fromhex(guid.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(font_bytes[:32]))
    return head + font_bytes[32:]


def embed_fonts(document, fonts: FontSet) -> None:
    """Add the subset faces as obfuscated font parts referenced from the font table."""
    package = document.part.package
    font_table = document.part.part_related_by(RT.FONT_TABLE)
    root = parse_xml(font_table.blob)
    font = OxmlElement("w:font")
    font.set(qn("w:name"), FAMILY)
    for tag, value in (("w:charset", "81"), ("w:family", "modern"), ("w:pitch", "variable")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        font.append(element)
    for number, (tag, face) in enumerate((("w:embedRegular", fonts.regular), ("w:embedBold", fonts.bold)), 1):
        guid = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"fincloud:{face.name}")).upper() + "}"
        part = Part(PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED_FONT,
                    obfuscate(face.read_bytes(), guid), package)
        rel_id = font_table.relate_to(part, RT.FONT)
        element = OxmlElement(tag)
        element.set(qn("r:id"), rel_id)
        element.set(qn("w:fontKey"), guid)
        element.set(qn("w:subsetted"), "1")
        font.append(element)
    root.append(font)
    from lxml import etree

    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    position = 0
    for index, child in enumerate(settings):
        if etree.QName(child).localname in _SETTINGS_BEFORE:
            position = index + 1
    settings.insert(position, OxmlElement("w:embedTrueTypeFonts"))
    settings.insert(position + 1, OxmlElement("w:saveSubsetFonts"))
