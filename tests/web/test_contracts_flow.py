"""Contract step (guide 제7장, 감독규정 <별표 2의5>, 위탁규정 제4조제3항): upload only after an approving
committee resolution (제6장 → 제7장), the core reviewer's per-clause findings stored at once, a person's
correction kept beside the machine's and fed to the engine, unusable files reported clearly."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fincloud.web.audit.models import AuditEvent
from fincloud.web.audit.trail import verify_chain
from fincloud.web.committee.models import AgendaItem, Meeting, Resolution
from fincloud.web.contracts.models import ClauseFinding, ContractDocument
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import Institution, Workload

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "eval" / "contracts" / "tuning" / "n01_bank_entrustment_side_agreement.txt"
KEY = "wl-core-dr"


def approve(key: str, decision: str = "approved") -> Resolution:
    """An approving 정보보호위원회 resolution on the workload, made directly through the committee models."""
    w = Workload.objects.get(key=key)
    meeting = Meeting.objects.create(institution=w.institution, title="정보보호위원회", held_on=dt.date(2026, 11, 1))
    item = AgendaItem.objects.create(meeting=meeting, workload=w)
    return Resolution.objects.create(agenda_item=item, workload=w, decision=decision, resolved_on=dt.date(2026, 11, 1))


def _upload(client, data: bytes, name: str, signed_on: str = ""):
    return client.post(f"/contracts/workloads/{KEY}/upload/",
                       {"document": SimpleUploadedFile(name, data), "signed_on": signed_on})


def test_contract_upload_refused_before_approving_resolution_ch7(assessor):
    """제6장 → 제7장: no contract step before the committee approves; the gate's reason is shown."""
    response = _upload(assessor, CONTRACT.read_bytes(), "contract.txt")
    assert response.status_code == 409
    assert "정보보호위원회의 승인 의결이 없습니다" in response.content.decode()
    assert not ContractDocument.objects.exists()


def test_contract_upload_refused_after_rejection_ch6(assessor):
    approve(KEY, decision="rejected")
    response = _upload(assessor, CONTRACT.read_bytes(), "contract.txt")
    assert response.status_code == 409
    assert not ContractDocument.objects.exists()


def test_contract_reviewed_on_upload_findings_stored_per_required_clause_annex2_5(assessor):
    """<별표 2의5>: one finding per required clause, the reviewer's status, location and excerpt kept."""
    approve(KEY)
    response = _upload(assessor, CONTRACT.read_bytes(), "n01 계약서.txt", signed_on="2026-11-10")
    assert response.status_code == 302
    doc = ContractDocument.objects.get()
    assert doc.review_error == "" and doc.review["schema"] == "fincloud.contract-review/1"
    w = Workload.objects.get(key=KEY)
    required = workload_result(w)["contract_clauses"]["required"]
    findings = {f.clause: f for f in ClauseFinding.objects.filter(document=doc)}
    assert set(findings) == set(required)
    scope = findings["scope_of_service"]
    assert scope.machine_status == "satisfied" and scope.machine_location.startswith("제2조")
    assert scope.machine_excerpt and scope.confidence > 0.5
    # signed_on goes into the portfolio entry: the 제8장 report period runs from it.
    assert w.spec["contract"]["signed_on"] == "2026-11-10"
    assert AuditEvent.objects.filter(action="contract.upload", workload_key=KEY).exists()
    page = assessor.get(f"/contracts/workloads/{KEY}/").content.decode()
    assert 'id="clause-scope_of_service"' in page and "제2조" in page
    assert verify_chain().ok


def test_person_correction_kept_beside_machine_status_and_reaches_engine_ch7(assessor, demo):
    """A person's correction never overwrites the machine's finding; the engine reads the person's."""
    approve(KEY)
    _upload(assessor, CONTRACT.read_bytes(), "contract.txt")
    finding = ClauseFinding.objects.get(clause="data_destruction")
    machine = (finding.machine_status, finding.machine_location)
    revision = Institution.objects.get(pk=demo.pk).revision
    response = assessor.post(f"/contracts/workloads/{KEY}/findings/{finding.pk}/confirm/",
                             {"status": "missing", "location": "부속합의서 제9조", "note": "사본 파기 예외 조항"})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.machine_status, finding.machine_location) == machine
    assert finding.status == "missing" and finding.corrected and finding.confirmed_at is not None
    assert Institution.objects.get(pk=demo.pk).revision > revision
    engine = workload_result(Workload.objects.get(key=KEY))["contract_clauses"]["findings"]
    assert engine["data_destruction"]["status"] == "missing"
    assert engine["data_destruction"]["kind"] == "person"
    assert engine["data_destruction"]["location"] == "부속합의서 제9조"
    page = assessor.get(f"/contracts/workloads/{KEY}/").content.decode()
    assert "정정됨" in page and "사본 파기 예외 조항" in page


def test_encrypted_pdf_contract_gives_clear_error_not_empty_review(assessor):
    """An encrypted document is stored but its review error is shown, never an all-missing result."""
    pytest.importorskip("pypdf")
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 10, "Article 1 (Purpose) This agreement governs the use of the cloud service.")
    plain = io.BytesIO(pdf.output())
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    approve(KEY)
    response = _upload(assessor, locked.getvalue(), "locked.pdf")
    assert response.status_code == 302
    doc = ContractDocument.objects.get()
    assert doc.review is None and "encrypted" in doc.review_error and "locked.pdf" in doc.review_error
    assert not ClauseFinding.objects.exists()
    page = assessor.get(f"/contracts/workloads/{KEY}/").content.decode()
    assert 'id="review-error"' in page and "encrypted" in page
    assert workload_result(Workload.objects.get(key=KEY))["contract_clauses"]["findings"] == {}


def test_garbage_file_is_refused_with_reason(assessor):
    approve(KEY)
    response = _upload(assessor, b"\x00\x01\x02garbage" * 50, "contract.pdf")
    assert response.status_code == 400
    assert "허용되지 않는 파일 형식" in response.content.decode()
    assert not ContractDocument.objects.exists()


def test_signed_on_saved_into_portfolio_entry_ch8(assessor):
    approve(KEY)
    response = assessor.post(f"/contracts/workloads/{KEY}/signed/", {"signed_on": "2026-11-12"})
    assert response.status_code == 302
    assert Workload.objects.get(key=KEY).spec["contract"]["signed_on"] == "2026-11-12"
    assert AuditEvent.objects.filter(action="contract.signed_on", workload_key=KEY).exists()


def test_contract_permissions_auditor_reads_provider_never(assessor, auditor, provider_a, anonymous):
    approve(KEY)
    _upload(assessor, CONTRACT.read_bytes(), "contract.txt")
    finding = ClauseFinding.objects.first()
    assert auditor.get(f"/contracts/workloads/{KEY}/").status_code == 200
    assert auditor.post(f"/contracts/workloads/{KEY}/findings/{finding.pk}/confirm/",
                        {"status": "missing"}).status_code == 403
    assert _upload(auditor, CONTRACT.read_bytes(), "c.txt").status_code == 403
    assert provider_a.get(f"/contracts/workloads/{KEY}/").status_code in (403, 404)
    assert anonymous.get(f"/contracts/workloads/{KEY}/").status_code == 302
    doc = ContractDocument.objects.get()
    assert provider_a.get(f"/files/{doc.file.pk}/").status_code == 404
    finding.refresh_from_db()
    assert finding.confirmed_at is None


@pytest.mark.parametrize("name", ["t03_negated_destruction_access.docx", "t02_bank_saas_noncritical_gaps.pdf"])
def test_docx_and_pdf_contracts_reviewed_with_pages_and_risks_annex2_5(assessor, name):
    """DOCX and PDF are read by content; a negated or limited clause keeps the reviewer's risk status."""
    approve(KEY)
    response = _upload(assessor, (CONTRACT.parent / name).read_bytes(), name)
    assert response.status_code == 302
    doc = ContractDocument.objects.get()
    assert doc.review_error == "" and doc.review["format"] == name.rsplit(".", 1)[1]
    statuses = set(ClauseFinding.objects.filter(document=doc).values_list("machine_status", flat=True))
    assert statuses & {"missing", "partly", "contradicted"}


def test_in_page_confirmation_returns_the_updated_row_ch7(assessor):
    """htmx: confirming a clause swaps in its row with the person's status and the engine's new reading."""
    approve(KEY)
    _upload(assessor, CONTRACT.read_bytes(), "contract.txt")
    finding = ClauseFinding.objects.get(clause="jurisdiction")
    response = assessor.post(f"/contracts/workloads/{KEY}/findings/{finding.pk}/confirm/",
                             {"status": finding.machine_status, "location": "제17조"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith('<tr id="clause-jurisdiction">') and "<html" not in body
    assert "정정됨" not in body and "제17조" in body
    response = assessor.post(f"/contracts/workloads/{KEY}/findings/{finding.pk}/confirm/",
                             {"status": "bogus"}, HTTP_HX_REQUEST="true")
    assert 'class="errorlist"' in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == finding.machine_status and finding.location == "제17조"


def test_unrecognised_structure_is_shown_as_a_warning_ch7(assessor):
    """A contract whose 조 structure the reviewer could not read is flagged on the contract page."""
    approve(KEY)
    flat = ("SECTION ONE — 을은 갑의 데이터를 보호하고 관계 법령을 준수한다. " * 150).encode("utf-8")
    assert _upload(assessor, flat, "flat.txt").status_code == 302
    page = assessor.get(f"/contracts/workloads/{KEY}/").content.decode()
    assert 'id="review-warnings"' in page and "조문 구조" in page
