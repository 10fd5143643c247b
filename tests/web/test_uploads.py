"""Uploads (issue 4 "Roles and security": size limit, type sniffed from content not the name, safe
stored names, served only through a permission check)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fincloud.web.audit.models import AuditEvent
from fincloud.web.workspace.assessment import catalog_for
from fincloud.web.workspace.models import StoredFile
from fincloud.web.workspace.uploads import UploadError, store

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"This program cannot be run"


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(("name", "data", "purpose"), [
    ("invoice.pdf", EXE, "answer_evidence"),
    ("certificate.pdf", b"just some text, not a PDF", "destruction_certificate"),
    ("contract.pdf", b"\x00\x01binary junk", "contract"),
    ("package.zip", PDF, "report_package"),
])
def test_type_comes_from_content_not_the_name(demo, name, data, purpose):
    with pytest.raises(UploadError, match="허용되지 않는 파일 형식"):
        store((name, data), purpose=purpose, institution=demo)
    assert not StoredFile.objects.exists()


def test_a_docx_renamed_txt_is_stored_as_a_docx(demo):
    stored = store(("notes.txt", _docx()), purpose="answer_evidence", institution=demo)
    assert stored.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert stored.file.name.endswith(".docx")
    assert stored.original_name == "notes.txt"


def test_oversized_upload_is_rejected(demo, settings):
    settings.FINCLOUD_UPLOAD_MAX_BYTES = 64
    with pytest.raises(UploadError, match="너무 큽니다"):
        store(("big.pdf", PDF + b"x" * 64), purpose="contract", institution=demo)
    upload = SimpleUploadedFile("big.pdf", PDF + b"x" * 64, content_type="application/pdf")
    with pytest.raises(UploadError, match="너무 큽니다"):
        store(upload, purpose="contract", institution=demo)
    assert not StoredFile.objects.exists()


def test_empty_upload_is_rejected(demo):
    with pytest.raises(UploadError, match="빈 파일"):
        store(("empty.pdf", b""), purpose="contract", institution=demo)


def test_stored_names_are_random_and_never_the_uploaded_name(demo):
    a = store(("../../etc/passwd.pdf", PDF), purpose="contract", institution=demo)
    b = store(("../../etc/passwd.pdf", PDF), purpose="contract", institution=demo)
    assert a.file.name != b.file.name
    for stored in (a, b):
        assert re.fullmatch(r"evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", stored.file.name), stored.file.name
        assert stored.original_name == "passwd.pdf"
        assert ".." not in stored.file.name
    import hashlib
    assert a.sha256 == hashlib.sha256(PDF).hexdigest() and a.size == len(PDF)


def test_file_is_served_as_an_attachment_with_nosniff(assessor, demo):
    stored = store(("보고서.pdf", PDF), purpose="contract", institution=demo)
    response = assessor.get(f"/files/{stored.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert _body(response) == PDF


def test_html_uploaded_as_evidence_is_served_as_plain_text_attachment(assessor, demo):
    """A script in an accepted text file can never run in the workspace's origin."""
    stored = store(("page.html", b"<html><script>alert(1)</script></html>"), purpose="answer_evidence",
                   institution=demo)
    response = assessor.get(f"/files/{stored.pk}/")
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_files_are_served_only_with_permission(demo, provider_a, provider_b, stranger, anonymous, auditor):
    pa, pb = demo.providers.order_by("id")[:2]
    internal = store(("contract.pdf", PDF), purpose="contract", institution=demo, provider=pa)
    own = store(("answer.pdf", PDF), purpose="answer_evidence", institution=demo, provider=pa)
    other = store(("answer.pdf", PDF), purpose="answer_evidence", institution=demo, provider=pb)
    assert provider_a.get(f"/files/{internal.pk}/").status_code == 404  # internal, even of its own provider
    assert provider_a.get(f"/files/{other.pk}/").status_code == 404
    assert provider_a.get(f"/files/{own.pk}/").status_code == 200
    assert provider_b.get(f"/files/{own.pk}/").status_code == 404
    assert auditor.get(f"/files/{internal.pk}/").status_code == 200
    assert stranger.get(f"/files/{own.pk}/").status_code == 403
    response = anonymous.get(f"/files/{own.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert provider_a.get("/files/999999/").status_code == 404


def test_media_files_have_no_public_url(assessor, demo):
    stored = store(("contract.pdf", PDF), purpose="contract", institution=demo)
    assert assessor.get("/media/" + stored.file.name).status_code == 404
    assert assessor.get("/" + stored.file.name).status_code == 404


def test_safeguard_evidence_upload_rejects_a_disguised_file_end_to_end(assessor, demo):
    w = demo.workloads.order_by("id").first()
    requirement = catalog_for(demo).continuity_table.topics[0].requirements[0].id
    events = AuditEvent.objects.count()
    response = assessor.post(f"/workloads/{w.key}/safeguards/{requirement}/", {
        "status": "done", "note": "", "evidence": SimpleUploadedFile("backup-plan.pdf", EXE)}, follow=True)
    assert response.status_code == 200
    assert "허용되지 않는 파일 형식" in response.content.decode()
    assert not StoredFile.objects.exists()
    assert AuditEvent.objects.count() == events
    response = assessor.post(f"/workloads/{w.key}/safeguards/{requirement}/", {
        "status": "done", "note": "", "evidence": SimpleUploadedFile("backup-plan.pdf", PDF)})
    assert response.status_code == 302
    stored = StoredFile.objects.get()
    assert stored.workload == w and stored.purpose == "safeguard_evidence" and stored.content_type == "application/pdf"
