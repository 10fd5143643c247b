"""Public functions of the evaluations app."""

from __future__ import annotations

from dataclasses import dataclass

from fincloud.web.evaluations.models import Deficiency, Questionnaire


@dataclass(frozen=True)
class EvaluationState:
    latest: Questionnaire | None
    closed: bool
    open_deficiencies: int
    accepted_without_resolution: int


def evaluation_state(workload) -> EvaluationState:
    latest = Questionnaire.objects.filter(workload=workload).order_by("-created_at", "-id").first()
    if latest is None:
        return EvaluationState(None, False, 0, 0)
    defs = Deficiency.objects.filter(questionnaire=latest)
    return EvaluationState(
        latest, latest.status == "closed",
        defs.filter(status__in=("open", "remediating")).count(),
        defs.filter(status="accepted", resolution__isnull=True).count())
