"""Public functions of the evaluations app, and the steps of the provider evaluation (guide 제4장):
create from the engine's plan → send → the provider answers → 확인평가 (verification) →
deficiencies remediated or accepted → close, which records the evaluation in the provider's
portfolio entry so the engine's schedule sees it.

Every change runs in one transaction with its audit event. Which items and which method are the
engine's decision (``workload_result(...)["provider_evaluation"]``); this module only records what
people did with them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fincloud.web.audit import trail
from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire


class EvaluationError(ValueError):
    """A step that cannot be taken now; ``problems`` say why (shown to the user as they are)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class EvaluationState:
    latest: Questionnaire | None
    closed: bool
    open_deficiencies: int
    accepted_without_resolution: int


def evaluation_state(workload) -> EvaluationState:
    latest = (Questionnaire.objects.filter(workload=workload).exclude(status="superseded")
              .order_by("-created_at", "-id").first())
    if latest is None:
        return EvaluationState(None, False, 0, 0)
    defs = Deficiency.objects.filter(questionnaire=latest)
    return EvaluationState(
        latest, latest.status == "closed",
        defs.filter(status__in=("open", "remediating")).count(),
        defs.filter(status="accepted", resolution__isnull=True).count())


# --- the plan ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """What the engine asks for this workload: the proposed kind and, per kind, its method."""

    kind: str
    methods: dict[str, str]
    items: list[str]
    comprehensive: dict[str, Any]
    regular: dict[str, Any]


def plan_of(result: dict[str, Any]) -> Plan | None:
    """The engine's provider-evaluation plan read from a workload result; ``None`` when the workload
    needs none (out of scope). A comprehensive evaluation is proposed unless it is current and a
    regular one is required (guide 제4장 1 가., 2 가.·나.)."""
    pe = result.get("provider_evaluation")
    if not pe:
        return None
    comp, reg = pe.get("comprehensive") or {}, pe.get("regular") or {}
    kind = "regular" if comp.get("status") == "ok" and reg.get("required") else "comprehensive"
    return Plan(kind=kind, methods={"comprehensive": comp.get("method") or "onsite",
                                    "regular": reg.get("method") or "document"},
                items=list(pe.get("required_items") or []), comprehensive=comp, regular=reg)


def method_problems(plan: Plan, kind: str, method: str) -> list[str]:
    """An on-site evaluation planned by the engine cannot be downgraded to a written one."""
    if plan.methods.get(kind) == "onsite" and method != "onsite":
        return [_("엔진의 평가 계획은 현장 확인(현장점검)을 요구합니다 (가이드 제4장 1 가.: 중요업무).")]
    return []


def snapshot(q: Questionnaire) -> dict[str, Any]:
    return {"qid": q.qid, "kind": q.kind, "method": q.method, "version": q.version, "status": q.status,
            "provider": q.provider.key, "items": [i["number"] for i in q.items],
            "completed_on": q.completed_on}


_VERSION_SUFFIX = re.compile(r"-v\d+$")


def series_of(q: Questionnaire) -> str:
    """The questionnaire's id without its version suffix: the same for every version."""
    return _VERSION_SUFFIX.sub("", q.qid)


def _new_series(workload) -> str:
    n = Questionnaire.objects.filter(workload=workload, version=1).count() + 1
    while Questionnaire.objects.filter(qid=f"Q-{workload.key}-{n}").exists():
        n += 1
    return f"Q-{workload.key}-{n}"


def create_questionnaire(workload, plan: Plan, *, kind: str, method: str, catalog, actor) -> Questionnaire:
    """A questionnaire for the workload's provider holding the engine's required items. While one of
    the same kind is still open, the new one is its next version and the open one is superseded."""
    problems = method_problems(plan, kind, method)
    if not plan.items:
        problems.append(_("엔진의 평가 계획에 평가 항목이 없습니다."))
    if problems:
        raise EvaluationError(problems)
    items = [{"number": n, "kind": catalog.provider_item(n).kind} for n in plan.items]
    with transaction.atomic():
        current = (Questionnaire.objects.select_for_update()
                   .filter(workload=workload, kind=kind, status__in=Questionnaire.OPEN).order_by("-version").first())
        if current is not None:
            version, series = current.version + 1, series_of(current)
            qid = f"{series}-v{version}"
            before = snapshot(current)
            current.status = "superseded"
            current.save(update_fields=["status"])
            trail.record(actor, "questionnaire.supersede", current, before=before, after=snapshot(current),
                         workload_key=workload.key)
        else:
            version, qid = 1, _new_series(workload)
        q = Questionnaire.objects.create(workload=workload, provider=workload.provider, kind=kind, method=method,
                                         version=version, qid=qid, items=items, created_by=actor)
        Answer.objects.bulk_create([Answer(questionnaire=q, item=i["number"]) for i in items])
        trail.record(actor, "questionnaire.create", q, after=snapshot(q), workload_key=workload.key)
    return q


def respondents(provider):
    """The provider's respondents (people who answer its questionnaires)."""
    from fincloud.web.accounts.models import Profile, Role

    return Profile.objects.filter(provider=provider, role=Role.PROVIDER).select_related("user")


def send(q: Questionnaire, *, actor) -> None:
    if q.status != "draft":
        raise EvaluationError([_("작성 중인 질문서만 보낼 수 있습니다 (현재: %(s)s).") % {"s": q.get_status_display()}])
    with transaction.atomic():
        before = snapshot(q)
        q.status, q.sent_at = "sent", timezone.now()
        q.save(update_fields=["status", "sent_at"])
        trail.record(actor, "questionnaire.send", q, before=before, after=snapshot(q), workload_key=q.workload.key)


# --- the provider's answers -----------------------------------------------------------------------

RESPONSES = {code for code, _label in Answer.RESPONSE}


def _require_sent(q: Questionnaire) -> None:
    if q.status != "sent":
        raise EvaluationError([_("응답은 제공자 응답 중인 질문서에만 할 수 있습니다 (현재: %(s)s).")
                               % {"s": q.get_status_display()}])


def answer_item(q: Questionnaire, answer: Answer, *, response: str, comment: str, actor) -> None:
    _require_sent(q)
    if response not in RESPONSES:
        raise EvaluationError([_("알 수 없는 응답입니다: %(r)s") % {"r": response}])
    with transaction.atomic():
        before = {"item": answer.item, "response": answer.response, "comment": answer.comment}
        answer.response, answer.comment = response, comment
        answer.answered_by, answer.answered_at = actor, timezone.now()
        answer.save(update_fields=["response", "comment", "answered_by", "answered_at"])
        trail.record(actor, "answer.update", answer, before=before,
                     after={"item": answer.item, "response": response, "comment": comment},
                     workload_key=q.workload.key)


def attach_evidence(q: Questionnaire, answer: Answer, upload, *, actor):
    """Store an evidence file for one answer (validated by content; only while answering)."""
    from fincloud.web.workspace import uploads

    _require_sent(q)
    with transaction.atomic():
        stored = uploads.store(upload, purpose="answer_evidence", institution=q.workload.institution, user=actor,
                               workload=q.workload, provider=q.provider)
        answer.evidence.add(stored)
        trail.record(actor, "answer.evidence", answer,
                     after={"item": answer.item, "file": stored.pk, "name": stored.original_name,
                            "sha256": stored.sha256}, workload_key=q.workload.key)
    return stored


def unanswered(q: Questionnaire) -> list[str]:
    return list(q.answers.filter(response="").values_list("item", flat=True))


def submit(q: Questionnaire, *, actor) -> None:
    """The provider's submission: every item must carry a response (guide 제4장 2 가. 자가점검)."""
    _require_sent(q)
    missing = unanswered(q)
    if missing:
        raise EvaluationError([_("응답하지 않은 항목이 있습니다: %(items)s") % {"items": ", ".join(missing)}])
    with transaction.atomic():
        before = snapshot(q)
        q.status, q.answered_at = "answered", timezone.now()
        q.save(update_fields=["status", "answered_at"])
        trail.record(actor, "questionnaire.submit", q, before=before, after=snapshot(q), workload_key=q.workload.key)


# --- 확인평가: verification and deficiencies --------------------------------------------------------

def verify_answer(q: Questionnaire, answer: Answer, *, method: str, verdict: str, note: str, description: str,
                  actor) -> Deficiency | None:
    """Record the institution's verification of one answer; a deficient verdict opens a deficiency
    (unless one is already open for the item)."""
    problems = []
    if q.status not in ("answered", "verifying"):
        problems.append(_("응답이 제출된 질문서만 확인평가할 수 있습니다 (현재: %(s)s).") % {"s": q.get_status_display()})
    if method not in {c for c, _label in Questionnaire.METHOD}:
        problems.append(_("확인 방법을 고르십시오."))
    if verdict not in {c for c, _label in Answer.VERDICT}:
        problems.append(_("판정을 고르십시오."))
    if verdict == "deficient" and not description.strip():
        problems.append(_("미흡 판정에는 미흡 사항 내용이 필요합니다."))
    if problems:
        raise EvaluationError(problems)
    created = None
    with transaction.atomic():
        before = {"item": answer.item, "method": answer.verification_method, "verdict": answer.verdict,
                  "note": answer.verification_note}
        answer.verification_method, answer.verdict, answer.verification_note = method, verdict, note
        answer.verified_by, answer.verified_at = actor, timezone.now()
        answer.save(update_fields=["verification_method", "verdict", "verification_note", "verified_by",
                                   "verified_at"])
        trail.record(actor, "answer.verify", answer, before=before,
                     after={"item": answer.item, "method": method, "verdict": verdict, "note": note},
                     workload_key=q.workload.key)
        if verdict == "deficient" and not q.deficiencies.filter(
                item=answer.item, status__in=("open", "remediating")).exists():
            created = Deficiency.objects.create(questionnaire=q, item=answer.item, description=description.strip())
            trail.record(actor, "deficiency.create", created, after=deficiency_data(created),
                         workload_key=q.workload.key)
        if q.status == "answered":
            before_q = snapshot(q)
            q.status = "verifying"
            q.save(update_fields=["status"])
            trail.record(actor, "questionnaire.verifying", q, before=before_q, after=snapshot(q),
                         workload_key=q.workload.key)
    return created


def deficiency_data(d: Deficiency) -> dict[str, Any]:
    return {"item": d.item, "description": d.description, "status": d.status,
            "remediation_plan": d.remediation_plan, "due_on": d.due_on, "closed_on": d.closed_on,
            "closure_note": d.closure_note, "risk_analysis": d.risk_analysis,
            "compensating_control": d.compensating_control, "resolution": d.resolution_id}


def approving_resolutions(workload) -> list:
    """The committee's resolutions on this workload that approve (the only ones that may accept a
    deficiency)."""
    from fincloud.web.committee.models import Resolution

    return [r for r in Resolution.objects.filter(workload=workload).order_by("-resolved_on", "-id") if r.approves]


NEXT = {"open": {"remediating", "closed", "accepted"}, "remediating": {"closed", "accepted"},
        "closed": set(), "accepted": set()}


def deficiency_problems(d: Deficiency, status: str, *, remediation_plan: str = "", due_on: dt.date | None = None,
                        closure_note: str = "", closed_on: dt.date | None = None, risk_analysis: str = "",
                        compensating_control: str = "", resolution=None) -> list[str]:
    """The one rule for moving a deficiency (guide 제4장 확인평가; WORKSPACE.md gates): remediation
    needs a plan and a due date; closure a closure note and date; acceptance a risk analysis, a
    compensating control and an approving committee resolution on the same workload."""
    problems: list[str] = []
    if status not in NEXT.get(d.status, set()):
        return [_("'%(a)s'에서 '%(b)s'(으)로 바꿀 수 없습니다.") % {"a": d.get_status_display(), "b": status}]
    if status == "remediating":
        if not remediation_plan.strip():
            problems.append(_("조치 계획이 필요합니다."))
        if due_on is None:
            problems.append(_("조치 기한이 필요합니다."))
    elif status == "closed":
        if not closure_note.strip():
            problems.append(_("조치 완료 내용(종결 의견)이 필요합니다."))
        if closed_on is None:
            problems.append(_("조치 완료일이 필요합니다."))
    elif status == "accepted":
        if not risk_analysis.strip():
            problems.append(_("위험 수용에는 위험 분석이 필요합니다."))
        if not compensating_control.strip():
            problems.append(_("위험 수용에는 보완 통제가 필요합니다."))
        workload = d.questionnaire.workload
        if resolution is None:
            problems.append(_("위험 수용에는 정보보호위원회 의결이 필요합니다."))
        elif resolution.workload_id != workload.pk:
            problems.append(_("선택한 의결은 이 업무(%(w)s)에 대한 것이 아닙니다.") % {"w": workload.key})
        elif not resolution.approves:
            problems.append(_("선택한 의결은 승인 의결이 아닙니다 (%(d)s).") % {"d": resolution.get_decision_display()})
    return problems


def change_deficiency(d: Deficiency, status: str, *, actor, **fields) -> None:
    problems = deficiency_problems(d, status, **fields)
    if problems:
        raise EvaluationError(problems)
    with transaction.atomic():
        before = deficiency_data(d)
        d.status = status
        if status == "remediating":
            d.remediation_plan, d.due_on = fields["remediation_plan"].strip(), fields["due_on"]
        elif status == "closed":
            d.closure_note, d.closed_on = fields["closure_note"].strip(), fields["closed_on"]
        elif status == "accepted":
            d.risk_analysis = fields["risk_analysis"].strip()
            d.compensating_control = fields["compensating_control"].strip()
            d.resolution = fields["resolution"]
        d.save()
        trail.record(actor, f"deficiency.{status}", d, before=before, after=deficiency_data(d),
                     workload_key=d.questionnaire.workload.key)


# --- closing the evaluation -------------------------------------------------------------------------

def close_problems(q: Questionnaire) -> list[str]:
    problems = []
    if q.status not in ("answered", "verifying"):
        problems.append(_("응답이 제출되고 확인평가 중인 질문서만 종료할 수 있습니다 (현재: %(s)s).")
                        % {"s": q.get_status_display()})
    pending = list(q.answers.filter(verdict="").values_list("item", flat=True))
    if pending:
        problems.append(_("확인평가하지 않은 항목: %(items)s") % {"items": ", ".join(pending)})
    still = list(q.deficiencies.filter(status__in=("open", "remediating")).values_list("item", flat=True))
    if still:
        problems.append(_("조치 완료·위험 수용되지 않은 미흡 사항: %(items)s") % {"items": ", ".join(still)})
    return problems


def close(q: Questionnaire, *, actor, completed_on: dt.date) -> None:
    """Close the evaluation and record it in the provider's portfolio entry (``bridge.save_provider``),
    so the engine's schedule counts it from ``completed_on``."""
    from fincloud.web.workspace.bridge import provider_data, save_provider

    problems = close_problems(q)
    if problems:
        raise EvaluationError(problems)
    with transaction.atomic():
        before = snapshot(q)
        q.status, q.completed_on = "closed", completed_on
        q.save(update_fields=["status", "completed_on"])
        trail.record(actor, "questionnaire.close", q, before=before, after=snapshot(q), workload_key=q.workload.key)
        data = provider_data(q.provider)
        data["evaluations"] = [*data.get("evaluations", []), {
            "kind": q.kind, "completed_on": completed_on.isoformat(), "method": q.method,
            "service_models": [q.workload.service_model], "open_deficiencies": 0,
            "deficiencies_accepted_by_resolution": q.deficiencies.filter(status="accepted").exists()}]
        save_provider(q.provider, data, actor=actor, action="provider.evaluation_completed")
