"""Each document carries what its clause of 감독규정 제14조의2 requires (built from the model)."""

from __future__ import annotations

import dataclasses

from fincloud.documents import (
    checklist_outsourcing,
    committee_agenda,
    contract_checklist,
    importance_report,
    provider_evaluation_report,
    safeguards_checklist,
)
from fincloud.documents.context import build_context
from fincloud.documents.model import Document, Table
from fincloud.engine import Evidence, assess


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def text(doc: Document) -> str:
    return "\n".join(doc.texts())


def test_checklist_lists_attachments_1_to_6_with_status_and_last_updated(demo):
    doc = checklist_outsourcing.build(build_context(*demo, "wl-internet-banking"))
    first = tables(doc)[0]
    numbers = {row[0] for row in first.rows}
    assert {"1", "2", "3", "4", "5", "6"} <= numbers
    sub_rows = [row for row in first.rows if "-" in row[0]]
    assert len(sub_rows) == 8 + 2 + 1 + 2 + 3 + 1  # sub-documents of 가이드 제8장 1 가.
    assert all(row[3] in ("생성됨", "생성됨(기관 보완)", "기관 준비 필요") for row in sub_rows)
    assert all(row[5] for row in sub_rows)
    entrustment = tables(doc)[1]
    assert len(entrustment.rows) == 8  # 위탁규정 제7조제1항 documents
    assert "변경 이후 서류 미갱신" in text(doc)  # continuity change of 2026-10-15 after documents of 2026-04-01


def test_importance_report_lists_all_13_items_levels_points_and_the_score(demo):
    ctx = build_context(*demo, "wl-internet-banking")
    doc = importance_report.build(ctx)
    result_table = tables(doc)[1]
    item_rows = [row for row in result_table.rows if row[0]]
    assert [row[0] for row in item_rows] == list(ctx.result.importance.items)
    assert len(item_rows) == 13
    assert all(row[3] in ("상", "중", "하", "해당없음", "—") for row in item_rows)
    assert result_table.rows[-1][4] == f"{ctx.result.importance.score:g}"
    body = text(doc)
    assert "구간 하한 기준, 두 측정값 중 높은 등급" in body
    assert "50개 이상 또는 10% 이상" in body  # printed bands
    assert "100%" in body and "50%" in body and "20%" in body  # level weights
    assert "감독규정 제14조의2제1항제1호 가목" in body  # criteria with their article


def test_importance_warnings_name_the_item(demo, catalog):
    portfolio, _, _ = demo
    workloads = [w if w.id != "wl-callbot" else w.model_copy(update={"importance": w.importance.model_copy(
        update={"information_type": type(w.importance.information_type)(points=3)})}) for w in portfolio.workloads]
    changed = portfolio.model_copy(update={"workloads": tuple(workloads)})
    assessment = assess(changed, catalog, changed.institution.as_of)
    doc = importance_report.build(build_context(changed, assessment, catalog, "wl-callbot"))
    assert any(line.startswith("[information_type") for line in doc.texts())


def test_provider_evaluation_lists_all_54_items_and_why_each_is_skipped(demo):
    ctx = build_context(*demo, "wl-crm")
    doc = provider_evaluation_report.build(ctx)
    items = tables(doc)[-1]
    assert len(items.rows) == 54
    skipped = [row for row in items.rows if row[6].startswith("생략")]
    assert len(skipped) == len(ctx.result.provider_evaluation.skipped_items)
    assert all(row[7] for row in skipped)  # every skip has its reason
    assert any("보안인증" in row[6] for row in skipped) and any("서비스 모델" in row[6] for row in skipped)
    body = text(doc)
    assert "국내 설치 의무 위반" in body  # blocker
    assert "현장점검" in body and "이용 전 실시 필요" in body  # comprehensive schedule
    assert "이용 영역 변경" in body  # re-evaluation triggers from the catalog


def test_safeguards_checklist_lists_every_requirement_with_level_and_the_exit_plan(demo, catalog):
    doc = safeguards_checklist.build(build_context(*demo, "wl-internet-banking"))
    ids = {row[0] for table in tables(doc) for row in table.rows}
    every = {r.id for topic in (*catalog.continuity, *catalog.safeguards) for r in topic.requirements}
    assert every <= ids
    body = text(doc)
    assert "SLA 3개월 연속 미달" in body and "착수 후 6개월" in body  # the recorded exit plan
    assert "권고 (선택)" in body and "적용 (필수 준수)" in body


def test_safeguards_checklist_shows_machine_evidence(demo):
    portfolio, _, catalog = demo
    evidence = Evidence(safeguards={"wl-internet-banking": {"account_management.e1": [
        {"id": "mfa_privileged_users", "status": "fail", "source": "plan.json", "date": "2026-11-20"}]}})
    assessment = assess(portfolio, catalog, portfolio.institution.as_of, evidence=evidence)
    doc = safeguards_checklist.build(build_context(portfolio, assessment, catalog, "wl-internet-banking"))
    assert "mfa_privileged_users fail (plan.json, 2026-11-20)" in text(doc)


def test_non_critical_work_may_skip_additional_requirements(demo):
    doc = safeguards_checklist.build(build_context(*demo, "wl-analytics"))
    assert "생략 가능 (비중요업무)" in text(doc)


def test_committee_agenda_has_items_summaries_resolution_compliance_box_and_votes(demo):
    doc = committee_agenda.build(build_context(*demo, "wl-internet-banking"))
    body = text(doc)
    for item in ("중요도 평가 결과", "클라우드서비스 제공자 평가 결과", "업무 연속성 계획", "안전성 확보조치 방안"):
        assert item in body
    assert "안건명" in body and "상정 부서" in body
    assert "원안대로 의결" in body  # no blockers: approval on conditions
    assert "준법감시인" in body
    assert any(t.header[:2] == ("위원 성명", "직위") and len(t.rows) == 7 for t in tables(doc))


def test_committee_agenda_defers_a_blocked_workload(demo):
    body = text(committee_agenda.build(build_context(*demo, "wl-crm")))
    assert "승인을 보류한다" in body and "국내 설치 의무 위반" in body
    assert "미흡사항에 대한 리스크 분석" in body  # the deficiencies resolution 제4장 allows


def test_contract_checklist_lists_18_plus_4_clauses_for_critical_work(demo):
    doc = contract_checklist.build(build_context(*demo, "wl-internet-banking"))
    rows = tables(doc)[0].rows
    assert len(rows) == 22
    assert [row[1] for row in rows].count("기본") == 12
    assert [row[1] for row in rows].count("추가") == 6
    assert [row[1] for row in rows].count("위탁규정 §4③") == 4


def test_contract_checklist_lists_12_plus_4_clauses_for_non_critical_work(demo):
    rows = tables(contract_checklist.build(build_context(*demo, "wl-analytics")))[0].rows
    assert len(rows) == 16
    assert "추가" not in [row[1] for row in rows]


def test_contract_checklist_notes_indirect_contracts(demo):
    assert "간접계약(재위탁·MSP)" in text(contract_checklist.build(build_context(*demo, "wl-hr-msp")))


def test_contract_checklist_shows_review_findings(demo):
    portfolio, _, catalog = demo
    finding = {"status": "contradicted", "confidence": 0.81,
               "passages": [{"location": "제18조 ③", "page": 7, "text": "데이터를 파기하지 아니한다"}]}
    evidence = Evidence(contract={"wl-internet-banking": {"data_destruction": finding}})
    assessment = assess(portfolio, catalog, portfolio.institution.as_of, evidence=evidence)
    rows = tables(contract_checklist.build(build_context(portfolio, assessment, catalog, "wl-internet-banking")))[0].rows
    row = next(r for r in rows if "(data_destruction)" in r[2])
    assert row[4:] == ("상충(부정·제한)", "제18조 ③ (p.7)", "데이터를 파기하지 아니한다", "0.81")
    other = next(r for r in rows if "(data)" in r[2])
    assert other[4] == "검토 결과 없음"


def test_english_labels_when_lang_is_en(demo):
    ctx = dataclasses.replace(build_context(*demo, "wl-internet-banking"), lang="en")
    doc = importance_report.build(ctx)
    assert doc.title == "Importance assessment: criteria and result"
    assert "Impact score (step 2)" in text(doc) and "2. Result per item" in text(doc)
