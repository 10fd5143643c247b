"""Recurring obligations (감독규정 제23조③, 제24조①, 제37조의2, 제14조의2⑥) and concentration (부록2)."""

from __future__ import annotations

import datetime as dt

from tests.engine.builders import one, portfolio, provider, run, workload


def _ob(w, oid):
    return next(o for o in w.obligations if o.id == oid)


def test_yearly_continuity_check_and_drill_follow_the_last_record() -> None:
    """감독규정 제23조제3항 (연 1회 이상 점검), 제24조제1항 (연 1회 이상 비상대응훈련)."""
    w = one(portfolio([workload(last_continuity_check_on="2025-11-02", last_drill_on="2026-03-03")]))
    assert (_ob(w, "bcp_annual_check").due, _ob(w, "bcp_annual_check").status) == (dt.date(2026, 11, 2), "overdue")
    assert (_ob(w, "emergency_drill_annual").due, _ob(w, "emergency_drill_annual").status) == (dt.date(2027, 3, 3), "ok")


def test_without_any_record_the_first_check_is_due_a_year_after_use_starts() -> None:
    w = one(portfolio([workload(contract={"signed_on": "2026-02-01"})]))
    assert _ob(w, "vulnerability_assessment_annual").due == dt.date(2027, 2, 1)  # a Monday: no roll
    w = one(portfolio([workload()]))
    assert _ob(w, "bcp_annual_check").status == "required_before_use"


def test_public_homepage_assessed_every_6_months() -> None:
    """감독규정 제37조의2: 홈페이지 취약점 분석·평가 6개월마다."""
    w = one(portfolio([workload(public_homepage=True, last_homepage_assessment_on="2026-03-05")]))
    ob = _ob(w, "vulnerability_assessment_homepage")
    assert (ob.due, ob.status) == (dt.date(2026, 9, 7), "overdue")
    assert all(o.id != "vulnerability_assessment_homepage" for o in one(portfolio()).obligations)


def test_documents_must_be_updated_after_a_change() -> None:
    """감독규정 제14조의2제6항: 제5항 각호 서류를 최신상태로 유지."""
    events = [{"kind": "continuity_material_change", "date": "2026-10-15"}]
    w = one(portfolio([workload(contract={"signed_on": "2025-01-02"}, events=events, documents_updated_on="2026-04-01")]))
    assert (_ob(w, "documents_current").status, _ob(w, "documents_current").due) == ("due", dt.date(2027, 1, 15))
    w = one(portfolio([workload(contract={"signed_on": "2025-01-02"}, events=events, documents_updated_on="2026-10-20")]))
    assert _ob(w, "documents_current").status == "ok"


def test_provider_shares_count_in_scope_workloads_only() -> None:
    """shared/spec: providers[].workloads and critical_workloads count in-scope workloads; share of all in scope."""
    provs = [provider(), provider(id="csp-b", name="B")]
    wls = [workload(id="a1"), workload(id="a2"), workload(id="b1", provider="csp-b"),
           workload(id="out", provider="csp-b", scope={"simple_web_use": True})]
    result = run(portfolio(wls, provs))
    got = {p.id: (p.workloads, p.critical_workloads, p.share) for p in result.providers}
    assert got == {"csp-a": (2, 2, 0.6667), "csp-b": (1, 1, 0.3333)}
    assert result.concentration.hhi == round(66.67 ** 2 + 33.33 ** 2, 1)


def test_primary_and_recovery_at_same_provider_is_flagged() -> None:
    """가이드 부록2 1: 주 센터와 재해복구센터를 동일 제공자에 두는 경우의 집중 리스크."""
    result = run(portfolio([workload(recovery_provider="csp-a")]))
    assert any(f.code == "concentration.same_provider_recovery" for f in result.concentration.flags)


def test_dominant_provider_for_critical_work_is_flagged() -> None:
    """가이드 부록2 1: 중요업무가 한 제공자에 집중."""
    provs = [provider(), provider(id="csp-b", name="B")]
    wls = [workload(id=f"a{i}") for i in range(3)] + [workload(id="b1", provider="csp-b")]
    result = run(portfolio(wls, provs))
    flags = [f for f in result.concentration.flags if f.code == "concentration.dominant_provider"]
    assert [f.params["provider"] for f in flags] == ["csp-a"]


def test_exit_ends_recurring_duties_and_asks_for_the_destruction_record() -> None:
    """가이드 제9장: 출구 전략에 의거하여 데이터 이전 및 파기 — after exit, recurring duties end; the destruction must be
    on record."""
    events = [{"kind": "exit_started", "date": "2026-05-04"}, {"kind": "exit_completed", "date": "2026-06-30"}]
    plan = {"method": "이전", "destruction_procedure": "파기 확인서"}
    events.insert(0, {"kind": "new_contract", "date": "2024-01-02", "reported_on": "2024-02-01"})
    w = one(portfolio([workload(contract={"signed_on": "2024-01-02"}, events=events, exit_plan=plan,
                                last_drill_on="2025-01-01")]))
    assert w.exit.stage == "exited"
    assert [o.id for o in w.obligations] == ["data_destruction"]
    assert (w.obligations[0].due, w.obligations[0].status) == (dt.date(2026, 6, 30), "overdue")
    events.append({"kind": "data_destroyed", "date": "2026-07-10"})
    w = one(portfolio([workload(contract={"signed_on": "2024-01-02"}, events=events, exit_plan=plan)]))
    assert w.obligations[0].status == "ok" and w.obligations[0].last_done == dt.date(2026, 7, 10)


def test_critical_work_without_exit_strategy_needs_one_before_use() -> None:
    """가이드 제5장 1 4) 비상대책 추가 사항: 중요업무는 출구전략을 고려한 비상대책 수립."""
    w = one(portfolio([workload(information=["personal_credit"])]))
    ob = next(o for o in w.obligations if o.id == "exit_strategy")
    assert ob.status == "required_before_use"
    w = one(portfolio([workload(information=["personal_credit"], exit_plan={"method": "이전"})]))
    assert all(o.id != "exit_strategy" for o in w.obligations)
    assert w.exit.stage == "in_operation"


def test_exited_workloads_leave_concentration_and_dependency_counts() -> None:
    """가이드 제9장, 부록2: a workload that has exited no longer depends on its provider."""
    exited = workload(id="old", events=[{"kind": "exit_completed", "date": "2026-01-10"}])
    result = run(portfolio([workload(id="a"), exited]))
    assert {p.id: p.workloads for p in result.providers} == {"csp-a": 1}
    assert result.workload("a").importance.items["provider_dependency"].level == "none"
