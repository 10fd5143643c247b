"""Public functions of the committee app (other apps call these, never its tables)."""

from __future__ import annotations

from fincloud.web.committee.models import ComplianceOpinion, Resolution


def latest_resolution(workload) -> Resolution | None:
    """The latest resolution on using the service (제6장); risk-acceptance resolutions on deficiencies
    (제4장 2 가.) are not about the use and are left out."""
    return (Resolution.objects.filter(workload=workload, agenda_item__subject="use")
            .order_by("-resolved_on", "-id").first())


def approving_resolution(workload) -> Resolution | None:
    """The latest resolution on using the service, if it approves (a later rejection withdraws approval)."""
    latest = latest_resolution(workload)
    return latest if latest is not None and latest.approves else None


def latest_compliance_opinion(workload) -> ComplianceOpinion | None:
    return ComplianceOpinion.objects.filter(workload=workload).order_by("-given_on", "-id").first()


# --- used by this app's views and the minutes -----------------------------------------------------

def meetings_for(user):
    """The meetings a user may see: their institution's, for internal roles only (others: none)."""
    from fincloud.web.accounts.permissions import INTERNAL, profile_of
    from fincloud.web.committee.models import Meeting

    profile = profile_of(user)
    if profile is None or profile.role not in INTERNAL:
        return Meeting.objects.none()
    return Meeting.objects.filter(institution=profile.institution)


def agenda_items_for(user):
    from fincloud.web.committee.models import AgendaItem

    return AgendaItem.objects.filter(meeting__in=meetings_for(user))


def members_for(user):
    from fincloud.web.accounts.permissions import INTERNAL, profile_of
    from fincloud.web.committee.models import Member

    profile = profile_of(user)
    if profile is None or profile.role not in INTERNAL:
        return Member.objects.none()
    return Member.objects.filter(institution=profile.institution)


def seat_of(user):
    """The active committee seat linked to ``user`` (the only member they may vote as)."""
    return members_for(user).filter(user=user, active=True).first()


def tally(item, attendance: dict[int, bool] | None = None):
    """Members, those present and their votes for one agenda item (only present, active members count)."""
    from fincloud.web.committee.models import Attendance, Member
    from fincloud.web.committee.rules import Tally

    meeting = item.meeting
    active = set(Member.objects.filter(institution_id=meeting.institution_id, active=True).values_list("id", flat=True))
    if attendance is None:
        attendance = dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "present"))
    present = {m for m in active if attendance.get(m)}
    counts = {"approve": 0, "reject": 0, "abstain": 0}
    for member_id, choice in item.votes.values_list("member_id", "choice"):
        if member_id in present:
            counts[choice] += 1
    return Tally(members=len(active), present=len(present), **counts)


def deficiencies_to_accept(workload, result: dict) -> dict:
    """Open deficiencies a risk-acceptance resolution may cover: the workspace's verification
    (evaluations app) and the engine's ``blocker.open_deficiencies`` from recorded evaluations."""
    from fincloud.web.evaluations.services import evaluation_state

    engine = [d["text"] for d in ((result.get("provider_evaluation") or {}).get("blocker_details") or [])
              if d.get("code") == "blocker.open_deficiencies"]
    return {"open": evaluation_state(workload).open_deficiencies, "engine": engine}


def compile_summary(workload, subject: str = "use") -> dict:
    """What the committee decides on, from the engine's result now (guide 제6장: 중요도 평가 결과,
    제공자 평가 결과, 업무 연속성 계획 및 안전성 확보조치) and the approval gate's reasons."""
    from django.utils import timezone

    from fincloud.web.workspace.assessment import as_of_day, workload_result
    from fincloud.web.workspace.workflow import approval_gate

    result = workload_result(workload, "ko")
    gate = approval_gate(workload, result)
    imp = result.get("importance") or {}
    pe = result.get("provider_evaluation") or {}
    comp, reg = pe.get("comprehensive") or {}, pe.get("regular") or {}
    report = result.get("report") or {}
    cs = result.get("continuity_and_safeguards") or {}
    summary = {
        "subject": subject,
        "compiled_at": timezone.now().isoformat(timespec="seconds"),
        "as_of": as_of_day().isoformat(),
        "workload": {"key": workload.key, "name": workload.name, "provider": workload.provider.name,
                     "service_model": workload.service_model, "region": workload.region},
        "in_scope": bool(result.get("in_scope")),
        "importance": {"score": imp.get("score"), "threshold": imp.get("threshold"),
                       "critical": imp.get("critical"), "information_class": imp.get("information_class"),
                       "complete": imp.get("complete"), "reasons": list(imp.get("reasons", []))},
        "provider_evaluation": {
            "comprehensive": {"status": comp.get("status"), "due": comp.get("due"), "method": comp.get("method"),
                              "basis": comp.get("basis"), "reasons": list(comp.get("reasons", []))},
            "regular": {"status": reg.get("status"), "due": reg.get("due"), "required": reg.get("required")},
            "required_items": len(pe.get("required_items", [])),
            "blockers": list(pe.get("blockers", [])),
        },
        "report": {"required": report.get("required"), "due": report.get("due"), "status": report.get("status")},
        "contract_clauses_required": len((result.get("contract_clauses") or {}).get("required", [])),
        "safeguards_required": len(cs.get("required", [])),
        "safeguards_reasons": list(cs.get("reasons", [])),
        "blockers": list(result.get("blockers", [])),
        "gate": {"open": gate.open, "reasons": list(gate.reasons)},
        "deficiencies": deficiencies_to_accept(workload, result),
    }
    if subject == "accept_deficiencies":
        from fincloud.web.workspace.assessment import catalog_for

        extra = catalog_for(workload.institution).committee.model_extra or {}
        entry = next((c for c in extra.get("conditional_resolutions", ()) if c["id"] == "accept_deficiencies"), {})
        summary["basis"] = {"text": entry.get("text", ""), "citation": entry.get("citation", ""),
                            "conditions": list(entry.get("conditions", []))}
    return summary
