"""The pre-submission check: what still stands between this package and the FSS.

Like a linter for a regulatory filing: every blocker, incomplete or contradicted assessment,
evaluation not done or overdue, overdue report, document not updated after a change, contract
clause missing or contradicted in a review, missing exit plan for critical work, and the items
only a person can confirm (준법감시인 검토의견, the committee resolution and minutes), each with a
severity and the clause it comes from. ``error`` means the package must not be filed as is;
``warning`` needs attention or an explanation; ``info`` is a confirmation a person must make.

A pure function of the portfolio, the assessment and the catalog, so the CLI, the web app and
tests get the same findings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Literal

from fincloud.catalog.loader import Catalog
from fincloud.documents.context import build_context
from fincloud.documents.labels import SEVERITY, Lang, fmt_date, pick, t
from fincloud.engine.result import Assessment
from fincloud.messages import render, render_reason
from fincloud.portfolio.model import Portfolio

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EXIT_REVIEW_DAYS = 365


@dataclass(frozen=True)
class Finding:
    """One thing to fix or confirm before filing. ``rule`` is a stable id scripts can match."""

    rule: str
    severity: Severity
    message: str
    message_en: str
    citation: str = ""
    subject: str = ""

    def text(self, lang: Lang = "ko") -> str:
        return self.message if lang == "ko" else self.message_en

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def presubmission_check(portfolio: Portfolio, assessment: Assessment, catalog: Catalog,
                        workload_id: str) -> list[Finding]:
    """All findings for one in-scope workload, errors first (InputError for an unknown id)."""
    ctx = build_context(portfolio, assessment, catalog, workload_id)
    result, workload = ctx.result, ctx.workload
    out: list[Finding] = []

    def add(rule: str, severity: Severity, reason_or_ko, en: str = "", citation: str = "", subject: str = "") -> None:
        if hasattr(reason_or_ko, "code"):
            out.append(Finding(rule, severity, render_reason(reason_or_ko, "ko"), render_reason(reason_or_ko, "en"),
                               citation or reason_or_ko.citation, subject))
        else:
            out.append(Finding(rule, severity, reason_or_ko, en, citation, subject))

    for blocker in result.blockers:
        add(f"blocker.{blocker.code.split('.', 1)[-1]}", "error", blocker)

    importance = result.importance
    assert importance is not None
    for warning in importance.warnings:
        add("importance.warning", "warning", warning, citation=warning.citation or "가이드 부록1",
            subject=str(warning.params.get("item", "")))
    if not importance.complete:
        for item in importance.missing_items:
            add("importance.missing_item", "error", render("importance.missing_item", {"item": item}, "ko"),
                render("importance.missing_item", {"item": item}, "en"), "감독규정 제14조의2제1항제1호; 가이드 제3장", item)

    plan = result.provider_evaluation
    assert plan is not None
    for kind, schedule, cite in (("comprehensive", plan.comprehensive, "가이드 제4장 2 가."),
                                 ("regular", plan.regular, "가이드 제4장 2 나.")):
        if not schedule.required:
            continue
        reasons = "; ".join(render_reason(r, "ko") for r in schedule.reasons)
        reasons_en = "; ".join(render_reason(r, "en") for r in schedule.reasons)
        ko_name, en_name = ("종합평가", "comprehensive evaluation") if kind == "comprehensive" else ("정기평가", "regular evaluation")
        if schedule.status == "overdue":
            add(f"evaluation.{kind}_overdue", "error", f"{ko_name} 기한 경과 ({fmt_date(schedule.due)}): {reasons}",
                f"{en_name} overdue ({fmt_date(schedule.due)}): {reasons_en}", cite)
        elif schedule.status == "required_before_use":
            severity: Severity = "error" if kind == "comprehensive" else "warning"
            add(f"evaluation.{kind}_not_done", severity, f"{ko_name} 미실시 — 이용 전 필요: {reasons}",
                f"{en_name} not done, needed before use: {reasons_en}", cite)
        elif schedule.status == "due":
            add(f"evaluation.{kind}_due", "warning", f"{ko_name} 기한 임박 ({fmt_date(schedule.due)})",
                f"{en_name} due on {fmt_date(schedule.due)}", cite)
    for reason in plan.reevaluations:
        add("evaluation.reevaluation", "warning", reason)
    for reason in plan.certificates:
        if reason.code in ("certificate.expired", "certificate.expiring", "certificate.scope_not_covered"):
            add(reason.code, "warning", reason)

    report = result.report
    if report is not None:
        for item in report.items:
            if item.status == "overdue" and item.reported_on is None:
                add("report.overdue", "error", f"보고 기한 경과 ({fmt_date(item.due)}): {render_reason(item.reason, 'ko') if item.reason else item.trigger}",
                    f"Report overdue ({fmt_date(item.due)}): {render_reason(item.reason, 'en') if item.reason else item.trigger}",
                    item.reason.citation if item.reason else "전자금융감독규정 제14조의2제4항")
            elif item.status == "due" and item.reported_on is None:
                add("report.due", "info", f"보고 기한 {fmt_date(item.due)}: {render_reason(item.reason, 'ko') if item.reason else item.trigger}",
                    f"Report due {fmt_date(item.due)}: {render_reason(item.reason, 'en') if item.reason else item.trigger}",
                    item.reason.citation if item.reason else "전자금융감독규정 제14조의2제4항")

    covered = {item.due for item in (report.items if report else ()) if item.status in ("overdue", "due")}
    for obligation in result.obligations:
        if obligation.id.startswith("report_") and obligation.status == "overdue" and obligation.due not in covered:
            add("report.overdue", "error", f"보고 기한 경과 ({fmt_date(obligation.due)}): {obligation.id}",
                f"Report overdue ({fmt_date(obligation.due)}): {obligation.id}", obligation.citation)
        if obligation.id == "documents_current" and obligation.reason is not None:
            add("documents.stale", "error", f"{render_reason(obligation.reason, 'ko')} — 첨부서류 갱신 필요 (기한 {fmt_date(obligation.due)})",
                f"{render_reason(obligation.reason, 'en')}: update the attachments (due {fmt_date(obligation.due)})",
                obligation.citation)
        elif obligation.id not in ("comprehensive_evaluation", "regular_evaluation", "documents_current") \
                and not obligation.id.startswith("report_") and obligation.status == "overdue":
            add(f"obligation.{obligation.id}", "warning",
                f"정기 의무 기한 경과: {obligation.id} (기한 {fmt_date(obligation.due)}) — 업무 연속성 계획·안전성 확보조치 자료 최신화 필요",
                f"Recurring obligation overdue: {obligation.id} (due {fmt_date(obligation.due)})", obligation.citation)

    clauses = result.contract_clauses
    assert clauses is not None
    if workload.contract.signed_on is None:
        add("contract.not_signed", "info", "계약 체결 전: 위탁계약서(안) 사본을 첨부 (정보처리위탁규정 제7조제1항)",
            "No contract signed yet: attach the draft contract", "가이드 제8장 1 가.")
    if clauses.findings:
        for clause_id in clauses.required:
            finding = clauses.findings.get(clause_id)
            clause = catalog.contract_clause(clause_id)
            status = (finding or {}).get("status")
            if finding is None:
                add("contract.clause_not_reviewed", "warning", f"계약서 검토 결과 없음: {clause.text}",
                    f"Clause not reviewed: {clause_id}", clause.citation, clause_id)
            elif status in ("missing", "contradicted"):
                word = "누락" if status == "missing" else "상충(부정·제한 문구)"
                add(f"contract.clause_{status}", "error", f"계약서 기재사항 {word}: {clause.text}",
                    f"Contract clause {status}: {clause_id}", clause.citation, clause_id)
            elif status == "partly":
                add("contract.clause_partly", "warning", f"계약서 기재사항 일부 반영: {clause.text}",
                    f"Contract clause partly present: {clause_id}", clause.citation, clause_id)
    else:
        add("contract.not_reviewed", "info",
            f"계약서의 필수 기재사항 {len(clauses.required)}개 반영 여부를 검토자가 확인 (자동 검토 결과 없음)",
            f"A reviewer confirms the {len(clauses.required)} required clauses (no automatic review)",
            "전자금융감독규정 <별표 2의5>; 정보처리위탁규정 제4조제3항")

    exit_plan = workload.exit_plan
    if importance.critical and exit_plan is None:
        add("exit.missing", "error", "중요업무의 출구 전략 미수립 (업무 연속성 계획 추가 사항)",
            "No exit strategy for critical work (additional item of the continuity plan)",
            "가이드 제5장 1 4) 비상대책 수립 나. 추가 사항, 제5장 1 5)")
    elif exit_plan is None:
        add("exit.missing", "info", "출구 전략 미기록 (비중요업무: 권고 사항)", "No exit plan recorded (recommended)",
            "가이드 제5장 1 5) 출구전략 수립(참고)")
    else:
        gaps = [name for name, value in (("method", exit_plan.method), ("alternative_provider", exit_plan.alternative_provider),
                                         ("destruction_procedure", exit_plan.destruction_procedure),
                                         ("migration_steps", exit_plan.migration_steps), ("timeline", exit_plan.timeline),
                                         ("people_and_cost", exit_plan.people_and_cost), ("triggers", exit_plan.triggers))
                if not value]
        if gaps:
            add("exit.incomplete", "warning" if importance.critical else "info",
                f"출구 전략 요소 미기재: {', '.join(gaps)}", f"Exit plan lacks: {', '.join(gaps)}",
                "가이드 제5장 1 5) 가. 주요 고려사항")
        reviewed = exit_plan.last_reviewed_on
        if reviewed is None or (assessment.as_of - reviewed) > dt.timedelta(days=EXIT_REVIEW_DAYS):
            add("exit.review_due", "warning", f"출구 전략 정기 검토 필요 (최근 검토 {fmt_date(reviewed)})",
                f"Exit plan review due (last reviewed {fmt_date(reviewed)})", "가이드 제5장 1 5) 나. 기타 고려사항")

    safeguards = result.continuity_and_safeguards
    assert safeguards is not None
    for status in safeguards.requirements:
        failed = [str(f.get("id") or f.get("check") or "") for f in status.machine_evidence if f.get("status") == "fail"]
        if failed and status.required:
            requirement = catalog.requirement(status.id)
            add("safeguards.scan_failed", "warning", f"자동 점검 실패 ({', '.join(failed)}): {requirement.text}",
                f"Configuration scan failed ({', '.join(failed)}): {requirement.text_en or status.id}",
                requirement.citation, status.id)

    for rule, ko, en, cite in _person_items(catalog):
        add(rule, "info", ko, en, cite)
    return sorted(out, key=lambda f: SEVERITY_ORDER[f.severity])


def _person_items(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """Documents only a person can produce or confirm, taken from the catalog's lists."""
    committee = catalog.committee.model_extra or {}
    compliance = next(iter(committee.get("compliance", ())), {})
    items = [
        ("person.compliance_opinion", "준법감시인 검토의견 및 관련자료 사본 첨부 확인",
         "Attach the compliance officer's opinion", compliance.get("citation", "가이드 제8장 1 가.")),
        ("person.committee_resolution", "정보보호위원회 심의·의결 결과 및 회의록·의사록 첨부 확인",
         "Attach the committee resolution and minutes", "전자금융감독규정 제14조의2제2항·제5항제5호"),
    ]
    extra = catalog.reporting.model_extra or {}
    documents = (extra.get("entrustment_7_1_documents") or {}).get("documents", ())
    for index, document in enumerate(documents):
        if index in (0, 2):  # contract copy and compliance opinion are covered above / by the contract rules
            continue
        items.append((f"person.entrustment_doc_{index + 1}", f"기관 준비 서류 첨부 확인: {document['text']}",
                      f"Attach the institution's document: 위탁규정 §7① item {index + 1}", "가이드 제8장 1 가. (정보처리위탁규정 제7조제1항)"))
    how = extra.get("how_to_report") or {}
    if how:
        items.append(("person.report_form", f"{how.get('form', '')} 서식 작성 후 {how.get('channel', '')} 제출",
                      "Fill in form 별지 제6호 and file it electronically", how.get("citation", "")))
    return items


def render_markdown(findings: list[Finding], workload_id: str, lang: Lang = "ko") -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    title = t("제출 전 점검", "Pre-submission check", lang)
    lines = [f"# {title}: {workload_id}", ""]
    verdict = t("제출 불가 — 오류를 먼저 해소", "Not ready to file: fix the errors first", lang) if counts["error"] else \
        t("오류 없음 — 경고·확인 사항 검토 후 제출", "No errors: review warnings and confirmations, then file", lang)
    lines += [f"**{verdict}** ({', '.join(f'{pick(SEVERITY, s, lang)} {n}' for s, n in counts.items())})", ""]
    lines += [f"| {t('심각도', 'Severity', lang)} | {t('규칙', 'Rule', lang)} | {t('내용', 'Finding', lang)} | {t('근거', 'Citation', lang)} |",
              "|---|---|---|---|"]
    for f in findings:
        text = f.text(lang).replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {pick(SEVERITY, f.severity, lang)} | `{f.rule}` | {text} | {f.citation.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def render_json(findings: list[Finding], workload_id: str, as_of: dt.date) -> str:
    payload = {
        "schema": "fincloud.presubmission/1",
        "workload": workload_id,
        "as_of": as_of.isoformat(),
        "ready": not any(f.severity == "error" for f in findings),
        "counts": {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER},
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
