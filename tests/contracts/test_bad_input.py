"""Rule: unusable documents raise a clear InputError saying which problem and what to do —
never a traceback, never an empty "all missing" review."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfWriter

from fincloud.errors import InputError
from fincloud.evidence.contracts import readers
from fincloud.evidence.contracts.readers import read_document
from tests.contracts.conftest import korean_font
from tests.contracts.test_readers import make_hwpx


def _error(path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    return str(info.value)


def _text_pdf(path) -> None:
    pdf = FPDF()
    pdf.add_font("Nanum", "", korean_font())
    pdf.set_font("Nanum", size=11)
    pdf.add_page()
    pdf.cell(0, 10, "제1조(목적) 이 계약은 클라우드서비스 이용에 관한 사항을 정한다.")
    pdf.output(str(path))


def test_encrypted_pdf(tmp_path):
    plain = tmp_path / "plain.pdf"
    _text_pdf(plain)
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(str(locked))
    message = _error(locked)
    assert "encrypted" in message and "remove the password" in message


def test_owner_password_only_pdf_is_read(tmp_path):
    """RC4 with an empty user password opens without asking (PDFium decrypts it itself)."""
    plain = tmp_path / "plain.pdf"
    _text_pdf(plain)
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    restricted = tmp_path / "restricted.pdf"
    writer.write(str(restricted))
    assert read_document(restricted).blocks[0].text.startswith("제1조(목적)")


# AES fixtures, made once with pypdf + cryptography (not a dependency): PDFium decrypts AES itself,
# so owner-password-only AES PDFs are read and no crypto package is needed at run time.
DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("name", ["aes128_owner_only.pdf", "aes256_owner_only.pdf"])
def test_aes_owner_password_only_pdf_is_read(name):
    doc = read_document(DATA / name)
    assert doc.pages == 1 and doc.blocks[0].text.startswith("제1조(목적)")


def test_aes_user_password_pdf(tmp_path):
    message = _error(DATA / "aes256_user_password.pdf")
    assert "encrypted" in message and "remove the password" in message


def test_truncated_pdf(tmp_path):
    plain = tmp_path / "plain.pdf"
    _text_pdf(plain)
    data = plain.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    message = _error(cut)
    assert "PDF is damaged" in message and "export it again" in message


def test_oversized_pdf(tmp_path, monkeypatch):
    path = tmp_path / "big.pdf"
    _text_pdf(path)
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    assert "too large" in _error(path)


def test_image_only_pdf(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # a scanned page: graphics, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert "PDF has no text layer" in _error(path) and "run OCR first" in _error(path)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n garbage without objects")
    message = _error(path)
    assert "PDF is damaged" in message and "export it again" in message


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a complete zip archive")
    message = _error(path)
    assert "DOCX is damaged" in message and "re-save" in message


def test_password_protected_docx(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "password-protected" in _error(path)


def test_encrypted_hwpx(tmp_path):
    path = tmp_path / "locked.hwpx"
    make_hwpx(path, ["제1조(목적) 이 계약은 클라우드서비스 이용에 관한 사항을 정한다."], encrypted=True)
    assert "HWPX is password-protected" in _error(path)


def test_oversized_file(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("제1조(목적) 이 계약은 클라우드서비스 이용에 관한 사항을 정한다.\n" * 50, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    message = _error(path)
    assert "too large" in message and "split the contract" in message


def test_empty_file_and_whitespace_only_text(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n   \n", encoding="utf-8")
    assert "file is empty" in _error(empty)
    assert "no text to review" in _error(blank)


def test_legacy_hwp_and_unknown_types(tmp_path):
    hwp = tmp_path / "old.hwp"
    hwp.write_bytes(b"\xd0\xcf\x11\xe0")
    odt = tmp_path / "c.odt"
    odt.write_bytes(b"x" * 10)
    assert "save the document as HWPX or PDF" in _error(hwp)
    assert "unsupported file type" in _error(odt)


def test_missing_file(tmp_path):
    assert "file not found" in _error(tmp_path / "nope.pdf")
