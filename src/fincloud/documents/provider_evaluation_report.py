"""(3) 클라우드서비스 제공자 평가 계획/결과 — 감독규정 제14조의2제1항제2호, <별표 2의2>; 가이드 제4장.

Lists every one of the 54 items of <별표 2의2> so the reader sees what was evaluated and, for
each item not evaluated, the rule that allows skipping it (비중요업무, a valid certificate, or a
service model the item does not apply to). Then the comprehensive and regular evaluation
schedule, certificates relied on, the representative evaluation, the events that call for a
re-evaluation, and blockers. The result column is left for the evaluator: fincloud plans the
evaluation; the evaluation itself (self-check → verification → confirmation) is people's work.
"""

from __future__ import annotations

from fincloud.documents.context import Context
from fincloud.documents.labels import BASIS, FILES, ITEM_KIND, METHOD, SKIP, STATUS, fmt_date, pick, yes_no
from fincloud.documents.model import Document


def build(ctx: Context) -> Document:
    plan = ctx.result.provider_evaluation
    assert plan is not None
    catalog = ctx.catalog
    doc = Document(
        title=ctx.t("클라우드서비스 제공자 건전성·안전성 평가 계획 및 결과",
                    "Cloud provider soundness and safety evaluation: plan and result"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제1항제2호·제5항제3호, <별표 2의2>, 가이드 제4장",
                       "감독규정 §14-2①2 and ⑤3, <별표 2의2>, guide chapter 4"),
        meta=ctx.meta(), footer=ctx.footer(FILES["provider_evaluation"]), landscape=True,
    )
    required = sum(1 for item in plan.items if item.required)
    doc.heading(ctx.t("1. 요약", "1. Summary"))
    doc.table(
        (ctx.t("항목", "Item"), ctx.t("내용", "Value")),
        [
            (ctx.t("업무 중요도", "Importance"), ctx.t("중요", "critical") if ctx.critical else ctx.t("비중요", "non-critical")),
            (ctx.t("평가 항목 (별표 2의2)", "Items (별표 2의2)"),
             ctx.t(f"전체 {len(plan.items)}개 중 평가 {required}개, 생략 {len(plan.items) - required}개",
                   f"{required} of {len(plan.items)} evaluated, {len(plan.items) - required} skipped")),
            (ctx.t("종합평가", "Comprehensive"), _schedule(ctx, plan.comprehensive)),
            (ctx.t("정기평가", "Regular"), _schedule(ctx, plan.regular)),
            (ctx.t("평가 결과 활용 근거", "Basis"), pick(BASIS, plan.comprehensive.basis, ctx.lang)),
            (ctx.t("이용 제한 사유(blocker)", "Blockers"), str(len(plan.blockers)) if plan.blockers else ctx.t("없음", "none")),
        ],
        (1, 4),
    )
    if plan.blockers:
        doc.heading(ctx.t("이용 제한 사유", "Blockers"), 2)
        for blocker in plan.blockers:
            doc.para(ctx.reason(blocker, cite=True), "bold")

    doc.heading(ctx.t("2. 평가 일정", "2. Schedule"))
    rows = []
    for label, schedule in ((ctx.t("종합평가", "Comprehensive"), plan.comprehensive),
                            (ctx.t("정기평가", "Regular"), plan.regular)):
        rows.append((label, yes_no(schedule.required, ctx.lang), pick(METHOD, schedule.method, ctx.lang),
                     fmt_date(schedule.last_completed), fmt_date(schedule.due), pick(STATUS, schedule.status, ctx.lang),
                     "\n".join(ctx.reason(r, cite=True) for r in schedule.reasons)))
    doc.table(
        (ctx.t("구분", "Kind"), ctx.t("필요", "Required"), ctx.t("방법", "Method"), ctx.t("최근 실시", "Last done"),
         ctx.t("기한", "Due"), ctx.t("상태", "Status"), ctx.t("근거", "Reasons")),
        rows, (1.4, 0.9, 1.2, 1.4, 1.4, 1.6, 7),
    )
    obligations = {o.id: o for o in catalog.obligations.obligations}
    for key in ("comprehensive_evaluation", "regular_evaluation"):
        entry = obligations.get(key)
        if entry:
            doc.note(f"{entry.text} [{entry.citation}]")

    doc.heading(ctx.t("3. 보안인증 및 대표평가", "3. Certificates and representative evaluation"))
    if plan.certificates:
        for reason in plan.certificates:
            doc.para("· " + ctx.reason(reason, cite=True))
    else:
        doc.para(ctx.t("보유 인증 없음 — 대체 항목 생략 불가", "No certificate: alternative items cannot be skipped"))
    representative = ctx.provider.representative_evaluations
    if representative:
        doc.table(
            (ctx.t("공유일", "Shared on"), ctx.t("서비스 모델", "Service models"),
             ctx.t("정보보호위원회 의결일", "Committee resolution")),
            [(fmt_date(r.shared_on), ", ".join(r.service_models), fmt_date(r.committee_resolution_on))
             for r in representative],
            (1, 1, 1),
        )
    else:
        doc.para(ctx.t("침해사고대응기관 대표평가 공유 기록 없음", "No representative evaluation shared"))
    doc.note(ctx.t("대표평가 결과는 공유일로부터 다음 해 12월 31일까지 유효하며, 활용에는 정보보호위원회 심의·의결과 범위 일치가 필요함 "
                   "[가이드 제4장 1 다., 2 가.]",
                   "A representative evaluation is valid until 31 December of the year after sharing; relying on it "
                   "needs a committee resolution and a matching scope [guide ch. 4 1 다., 2 가.]"))
    for note in plan.notes:
        doc.note(ctx.reason(note, cite=True))

    doc.heading(ctx.t("4. 재평가 사유", "4. Re-evaluation triggers"))
    if plan.reevaluations:
        for reason in plan.reevaluations:
            doc.para("· " + ctx.reason(reason, cite=True), "bold")
    else:
        doc.para(ctx.t("평가 기준일 현재 발생한 재평가 사유 없음", "No re-evaluation event as of the assessment date"))
    comprehensive = obligations.get("comprehensive_evaluation")
    regular = obligations.get("regular_evaluation")
    triggers = [(False, f"{case['text']} [{comprehensive.citation}]")
                for case in ((comprehensive.model_extra or {}).get("also_when", ()) if comprehensive else ())]
    ad_hoc = (regular.model_extra or {}).get("ad_hoc") if regular else None
    if ad_hoc:
        triggers.append((False, f"{ad_hoc['text']} ({'; '.join(ad_hoc.get('notes', ()))}) [{regular.citation}]"))
    doc.para(ctx.t("다음 사유가 생기면 재평가:", "Re-evaluate when:"))
    doc.checklist(triggers)

    doc.heading(ctx.t("5. 평가 항목 (별표 2의2, 54개)", "5. Evaluation items (별표 2의2, 54 items)"))
    doc.note(f"{catalog.provider_items_table.preamble} [{catalog.provider_items_table.citation}]")
    rows = []
    for item in plan.items:
        spec = catalog.provider_item(item.number)
        question = spec.question if ctx.lang == "ko" or not spec.question_en else spec.question_en
        if item.required:
            decision = ctx.t("평가", "evaluate")
        else:
            decision = ctx.t("생략", "skip") + f" ({pick(SKIP, item.skip_reason, ctx.lang)})"
        rows.append((item.number, f"{spec.domain}. {catalog.domain_name(spec.domain)}",
                     f"{spec.subdomain}. {catalog.subdomain_name(spec.subdomain)}", question,
                     pick(ITEM_KIND, item.kind, ctx.lang), ", ".join(spec.service_models), decision,
                     ctx.reason(item.reason), ""))
    doc.table(
        (ctx.t("번호", "No."), ctx.t("영역", "Domain"), ctx.t("세부영역", "Subdomain"), ctx.t("평가항목", "Question"),
         ctx.t("구분", "Kind"), ctx.t("적용", "Applies to"), ctx.t("평가 여부", "Evaluate"),
         ctx.t("사유", "Why"), ctx.t("평가 결과", "Result")),
        rows, (0.8, 1.7, 1.8, 5.2, 0.7, 1.2, 1.3, 3.3, 1.4), font_size=6.8,
    )
    doc.note(ctx.t("'평가 결과' 열은 평가자가 자가점검·결과검증·확인평가 후 기재 (제공자 자가점검표: 제공자_자가점검표.xlsx).",
                   "The 'Result' column is filled in by the evaluator after self-check, verification and confirmation "
                   "(provider questionnaire: 제공자_자가점검표.xlsx)."))
    return doc


def _schedule(ctx: Context, schedule) -> str:
    if not schedule.required:
        return pick(STATUS, "not_required", ctx.lang)
    parts = [pick(METHOD, schedule.method, ctx.lang), pick(STATUS, schedule.status, ctx.lang)]
    if schedule.due:
        parts.append(ctx.t(f"기한 {schedule.due.isoformat()}", f"due {schedule.due.isoformat()}"))
    return " · ".join(parts)
