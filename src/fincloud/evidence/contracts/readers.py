"""Turn a contract file (DOCX, PDF text layer, HWPX, plain text) into positioned text blocks.

Why a reader per format and one common result: the clause matcher must not care where the
text came from, but every passage it reports has to point back to a place a compliance
officer can find in the original (page, paragraph). Each reader therefore returns
:class:`Block` objects (one per paragraph or line) carrying the page when the format knows it.

Bad input is reported as :class:`fincloud.errors.InputError` saying what is wrong and what to
do: a review of an unreadable file must never come back as "every clause missing".
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from fincloud.errors import InputError

#: Largest file accepted. A 600-page scanned contract is ~50 MB; a text contract is far smaller.
MAX_BYTES = 50 * 1024 * 1024
#: Largest amount of text reviewed (about 1,000 pages); beyond this a review is not meaningful.
MAX_CHARS = 2_000_000
#: Fewer meaningful characters than this means the reader found no real text.
MIN_CHARS = 20

SUPPORTED = ".docx, .pdf, .hwpx, .txt, .md"


@dataclass(frozen=True)
class Block:
    """One paragraph (DOCX/HWPX) or line (PDF/text) of the contract, in reading order."""

    text: str
    page: int | None
    paragraph: int  # 1-based position of the block in the document


@dataclass(frozen=True)
class RawDocument:
    """The text of a contract as read from its file, before structure is recognised."""

    path: Path
    format: str
    blocks: tuple[Block, ...]
    pages: int | None


def read_document(path: str | Path) -> RawDocument:
    """Read any supported contract file; raise InputError for anything that cannot be reviewed."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError.single("file not found", file=name)
    if not path.is_file():
        raise InputError.single("not a file", file=name)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError.single(
            f"file is too large to review ({size // (1024 * 1024)} MB, limit {MAX_BYTES // (1024 * 1024)} MB): "
            "split the contract into its main body and annexes, or remove embedded images",
            file=name,
        )
    if size == 0:
        raise InputError.single("file is empty: nothing to review", file=name)
    suffix = path.suffix.lower()
    readers = {".docx": _read_docx, ".pdf": _read_pdf, ".hwpx": _read_hwpx, ".txt": _read_text, ".md": _read_text}
    if suffix == ".hwp":
        raise InputError.single(
            "legacy binary HWP is not supported: save the document as HWPX or PDF in 한글 and review that",
            file=name,
        )
    if suffix == ".doc":
        raise InputError.single("legacy binary DOC is not supported: save the document as DOCX", file=name)
    reader = readers.get(suffix)
    if reader is None:
        raise InputError.single("unsupported file type", file=name, allowed=SUPPORTED)
    doc = reader(path)
    _check_has_text(doc)
    return doc


def _check_has_text(doc: RawDocument) -> None:
    total = sum(len(b.text) for b in doc.blocks)
    if total > MAX_CHARS:
        raise InputError.single(
            f"document has too much text to review ({total:,} characters, limit {MAX_CHARS:,}): "
            "review the main contract and its annexes separately",
            file=str(doc.path),
        )
    meaningful = 0
    for block in doc.blocks:
        meaningful += sum(1 for ch in block.text if ch.isalnum())
        if meaningful >= MIN_CHARS:
            return
    if doc.format == "pdf":
        raise InputError.single(
            "PDF has no text layer (scanned or image-only): run OCR first (e.g. ocrmypdf) and review the result",
            file=str(doc.path),
        )
    raise InputError.single(
        "document contains no text to review: check that this is the contract file and not a cover page or image",
        file=str(doc.path),
    )


def _blocks_from_lines(lines: list[tuple[str, int | None]]) -> tuple[Block, ...]:
    out = []
    for text, page in lines:
        clean = text.replace("\u00a0", " ").strip()
        if clean:
            out.append(Block(clean, page, len(out) + 1))
    return tuple(out)


# --- plain text -----------------------------------------------------------------------------

def _read_text(path: Path) -> RawDocument:
    """Plain text: UTF-8 (with or without BOM) or CP949, the usual Korean legacy encoding.

    A form feed (\\f) marks a page break, as produced by `pdftotext` and many exports.
    """
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError.single("file is binary, not text: give the DOCX, PDF or HWPX file instead", file=str(path))
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError.single("text file is neither UTF-8 nor CP949: save it as UTF-8", file=str(path))
    lines: list[tuple[str, int | None]] = []
    pages = text.split("\f")
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            lines.append((line, number if len(pages) > 1 else None))
    return RawDocument(path, "text", _blocks_from_lines(lines), len(pages) if len(pages) > 1 else None)


# --- DOCX ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(path: Path) -> RawDocument:
    """DOCX body paragraphs and table cells in document order.

    DOCX has no fixed pages; the page is counted from explicit page breaks and the page marks
    Word leaves when it last laid the document out (``lastRenderedPageBreak``), so it matches
    what the reader saw on screen when the file was saved by Word.
    """
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if _is_ole_container(path):
        raise InputError.single(
            "DOCX is password-protected (encrypted): remove the password in Word and save again", file=str(path)
        )
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError) as exc:
        raise InputError.single(
            f"DOCX is damaged or not a Word document ({type(exc).__name__}): open and re-save it in Word, or export to PDF",
            file=str(path),
        ) from None
    except Exception as exc:  # lxml errors and other damage inside the package
        raise InputError.single(
            f"DOCX could not be read ({type(exc).__name__}): open and re-save it in Word, or export to PDF",
            file=str(path),
        ) from None
    lines: list[tuple[str, int | None]] = []
    page = 1
    saw_break = False
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            text, breaks = _docx_paragraph(element)
            # A break before the text starts a new page for this paragraph.
            page += breaks[0]
            lines.append((text, page))
            page += breaks[1]
            saw_break = saw_break or any(breaks)
        elif element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                cells = []
                for cell in row.iter(f"{_W}tc"):
                    cells.append(" ".join(_docx_paragraph(p)[0] for p in cell.iter(f"{_W}p")).strip())
                lines.append((" | ".join(c for c in cells if c), page))
    if not saw_break:
        lines = [(t, None) for t, _ in lines]
    return RawDocument(path, "docx", _blocks_from_lines(lines), page if saw_break else None)


def _docx_paragraph(element) -> tuple[str, tuple[int, int]]:
    """Text of one <w:p>, and how many page breaks come before and after its first text."""
    parts: list[str] = []
    before = after = 0
    for node in element.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in (f"{_W}lastRenderedPageBreak",) or (
            node.tag == f"{_W}br" and node.get(f"{_W}type") == "page"
        ):
            if "".join(parts).strip():
                after += 1
            else:
                before += 1
    return "".join(parts), (before, after)


def _is_ole_container(path: Path) -> bool:
    """Office files protected by a password are OLE compound files, not ZIP packages."""
    with path.open("rb") as fh:
        return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- PDF -------------------------------------------------------------------------------------

def _read_pdf(path: Path) -> RawDocument:
    """PDF text layer, page by page (PDFium via pypdfium2); each text line becomes a block on its page.

    PDFium opens documents encrypted with an empty user password (owner-password-only, RC4 or AES)
    itself; a user password is reported as such, never guessed.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY):
            raise InputError.single(
                "PDF is encrypted (password-protected): remove the password (print to PDF or save without "
                "security) and review the unprotected copy",
                file=str(path),
            ) from None
        raise InputError.single(
            f"PDF is damaged ({_pdfium_reason(code)}): export it again from the original document", file=str(path)
        ) from None
    lines: list[tuple[str, int | None]] = []
    try:
        count = len(pdf)
        for index in range(count):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            for line in _PDF_LINE_BREAK.split(text):
                lines.append((line.replace("\x02", "").replace("\ufffe", ""), index + 1))
    except pdfium.PdfiumError as exc:
        raise InputError.single(
            f"PDF content could not be read ({exc}): export it again from the original document",
            file=str(path),
        ) from None
    finally:
        pdf.close()
    return RawDocument(path, "pdf", _blocks_from_lines(lines), count)


_PDF_LINE_BREAK = re.compile(r"\r\n|[\r\n\f\v\u2028\u2029]")
# PDFium's FPDF_GetLastError codes (fpdfview.h)
_FPDF_ERR_FILE, _FPDF_ERR_FORMAT, _FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY = 2, 3, 4, 5


def _pdfium_reason(code: int | None) -> str:
    return {_FPDF_ERR_FILE: "file could not be opened", _FPDF_ERR_FORMAT: "not a valid PDF structure"}.get(
        code, f"PDFium error {code}"
    )


# --- HWPX ------------------------------------------------------------------------------------

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")


def _read_hwpx(path: Path) -> RawDocument:
    """HWPX (OWPML, KS X 6101): a ZIP of XML sections; paragraphs are <hp:p>, text is <hp:t>.

    Read with the standard library only: the format is open and read-only text extraction
    needs no third-party package (see docs/contract-review.md for why python-hwpx is not used).
    Page breaks are taken from the ``pageBreak`` attribute of paragraphs.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if _is_ole_container(path):
            raise InputError.single(
                "this is a binary HWP (or a password-protected file), not HWPX: save it as HWPX or PDF in 한글",
                file=str(path),
            ) from None
        raise InputError.single("HWPX is damaged (not a ZIP package): save it again in 한글", file=str(path)) from None
    with archive:
        names = archive.namelist()
        manifest = next((n for n in names if n.lower() == "meta-inf/manifest.xml"), None)
        if manifest and b"encryption-data" in archive.read(manifest):
            raise InputError.single(
                "HWPX is password-protected (encrypted): remove the document password in 한글 and save again",
                file=str(path),
            )
        sections = sorted((int(m.group(1)), n) for n in names if (m := _SECTION.match(n)))
        if not sections:
            raise InputError.single("HWPX has no body sections (Contents/section*.xml): save it again in 한글", file=str(path))
        lines: list[tuple[str, int | None]] = []
        page = 1
        for _, name in sections:
            try:
                root = ElementTree.fromstring(archive.read(name))
            except ElementTree.ParseError as exc:
                raise InputError.single(f"HWPX section {name} is damaged ({exc}): save it again in 한글", file=str(path)) from None
            for para, text in _hwpx_paragraphs(root):
                if para.get("pageBreak") == "1" and lines:
                    page += 1
                lines.append((text, page))
    return RawDocument(path, "hwpx", _blocks_from_lines(lines), page)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _hwpx_paragraphs(root):
    """Yield (paragraph element, its own text) in order; a paragraph's text excludes the
    paragraphs nested inside it (table cells), which are yielded separately after it."""

    def own_text(node) -> list[str]:
        parts = []
        for child in node:
            name = _local(child.tag)
            if name == "p":
                continue
            if name == "t":
                parts.append(child.text or "")
                for sub in child:  # tabs and line breaks inside a run of text
                    parts.append(" ")
                    parts.append(sub.tail or "")
            else:
                parts.extend(own_text(child))
        return parts

    def nested(node):
        for child in node:
            if _local(child.tag) == "p":
                yield child
            else:
                yield from nested(child)

    def walk(node):
        for para in nested(node):
            yield para, "".join(own_text(para))
            yield from walk(para)

    yield from walk(root)
