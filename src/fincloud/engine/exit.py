"""Exit (가이드 제9장; 제5장 1 5) 출구전략; 제8장 for the report on a change of provider).

A workload is in operation until an ``exit_started`` event, exiting until ``exit_completed``, then
exited. While exiting, the exit strategy must exist and be executed (data moved, then destroyed so
that it cannot be recovered at the provider); once exited, the recurring duties of use end, and
the destruction must be on record (a ``data_destroyed`` event, e.g. the provider's destruction
certificate). A switch to another provider is reported like a new contract (§14-2④1).
"""

from __future__ import annotations

import datetime as dt

from fincloud.catalog.loader import Catalog
from fincloud.engine.deadlines import status_for
from fincloud.engine.result import ExitState, Obligation, Reason
from fincloud.portfolio.model import Workload

CITATION = "가이드 제9장; 가이드 제5장 1 5) 출구전략 수립(참고)"


# The missing-plan reason depends on nothing but the importance: one (read-only) reason each, shared.
_PLAN_MISSING = {
    critical: Reason(code="exit.plan_missing_critical" if critical else "exit.plan_missing",
                     citation="가이드 제5장 1 4) 비상대책 수립 추가 사항; " + CITATION)
    for critical in (True, False)
}


def _first(workload: Workload, kind: str, as_of: dt.date) -> dt.date | None:
    return min((e.date for e in workload.events if e.kind == kind and e.date <= as_of), default=None)


def exit_state(workload: Workload, *, critical: bool, catalog: Catalog, as_of: dt.date) -> ExitState:
    started = _first(workload, "exit_started", as_of)
    completed = _first(workload, "exit_completed", as_of)
    destroyed = _first(workload, "data_destroyed", as_of)
    stage = "exited" if completed else "exiting" if started else "in_operation"
    reasons: list[Reason] = []
    obligations: list[Obligation] = []
    soon = catalog.edition.timings.due_soon_days
    plan = workload.exit_plan
    if plan is None:
        # 출구전략 is an additional requirement for critical work (emergency_plan.a1), a recommendation otherwise.
        reasons.append(_PLAN_MISSING[critical])
        if critical or stage != "in_operation":
            obligations.append(Obligation(id="exit_strategy", workload=workload.id, due=started, citation=CITATION,
                                          status="overdue" if started else "required_before_use",
                                          reason=reasons[-1]))
    if stage == "exiting":
        reasons.append(Reason(code="exit.exiting", params={"date": started}, citation=CITATION))
    if stage == "exited":
        reasons.append(Reason(code="exit.exited", params={"date": completed}, citation=CITATION))
        if destroyed is None:
            reason = Reason(code="exit.destruction_missing", params={"date": completed}, citation=CITATION)
            obligations.append(Obligation(id="data_destruction", workload=workload.id, due=completed,
                                          status=status_for(completed, as_of, soon_days=soon), citation=CITATION,
                                          reason=reason))
        else:
            obligations.append(Obligation(id="data_destruction", workload=workload.id, due=completed, status="ok",
                                          last_done=destroyed, citation=CITATION,
                                          reason=Reason(code="exit.destroyed", params={"date": destroyed},
                                                        citation=CITATION)))
    return ExitState(stage=stage, started_on=started, completed_on=completed, data_destroyed_on=destroyed,
                     reasons=tuple(reasons), obligations=tuple(obligations))
