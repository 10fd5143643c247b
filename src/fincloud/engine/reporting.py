"""Reporting to the FSS (감독규정 제14조의2제4항·제5항, 제73조; 가이드 제8장, 별첨 FAQ 5·6).

Each reportable event gives a report due 3 months after it (민법 rules in ``deadlines``). A new
contract for development or testing that takes 3 months or more before real use is reported within
3 months of linking to the internal network (research networks excluded). An outage of 10 minutes
or more is reported immediately (제73조). An e-finance company's non-critical work without
financial-transaction information is not reported (FAQ 6). Which event falls under which trigger is
catalog data (``reporting.yaml``), not code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from fincloud.catalog.loader import Catalog
from fincloud.engine.deadlines import add_months_calendar, deadline, status_for
from fincloud.engine.result import Reason, ReportDecision, ReportItem
from fincloud.portfolio.model import Institution, Workload

# Information classes that are (or may hold) financial-transaction information (FAQ 6 reading).
FINANCIAL_TRANSACTION_CLASSES = {"financial", "personal_credit", "unique_id"}


def _item(trigger: str, event: dt.date, due: dt.date, as_of: dt.date, reported_on: dt.date | None,
          reason: Reason, *, immediate: bool = False, soon: int = 90) -> ReportItem:
    done = reported_on is not None and reported_on >= event
    if done:
        status = "ok"
        reason = Reason(code=reason.code, params={**reason.params, "reported_on": reported_on}, citation=reason.citation)
    else:
        status = status_for(due, as_of, soon_days=soon)
    return ReportItem(trigger=trigger, event_date=event, due=due, status=status, immediate=immediate,
                      reported_on=reported_on if done else None, reason=reason)


_ATTACHMENTS: dict[int, tuple[Any, tuple[str, ...]]] = {}


def _attachments(rep: Any) -> tuple[str, ...]:
    hit = _ATTACHMENTS.get(id(rep))
    if hit is None or hit[0] is not rep:
        hit = _ATTACHMENTS[id(rep)] = (rep, tuple(str(a.number) for a in rep.attachments))
    return hit[1]


_LOOKUPS: dict[int, tuple[Any, dict[str, Any], dict[tuple[str, bool], Any]]] = {}


def _lookups(rep: Any) -> tuple[dict[str, Any], dict[tuple[str, bool], Any]]:
    """Memos of ``rep.trigger_for`` and ``rep.immediate_for``: pure functions of the (immutable) table and
    the event kind, so one answer per kind serves every workload."""
    hit = _LOOKUPS.get(id(rep))
    if hit is None or hit[0] is not rep:
        hit = _LOOKUPS[id(rep)] = (rep, {}, {})
    return hit[1], hit[2]


def _report_start(event: dt.date, institution: Institution) -> dt.date:
    """가이드 제8장 1 나. ※: a new institution reports after its 허가·등록, so the period runs from then."""
    licensed = institution.licensed_on
    return licensed if licensed is not None and licensed > event else event


def decide_report(
    workload: Workload, institution: Institution, *, critical: bool, catalog: Catalog, as_of: dt.date
) -> ReportDecision:
    t = catalog.edition.timings
    rep = catalog.reporting
    months = t.report_within_months
    attachments = _attachments(rep)
    if (institution.kind == "e_finance" and not critical
            and not FINANCIAL_TRANSACTION_CLASSES & set(workload.information)):
        exemption = rep.exemption("efinance_non_critical_non_financial")
        return ReportDecision(required=False, status="not_required", attachments=attachments,
                              reasons=(Reason(code="report.faq6_exempt", citation=exemption.citation),))

    items: list[ReportItem] = []
    reasons: list[Reason] = []
    signed = workload.contract.signed_on
    new_contract_events: list = [e for e in workload.events if e.kind in ("new_contract", "provider_change")]
    # The contract itself is the event of trigger 1 even when no event was recorded for it.
    if signed is not None and not any(e.date == signed for e in new_contract_events):
        new_contract_events.append(_synthetic_new_contract(signed))
    triggers, immediates = _lookups(rep)
    for ev in new_contract_events:
        if ev.kind in triggers:
            trig = triggers[ev.kind]
        else:
            trig = triggers[ev.kind] = rep.trigger_for(ev.kind)
        linked = None if workload.scope.research_network_only else workload.linked_to_internal_network_on
        if workload.development_or_testing and ev.kind == "new_contract":
            three = add_months_calendar(ev.date, t.development_linking_months)
            if linked is not None and (three is None or linked >= three):
                due = deadline(linked, months=t.development_linking_months)
                items.append(_item("new_contract", linked, due, as_of, ev.reported_on,
                                   Reason(code="report.development_linking", params={"date": linked},
                                          citation=rep.deadline.development_testing.citation),
                                   soon=t.due_soon_days))
                continue
            if linked is None and (three is None or as_of >= three):
                reasons.append(Reason(code="report.development_pending",
                                      citation=rep.deadline.development_testing.citation))
                continue
        due = deadline(_report_start(ev.date, institution), months=months)
        items.append(_item(ev.kind, ev.date, due, as_of, ev.reported_on,
                           Reason(code="report.trigger", params={"trigger": ev.kind, "date": ev.date, "months": months},
                                  citation=trig.citation), soon=t.due_soon_days))

    for ev in workload.events:
        if ev.kind in ("new_contract", "provider_change"):
            continue
        ikey = (ev.kind, ev.institution_incident)
        if ikey in immediates:
            immediate = immediates[ikey]
        else:
            immediate = immediates[ikey] = rep.immediate_for(ev.kind, institution_incident=ev.institution_incident)
        if immediate is not None:
            items.append(_item(ev.kind, ev.date, ev.date, as_of, ev.reported_on,
                               Reason(code="report.outage_immediate" if ev.kind == "outage_10min" else "report.incident_immediate",
                                      params={"date": ev.date, "minutes": t.outage_immediate_report_minutes},
                                      citation=immediate.citation),
                               immediate=True, soon=t.due_soon_days))
            continue
        if ev.kind in triggers:
            trig = triggers[ev.kind]
        else:
            trig = triggers[ev.kind] = rep.trigger_for(ev.kind)
        if trig is None:
            continue
        if signed is not None and ev.date <= signed:
            reasons.append(Reason(code="report.absorbed_by_contract", params={"kind": ev.kind, "signed_on": signed},
                                  citation=trig.citation))
            continue
        due = deadline(_report_start(ev.date, institution), months=months)
        items.append(_item(ev.kind, ev.date, due, as_of, ev.reported_on,
                           Reason(code="report.trigger", params={"trigger": ev.kind, "date": ev.date, "months": months},
                                  citation=trig.citation), soon=t.due_soon_days))

    if not items:
        if any(r.code == "report.development_pending" for r in reasons):
            # Required, but its 3 months start only when the cloud is linked to the internal network.
            return ReportDecision(required=True, trigger="new_contract", due=None, status="ok",
                                  attachments=attachments, reasons=tuple(reasons))
        return ReportDecision(required=False, status="not_required", attachments=attachments,
                              reasons=(*reasons, Reason(code="report.no_trigger")))
    open_items = [i for i in items if i.status != "ok"]
    primary = min(open_items, key=lambda i: (i.due or dt.date.max)) if open_items else max(
        items, key=lambda i: i.event_date or dt.date.min)
    return ReportDecision(required=True, trigger=primary.trigger, due=primary.due, status=primary.status,
                          items=tuple(sorted(items, key=lambda i: i.event_date or dt.date.min)),
                          attachments=attachments, reasons=tuple(reasons))


class _ContractEvent(NamedTuple):
    """The signing of the contract, standing for a ``new_contract`` event nobody recorded."""

    kind: str
    date: dt.date
    reported_on: dt.date | None = None


def _synthetic_new_contract(signed: dt.date) -> _ContractEvent:
    return _ContractEvent("new_contract", signed)
