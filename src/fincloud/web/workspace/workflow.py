"""A workload's life and its gates, in one place (WORKSPACE.md "A workload's life").

The stage is derived from recorded facts (people's confirmations, questionnaires, resolutions,
contract, submissions, exit) and the engine's result — never stored, so it cannot disagree with
them. Each gate returns the reasons it is closed; views refuse the step and show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

STAGES = ["draft", "scoped", "out_of_scope", "assessed", "provider_evaluated", "safeguards_ready",
          "committee_approved", "contracted", "reported", "in_operation", "exiting", "exited"]


@dataclass
class Gate:
    open: bool
    reasons: list[str] = field(default_factory=list)


def approval_gate(workload, result: dict[str, Any]) -> Gate:
    """May the committee approve this workload now? Blockers, an unfinished assessment or provider
    evaluation, and deficiencies neither closed nor covered by a resolution keep it closed."""
    from fincloud.web.evaluations.services import evaluation_state

    reasons: list[str] = []
    if not result.get("in_scope"):
        reasons.append(_("적용 대상이 아닌 업무입니다."))
        return Gate(False, reasons)
    if workload.scope_confirmed_at is None:
        reasons.append(_("적용 범위 판단이 확정되지 않았습니다."))
    if workload.importance_confirmed_at is None:
        reasons.append(_("중요도 평가가 확정되지 않았습니다."))
    imp = result.get("importance") or {}
    if imp and not imp.get("complete", True):
        reasons.append(_("중요도 평가 항목이 비어 있습니다: %(items)s") % {"items": ", ".join(imp.get("missing_items", []))})
    for blocker in result.get("blockers", []):
        reasons.append(_("차단 사유: %(b)s") % {"b": blocker})
    state = evaluation_state(workload)
    pe = result.get("provider_evaluation") or {}
    engine_done = (pe.get("comprehensive") or {}).get("status") not in ("required_before_use", "overdue", None)
    if not state.closed and not engine_done:
        reasons.append(_("제공자 평가(자체점검·확인평가)가 완료되지 않았습니다."))
    if state.open_deficiencies:
        reasons.append(_("조치되지 않은 미흡 사항 %(n)d건 (조치 완료 또는 위험 수용 의결 필요)") % {"n": state.open_deficiencies})
    return Gate(not reasons, reasons)


def contract_gate(workload) -> Gate:
    """No contract step before an approving resolution (guide 제6장 → 제7장)."""
    from fincloud.web.committee.services import approving_resolution

    if approving_resolution(workload) is None:
        return Gate(False, [_("정보보호위원회의 승인 의결이 없습니다.")])
    return Gate(True)


def report_gate(workload) -> Gate:
    """No report before an approving resolution (제8장 보고 전 제6장 의결)."""
    return contract_gate(workload)


def stage_of(workload, result: dict[str, Any]) -> str:
    from fincloud.web.committee.services import approving_resolution
    from fincloud.web.evaluations.services import evaluation_state
    from fincloud.web.exits.services import exit_of
    from fincloud.web.reports.services import latest_submission

    exit_state = (result.get("exit") or {}).get("stage")
    if exit_state == "exited":
        return "exited"
    if exit_state == "exiting" or exit_of(workload) is not None:
        return "exiting"
    if workload.scope_confirmed_at is None:
        return "draft"
    if not result.get("in_scope"):
        return "out_of_scope"
    if latest_submission(workload) is not None:
        return "in_operation" if workload.spec.get("started_on") else "reported"
    if approving_resolution(workload) is not None:
        return "contracted" if (workload.spec.get("contract") or {}).get("signed_on") else "committee_approved"
    if workload.importance_confirmed_at is None:
        return "scoped"
    state = evaluation_state(workload)
    if not state.closed or state.open_deficiencies:
        return "assessed"
    required = set((result.get("continuity_and_safeguards") or {}).get("required", []))
    done = set(workload.safeguard_statuses.filter(status__in=("done", "not_applicable"))
               .values_list("requirement", flat=True))
    return "safeguards_ready" if required <= done else "provider_evaluated"
