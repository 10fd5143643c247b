"""(5) 정보보호위원회 안건 — 감독규정 제14조의2제2항, 제5항제5호; 가이드 제6장, 제2장 1 라.

The committee must deliberate and resolve on the importance result, the provider evaluation
result, and the continuity plan and safeguards before the contract (the guide orders 평가 →
심의·의결 → 계약 → 보고). This agenda puts those items before it with summaries of documents
(2)–(4), the blockers that prevent approval, the resolutions other chapters require (relying
on a representative evaluation, accepting open deficiencies), a proposed resolution with its
conditions, the 준법감시인 review box, and a vote and signature table. The resolution and the
minutes it produces are attachment 5 of the report.
"""

from __future__ import annotations

from fincloud.documents.context import Context
from fincloud.documents.labels import BASIS, FILES, STATUS, fmt_date, pick
from fincloud.documents.model import Document


def build(ctx: Context) -> Document:
    committee = ctx.catalog.committee.model_extra or {}
    result = ctx.result
    importance, plan, safeguards = result.importance, result.provider_evaluation, result.continuity_and_safeguards
    assert importance and plan and safeguards and result.contract_clauses
    title = ctx.t(f"「{ctx.workload.name}」 클라우드컴퓨팅서비스 이용 심의·의결의 건",
                  f"Deliberation and resolution on using a cloud service for '{ctx.workload.name}'")
    doc = Document(
        title=ctx.t("정보보호위원회 안건", "Information Protection Committee agenda"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제2항·제5항제5호, 가이드 제6장", "감독규정 §14-2② and ⑤5, guide chapter 6"),
        meta=ctx.meta(), footer=ctx.footer(FILES["committee"]),
    )
    doc.heading(ctx.t("1. 안건 개요", "1. The item"))
    doc.table(
        (ctx.t("구분", "Field"), ctx.t("내용", "Content")),
        [
            (ctx.t("안건명", "Title"), title),
            (ctx.t("상정 부서", "Submitted by"), ctx.t("(상정 부서명 기재)", "(department, to be filled in)")),
            (ctx.t("회의 일시·장소", "Meeting"), ctx.t("(기재)", "(to be filled in)")),
            (ctx.t("근거", "Basis"), f"{committee['requirement']['article']['text']} "
                                    f"[{committee['requirement']['article']['citation']}]"),
            (ctx.t("목적", "Purpose"), f"{committee['gate']['text']} [{committee['gate']['citation']}]"),
        ],
        (1, 4),
    )

    doc.heading(ctx.t("2. 심의·의결 사항", "2. Items to deliberate and resolve"))
    rows = [(str(n), item["text"], item.get("regulation_basis", ""), item["citation"])
            for n, item in enumerate(committee.get("deliberation_items", ()), 1)]
    conditional = {c["id"]: c for c in committee.get("conditional_resolutions", ())}
    extra = []
    if plan.comprehensive.basis == "representative" or any(
            r.code.startswith("comprehensive.representative") for r in plan.comprehensive.reasons):
        extra.append(conditional.get("reuse_prior_evaluation"))
    if any(b.code == "blocker.open_deficiencies" for b in result.blockers) or any(
            e.open_deficiencies for e in ctx.provider.evaluations):
        extra.append(conditional.get("accept_deficiencies"))
    for item in filter(None, extra):
        rows.append((str(len(rows) + 1), item["text"], "", item["citation"]))
    doc.table((ctx.t("번호", "No."), ctx.t("심의·의결 사항", "Item"), ctx.t("규정상 근거", "Regulation"),
               ctx.t("근거", "Citation")), rows, (0.6, 5, 3.5, 2.6), font_size=7.5)

    doc.heading(ctx.t("3. 심의 자료 요약", "3. Summary of the papers"))
    doc.heading(ctx.t("3.1 업무 중요도 평가 결과 (첨부: 02)", "3.1 Importance (attached: 02)"), 2)
    for reason in importance.reasons:
        doc.para(ctx.reason(reason, cite=True))
    if importance.warnings:
        doc.para(ctx.t(f"경고 {len(importance.warnings)}건: ", f"{len(importance.warnings)} warnings: ")
                 + "; ".join(ctx.reason(w) for w in importance.warnings))
    doc.heading(ctx.t("3.2 클라우드서비스 제공자 평가 결과 (첨부: 03)", "3.2 Provider evaluation (attached: 03)"), 2)
    required = sum(1 for i in plan.items if i.required)
    doc.table(
        (ctx.t("항목", "Item"), ctx.t("내용", "Content")),
        [
            (ctx.t("평가 항목", "Items"), ctx.t(f"별표 2의2 {len(plan.items)}개 중 {required}개 평가",
                                               f"{required} of {len(plan.items)} items of 별표 2의2")),
            (ctx.t("종합평가", "Comprehensive"), f"{pick(STATUS, plan.comprehensive.status, ctx.lang)} · "
                                                f"{ctx.t('최근', 'last')} {fmt_date(plan.comprehensive.last_completed)} · "
                                                f"{ctx.t('기한', 'due')} {fmt_date(plan.comprehensive.due)}"),
            (ctx.t("정기평가", "Regular"), f"{pick(STATUS, plan.regular.status, ctx.lang)} · "
                                          f"{ctx.t('기한', 'due')} {fmt_date(plan.regular.due)}"),
            (ctx.t("평가 근거", "Basis"), pick(BASIS, plan.comprehensive.basis, ctx.lang)),
            (ctx.t("보안인증", "Certificates"), "\n".join(ctx.reason(c) for c in plan.certificates) or "—"),
        ],
        (1, 4),
    )
    doc.heading(ctx.t("3.3 업무 연속성 계획 및 안전성 확보조치 (첨부: 04)", "3.3 Continuity and safeguards (attached: 04)"), 2)
    by_part: dict[str, int] = {}
    for req in safeguards.requirements:
        if req.required:
            by_part[req.part] = by_part.get(req.part, 0) + 1
    for reason in safeguards.reasons:
        doc.para(ctx.reason(reason, cite=True))
    doc.para(ctx.t(f"적용 요구사항: 업무 연속성 계획 {by_part.get('continuity', 0)}개, 안전성 확보조치 {by_part.get('safeguards', 0)}개; "
                   f"출구 전략 {'기록됨' if ctx.workload.exit_plan else '미기록'}",
                   f"Requirements: continuity {by_part.get('continuity', 0)}, safeguards {by_part.get('safeguards', 0)}; "
                   f"exit plan {'recorded' if ctx.workload.exit_plan else 'not recorded'}"))
    doc.heading(ctx.t("3.4 계약서 기재사항 (첨부: 06)", "3.4 Contract clauses (attached: 06)"), 2)
    for reason in result.contract_clauses.reasons:
        doc.para(ctx.reason(reason, cite=True) + ctx.t(f" — {len(result.contract_clauses.required)}개 사항",
                                                       f" — {len(result.contract_clauses.required)} clauses"))

    doc.heading(ctx.t("4. 이용 제한 사유", "4. Blockers"))
    if result.blockers:
        for blocker in result.blockers:
            doc.para("· " + ctx.reason(blocker, cite=True), "bold")
    else:
        doc.para(ctx.t("없음", "None"))

    doc.heading(ctx.t("5. 의결 주문(안)", "5. Proposed resolution"))
    for line in _resolution(ctx, title):
        doc.para(line)
    conditions = _conditions(ctx)
    if conditions:
        doc.para(ctx.t("조건:", "Conditions:"), "bold")
        doc.checklist([(False, c) for c in conditions])

    compliance = next(iter(committee.get("compliance", ())), {})
    doc.heading(ctx.t("6. 준법감시인 검토의견", "6. Compliance officer's opinion"))
    doc.note(f"{compliance.get('text', '')} [{compliance.get('citation', '')}]")
    doc.fillbox(ctx.t("검토의견 (준법감시인 또는 이에 준하는 자)", "Opinion (compliance officer or equivalent)"), 6)
    doc.table((ctx.t("검토자", "Reviewer"), ctx.t("직위", "Title"), ctx.t("검토일", "Date"), ctx.t("서명", "Signature")),
              [("", "", "", "")], (1, 1, 1, 1))

    doc.heading(ctx.t("7. 표결 및 서명", "7. Vote and signatures"))
    doc.table(
        (ctx.t("위원 성명", "Member"), ctx.t("직위", "Title"), ctx.t("찬성", "For"), ctx.t("반대", "Against"),
         ctx.t("기권", "Abstain"), ctx.t("서명", "Signature")),
        [("", "", "□", "□", "□", "") for _ in range(7)], (2, 2, 0.8, 0.8, 0.8, 2),
    )
    doc.table((ctx.t("의결 결과", "Outcome"), ctx.t("내용", "Content")),
              [(ctx.t("결과", "Result"), "□ " + ctx.t("원안 가결", "approved") + "   □ " + ctx.t("조건부 가결", "approved with conditions")
                + "   □ " + ctx.t("보류", "deferred") + "   □ " + ctx.t("부결", "rejected")),
               (ctx.t("의결일", "Date"), ""), (ctx.t("위원장 서명", "Chair's signature"), "")], (1, 4))
    records = committee.get("records", {})
    doc.note(ctx.t("의결 결과와 회의록·의사록은 보고 첨부서류 5호로 제출: ", "The resolution and minutes are attachment 5: ")
             + "; ".join(d["text"] for d in records.get("documents", ())) + f" [{records.get('citation', '')}]")
    for gap in committee.get("not_in_guide", ()):
        doc.note(ctx.t("가이드에 규정 없음(기관 내규에 따름): ", "Not set by the guide (internal rules apply): ") + gap)
    return doc


def _resolution(ctx: Context, title: str) -> list[str]:
    blockers = ctx.result.blockers
    curable = all(b.code == "blocker.open_deficiencies" for b in blockers)
    if not blockers:
        return [ctx.t(f"{title}은(는) 제출된 중요도 평가 결과, 클라우드서비스 제공자 평가 결과, 업무 연속성 계획 및 "
                      "안전성 확보조치 방안을 원안대로 의결하고, 아래 조건의 이행을 전제로 클라우드서비스 이용을 승인한다.",
                      f"The committee resolves the importance result, provider evaluation result, continuity plan and "
                      f"safeguards as submitted for '{ctx.workload.name}' and approves the use on the conditions below.")]
    reasons = "; ".join(ctx.reason(b) for b in blockers)
    lines = [ctx.t(f"{title}은(는) 다음 이용 제한 사유가 해소될 때까지 클라우드서비스 이용 승인을 보류한다: {reasons}.",
                   f"Approval of '{ctx.workload.name}' is deferred until these blockers are resolved: {reasons}.")]
    if curable:
        lines.append(ctx.t("(대안) 미흡사항에 대한 리스크 분석과 대체 보완 방안을 승인하는 경우, 금융회사의 결정에 따라 이용을 승인할 수 있다 "
                           "[가이드 제4장 2 가. 확인평가].",
                           "(Alternative) Having approved a risk analysis and compensating controls for the open "
                           "deficiencies, the committee may approve the use [guide ch. 4 2 가.]."))
    return lines


def _conditions(ctx: Context) -> list[str]:
    """What must still happen for the approval to hold: dated obligations not yet met."""
    result = ctx.result
    plan = result.provider_evaluation
    assert plan is not None
    out = []
    if plan.comprehensive.status in ("required_before_use", "overdue", "due"):
        when = fmt_date(plan.comprehensive.due) if plan.comprehensive.due else ctx.t("최초 이용 전", "before use")
        out.append(ctx.t(f"종합평가({pick(STATUS, plan.comprehensive.status, ctx.lang)}) 완료 및 미흡사항 조치 확인 — {when}",
                         f"Complete the comprehensive evaluation and confirm remediation — {when}"))
    if plan.regular.required and plan.regular.status in ("overdue", "due"):
        out.append(ctx.t(f"정기평가 실시 — {fmt_date(plan.regular.due)}", f"Regular evaluation — {fmt_date(plan.regular.due)}"))
    report = result.report
    if report and report.required and report.status != "ok":
        out.append(ctx.t(f"금융감독원 보고 — 기한 {fmt_date(report.due)} (제14조의2제4항)",
                         f"Report to the FSS by {fmt_date(report.due)} (§14-2④)"))
    out.append(ctx.t(f"계약서에 별표 2의5 및 위탁규정 제4조제3항 사항 {len(result.contract_clauses.required)}개 기재 확인",
                     f"Contract includes the {len(result.contract_clauses.required)} required clauses"))
    if ctx.critical and ctx.workload.exit_plan is None:
        out.append(ctx.t("출구 전략 수립 (가이드 제5장 1 4) 나. 추가 사항)", "Establish an exit strategy (guide ch. 5 1 4) 나.)"))
    importance = result.importance
    if importance and (importance.warnings or not importance.complete):
        out.append(ctx.t("중요도 평가 경고·미완료 항목 보완", "Resolve importance warnings and missing items"))
    return out
