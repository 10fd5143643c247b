"""Recurring obligations of an in-scope workload, with due dates and statuses.

Provider evaluations (가이드 제4장), the yearly business-continuity check (감독규정 제23조제3항),
the yearly emergency drill (제24조제1항), vulnerability analysis yearly and the public homepage
every 6 months (제37조의2), documents kept current (제14조의2제6항), and open reports to the FSS
(제14조의2제4항). Periods come from ``obligations.yaml``; which portfolio date records the last time
each was done is the only thing known here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fincloud.catalog.loader import Catalog
from fincloud.engine.deadlines import deadline, status_for
from fincloud.engine.result import ExitState, Obligation, ProviderEvaluation, Reason, ReportDecision
from fincloud.portfolio.model import Workload

# obligation id -> the workload field recording when it was last done
LAST_DONE_FIELD = {
    "bcp_annual_check": "last_continuity_check_on",
    "emergency_drill_annual": "last_drill_on",
    "vulnerability_assessment_annual": "last_vulnerability_assessment_on",
    "vulnerability_assessment_homepage": "last_homepage_assessment_on",
}
# Changes after which the §14-2⑤ documents must be brought up to date (제14조의2제6항).
DOCUMENT_CHANGES = {
    "provider_merger_or_transfer", "subcontract_change", "provider_breach_of_key_terms",
    "evaluation_material_change", "continuity_material_change", "importance_upgrade", "scope_expansion",
    "personal_credit_added", "provider_change",
}


def _start_date(workload: Workload) -> dt.date | None:
    return workload.started_on or workload.linked_to_internal_network_on or workload.contract.signed_on


_PERIODIC: dict[int, tuple[Catalog, tuple[tuple[Any, str, Reason, dict[dt.date, Reason]], ...]]] = {}
_SINCE_LIMIT = 10_000  # remembered 'last done' reasons per duty (bounded for long-running processes)


def _periodic_plan(catalog: Catalog) -> tuple[tuple[Any, str, Reason, dict[dt.date, Reason]], ...]:
    """(obligation, workload field, 'first time' reason, 'last done on' reasons by date) for each periodic
    duty — computed once per catalog. A reason depends only on the duty's citation and the date, so the
    workloads last done on the same day share one (read-only) reason."""
    hit = _PERIODIC.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        plan = tuple((ob, LAST_DONE_FIELD[ob.id], Reason(code="obligation.first", citation=ob.citation), {})
                     for ob in catalog.obligations.periodic() if ob.id in LAST_DONE_FIELD)
        hit = _PERIODIC[id(catalog)] = (catalog, plan)
    return hit[1]


def _since(ob: Any, last: dt.date, memo: dict[dt.date, Reason]) -> Reason:
    reason = memo.get(last)
    if reason is None:
        reason = Reason(code="obligation.since", params={"date": last}, citation=ob.citation)
        if len(memo) < _SINCE_LIMIT:
            memo[last] = reason
    return reason


def periodic(workload: Workload, *, catalog: Catalog, as_of: dt.date) -> list[Obligation]:
    soon = catalog.edition.timings.due_soon_days
    out: list[Obligation] = []
    start = None
    for ob, field, first, since in _periodic_plan(catalog):
        if ob.id == "vulnerability_assessment_homepage" and not workload.public_homepage:
            continue
        last: dt.date | None = getattr(workload, field)
        if last is None and start is None:
            start = _start_date(workload)
        base = last or start
        if base is None:
            out.append(Obligation(id=ob.id, workload=workload.id, due=None, status="required_before_use",
                                  citation=ob.citation, reason=first))
            continue
        due = deadline(base, months=ob.period.months or 0, years=ob.period.years or 0)
        reason = _since(ob, last, since) if last else first
        out.append(Obligation(id=ob.id, workload=workload.id, due=due, last_done=last, citation=ob.citation,
                              status=status_for(due, as_of, soon_days=soon), reason=reason))
    return out


def documents_current(workload: Workload, *, catalog: Catalog, as_of: dt.date) -> Obligation:
    """§14-2⑥: the §14-2⑤ documents must reflect every change; due 3 months after an unreflected change."""
    ob = catalog.obligations.get("documents_current")
    # The contract itself is reported with its documents; later changes must be reflected in them.
    changes = [e.date for e in workload.events if e.kind in DOCUMENT_CHANGES and e.date <= as_of
               and (workload.contract.signed_on is None or e.date > workload.contract.signed_on)]
    latest = max(changes, default=None)
    updated = workload.documents_updated_on
    if latest is None or (updated is not None and updated >= latest):
        return Obligation(id=ob.id, workload=workload.id, due=None, status="ok", last_done=updated,
                          citation=ob.citation)
    due = deadline(latest, months=catalog.edition.timings.report_within_months)
    return Obligation(id=ob.id, workload=workload.id, due=due, last_done=updated, citation=ob.citation,
                      status=status_for(due, as_of, soon_days=catalog.edition.timings.due_soon_days),
                      reason=Reason(code="obligation.documents_stale", params={"event_date": latest},
                                    citation=ob.citation))


def workload_obligations(
    workload: Workload, *, evaluation: ProviderEvaluation, report: ReportDecision, catalog: Catalog,
    as_of: dt.date, exit: ExitState | None = None,
) -> tuple[Obligation, ...]:
    """Every duty of the workload; once it has exited (가이드 제9장) only open reports and the exit's own remain."""
    if exit is not None and exit.stage == "exited":
        open_reports = [Obligation(id=f"report_{i.trigger}", workload=workload.id, due=i.due, status=i.status,
                                   citation=i.reason.citation if i.reason else "감독규정 제14조의2제4항", reason=i.reason)
                        for i in report.items if i.status != "ok"]
        return (*open_reports, *exit.obligations)
    out: list[Obligation] = []
    comp, reg = evaluation.comprehensive, evaluation.regular
    out.append(Obligation(id="comprehensive_evaluation", workload=workload.id, provider=workload.provider,
                          due=comp.due, status=comp.status, last_done=comp.last_completed,
                          citation="가이드 제4장 2 가.", reason=comp.reasons[0] if comp.reasons else None))
    if reg.required:
        out.append(Obligation(id="regular_evaluation", workload=workload.id, provider=workload.provider,
                              due=reg.due, status=reg.status, last_done=reg.last_completed,
                              citation="가이드 제4장 2 나.", reason=reg.reasons[0] if reg.reasons else None))
    for item in report.items:
        if item.status != "ok":
            out.append(Obligation(id=f"report_{item.trigger}", workload=workload.id, due=item.due, status=item.status,
                                  citation=item.reason.citation if item.reason else "감독규정 제14조의2제4항",
                                  reason=item.reason))
    out.extend(periodic(workload, catalog=catalog, as_of=as_of))
    out.append(documents_current(workload, catalog=catalog, as_of=as_of))
    if exit is not None:
        out.extend(exit.obligations)
    return tuple(out)
