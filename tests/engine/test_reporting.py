"""Reporting to the FSS: 감독규정 제14조의2제4항·제5항, 제73조; 가이드 제8장; 별첨 FAQ 6."""

from __future__ import annotations

import datetime as dt

from tests.engine.builders import LOW_IMPORTANCE, one, portfolio, workload


def test_new_contract_reported_within_3_months() -> None:
    """§14-2④1: 이용 계약을 신규로 체결하는 경우, 3개월 이내 보고 (shared/spec example: 2027-01-04)."""
    rep = one(portfolio([workload(contract={"signed_on": "2026-10-01"})])).report
    assert (rep.required, rep.trigger, rep.due, rep.status) == (True, "new_contract", dt.date(2027, 1, 4), "due")


def test_spec_example_subcontract_change_before_contract_is_covered_by_new_contract_report() -> None:
    """shared/spec example: a 재위탁 change before the contract is reported with the new contract."""
    rep = one(portfolio([workload(contract={"signed_on": "2026-10-01"},
                                  events=[{"kind": "subcontract_change", "date": "2026-08-01"}])])).report
    assert (rep.trigger, rep.due) == ("new_contract", dt.date(2027, 1, 4))
    assert [r.code for r in rep.reasons] == ["report.absorbed_by_contract"]


def test_material_changes_after_contract_are_reported() -> None:
    """§14-2④2·3·4: 합병·재위탁 등 중대한 변경, 중요계약사항 미이행, 평가·업무연속성 중대한 변경."""
    for kind in ("provider_merger_or_transfer", "subcontract_change", "provider_breach_of_key_terms",
                 "evaluation_material_change", "continuity_material_change"):
        rep = one(portfolio([workload(contract={"signed_on": "2024-01-10"},
                                      events=[{"kind": "new_contract", "date": "2024-01-10", "reported_on": "2024-03-01"},
                                              {"kind": kind, "date": "2026-10-15"}])])).report
        assert (rep.trigger, rep.due, rep.status) == (kind, dt.date(2027, 1, 15), "due"), kind


def test_reported_event_is_ok_and_unreported_past_due_is_overdue() -> None:
    """A report filed on time closes the obligation; a missed one is overdue."""
    data = portfolio([workload(contract={"signed_on": "2026-01-10"},
                               events=[{"kind": "new_contract", "date": "2026-01-10"}])])
    assert one(data).report.status == "overdue"
    data["workloads"][0]["events"][0]["reported_on"] = "2026-03-20"
    rep = one(data).report
    assert rep.status == "ok" and rep.items[0].reported_on == dt.date(2026, 3, 20)


def test_development_over_3_months_reports_from_internal_network_link() -> None:
    """가이드 제8장 1 나. (*): 개발·테스트로 3개월 이상 소요 시 내부망(연구·개발망 제외) 연계 후 3개월 이내."""
    rep = one(portfolio([workload(contract={"signed_on": "2026-06-15"}, development_or_testing=True,
                                  linked_to_internal_network_on="2026-10-20")])).report
    assert (rep.trigger, rep.due) == ("new_contract", dt.date(2027, 1, 20))
    assert rep.items[0].reason.code == "report.development_linking"


def test_development_linked_within_3_months_reports_from_contract() -> None:
    rep = one(portfolio([workload(contract={"signed_on": "2026-09-01"}, development_or_testing=True,
                                  linked_to_internal_network_on="2026-10-01")])).report
    assert rep.due == dt.date(2026, 12, 1)


def test_development_not_yet_linked_waits_for_the_link() -> None:
    """No internal-network link yet (or only a research network) after 3 months: no due date until linking."""
    rep = one(portfolio([workload(contract={"signed_on": "2026-06-15"}, development_or_testing=True)])).report
    assert rep.due is None and [r.code for r in rep.reasons] == ["report.development_pending"]
    assert (rep.required, rep.trigger, rep.status) == (True, "new_contract", "ok")
    rep = one(portfolio([workload(contract={"signed_on": "2026-06-15"}, development_or_testing=True,
                                  scope={"research_network_only": True},
                                  linked_to_internal_network_on="2026-10-20")])).report
    assert rep.due is None


def test_outage_of_10_minutes_is_reported_immediately() -> None:
    """감독규정 제73조 (가이드 제7장 2 나. ※): 10분 이상 전산업무 중단 시 지체 없이 보고."""
    rep = one(portfolio([workload(contract={"signed_on": "2024-01-10"},
                                  events=[{"kind": "new_contract", "date": "2024-01-10", "reported_on": "2024-02-01"},
                                          {"kind": "outage_10min", "date": "2026-11-20", "duration_minutes": 25}])])).report
    assert (rep.trigger, rep.due, rep.status) == ("outage_10min", dt.date(2026, 11, 20), "overdue")
    assert rep.items[-1].immediate is True


def test_provider_incident_is_immediate_only_when_it_is_the_institutions_incident() -> None:
    """제73조 covers the institution's own 전자적 침해사고; a provider incident alone calls for re-evaluation."""
    base = {"contract": {"signed_on": "2024-01-10"},
            "events": [{"kind": "new_contract", "date": "2024-01-10", "reported_on": "2024-02-01"},
                       {"kind": "provider_security_incident", "date": "2026-11-20"}]}
    assert one(portfolio([workload(**base)])).report.status == "ok"
    base["events"][1]["institution_incident"] = True
    assert one(portfolio([workload(**base)])).report.trigger == "provider_security_incident"


def test_efinance_non_critical_without_financial_information_needs_no_report() -> None:
    """별첨 FAQ 6: 전자금융업자가 비중요업무에 대해 금융거래정보 이외의 정보를 처리하는 경우 보고 대상 아님."""
    wl = workload(information=["business"], importance=dict(LOW_IMPORTANCE), contract={"signed_on": "2026-10-01"})
    rep = one(portfolio([wl], kind="e_finance")).report
    assert (rep.required, rep.status) == (False, "not_required")
    assert rep.reasons[0].code == "report.faq6_exempt"
    assert one(portfolio([wl], kind="bank")).report.required is True
    fin = workload(information=["financial"], importance=dict(LOW_IMPORTANCE), contract={"signed_on": "2026-10-01"})
    assert one(portfolio([fin], kind="e_finance")).report.required is True


def test_attachments_of_14_2_5_listed() -> None:
    """§14-2⑤: the report carries attachments 1–6."""
    assert one(portfolio([workload(contract={"signed_on": "2026-10-01"})])).report.attachments == (
        "1", "2", "3", "4", "5", "6")


def test_out_of_scope_workload_has_no_report_or_obligations() -> None:
    """shared/spec: an out-of-scope workload keeps in_scope false, its reasons, and no obligations."""
    w = one(portfolio([workload(scope={"simple_web_use": True}, contract={"signed_on": "2026-10-01"})]))
    assert w.in_scope is False and w.report is None and w.obligations == () and w.scope_reasons


def test_new_institution_reports_within_3_months_of_its_licence() -> None:
    """가이드 제8장 1 나. ※: 신규 금융회사 및 전자금융업자의 경우 허가 및 등록이 완료된 이후 사후보고."""
    data = portfolio([workload(contract={"signed_on": "2026-03-02"})])
    data["institution"]["licensed_on"] = "2026-09-15"
    rep = one(data).report
    assert (rep.trigger, rep.due) == ("new_contract", dt.date(2026, 12, 15))
    data["institution"]["licensed_on"] = "2025-01-01"  # licensed before the contract: the contract date counts
    assert one(data).report.due == dt.date(2026, 6, 2)
