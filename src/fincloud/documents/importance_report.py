"""(2) 중요도 평가 기준 및 결과 — 감독규정 제14조의2제1항제1호, 제5항제2호; 가이드 제3장, 부록1.

The FSS receives both the criteria (the rubric the institution applied: 5 criteria of 제1호
가~마목, 13 items, points, printed bands and level weights, and the thresholds per information
class) and the result (each item's value, level and points, the total, the decision). The
banding rule is stated because the printed bands have gaps (e.g. 손해금액 "1~3억원" then
"5억원 이상"): a value is banded by each band's lower bound and, with two measures, the higher
level wins.
"""

from __future__ import annotations

from fincloud.documents.context import Context
from fincloud.documents.labels import FILES, ITEM_NAMES, LEVEL, fmt_points, pick
from fincloud.documents.model import Document

LEVELS = ("high", "medium", "low", "none")


def build(ctx: Context) -> Document:
    rubric = ctx.catalog.rubric
    result = ctx.result.importance
    assert result is not None  # in-scope workloads always carry an importance result
    doc = Document(
        title=ctx.t("업무 중요도 평가 기준 및 결과", "Importance assessment: criteria and result"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제1항제1호·제5항제2호, 가이드 제3장·부록1",
                       "감독규정 §14-2①1 and ⑤2; guide chapter 3 and 부록1"),
        meta=ctx.meta(), footer=ctx.footer(FILES["importance"]), landscape=True,
    )
    doc.heading(ctx.t("1. 평가 결과 요약", "1. Result"))
    cls = result.information_class
    decision = ctx.t("중요업무", "critical") if result.critical else ctx.t("비중요업무", "non-critical")
    doc.table(
        (ctx.t("항목", "Item"), ctx.t("결과", "Result")),
        [
            (ctx.t("처리정보 유형 (1단계)", "Information class (step 1)"),
             f"{rubric.information_class(cls).name} ({cls})"),
            (ctx.t("업무 영향평가 점수 (2단계)", "Impact score (step 2)"), f"{fmt_points(result.score)} / 100"),
            (ctx.t("판단기준 (3단계)", "Threshold (step 3)"), f"{fmt_points(result.threshold)}"),
            (ctx.t("판단 결과", "Decision"), decision),
            (ctx.t("평가 완료 여부", "Complete"),
             ctx.t("완료", "complete") if result.complete else
             ctx.t(f"미완료 항목: {', '.join(result.missing_items)}", f"items missing: {', '.join(result.missing_items)}")),
            (ctx.t("적용 기준표", "Rubric"), ctx.t("가이드 부록1 예시", "guide 부록1 example")
             if result.rubric == "guide" else result.rubric),
        ],
        (1, 3),
    )
    for reason in result.reasons:
        doc.para(ctx.reason(reason, cite=True), "bold")
    if result.warnings:
        doc.heading(ctx.t("경고", "Warnings"), 2)
        for warning in result.warnings:
            item = warning.params.get("item", "")
            doc.para(f"[{item} · {pick(ITEM_NAMES, item, ctx.lang)}] {ctx.reason(warning)}")
    doc.note(ctx.t("구간 하한 기준, 두 측정값 중 높은 등급: 측정값은 각 구간의 하한을 기준으로 구분하므로 인쇄된 구간 사이의 값"
                   "(예: 손해금액 4억원은 중 '1~3억원'과 상 '5억원 이상' 사이)은 하한에 도달한 가장 높은 구간을 적용하며, "
                   "비율과 건수 등 두 측정값이 있으면 높은 등급을 적용함.",
                   "Banded by each band's lower bound, the higher of two measures: a value between printed bands "
                   "(e.g. a loss of 4억원 between 중 '1~3억원' and 상 '5억원 이상') takes the highest band whose lower bound "
                   "it reaches; with two measures (ratio and count) the higher level wins."))

    doc.heading(ctx.t("2. 항목별 평가 결과", "2. Result per item"))
    rows = []
    for item in rubric.items:
        score = result.items.get(item.id)
        if score is None:
            rows.append((item.id, item.name, "—", "—", "0", fmt_points(item.points)))
            continue
        basis = ctx.reason(score.basis) if score.basis else ""
        rows.append((item.id, item.name, basis, pick(LEVEL, score.level, ctx.lang),
                     fmt_points(score.points), fmt_points(score.max_points)))
    rows.append(("", ctx.t("합계", "Total"), "", "", fmt_points(result.score), fmt_points(sum(i.points for i in rubric.items))))
    doc.table(
        (ctx.t("항목 ID", "Item id"), ctx.t("평가항목", "Item"), ctx.t("평가값 및 근거", "Value and basis"),
         ctx.t("등급", "Level"), ctx.t("점수", "Points"), ctx.t("배점", "Max")),
        rows, (2, 3.2, 7.5, 1.1, 0.9, 0.9),
    )

    doc.heading(ctx.t("3. 평가 기준", "3. Criteria"))
    doc.para(f"{rubric.title} [{rubric.citation}]")
    doc.heading(ctx.t("3.1 처리정보 유형별 판단기준 (1·3단계)", "3.1 Thresholds per information class (steps 1 and 3)"), 2)
    doc.table(
        (ctx.t("처리정보 유형", "Class"), ctx.t("정의", "Definition"), ctx.t("등급", "Level"),
         ctx.t("중요업무 판단기준(점 이상)", "Critical at or above")),
        [(ic.name, ic.definition, pick(LEVEL, ic.level, ctx.lang), fmt_points(ic.threshold))
         for ic in rubric.information_classes],
        (1.5, 8, 1, 2),
    )
    doc.heading(ctx.t("3.2 평가 기준 및 항목별 배점·구간 (2단계)", "3.2 Criteria, items, points and bands (step 2)"), 2)
    criteria = {c.id: c for c in rubric.criteria}
    rows = []
    for item in rubric.items:
        criterion = criteria.get(item.criterion)
        label = f"{criterion.name} ({criterion.article}, {fmt_points(criterion.points)})" if criterion else item.criterion
        rows.append((label, f"{item.name}\n({item.id})", fmt_points(item.points),
                     *(item.bands.get(level, "") for level in LEVELS), item.note))
    doc.table(
        (ctx.t("평가기준 (배점)", "Criterion (points)"), ctx.t("평가항목", "Item"), ctx.t("배점", "Points"),
         ctx.t("상", "High"), ctx.t("중", "Medium"), ctx.t("하", "Low"), ctx.t("해당없음", "None"), ctx.t("비고", "Note")),
        rows, (3.2, 2.4, 0.8, 2, 2, 2, 2, 2.2), font_size=7,
    )
    doc.heading(ctx.t("3.3 등급별 가중치", "3.3 Level weights"), 2)
    doc.table(
        (ctx.t("등급", "Level"), ctx.t("가중치 (배점 대비)", "Weight (of the item's points)")),
        [(pick(LEVEL, level, ctx.lang), f"{rubric.weights.get(level, 0) * 100:g}%") for level in LEVELS],
        (1, 3),
    )
    return doc
