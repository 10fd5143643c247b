"""<별표 2의5> contract clauses, 제8장 reporting, and the recurring obligations tables."""

from __future__ import annotations

import re
from typing import get_args

from fincloud.catalog import Catalog
from fincloud.portfolio.model import EventKind

# shared/spec/contract-review.md: clause ids in the order of 감독규정 <별표 2의5>, then 위탁규정 제4조제3항.
CLAUSES = [
    ("scope_of_service", "basic"), ("data", "basic"), ("change_notification", "basic"),
    ("supervisory_access", "basic"), ("drills_cooperation", "basic"), ("security_level", "basic"),
    ("security_requirements", "basic"), ("termination_right", "basic"), ("sla_monitoring", "basic"),
    ("confidentiality", "basic"), ("data_destruction", "basic"), ("legal_compliance_reporting", "basic"),
    ("processing_location", "additional"), ("emergency_access", "additional"), ("transition_support", "additional"),
    ("major_events", "additional"), ("subcontracting_consent", "additional"),
    ("subcontractor_oversight", "additional"),
    ("access_control", "entrustment"), ("liability", "entrustment"), ("supervisory_inspection", "entrustment"),
    ("jurisdiction", "entrustment"),
]


# --- 별표 2의5 -------------------------------------------------------------------------------------


def test_contract_clauses_are_the_22_of_the_spec_in_order(catalog: Catalog) -> None:
    """감독규정 <별표 2의5> 가(기본 12)·나(추가 6), 위탁규정 제4조제3항 (4); order of shared/spec/contract-review.md."""
    assert [(c.id, c.tier) for c in catalog.contract_clauses] == CLAUSES


def test_clause_sources_and_citations_name_their_instrument(catalog: Catalog) -> None:
    """<별표 2의5> 가 = 기본, 나 = 추가; 위탁규정 §4③ for the entrustment items."""
    source = {"basic": "별표 2의5 가", "additional": "별표 2의5 나", "entrustment": "위탁규정 §4③"}
    for c in catalog.contract_clauses:
        assert c.source == source[c.tier], c.id
        assert ("별표 2의5" if c.tier != "entrustment" else "제4조제3항") in c.citation, c.id


def test_clause_texts_appear_verbatim_in_the_guide(catalog: Catalog, guide_squashed: str) -> None:
    """가이드 제7장 <별표 2의5> table and 위탁규정 제4조제3항 quotation, transcribed verbatim."""
    missing = [c.id for c in catalog.contract_clauses if re.sub(r"\s+", "", c.text) not in guide_squashed]
    assert missing == []


# --- 제8장 보고 -------------------------------------------------------------------------------------


def test_reporting_triggers_are_the_four_of_article_14_2_4(catalog: Catalog) -> None:
    """감독규정 제14조의2제4항 1~4호: 신규 계약, 제공자 중대한 변경, 중요계약사항 불이행, 평가·연속성 중대한 변경."""
    triggers = catalog.reporting.triggers
    assert [t.number for t in triggers] == [1, 2, 3, 4]
    for t in triggers:
        assert t.citation == f"전자금융감독규정 제14조의2제4항제{t.number}호"
        assert t.event_kinds, t.number
    kinds = {t.number: set(t.event_kinds) for t in triggers}
    assert kinds[1] == {"new_contract"}
    assert kinds[2] >= {"provider_merger_or_transfer", "subcontract_change"}
    assert kinds[3] == {"provider_breach_of_key_terms"}
    assert kinds[4] >= {"evaluation_material_change", "continuity_material_change"}


def test_every_event_kind_the_catalog_names_exists_in_the_portfolio_format(catalog: Catalog) -> None:
    """References resolve (ARCHITECTURE.md): an event kind in reporting.yaml must be writable in a portfolio."""
    allowed = set(get_args(EventKind))
    named = {k for t in catalog.reporting.triggers for k in t.event_kinds}
    named |= {u.event_kind for u in catalog.reporting.events_not_named_by_the_guide}
    for rep in catalog.reporting.immediate_reports:
        named |= set(rep.event_kinds) | set(rep.conditional_event_kinds)
    assert named - allowed == set()


def test_report_attachments_are_the_six_of_article_14_2_5(catalog: Catalog) -> None:
    """감독규정 제14조의2제5항 1~6호: the six documents attached to a report."""
    atts = catalog.reporting.attachments
    assert [a.number for a in atts] == [1, 2, 3, 4, 5, 6]
    for a in atts:
        assert a.citation == f"전자금융감독규정 제14조의2제5항제{a.number}호"
        assert a.text.strip()
    assert "별표 2의5" in atts[5].text


def test_documents_are_kept_current_under_article_14_2_6(catalog: Catalog) -> None:
    """감독규정 제14조의2제6항: keep the 제5항 documents current and provide them on request."""
    keep = catalog.reporting.keep_current
    assert "제14조의2제6항" in keep.citation
    assert "최신상태" in keep.text


def test_report_deadline_is_three_months(catalog: Catalog) -> None:
    """감독규정 제14조의2제4항: 사유 발생일로부터 3개월 이내 보고."""
    assert catalog.edition.timings.report_within_months == 3
    assert catalog.reporting.deadline.rule.months == 3


# --- 정기 의무 -------------------------------------------------------------------------------------


def test_recurring_obligations_exist_with_their_periods(catalog: Catalog) -> None:
    """감독규정 제23조제3항 (BCP 매년 점검), 제24조제1항 (비상대응훈련 연 1회), 제37조의2 (취약점 분석·평가 연 1회,
    홈페이지 6개월), 제14조의2제6항 (서류 최신 유지)."""
    ob = catalog.obligations
    assert ob.get("bcp_annual_check").period.years == 1
    assert "제23조제3항" in ob.get("bcp_annual_check").citation
    assert ob.get("emergency_drill_annual").period.years == 1
    assert "제24조제1항" in ob.get("emergency_drill_annual").citation
    assert ob.get("vulnerability_assessment_annual").period.years == 1
    assert "제37조의2" in ob.get("vulnerability_assessment_annual").citation
    assert ob.get("vulnerability_assessment_homepage").period.months == 6
    assert "제37조의2" in ob.get("vulnerability_assessment_homepage").citation
    assert "제14조의2제6항" in ob.get("documents_current").citation


def test_obligation_ids_are_unique_and_cited(catalog: Catalog) -> None:
    """Every data file has unique ids and every entry its citation (ARCHITECTURE.md)."""
    ids = [o.id for o in catalog.obligations.obligations]
    assert len(ids) == len(set(ids))
    assert all(o.citation.strip() for o in catalog.obligations.obligations)
