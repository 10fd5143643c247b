"""Rule: each reader (text, DOCX, PDF text layer, HWPX) yields the contract's text with positions."""

from __future__ import annotations

import zipfile

from docx import Document
from docx.enum.text import WD_BREAK
from fpdf import FPDF

from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split
from tests.contracts.conftest import korean_font

LINES = ["클라우드서비스 이용계약서", "제1조(목적) 이 계약은 갑의 인터넷뱅킹 업무에 관한 사항을 정한다.", "제2조(검사) 을은 금융감독원의 검사에 협조한다."]


def test_text_utf8_and_cp949_with_form_feed_pages(tmp_path):
    utf = tmp_path / "a.txt"
    utf.write_text("\n".join(LINES[:2]) + "\f" + LINES[2] + "\n", encoding="utf-8")
    cp = tmp_path / "b.txt"
    cp.write_bytes("\n".join(LINES).encode("cp949"))
    doc = read_document(utf)
    assert [b.page for b in doc.blocks] == [1, 1, 2]
    assert read_document(cp).blocks[2].text == LINES[2]


def test_docx_paragraphs_tables_and_page_breaks(tmp_path):
    document = Document()
    document.add_paragraph(LINES[0])
    para = document.add_paragraph(LINES[1])
    para.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(LINES[2])
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "가용성"
    table.cell(0, 1).text = "99.9%"
    path = tmp_path / "c.docx"
    document.save(str(path))
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == [*LINES, "가용성 | 99.9%"]
    assert [b.page for b in doc.blocks] == [1, 1, 2, 2]
    assert [u.location for u in split(doc).units] == ["전문", "제1조", "제2조"]


def test_pdf_text_layer_with_pages(tmp_path):
    pdf = FPDF()
    pdf.add_font("Nanum", "", korean_font())
    pdf.set_font("Nanum", size=11)
    for line in LINES:
        pdf.add_page()
        pdf.cell(0, 10, line)
    path = tmp_path / "c.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert doc.pages == 3
    assert [(b.text, b.page) for b in doc.blocks] == [(line, n) for n, line in enumerate(LINES, start=1)]


def make_hwpx(path, paragraphs: list[str], *, encrypted: bool = False) -> None:
    ns = 'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"'
    page_break = ' pageBreak="1"'
    body = "".join(
        f"<hp:p{page_break if i == 2 else ''}><hp:run><hp:t>{p}</hp:t></hp:run></hp:p>" for i, p in enumerate(paragraphs)
    )
    manifest = '<manifest><file-entry full-path="Contents/section0.xml">' + ("<encryption-data/>" if encrypted else "") + "</file-entry></manifest>"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("Contents/section0.xml", f"<hs:sec {ns}>{body}</hs:sec>")


def test_hwpx_paragraphs_and_page_breaks(tmp_path):
    path = tmp_path / "c.hwpx"
    make_hwpx(path, LINES)
    doc = read_document(path)
    assert [(b.text, b.page) for b in doc.blocks] == [(LINES[0], 1), (LINES[1], 1), (LINES[2], 2)]
