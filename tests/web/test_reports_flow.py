"""Report step (guide 제8장; 감독규정 제14조의2제4항~제6항): the package is built only after an approving
resolution, holds the DOCX/PDF/XLSX documents, a submission is met or missed against the engine's
3-month deadline and its date reaches the engine, and each §14-2⑤ attachment shows when it was
last brought up to date (§14-2⑥)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from fincloud.web.audit.models import AuditEvent
from fincloud.web.audit.trail import verify_chain
from fincloud.web.committee.models import AgendaItem, Meeting, Resolution
from fincloud.web.reports.models import AttachmentUpdate, ReportPackage, Submission
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import Workload

KEY = "wl-core-dr"
SCOPE_ITEM = "scope_expansion|2026-09-01"  # demo: 이용 영역 확대 2026-09-01, due 2026-12-01


def approve(key: str) -> Resolution:
    w = Workload.objects.get(key=key)
    meeting = Meeting.objects.create(institution=w.institution, title="정보보호위원회", held_on=dt.date(2026, 11, 1))
    item = AgendaItem.objects.create(meeting=meeting, workload=w)
    return Resolution.objects.create(agenda_item=item, workload=w, decision="approved", resolved_on=dt.date(2026, 11, 1))


def _item(key: str, trigger: str) -> dict:
    return next(i for i in workload_result(Workload.objects.get(key=key))["report"]["items"] if i["trigger"] == trigger)


def test_report_page_shows_engine_decision_ch8(auditor):
    body = auditor.get(f"/reports/workloads/{KEY}/").content.decode()
    assert "2026-12-01" in body and "이용 영역 변경·확대" in body
    assert 'id="attachments"' in body and "최종 갱신일" in body


def test_report_generation_refused_before_approving_resolution_ch8(assessor):
    """제8장 보고 전 제6장 의결: no package before the committee approves."""
    response = assessor.post(f"/reports/workloads/{KEY}/generate/", follow=True)
    assert "정보보호위원회의 승인 의결이 없습니다" in response.content.decode()
    assert not ReportPackage.objects.exists()


def test_generated_package_zip_holds_docx_pdf_xlsx_ch8_documents(assessor, provider_a):
    """§14-2⑤ 첨부서류: the package is the core's write_package output, zipped and stored."""
    approve(KEY)
    response = assessor.post(f"/reports/workloads/{KEY}/generate/")
    assert response.status_code == 302
    package = ReportPackage.objects.get()
    assert package.as_of == dt.date(2026, 11, 24)
    assert any(f["rule"] for f in package.presubmission)
    download = assessor.get(f"/files/{package.file.pk}/")
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as zf:
        names = zf.namelist()
    assert {n.rsplit(".", 1)[-1] for n in names} >= {"docx", "pdf", "xlsx"}
    assert any(n.startswith(f"{KEY}/06_") and n.endswith(".pdf") for n in names)
    assert provider_a.get(f"/files/{package.file.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="report.generate", workload_key=KEY).exists()


def test_submission_on_time_is_met_and_reported_on_reaches_engine_ch8(assessor):
    """3개월 이내 보고: submitted before the due date = met; the event's reported_on makes the item ok."""
    approve(KEY)
    assert _item(KEY, "scope_expansion")["status"] == "due"
    response = assessor.post(f"/reports/workloads/{KEY}/submit/",
                             {"item": SCOPE_ITEM, "submitted_on": "2026-11-20", "document_number": "정보보호-2026-041"})
    assert response.status_code == 302
    s = Submission.objects.get()
    assert s.due == dt.date(2026, 12, 1) and s.on_time is True and s.event_date == dt.date(2026, 9, 1)
    w = Workload.objects.get(key=KEY)
    event = next(e for e in w.spec["events"] if e["kind"] == "scope_expansion")
    assert event["reported_on"] == "2026-11-20"
    assert _item(KEY, "scope_expansion")["status"] == "ok"
    body = assessor.get(f"/reports/workloads/{KEY}/").content.decode()
    assert "기한 내 제출" in body and "정보보호-2026-041" in body
    assert verify_chain().ok


def test_submission_after_due_is_missed_ch8(assessor):
    approve(KEY)
    assessor.post(f"/reports/workloads/{KEY}/submit/",
                  {"item": SCOPE_ITEM, "submitted_on": "2026-12-05", "document_number": "정보보호-2026-052"})
    s = Submission.objects.get()
    assert s.on_time is False
    assert "기한 경과 제출" in assessor.get(f"/reports/workloads/{KEY}/").content.decode()


def test_submission_for_contract_signing_without_event_records_the_event_ch8(assessor):
    """Trigger 1 (신규 계약): the signing stands for the event; its report date is kept with it."""
    approve("wl-crm")
    item = _item("wl-crm", "new_contract")
    assessor.post("/reports/workloads/wl-crm/submit/", {"item": f"new_contract|{item['event_date']}",
                                                        "submitted_on": "2026-11-23", "document_number": "D-1"})
    w = Workload.objects.get(key="wl-crm")
    assert w.spec["events"] == [{"kind": "new_contract", "date": item["event_date"], "reported_on": "2026-11-23"}]
    assert _item("wl-crm", "new_contract")["status"] == "ok"


def test_submission_refused_before_approval_and_for_unknown_item(assessor):
    response = assessor.post(f"/reports/workloads/{KEY}/submit/",
                             {"item": SCOPE_ITEM, "submitted_on": "2026-11-20", "document_number": "X"})
    assert response.status_code == 409
    approve(KEY)
    response = assessor.post(f"/reports/workloads/{KEY}/submit/",
                             {"item": "outage_10min|2026-01-01", "submitted_on": "2026-11-20", "document_number": "X"})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_attachment_update_shows_last_updated_and_sets_documents_updated_on_14_2_6(assessor):
    """§14-2⑥: each attachment shows its 최종 갱신일; the workload's documents_updated_on follows."""
    response = assessor.post(f"/reports/workloads/{KEY}/attachments/",
                             {"attachment": "4", "updated_on": "2026-11-20", "note": "DR 구성 변경 반영"})
    assert response.status_code == 302
    assert AttachmentUpdate.objects.get().attachment == "4"
    assert Workload.objects.get(key=KEY).spec["documents_updated_on"] == "2026-11-20"
    body = assessor.get(f"/reports/workloads/{KEY}/").content.decode()
    row = body.split('id="attachment-4"', 1)[1].split("</tr>", 1)[0]
    assert "2026-11-20" in row and "DR 구성 변경 반영" in row
    # An older update does not move the date back.
    assessor.post(f"/reports/workloads/{KEY}/attachments/", {"attachment": "2", "updated_on": "2026-10-01"})
    assert Workload.objects.get(key=KEY).spec["documents_updated_on"] == "2026-11-20"


def test_report_permissions_auditor_reads_provider_never(auditor, provider_a, compliance, anonymous):
    assert auditor.get(f"/reports/workloads/{KEY}/").status_code == 200
    assert auditor.post(f"/reports/workloads/{KEY}/generate/").status_code == 403
    assert compliance.post(f"/reports/workloads/{KEY}/attachments/",
                           {"attachment": "4", "updated_on": "2026-11-20"}).status_code == 403
    assert provider_a.get(f"/reports/workloads/{KEY}/").status_code in (403, 404)
    assert anonymous.get(f"/reports/workloads/{KEY}/").status_code == 302
    assert not AttachmentUpdate.objects.exists()
