"""요약.md — a Markdown summary of the package, per workload and for the whole portfolio.

Markdown because it reads in a terminal, a code review and the web app alike. It lists the
decision of each step with its reasons, the deadlines, the blockers and the pre-submission
verdict, and points to the documents in the folder.
"""

from __future__ import annotations

from fincloud.documents.context import Context
from fincloud.documents.labels import BASIS, FILES, METHOD, STATUS, Lang, fmt_date, fmt_points, pick, t
from fincloud.documents.presubmission import Finding
from fincloud.engine.result import Assessment
from fincloud.messages import render_reason


def workload_summary(ctx: Context, findings: list[Finding]) -> str:
    r, lang = ctx.result, ctx.lang
    importance, plan = r.importance, r.provider_evaluation
    assert importance and plan and r.contract_clauses and r.continuity_and_safeguards
    lines = [f"# {ctx.workload.name} (`{ctx.workload.id}`)", ""]
    lines += [f"- **{k}**: {v}" for k, v in ctx.meta()]
    lines += ["", f"## {t('판단', 'Decisions', lang)}", ""]
    decision = t("중요업무", "critical", lang) if importance.critical else t("비중요업무", "non-critical", lang)
    lines.append(f"- {t('중요도', 'Importance', lang)}: **{decision}** — {fmt_points(importance.score)} / "
                 f"{t('기준', 'threshold', lang)} {fmt_points(importance.threshold)}")
    for reason in (*importance.reasons, *importance.warnings):
        lines.append(f"  - {ctx.reason(reason, cite=True)}")
    required = sum(1 for i in plan.items if i.required)
    lines.append(f"- {t('제공자 평가', 'Provider evaluation', lang)}: {required}/{len(plan.items)} "
                 f"{t('항목 평가', 'items evaluated', lang)}; {t('종합', 'comprehensive', lang)} "
                 f"{pick(METHOD, plan.comprehensive.method, lang)} {pick(STATUS, plan.comprehensive.status, lang)} "
                 f"({fmt_date(plan.comprehensive.due)}); {t('정기', 'regular', lang)} {pick(STATUS, plan.regular.status, lang)} "
                 f"({fmt_date(plan.regular.due)}); {pick(BASIS, plan.comprehensive.basis, lang)}")
    lines.append(f"- {t('업무 연속성·안전성 확보조치', 'Continuity and safeguards', lang)}: "
                 f"{len(r.continuity_and_safeguards.required)} {t('개 적용', 'apply', lang)}")
    lines.append(f"- {t('계약서 기재사항', 'Contract clauses', lang)}: {len(r.contract_clauses.required)}"
                 + (f" ({t('간접계약', 'indirect', lang)})" if r.contract_clauses.indirect else ""))
    if r.report and r.report.required:
        for item in r.report.items:
            lines.append(f"- {t('보고', 'Report', lang)}: {ctx.reason(item.reason)} — {t('기한', 'due', lang)} "
                         f"{fmt_date(item.due)} ({pick(STATUS, item.status, lang)})")
    else:
        lines.append(f"- {t('보고', 'Report', lang)}: {t('현재 보고 사유 없음', 'no reporting event now', lang)}")
    if r.blockers:
        lines += ["", f"## {t('이용 제한 사유', 'Blockers', lang)}", ""]
        lines += [f"- {ctx.reason(b, cite=True)}" for b in r.blockers]
    dated = [o for o in r.obligations if o.status != "ok" or o.due]
    lines += ["", f"## {t('의무 일정', 'Obligations', lang)}", "",
              f"| {t('의무', 'Obligation', lang)} | {t('기한', 'Due', lang)} | {t('상태', 'Status', lang)} |", "|---|---|---|"]
    lines += [f"| {o.id} | {fmt_date(o.due)} | {pick(STATUS, o.status, lang)} |" for o in dated]
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    lines += ["", f"## {t('제출 전 점검', 'Pre-submission check', lang)}", "",
              (t(f"오류 {errors}건, 경고 {warnings}건 — ", f"{errors} errors, {warnings} warnings — ", lang)
               + (t("제출 불가", "not ready to file", lang) if errors else t("제출 가능(확인 사항 검토)", "ready after confirmations", lang))
               + f" ([{FILES['presubmission']}.md]({FILES['presubmission']}.md))")]
    lines += ["", f"## {t('서류', 'Documents', lang)}", ""]
    for key in ("checklist", "importance", "provider_evaluation", "safeguards", "committee", "contract"):
        lines.append(f"- {FILES[key]}.docx / .pdf")
    lines += [f"- {FILES['questionnaire']}", f"- {FILES['calendar']}"]
    return "\n".join(lines) + "\n"


def portfolio_summary(assessment: Assessment, verdicts: dict[str, tuple[int, int]], lang: Lang = "ko") -> str:
    """The root 요약.md: one row per workload in the package, plus out-of-scope workloads for the record."""
    lines = [f"# {assessment.institution.get('name', '')} — {t('클라우드 이용 보고 패키지', 'cloud report package', lang)}", "",
             f"- {t('평가 기준일', 'As of', lang)}: {assessment.as_of.isoformat()}",
             f"- {t('적용 기준', 'Catalog edition', lang)}: {assessment.catalog}", "",
             f"| {t('업무', 'Workload', lang)} | {t('중요도', 'Importance', lang)} | {t('점수', 'Score', lang)} | "
             f"{t('보고 기한', 'Report due', lang)} | {t('이용 제한', 'Blockers', lang)} | {t('점검 오류/경고', 'Errors/warnings', lang)} |",
             "|---|---|---|---|---|---|"]
    for w in assessment.workloads:
        if w.id not in verdicts or not w.importance:
            continue
        errors, warnings = verdicts[w.id]
        decision = t("중요", "critical", lang) if w.importance.critical else t("비중요", "non-critical", lang)
        due = fmt_date(w.report.due) if w.report and w.report.required else "—"
        lines.append(f"| [{w.name}]({w.id}/{FILES['summary']}) (`{w.id}`) | {decision} | {fmt_points(w.importance.score)} | "
                     f"{due} | {len(w.blockers)} | {errors}/{warnings} |")
    out_of_scope = [w for w in assessment.workloads if not w.in_scope]
    if out_of_scope:
        lines += ["", f"## {t('적용 대상 아님', 'Out of scope', lang)}", ""]
        for w in out_of_scope:
            why = "; ".join(render_reason(r, lang) for r in w.scope_reasons)
            lines.append(f"- {w.name} (`{w.id}`): {why}")
    if assessment.concentration.flags or any(p.flags for p in assessment.providers):
        lines += ["", f"## {t('집중 리스크 (부록2)', 'Concentration (부록2)', lang)}", ""]
        lines += [f"- {render_reason(f, lang)}" for f in assessment.concentration.flags]
        lines += [f"- {render_reason(f, lang)}" for p in assessment.providers for f in p.flags]
    return "\n".join(lines) + "\n"
