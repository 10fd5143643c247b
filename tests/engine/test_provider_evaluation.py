"""Provider evaluation plan: 감독규정 제14조의2제1항제2호·제3항·제8항, <별표 2의2>, 가이드 제4장."""

from __future__ import annotations

import datetime as dt

from fincloud.catalog import load_catalog
from fincloud.engine.provider_evaluation import representative_validity
from fincloud.portfolio.model import Provider
from tests.engine.builders import LOW_IMPORTANCE, one, portfolio, provider, workload

CAT = load_catalog()
ESSENTIAL = {i.number for i in CAT.provider_items if i.kind == "essential"}
IAAS_PAAS_ONLY = {"2.1.3", "2.2.1", "4.2.1", "5.2.2", "8.1.4", "11.1.3", "11.2.3", "6.1.3", "8.3.3", "11.1.1", "11.2.2"}


def critical_wl(**over):
    return workload(information=["personal_credit"], **over)


def noncritical_wl(**over):
    return workload(information=["public"], importance=dict(LOW_IMPORTANCE), **over)


def test_critical_without_certificate_evaluates_all_54_items() -> None:
    """가이드 제4장 3: 중요 업무는 필수 + 대체 항목 모두 평가."""
    pe = one(portfolio([critical_wl()])).provider_evaluation
    assert len(pe.required_items) == 54 and pe.skipped_items == {}


def test_non_critical_evaluates_essential_items_only() -> None:
    """감독규정 제14조의2제1항제2호 단서: 비중요업무는 필수항목만 평가할 수 있다."""
    pe = one(portfolio([noncritical_wl()])).provider_evaluation
    assert set(pe.required_items) == ESSENTIAL
    assert set(pe.skipped_items.values()) == {"non_critical"} and len(pe.skipped_items) == 38


def test_saas_skips_items_not_applicable_to_saas() -> None:
    """<별표 2의2> 적용대상: IaaS·PaaS-only items are not evaluated for SaaS."""
    pe = one(portfolio([critical_wl(service_model="SaaS")])).provider_evaluation
    assert {k for k, v in pe.skipped_items.items() if v == "not_applicable_service_model"} == IAAS_PAAS_ONLY
    assert len(pe.required_items) == 54 - len(IAAS_PAAS_ONLY)


def test_valid_covering_certificate_skips_alternative_items_for_critical() -> None:
    """<별표 2의2> 전문, 가이드 제4장 3 나.: 인증을 취득·유지하는 제공자는 대체 항목 생략 가능."""
    prov = provider(certifications=[{"scheme": "CSAP", "valid_until": "2027-06-30", "covers_scope": True}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert set(pe.required_items) == ESSENTIAL
    assert set(pe.skipped_items.values()) == {"certified"}


def test_isms_p_still_requires_domain_8_items() -> None:
    """가이드 제4장 3 나. (*): ISMS-P·SOC2 TypeⅡ는 8. 가상화 및 인프라 보안 별도 점검."""
    for scheme in ("ISMS-P", "SOC2-Type2"):
        prov = provider(certifications=[{"scheme": scheme, "valid_until": "2027-06-30", "covers_scope": True}])
        pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
        domain8 = {i.number for i in CAT.provider_items if i.domain == "8"}
        assert domain8 <= set(pe.required_items)
        assert {k for k, v in pe.skipped_items.items() if v == "certified"} == {
            i.number for i in CAT.provider_items if i.kind == "alternative" and i.domain != "8"}


def test_cloud_specific_certificate_alongside_isms_p_skips_domain_8() -> None:
    """A cloud-specific certificate (e.g. CSAP) also covers domain 8."""
    prov = provider(certifications=[
        {"scheme": "ISMS-P", "valid_until": "2027-06-30", "covers_scope": True},
        {"scheme": "CSAP", "valid_until": "2027-06-30", "covers_scope": True}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert set(pe.required_items) == ESSENTIAL


def test_expired_or_uncovering_or_unrecognised_certificate_skips_nothing() -> None:
    """가이드 제4장 3 나.: valid on as_of and covering the facilities and services used; recognised schemes only."""
    for cert in ({"scheme": "CSAP", "valid_until": "2026-11-23", "covers_scope": True},
                 {"scheme": "CSAP", "valid_until": "2027-06-30", "covers_scope": False},
                 {"scheme": "other", "valid_until": "2027-06-30", "covers_scope": True, "name": "K-ISMS-Cloud"}):
        pe = one(portfolio([critical_wl()], [provider(certifications=[cert])])).provider_evaluation
        assert len(pe.required_items) == 54, cert


def test_certificate_valid_on_as_of_day_counts() -> None:
    """A certificate valid until the as_of day itself is still valid."""
    prov = provider(certifications=[{"scheme": "CSAP", "valid_until": "2026-11-24", "covers_scope": True}])
    assert set(one(portfolio([critical_wl()], [prov])).provider_evaluation.required_items) == ESSENTIAL


def test_no_evaluation_requires_comprehensive_before_use() -> None:
    """가이드 제4장 2 가.: 최초 이용 시 종합 평가."""
    pe = one(portfolio([critical_wl()])).provider_evaluation
    assert pe.comprehensive.status == "required_before_use" and pe.comprehensive.method == "onsite"
    assert pe.regular.status == "required_before_use"


def test_comprehensive_due_three_years_after_last() -> None:
    """가이드 제4장 2 가.: 매 3년마다 종합 평가 (민법 기간 계산: 2024-03-10 → 2027-03-10)."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2024-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert (pe.comprehensive.due, pe.comprehensive.status) == (dt.date(2027, 3, 10), "ok")
    pe = one(portfolio([critical_wl()], [prov]), as_of=dt.date(2027, 1, 5)).provider_evaluation
    assert pe.comprehensive.status == "due"
    pe = one(portfolio([critical_wl()], [prov]), as_of=dt.date(2027, 3, 11)).provider_evaluation
    assert pe.comprehensive.status == "overdue"


def test_comprehensive_must_cover_the_service_model() -> None:
    """이용 영역 변경·확대: an evaluation of IaaS does not cover a SaaS workload."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl(service_model="SaaS")], [prov])).provider_evaluation
    assert pe.comprehensive.status == "required_before_use"


def test_critical_work_needs_onsite_comprehensive() -> None:
    """가이드 제4장 1 가.: 중요 업무 종합 평가는 현장점검 (a document evaluation does not suffice)."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "document",
                                  "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert pe.comprehensive.status == "required_before_use"
    assert pe.comprehensive.reasons[0].code == "comprehensive.onsite_needed"
    pe = one(portfolio([noncritical_wl()], [prov])).provider_evaluation
    assert pe.comprehensive.status == "ok" and pe.comprehensive.method == "document"


def test_regular_evaluation_due_31_december_from_the_year_after() -> None:
    """가이드 제4장 2 나.: 종합평가 완료 후 다음 해부터 매년 12월31일까지."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert (pe.regular.required, pe.regular.due, pe.regular.status) == (True, dt.date(2026, 12, 31), "due")
    pe = one(portfolio([critical_wl()], [prov]), as_of=dt.date(2025, 11, 24)).provider_evaluation
    assert (pe.regular.due, pe.regular.status) == (dt.date(2026, 12, 31), "ok")
    pe = one(portfolio([critical_wl()], [prov]), as_of=dt.date(2027, 1, 2)).provider_evaluation
    assert (pe.regular.due, pe.regular.status) == (dt.date(2026, 12, 31), "overdue")  # 2026 was missed
    assert any(r.code == "regular.missed_years" and r.params["years"] == [2026] for r in pe.regular.reasons)


def test_regular_evaluation_done_this_year_moves_to_next_year() -> None:
    prov = provider(evaluations=[
        {"kind": "comprehensive", "completed_on": "2024-03-10", "method": "onsite", "service_models": ["IaaS"]},
        {"kind": "regular", "completed_on": "2026-06-01", "method": "document", "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert (pe.regular.due, pe.regular.status) == (dt.date(2027, 12, 31), "ok")


def test_regular_evaluation_optional_for_non_critical() -> None:
    """가이드 제4장 2 나.: 비중요업무인 경우 정기 평가 생략 가능."""
    pe = one(portfolio([noncritical_wl()])).provider_evaluation
    assert (pe.regular.required, pe.regular.status) == (False, "not_required")


def test_representative_evaluation_validity_follows_guide_example() -> None:
    """가이드 제4장 1 다. 예시: ‘22.9.30 공유 → ’23.12.31까지; 차기 ‘23.9.20 공유 시 ’23.9.20까지."""
    one_rep = Provider.model_validate(provider(representative_evaluations=[
        {"shared_on": "2022-09-30", "service_models": ["IaaS"]}]))
    assert representative_validity(one_rep, CAT)[0].valid_until == dt.date(2023, 12, 31)
    two = Provider.model_validate(provider(representative_evaluations=[
        {"shared_on": "2023-09-20", "service_models": ["IaaS"]}, {"shared_on": "2022-09-30", "service_models": ["IaaS"]}]))
    validity = {v.evaluation.shared_on: v.valid_until for v in representative_validity(two, CAT)}
    assert validity == {dt.date(2022, 9, 30): dt.date(2023, 9, 20), dt.date(2023, 9, 20): dt.date(2024, 12, 31)}


def test_representative_evaluation_needs_committee_resolution_and_matching_scope() -> None:
    """가이드 제4장 2 가.: 대표평가 결과는 정보보호위원회 심의·의결을 거쳐, 범위가 일치하는 경우에 한해 활용."""
    rep = {"shared_on": "2026-03-31", "service_models": ["IaaS"]}
    pe = one(portfolio([critical_wl()], [provider(representative_evaluations=[rep])])).provider_evaluation
    assert pe.comprehensive.basis == "representative" and pe.comprehensive.status == "required_before_use"
    resolved = rep | {"committee_resolution_on": "2026-04-20"}
    pe = one(portfolio([critical_wl()], [provider(representative_evaluations=[resolved])])).provider_evaluation
    assert (pe.comprehensive.basis, pe.comprehensive.due, pe.comprehensive.status) == (
        "representative", dt.date(2027, 12, 31), "ok")
    pe = one(portfolio([critical_wl(service_model="SaaS")],
                       [provider(representative_evaluations=[resolved])])).provider_evaluation
    assert pe.comprehensive.basis == "none"


def test_representative_evaluation_stands_in_for_regular_evaluation() -> None:
    """가이드 제4장 2 나.: 침해사고대응기관의 대표평가의 결과로 정기 평가 대체 가능."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}],
                    representative_evaluations=[{"shared_on": "2026-09-30", "service_models": ["IaaS"],
                                                 "committee_resolution_on": "2026-10-10"}])
    pe = one(portfolio([critical_wl()], [prov])).provider_evaluation
    assert (pe.regular.due, pe.regular.status) == (dt.date(2027, 12, 31), "ok")


def test_reevaluation_triggers_after_last_comprehensive() -> None:
    """가이드 제4장 2 가.: 이용 영역 확대, 개인신용정보 추가, 비중요→중요 → 종합평가; 2 나.: 보안사고 → 정기평가 가능."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}])
    for kind in ("scope_expansion", "personal_credit_added", "importance_upgrade"):
        pe = one(portfolio([critical_wl(events=[{"kind": kind, "date": "2026-05-01"}])], [prov])).provider_evaluation
        assert pe.comprehensive.status == "required_before_use", kind
        assert pe.comprehensive.reasons[0].code == f"reevaluation.{kind}"
    pe = one(portfolio([critical_wl(events=[{"kind": "provider_security_incident", "date": "2026-05-01"}])],
                       [prov])).provider_evaluation
    assert pe.comprehensive.status == "ok"
    assert [r.code for r in pe.reevaluations] == ["reevaluation.provider_security_incident"]
    # an event before the last comprehensive evaluation is already covered by it
    pe = one(portfolio([critical_wl(events=[{"kind": "scope_expansion", "date": "2025-01-01"}])], [prov])).provider_evaluation
    assert pe.comprehensive.status == "ok"


def test_personal_credit_outside_korea_is_a_blocker() -> None:
    """감독규정 제14조의2제8항 단서, <별표 2의2> 11.2.1: 개인신용정보 처리 시스템은 국내에 설치."""
    w = one(portfolio([critical_wl(region="us")]))
    assert [b.code for b in w.blockers] == ["blocker.data_outside_korea"]
    assert "제14조의2제8항" in w.blockers[0].citation
    assert one(portfolio([workload(information=["financial"], region="us")])).blockers == ()


def test_unique_id_with_wireless_in_datacentre_is_a_blocker() -> None:
    """감독규정 제14조의2제8항 단서 → 제11조제12호, <별표 2의2> 11.1.2: 전산실 내 무선통신망 금지."""
    w = one(portfolio([workload(information=["unique_id"])], [provider(wireless_in_datacenter=True)]))
    assert [b.code for b in w.blockers] == ["blocker.wireless_in_datacenter"]


def test_localisation_exemptions_for_foreign_branch_and_overseas_pg() -> None:
    """감독규정 제14조의2제8항 괄호: 외국금융회사 국내지점(중대한 영향 없음), 국외 사이버몰 전자지급결제대행업자 제외."""
    for kind in ("foreign_branch_minor", "pg_overseas_cybermall"):
        w = one(portfolio([critical_wl(region="us")], [provider(wireless_in_datacenter=True)], kind=kind))
        assert w.blockers == (), kind


def test_foreign_provider_with_korean_region_is_allowed() -> None:
    """법령해석 190042: 국내에 전산센터를 둔 해외 클라우드 사업자의 서비스 이용 가능."""
    prov = provider(country="US")
    assert one(portfolio([critical_wl(region="kr")], [prov])).blockers == ()


def test_open_deficiencies_block_unless_accepted_by_resolution() -> None:
    """가이드 제4장 2 가. 확인평가: 미흡사항은 리스크 분석·대체 보완·정보보호위원회 심의·의결이 있으면 이용 가능."""
    ev = {"kind": "comprehensive", "completed_on": "2026-03-10", "method": "onsite", "service_models": ["IaaS"],
          "open_deficiencies": 2}
    w = one(portfolio([critical_wl()], [provider(evaluations=[ev])]))
    assert [b.code for b in w.blockers] == ["blocker.open_deficiencies"]
    ev["deficiencies_accepted_by_resolution"] = True
    assert one(portfolio([critical_wl()], [provider(evaluations=[ev])])).blockers == ()


def test_reusing_an_earlier_evaluation_for_a_later_workload_notes_the_committee_resolution() -> None:
    """가이드 제4장 2 가.: 기존에 평가를 완료한 서비스와 동일한 범위 내에서 추가로 이용하는 경우 정보보호위원회
    심의·의결을 거쳐 기존 평가 결과 활용 가능."""
    prov = provider(evaluations=[{"kind": "comprehensive", "completed_on": "2025-03-10", "method": "onsite",
                                  "service_models": ["IaaS"]}])
    pe = one(portfolio([critical_wl(contract={"signed_on": "2026-02-01"})], [prov])).provider_evaluation
    assert pe.comprehensive.status == "ok"
    assert "comprehensive.reuse_needs_resolution" in [r.code for r in pe.comprehensive.reasons]
    pe = one(portfolio([critical_wl(contract={"signed_on": "2025-01-02"})], [prov])).provider_evaluation
    assert "comprehensive.reuse_needs_resolution" not in [r.code for r in pe.comprehensive.reasons]


def test_json_blockers_name_their_rule() -> None:
    """shared/spec: blockers — each names the rule (감독규정 article and 별표 2의2 item)."""
    from fincloud.render.json_out import workload_json

    w = workload_json(one(portfolio([critical_wl(region="us")])))
    assert len(w["blockers"]) == 1
    assert "제14조의2제8항" in w["blockers"][0] and "11.2.1" in w["blockers"][0]
    assert w["provider_evaluation"]["blockers"] == w["blockers"]


def test_an_evaluation_after_the_assessment_day_does_not_count() -> None:
    """Assessed as of a day, the engine sees only evaluations completed by then (deficiencies included)."""
    ev = {"kind": "comprehensive", "completed_on": "2027-03-10", "method": "onsite", "service_models": ["IaaS"],
          "open_deficiencies": 2}
    w = one(portfolio([critical_wl()], [provider(evaluations=[ev])]))
    assert w.blockers == () and w.provider_evaluation.comprehensive.status == "required_before_use"


def test_critical_work_abroad_without_sensitive_information_is_noted_not_blocked() -> None:
    """감독규정 제14조의2제8항 limits localisation to 고유식별·개인신용정보; 비조치의견서 190003 (2019, no general
    effect) read 중요업무 abroad as not allowed: a note for a person, never a blocker."""
    w = one(portfolio([workload(information=["financial"], region="us")]))
    assert w.importance.critical and w.blockers == ()
    assert "evaluation.critical_abroad" in [r.code for r in w.provider_evaluation.notes]
    w = one(portfolio([workload(information=["financial"], region="kr")]))
    assert "evaluation.critical_abroad" not in [r.code for r in w.provider_evaluation.notes]
