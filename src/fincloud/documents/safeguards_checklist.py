"""(4) 업무연속성계획 및 안전성 확보조치 체크리스트 — 감독규정 제14조의2제1항제3호, <별표 2의3>,
<별표 2의4>; 가이드 제5장.

Every requirement of 제5장 by topic, with its level (필수/추가/권고), whether this workload must
meet it (중요업무: 필수+추가, 비중요업무: 필수; 권고 always optional), its citation, an empty status
column for the person who checks it, and what configuration scans found where they were run.
The exit strategy (제5장 1 5), a 추가 사항 of 비상대책 for 중요업무) closes the document with the
workload's recorded exit plan beside what the guide says a plan contains.
"""

from __future__ import annotations

from typing import Any

from fincloud.documents.context import Context
from fincloud.documents.labels import FILES, REQ_LEVEL, fmt_date, pick
from fincloud.documents.model import UNCHECKED, Document

STATUS_BOXES = f"{UNCHECKED}이행 {UNCHECKED}부분 {UNCHECKED}미이행"
STATUS_BOXES_EN = f"{UNCHECKED}done {UNCHECKED}partly {UNCHECKED}not done"


def build(ctx: Context) -> Document:
    plan = ctx.result.continuity_and_safeguards
    assert plan is not None
    statuses = {r.id: r for r in plan.requirements}
    doc = Document(
        title=ctx.t("업무 연속성 계획 및 안전성 확보조치 체크리스트", "Continuity plan and safeguards checklist"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제1항제3호·제5항제4호, <별표 2의3>·<별표 2의4>, 가이드 제5장",
                       "감독규정 §14-2①3 and ⑤4, <별표 2의3> and <별표 2의4>, guide chapter 5"),
        meta=ctx.meta(), footer=ctx.footer(FILES["safeguards"]), landscape=True,
    )
    for reason in plan.reasons:
        doc.para(ctx.reason(reason, cite=True), "bold")
    required = sum(1 for r in plan.requirements if r.required)
    with_evidence = sum(1 for r in plan.requirements if r.machine_evidence)
    doc.para(ctx.t(f"적용 요구사항 {required}개 (권고 {len(plan.recommended)}개 별도), 자동 점검 증적이 있는 요구사항 {with_evidence}개",
                   f"{required} requirements apply ({len(plan.recommended)} recommendations besides); "
                   f"{with_evidence} have configuration-scan evidence"))
    doc.note(ctx.t("이행 상태 열은 점검자가 기재. 자동 점검 증적은 설정 파일 분석 결과로 사람의 확인을 대신하지 않음.",
                   "The status column is filled in by the reviewer. Scan evidence supports, never replaces, that check."))
    boxes = STATUS_BOXES if ctx.lang == "ko" else STATUS_BOXES_EN
    for number, (table, label) in enumerate(((ctx.catalog.continuity_table, ctx.t("업무 연속성 계획", "Continuity plan")),
                                             (ctx.catalog.safeguards_table, ctx.t("안전성 확보조치", "Safeguards"))), 1):
        doc.heading(f"{number}. {label} — {table.title} [{table.citation}]")
        for topic in table.topics:
            doc.heading(topic.name if ctx.lang == "ko" else f"{topic.name} ({topic.name_en})", 2)
            rows = []
            for req in topic.requirements:
                status = statuses.get(req.id)
                applies = _applies(ctx, req.level, status.required if status else False)
                text = req.text if ctx.lang == "ko" or not req.text_en else req.text_en
                if req.sub_items:
                    text += "\n" + "\n".join(f"- {s}" for s in req.sub_items)
                evidence = _evidence(status.machine_evidence if status else ())
                rows.append((req.id, pick(REQ_LEVEL, req.level, ctx.lang), text, applies, req.citation, boxes, evidence))
            doc.table(
                ("ID", ctx.t("구분", "Level"), ctx.t("요구사항", "Requirement"), ctx.t("적용", "Applies"),
                 ctx.t("근거", "Citation"), ctx.t("이행 상태", "Status"), ctx.t("자동 점검 증적", "Scan evidence")),
                rows, (1.6, 0.8, 7.5, 1.3, 2.6, 1.5, 2.4), font_size=6.8,
            )
    _exit_plan(ctx, doc)
    return doc


def _applies(ctx: Context, level: str, required: bool) -> str:
    if level == "recommended":
        return ctx.t("권고 (선택)", "recommended (optional)")
    if required:
        return ctx.t("적용 (필수 준수)", "applies")
    return ctx.t("생략 가능 (비중요업무)", "may be skipped (non-critical)")


def _evidence(findings: tuple[dict[str, Any], ...]) -> str:
    lines = []
    for finding in findings:
        check = finding.get("id") or finding.get("check") or finding.get("check_id") or ""
        status = finding.get("status", "")
        source = finding.get("source", "")
        if isinstance(source, dict):
            source = source.get("file") or source.get("kind") or ""
        date = finding.get("date", "")
        line = " ".join(str(p) for p in (check, status) if p)
        extra = ", ".join(str(p) for p in (source, date) if p)
        lines.append(f"{line} ({extra})" if extra else line)
    return "\n".join(lines) or "—"


def _exit_plan(ctx: Context, doc: Document) -> None:
    exit_table = ctx.catalog.exit.model_extra or {}
    strategy = exit_table.get("exit_strategy", {})
    doc.page_break()
    doc.heading(ctx.t("3. 출구전략 (가이드 제5장 1 5), 제9장)", "3. Exit strategy (guide ch. 5 1 5) and ch. 9)"))
    needed = strategy.get("required_as_additional_item", {})
    if ctx.critical:
        doc.para(ctx.t(f"중요업무: 출구 전략 수립 필요 — {needed.get('text', '')} [{needed.get('citation', '')}]",
                       f"Critical work: an exit strategy is required — {needed.get('text', '')} [{needed.get('citation', '')}]"),
                 "bold")
    else:
        doc.para(ctx.t(f"비중요업무: 출구 전략은 참고(권고) 사항 [{strategy.get('citation', '')}]",
                       f"Non-critical work: the exit strategy is a recommendation [{strategy.get('citation', '')}]"))
    plan = ctx.workload.exit_plan
    if plan is None:
        doc.para(ctx.t("기록된 출구 전략 없음", "No exit plan recorded"), "bold")
    fields = [
        (ctx.t("이행 지표(발동 사유)", "Triggers"), "\n".join(plan.triggers) if plan else ""),
        (ctx.t("이행 방법(이전·대체·재개발 등)", "Method"), plan.method if plan else None),
        (ctx.t("대체 사업자 또는 솔루션", "Alternative provider"), plan.alternative_provider if plan else None),
        (ctx.t("데이터 파기 절차 및 방법", "Data destruction"), plan.destruction_procedure if plan else None),
        (ctx.t("이전 절차 및 방법", "Migration steps"), "\n".join(plan.migration_steps) if plan else ""),
        (ctx.t("이전 시점 및 소요시간", "Timeline"), plan.timeline if plan else None),
        (ctx.t("인력 및 비용", "People and cost"), plan.people_and_cost if plan else None),
        (ctx.t("최근 검토일", "Last reviewed"), fmt_date(plan.last_reviewed_on) if plan else None),
    ]
    doc.table((ctx.t("출구 전략 요소", "Element"), ctx.t("기록 내용", "Recorded")),
              [(label, value or ctx.t("미기재", "not recorded")) for label, value in fields], (1, 3))
    doc.heading(ctx.t("출구 전략 포함 사항 (가이드)", "What the guide asks an exit strategy to contain"), 2)
    items = []
    for element in strategy.get("elements", ()):
        text = element.get("text", "")
        if element.get("items"):
            text += " — " + "; ".join(element["items"])
        items.append((False, f"{element.get('heading', '')}: {text}"))
    doc.checklist(items)
    for obligation in exit_table.get("obligations", ()):
        doc.note(f"{obligation.get('text', '')} [{obligation.get('citation', '')}]")
