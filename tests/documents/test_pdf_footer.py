"""Every PDF page carries a readable footer: institution, workload, document and page number."""

from __future__ import annotations

from pypdf import PdfReader


def test_pdf_footer_shows_page_numbers_not_an_unsubstituted_alias(demo_package) -> None:
    """A page number alias left as the literal '{nb}' would be printed on every page of the filed document."""
    out, _ = demo_package
    pdfs = sorted((out / "wl-crm").glob("*.pdf"))
    assert len(pdfs) == 6
    for pdf in pdfs:
        reader = PdfReader(str(pdf))
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text()
            assert "{nb}" not in text, pdf.name
            assert f"- {number} -" in text, (pdf.name, number)
