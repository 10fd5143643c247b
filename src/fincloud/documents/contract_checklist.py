"""(6) 계약서 기재사항 체크리스트 — 감독규정 <별표 2의5>, 정보처리위탁규정 제4조제3항; 가이드 제7장.

The contract filed as attachment 6 must contain the 별표 2의5 items (기본 12 always, 추가 6 for
중요업무) and the 4 items of 위탁규정 제4조제3항. The checklist prints each required clause with
the regulation's words and the guide's 규정 준수 시 고려사항, notes the indirect-contract rule
(MSP, 재위탁: same effect as a direct contract) and, where the contract was reviewed by
``fincloud contract review``, the status, location, excerpt and confidence of each finding —
a finding to confirm, not a verdict.
"""

from __future__ import annotations

from typing import Any

from fincloud.documents.context import Context
from fincloud.documents.labels import CLAUSE_TIER, FILES, REVIEW_STATUS, fmt_date, pick
from fincloud.documents.model import UNCHECKED, Document


def build(ctx: Context) -> Document:
    clauses = ctx.result.contract_clauses
    assert clauses is not None
    table = ctx.catalog.contract_table
    doc = Document(
        title=ctx.t("클라우드컴퓨팅서비스 이용계약서 기재사항 체크리스트", "Cloud contract clause checklist"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제5항제6호, <별표 2의5>, 정보처리위탁규정 제4조제3항, 가이드 제7장",
                       "감독규정 §14-2⑤6, <별표 2의5>, 위탁규정 §4③, guide chapter 7"),
        meta=ctx.meta(), footer=ctx.footer(FILES["contract"]), landscape=True,
    )
    counts: dict[str, int] = {}
    for clause_id in clauses.required:
        tier = ctx.catalog.contract_clause(clause_id).tier
        counts[tier] = counts.get(tier, 0) + 1
    for reason in clauses.reasons:
        doc.para(ctx.reason(reason, cite=True), "bold")
    doc.para(ctx.t(f"필수 기재사항 {len(clauses.required)}개: 별표 2의5 기본 {counts.get('basic', 0)}개, "
                   f"추가 {counts.get('additional', 0)}개, 위탁규정 제4조제3항 {counts.get('entrustment', 0)}개",
                   f"{len(clauses.required)} required clauses: 별표 2의5 basic {counts.get('basic', 0)}, "
                   f"additional {counts.get('additional', 0)}, 위탁규정 §4③ {counts.get('entrustment', 0)}"))
    doc.para(ctx.t(f"계약 체결일: {fmt_date(ctx.workload.contract.signed_on)}",
                   f"Contract signed: {fmt_date(ctx.workload.contract.signed_on)}"))
    if table.preamble:
        doc.note(f"{table.preamble['text']} [{table.preamble['citation']}]")
    if clauses.indirect:
        indirect = table.indirect_contracts or {}
        doc.para(ctx.t("간접계약(재위탁·MSP): ", "Indirect contract (sub-outsourcing, MSP): ")
                 + f"{indirect.get('text', '')} [{indirect.get('citation', '')}]", "bold")
        for note in indirect.get("notes", ()):
            doc.note(note)
    reviewed = bool(clauses.findings)
    doc.note(ctx.t("검토 결과: fincloud 계약서 검토(자동) 결과 — 사람이 확인할 대상이며 판정이 아님." if reviewed else
                   "계약서 자동 검토 결과 없음 — 각 사항의 반영 여부와 조항 위치를 검토자가 기재.",
                   "Review: automatic contract review findings, to be confirmed by a person." if reviewed else
                   "No automatic review: the reviewer records whether and where each clause appears."))

    doc.heading(ctx.t("1. 기재사항 점검표", "1. Clause checklist"))
    rows = []
    for number, clause_id in enumerate(clauses.required, 1):
        clause = ctx.catalog.contract_clause(clause_id)
        text = clause.text if ctx.lang == "ko" or not clause.text_en else clause.text_en
        finding = clauses.findings.get(clause_id)
        if finding:
            review = _finding_cells(ctx, finding)
        elif reviewed:
            review = (ctx.t("검토 결과 없음", "not reviewed"), "", "", "")
        else:
            review = (f"{UNCHECKED}{ctx.t('반영', 'present')} {UNCHECKED}{ctx.t('미반영', 'absent')}", "", "", "")
        rows.append((str(number), pick(CLAUSE_TIER, clause.tier, ctx.lang), f"{text}\n({clause.id})",
                     clause.citation, *review))
    doc.table(
        (ctx.t("번호", "No."), ctx.t("구분", "Tier"), ctx.t("기재사항", "Clause"), ctx.t("근거", "Citation"),
         ctx.t("검토 결과", "Status"), ctx.t("계약서 위치", "Location"), ctx.t("해당 문구", "Excerpt"),
         ctx.t("신뢰도", "Confidence")),
        rows, (0.6, 1.2, 4.5, 2.6, 1.6, 1.5, 4.5, 0.9), font_size=7,
    )

    doc.heading(ctx.t("2. 사항별 규정 준수 시 고려사항 (가이드 제7장)", "2. Considerations per clause (guide chapter 7)"))
    for number, clause_id in enumerate(clauses.required, 1):
        clause = ctx.catalog.contract_clause(clause_id)
        doc.heading(f"{number}. {clause.text} ({clause.source})", 2)
        extra = clause.model_extra or {}
        if extra.get("considerations_mapped"):
            doc.note(ctx.t("가이드에 별도 고려사항이 없어 관련 별표 2의5 항목의 고려사항을 준용 (카탈로그 해석)",
                           "The guide has no considerations of its own for this item; those of the related "
                           "별표 2의5 item are applied (catalog reading)"))
        for consideration in clause.considerations or ():
            notes = (consideration.model_extra or {}).get("notes") or ()
            doc.para("· " + consideration.text)
            for note in notes:
                doc.note(str(note))
            if consideration.citation:
                doc.note(f"[{consideration.citation}]")
        if clauses.indirect and isinstance(clause.indirect_note, dict):
            specific = clause.indirect_note.get("specific")
            if specific:
                doc.note(ctx.t("간접계약: ", "Indirect contract: ") + str(specific))
    recommendation = (table.model_extra or {}).get("recommendation_note")
    if recommendation:
        doc.note(f"{recommendation['text']} [{recommendation['citation']}]")
    return doc


def _finding_cells(ctx: Context, finding: dict[str, Any]) -> tuple[str, str, str, str]:
    """Status, location, excerpt and confidence of a review finding (contract-review/1 shape)."""
    passages = finding.get("passages") or []
    first = passages[0] if passages else {}
    location = finding.get("location") or first.get("location") or ""
    page = first.get("page")
    if page and location:
        location = f"{location} (p.{page})"
    excerpt = finding.get("excerpt") or first.get("text") or ""
    if len(excerpt) > 240:
        excerpt = excerpt[:237] + "…"
    confidence = finding.get("confidence")
    status = pick(REVIEW_STATUS, finding.get("status"), ctx.lang)
    return status, location or "—", excerpt or "—", f"{confidence:.2f}" if isinstance(confidence, int | float) else "—"
