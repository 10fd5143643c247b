"""Workspace pages change the portfolio only through the bridge (validated, audited) and show the
engine's decisions (WORKSPACE.md "One loop"; guide 제1장 5, 부록1, 제5장, 제9장)."""

from __future__ import annotations

import io

import pytest

from fincloud.web.audit.models import AuditEvent
from fincloud.web.audit.trail import verify_chain
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import SafeguardStatus, Workload

SCOPE_YES = {"own_processing": "true", "continuous": "true", "commercial": "true", "physically_dedicated": "false",
             "member_only_noncommercial": "false", "simple_web_use": "false", "via_intermediary": "false",
             "research_network_only": "false"}


def test_scope_wizard_non_commercial_service_is_out_of_scope_rule_ch1_5(assessor):
    """제1장 5: a non-commercial service is not 클라우드컴퓨팅서비스 이용 under §14-2."""
    response = assessor.post("/workloads/wl-crm/scope/", {**SCOPE_YES, "commercial": "false"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "적용 대상 아님" in response.content.decode()


def test_scope_wizard_msp_use_stays_in_scope_rule_ch1_5(assessor):
    """제1장 5: indirect use through an MSP or 재위탁 stays in scope."""
    response = assessor.post("/workloads/wl-crm/scope/", {**SCOPE_YES, "via_intermediary": "true"},
                             HTTP_HX_REQUEST="true")
    assert "적용 대상 (제14조의2 절차 필요)" in response.content.decode()


def test_scope_confirmation_saves_answers_and_records_who(assessor, demo):
    response = assessor.post("/workloads/wl-crm/scope/", {**SCOPE_YES, "confirm": "1"})
    assert response.status_code == 302
    w = Workload.objects.get(key="wl-crm")
    assert w.scope_confirmed_at is not None
    event = AuditEvent.objects.filter(action="workload.scope", workload_key="wl-crm").get()
    assert event.actor == "assessor@demo.example"
    assert verify_chain().ok


def test_auditor_cannot_confirm_scope(auditor):
    response = auditor.post("/workloads/wl-crm/scope/", {**SCOPE_YES, "confirm": "1"})
    assert response.status_code == 403
    assert Workload.objects.get(key="wl-crm").scope_confirmed_at is None


def test_importance_live_score_follows_the_rubric_appendix1(assessor):
    """부록1: the live preview is the engine's score; a recorded value outside the item's levels warns."""
    data = {"information": ["financial"], "external_orgs": "{points: 7}"}
    response = assessor.post("/workloads/wl-crm/importance/", data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="live-score"' in body
    assert "external_orgs" in body


def test_importance_unreadable_value_is_a_form_error_not_a_traceback(assessor):
    response = assessor.post("/workloads/wl-crm/importance/", {"information": ["financial"], "rto": "{oops"},
                             HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "값을 읽을 수 없습니다" in response.content.decode() or "rto" in response.content.decode()


def test_importance_invalid_level_is_reported_with_the_field(assessor):
    response = assessor.post("/workloads/wl-crm/importance/", {"information": ["financial"], "business_impact": "huge",
                                                                "confirm": "1"})
    assert response.status_code == 200
    assert "business_impact" in response.content.decode()
    assert Workload.objects.get(key="wl-crm").importance_confirmed_at is None


def test_importance_confirm_changes_the_engine_result(assessor, demo):
    levels = {k: "high" for k in ("external_orgs", "internal_systems", "business_function", "daily_users",
                                  "business_impact", "loss", "rto", "customer_impact", "cloud_configuration",
                                  "compliance_requirements", "oversight")}
    response = assessor.post("/workloads/wl-crm/importance/", {"information": ["financial"], **levels,
                                                                "provider_dependency": "high", "confirm": "1"})
    assert response.status_code == 302
    w = Workload.objects.get(key="wl-crm")
    assert w.importance_confirmed_at is not None
    result = workload_result(w)
    assert result["importance"]["critical"] is True
    assert result["importance"]["items"]["business_impact"]["level"] == "high"


def test_safeguard_status_with_evidence_is_saved_and_served_only_with_permission(assessor, provider_a, demo):
    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    pdf.name = "backup-test.pdf"
    response = assessor.post("/workloads/wl-internet-banking/safeguards/backup.e1/",
                             {"status": "done", "note": "월 1회 복구 훈련", "evidence": pdf})
    assert response.status_code == 302
    row = SafeguardStatus.objects.get(workload__key="wl-internet-banking", requirement="backup.e1")
    assert row.status == "done" and row.evidence is not None
    assert row.evidence.content_type == "application/pdf"
    assert assessor.get(f"/files/{row.evidence.pk}/").status_code == 200
    assert provider_a.get(f"/files/{row.evidence.pk}/").status_code == 404


def test_safeguard_unknown_requirement_is_rejected(assessor):
    response = assessor.post("/workloads/wl-internet-banking/safeguards/nope.e9/", {"status": "done"})
    assert response.status_code == 400


def test_safeguard_evidence_disguised_by_name_is_rejected(assessor):
    fake = io.BytesIO(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)
    fake.name = "evidence.pdf"
    assessor.post("/workloads/wl-internet-banking/safeguards/backup.e1/", {"status": "done", "evidence": fake})
    assert not SafeguardStatus.objects.filter(workload__key="wl-internet-banking", requirement="backup.e1",
                                              evidence__isnull=False).exists()


def test_exit_plan_is_saved_into_the_portfolio_ch9(assessor):
    """제5장 출구전략 / 제9장: the plan's elements are kept in the workload's portfolio entry."""
    response = assessor.post("/workloads/wl-crm/exit-plan/", {
        "triggers": "제공자 파산\n중대한 계약 위반", "method": "온프레미스 이관", "alternative_provider": "kcloud",
        "destruction_procedure": "파기 확인서 수령", "migration_steps": "백업\n이관\n검증", "timeline": "6개월",
        "people_and_cost": "5명, 2억원", "last_reviewed_on": "2026-11-01"})
    assert response.status_code == 302
    plan = Workload.objects.get(key="wl-crm").spec["exit_plan"]
    assert plan["triggers"] == ["제공자 파산", "중대한 계약 위반"]
    assert plan["migration_steps"] == ["백업", "이관", "검증"]


def test_event_recorded_changes_the_report_decision_ch8(assessor, demo):
    """제8장 ④: a subcontract change is a report trigger; recording it adds a report item."""
    assessor.post("/workloads/wl-internet-banking/events/new/", {"kind": "subcontract_change", "date": "2026-11-20"})
    result = workload_result(Workload.objects.get(key="wl-internet-banking"))
    assert any(i["trigger"] == "subcontract_change" for i in result["report"]["items"])


def test_provider_certificate_add_and_remove(assessor, demo):
    response = assessor.post("/providers/kcloud/certifications/add/",
                             {"scheme": "ISMS-P", "valid_until": "2028-01-31", "covers_scope": "on"})
    assert response.status_code == 302
    p = demo.providers.get(key="kcloud")
    assert any(c["scheme"] == "ISMS-P" and c["valid_until"] == "2028-01-31" for c in p.spec["certifications"])
    index = len(p.spec["certifications"]) - 1
    assessor.post(f"/providers/kcloud/certifications/{index}/remove/")
    p.refresh_from_db()
    assert not any(c["valid_until"] == "2028-01-31" for c in p.spec.get("certifications", []))


def test_provider_region_in_use_cannot_be_removed(assessor, demo):
    response = assessor.post("/providers/kcloud/edit/", {"key": "kcloud", "name": "케이클라우드",
                                                          "regions": "kr-busan KR"})
    assert response.status_code == 200
    assert "still used by workloads" in response.content.decode()


def test_portfolio_import_errors_name_line_and_field(assessor, demo):
    bad = io.BytesIO(b"institution:\n  name: X\n  kind: bank\nworkloads:\n  - id: a\n    nmae: typo\n")
    bad.name = "bad.yaml"
    response = assessor.post("/portfolio/import/", {"file": bad})
    body = response.content.decode()
    assert response.status_code == 200
    assert "bad.yaml:6" in body and "nmae" in body
    assert demo.workloads.count() == 13  # nothing half-imported


def test_portfolio_export_reimports_identically(assessor, demo):
    exported = assessor.get("/portfolio/export/").content
    upload = io.BytesIO(exported)
    upload.name = "portfolio.yaml"
    before = assessor.get("/portfolio/export/").content
    response = assessor.post("/portfolio/import/", {"file": upload})
    assert response.status_code == 302
    assert assessor.get("/portfolio/export/").content == before


@pytest.mark.parametrize("path", ["/calendar/", "/calendar/?status=overdue", "/calendar.ics"])
def test_obligations_calendar_pages(auditor, path):
    response = auditor.get(path)
    assert response.status_code == 200


def test_calendar_ics_lists_dated_obligations(auditor):
    body = auditor.get("/calendar.ics").content
    assert body.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VEVENT" in body


def test_institution_page_admin_edits_and_others_only_read(admin, auditor, assessor, demo):
    assert auditor.get("/institution/").status_code == 200
    assert assessor.post("/institution/", {"name": "바뀐은행", "kind": "bank"}).status_code == 403
    response = admin.post("/institution/", {"name": "한빛은행(주)", "kind": "bank"})
    assert response.status_code == 302
    demo.refresh_from_db()
    assert demo.name == "한빛은행(주)"
    assert AuditEvent.objects.filter(action="institution.update").exists()
