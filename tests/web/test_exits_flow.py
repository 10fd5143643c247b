"""Exit (guide 제9장; 제5장 1 5) 출구전략; 제8장 for a change of provider): each step is written into the
workload's portfolio events, so the engine's exit stage, destruction duty and change report follow."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from fincloud.web.audit.models import AuditEvent
from fincloud.web.audit.trail import verify_chain
from fincloud.web.exits.models import ExitExecution
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import Workload

KEY = "wl-internet-banking"  # demo: aws, has an exit plan
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _result():
    return workload_result(Workload.objects.get(key=KEY))


def _kinds():
    return [e["kind"] for e in Workload.objects.get(key=KEY).spec.get("events", [])]


def _obligation(result, oid):
    return next((o for o in result["obligations"] if o["id"] == oid), None)


def test_exit_page_shows_plan_and_engine_stage_ch9(auditor):
    body = auditor.get(f"/exits/workloads/{KEY}/").content.decode()
    assert 'id="exit-plan"' in body and 'id="exit-stage" class="badge ">운영 중' in body


def test_exit_flow_writes_events_and_engine_stage_becomes_exited_ch9(assessor, demo):
    """제9장: start → migrate (to another provider) → destruction certificate → change report."""
    response = assessor.post(f"/exits/workloads/{KEY}/start/", {
        "reason": "서비스 품질 저하로 제공자 전환", "started_on": "2026-11-01",
        "target_provider": demo.providers.get(key="kcloud").pk})
    assert response.status_code == 302
    assert "exit_started" in _kinds() and _result()["exit"]["stage"] == "exiting"

    response = assessor.post(f"/exits/workloads/{KEY}/migration/",
                             {"migration_log": "DB 덤프 이관, 검증 완료", "migrated_on": "2026-11-15"})
    assert response.status_code == 302
    assert {"exit_completed", "provider_change"} <= set(_kinds())
    result = _result()
    assert result["exit"]["stage"] == "exited" and result["exit"]["completed_on"] == "2026-11-15"
    # 제9장: once exited, the destruction must be on record.
    assert _obligation(result, "data_destruction")["status"] != "ok"
    change = next(i for i in result["report"]["items"] if i["trigger"] == "provider_change")
    assert change["status"] != "ok"

    response = assessor.post(f"/exits/workloads/{KEY}/destruction/", {
        "certificate": SimpleUploadedFile("파기확인서.pdf", PDF), "destroyed_on": "2026-11-20"})
    assert response.status_code == 302
    x = ExitExecution.objects.get()
    assert x.destruction_certificate.purpose == "destruction_certificate"
    result = _result()
    assert result["exit"]["data_destroyed_on"] == "2026-11-20"
    assert _obligation(result, "data_destruction")["status"] == "ok"

    response = assessor.post(f"/exits/workloads/{KEY}/change-report/",
                             {"submitted_on": "2026-11-22", "document_number": "정보보호-2026-060"})
    assert response.status_code == 302
    change = next(i for i in _result()["report"]["items"] if i["trigger"] == "provider_change")
    assert change["status"] == "ok" and change["reported_on"] == "2026-11-22"
    assert ExitExecution.objects.get().change_report_number == "정보보호-2026-060"
    actions = set(AuditEvent.objects.filter(workload_key=KEY).values_list("action", flat=True))
    assert {"exit.start", "exit.migrate", "exit.destroy", "exit.change_report", "exit.event"} <= actions
    assert verify_chain().ok
    body = assessor.get(f"/exits/workloads/{KEY}/").content.decode()
    assert "파기확인서.pdf" in body and 'id="exit-stage" class="badge ok">이용 종료' in body


def test_exit_steps_out_of_order_are_refused(assessor):
    response = assessor.post(f"/exits/workloads/{KEY}/migration/", {"migration_log": "x", "migrated_on": "2026-11-15"})
    assert response.status_code == 409
    assert "종료 절차를 먼저 시작하십시오" in response.content.decode()
    assessor.post(f"/exits/workloads/{KEY}/start/", {"reason": "종료", "started_on": "2026-11-10"})
    response = assessor.post(f"/exits/workloads/{KEY}/migration/", {"migration_log": "x", "migrated_on": "2026-11-01"})
    assert response.status_code == 400
    response = assessor.post(f"/exits/workloads/{KEY}/destruction/", {
        "certificate": SimpleUploadedFile("c.pdf", PDF), "destroyed_on": "2026-11-20"})
    assert response.status_code == 409
    assert _kinds().count("exit_started") == 1 and "exit_completed" not in _kinds()


def test_destruction_certificate_must_be_pdf_or_image_by_content(assessor):
    assessor.post(f"/exits/workloads/{KEY}/start/", {"reason": "종료", "started_on": "2026-11-01"})
    assessor.post(f"/exits/workloads/{KEY}/migration/", {"migration_log": "x", "migrated_on": "2026-11-10"})
    response = assessor.post(f"/exits/workloads/{KEY}/destruction/", {
        "certificate": SimpleUploadedFile("cert.pdf", b"not really a pdf"), "destroyed_on": "2026-11-20"})
    assert response.status_code == 400
    assert "허용되지 않는 파일 형식" in response.content.decode()
    assert "data_destroyed" not in _kinds()


def test_exit_permissions_auditor_reads_provider_never(auditor, provider_a, provider_b, committee_member, anonymous):
    assert auditor.get(f"/exits/workloads/{KEY}/").status_code == 200
    assert auditor.post(f"/exits/workloads/{KEY}/start/", {"reason": "x", "started_on": "2026-11-01"}).status_code == 403
    assert committee_member.post(f"/exits/workloads/{KEY}/start/",
                                 {"reason": "x", "started_on": "2026-11-01"}).status_code == 403
    for client in (provider_a, provider_b):
        assert client.get(f"/exits/workloads/{KEY}/").status_code in (403, 404)
        assert client.post(f"/exits/workloads/{KEY}/start/", {"reason": "x", "started_on": "2026-11-01"}).status_code \
            in (403, 404)
    assert anonymous.get(f"/exits/workloads/{KEY}/").status_code == 302
    assert not ExitExecution.objects.exists()
