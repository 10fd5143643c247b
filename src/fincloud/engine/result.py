"""The Assessment: every decision, obligation and deadline, each with its reasons and citations.

Field names follow the stable output contract ``shared/spec/portfolio.md`` (``fincloud.assessment/1``);
fields beyond it are extensions documented in docs/assessment-output.md. Reasons are stored as
codes with parameters and rendered in Korean or English by :mod:`fincloud.messages`, so the engine
stays free of presentation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["high", "medium", "low", "none"]
Status = Literal["ok", "due", "overdue", "required_before_use", "not_required"]
SkipReason = Literal["non_critical", "certified", "not_applicable_service_model"]


def out(cls):
    """Result records are plain slotted dataclasses, read-only by convention.

    Assessing 10,000 workloads creates about a million of them: validation would only re-check what
    the engine itself just computed, and a frozen dataclass costs 2.5× as much to create (every field
    goes through ``object.__setattr__``). Records shared between workloads (``PlannedItem``) are frozen.
    """
    return dataclass(slots=True, kw_only=True)(cls)


def shared(cls):
    """A record the engine shares between workloads: frozen, so nobody can change it for all of them."""
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


@out
class Reason:
    """One reason for a decision: a message code, its parameters and where the rule comes from."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    citation: str = ""


@dataclass(frozen=True, slots=True)
class ItemScore:
    """One 부록1 item's result. ``basis`` (how the level was reached) is built when read: a 10,000-workload
    assessment would otherwise create 130,000 reasons that most outputs never show."""

    level: Level | None
    points: float
    max_points: float
    basis_code: str | None = None
    basis_params: dict[str, Any] | None = None

    @property
    def basis(self) -> Reason | None:
        if self.basis_code is None:
            return None
        return Reason(code=self.basis_code, params=self.basis_params or {})


@out
class ImportanceResult:
    information_class: str
    score: float
    threshold: float
    critical: bool
    items: dict[str, ItemScore]
    warnings: tuple[Reason, ...] = ()
    complete: bool = True
    missing_items: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    rubric: str = "guide"


@shared
class EvaluationSchedule:
    required: bool = True
    method: Literal["onsite", "document"] | None = None
    due: dt.date | None = None
    status: Status
    last_completed: dt.date | None = None
    basis: Literal["own", "representative", "none"] = "own"
    reasons: tuple[Reason, ...] = ()


@shared
class PlannedItem:
    number: str
    kind: Literal["essential", "alternative"]
    required: bool
    skip_reason: SkipReason | None = None
    reason: Reason | None = None


@out
class ProviderEvaluation:
    required_items: tuple[str, ...]
    skipped_items: dict[str, SkipReason]
    items: tuple[PlannedItem, ...] = ()
    comprehensive: EvaluationSchedule
    regular: EvaluationSchedule
    blockers: tuple[Reason, ...] = ()
    reevaluations: tuple[Reason, ...] = ()
    certificates: tuple[Reason, ...] = ()
    notes: tuple[Reason, ...] = ()


@out
class RequirementStatus:
    id: str
    topic: str
    part: Literal["continuity", "safeguards"]
    level: Literal["essential", "additional", "recommended"]
    required: bool
    machine_evidence: tuple[dict[str, Any], ...] = ()


@out
class ContinuityAndSafeguards:
    required: tuple[str, ...]
    recommended: tuple[str, ...] = ()
    requirements: tuple[RequirementStatus, ...] = ()
    reasons: tuple[Reason, ...] = ()


@out
class ContractClauses:
    required: tuple[str, ...]
    indirect: bool = False
    reasons: tuple[Reason, ...] = ()
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)


@out
class ReportItem:
    trigger: str
    event_date: dt.date | None
    due: dt.date | None
    status: Status
    immediate: bool = False
    reported_on: dt.date | None = None
    reason: Reason | None = None


@out
class ReportDecision:
    required: bool
    trigger: str | None = None
    due: dt.date | None = None
    status: Status = "not_required"
    items: tuple[ReportItem, ...] = ()
    attachments: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()


@out
class Obligation:
    id: str
    workload: str | None = None
    provider: str | None = None
    due: dt.date | None
    status: Status
    last_done: dt.date | None = None
    citation: str = ""
    reason: Reason | None = None


@out
class ExitState:
    stage: Literal["in_operation", "exiting", "exited"]
    started_on: dt.date | None = None
    completed_on: dt.date | None = None
    data_destroyed_on: dt.date | None = None
    reasons: tuple[Reason, ...] = ()
    obligations: tuple[Obligation, ...] = ()


@out
class WorkloadAssessment:
    id: str
    name: str
    provider: str
    service_model: str
    in_scope: bool
    scope_reasons: tuple[Reason, ...]
    importance: ImportanceResult | None = None
    provider_evaluation: ProviderEvaluation | None = None
    contract_clauses: ContractClauses | None = None
    continuity_and_safeguards: ContinuityAndSafeguards | None = None
    report: ReportDecision | None = None
    obligations: tuple[Obligation, ...] = ()
    blockers: tuple[Reason, ...] = ()
    exit: ExitState | None = None


@out
class ProviderConcentration:
    id: str
    name: str
    workloads: int
    critical_workloads: int
    share: float
    critical_share: float = 0.0
    foreign: bool = False
    flags: tuple[Reason, ...] = ()


@out
class Concentration:
    hhi: float
    critical_hhi: float
    flags: tuple[Reason, ...] = ()


@out
class Assessment:
    schema_id: str = "fincloud.assessment/1"
    as_of: dt.date
    catalog: str
    institution: dict[str, str]
    workloads: tuple[WorkloadAssessment, ...]
    providers: tuple[ProviderConcentration, ...]
    concentration: Concentration
    obligations: tuple[Obligation, ...] = ()

    def workload(self, workload_id: str) -> WorkloadAssessment:
        for w in self.workloads:
            if w.id == workload_id:
                return w
        raise KeyError(workload_id)
