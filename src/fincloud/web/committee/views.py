"""정보보호위원회 meetings (guide 제6장): list, create, detail, attendance and quorum, the agenda
compiled from the engine's results, votes and the resolution (의결).

Approval is refused while ``workflow.approval_gate`` is closed (blockers such as personal credit
information abroad, unfinished assessments); quorum and majority come from ``rules``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.permissions import can, get_or_404, require, workloads_for
from fincloud.web.audit import trail
from fincloud.web.committee import services
from fincloud.web.committee.forms import (
    AgendaAddForm,
    AttachmentForm,
    MeetingForm,
    MinutesForm,
    RecordVoteForm,
    ResolutionForm,
    VoteForm,
)
from fincloud.web.committee.models import AgendaItem, Attendance, Meeting, Member, Resolution, Vote
from fincloud.web.committee.rules import catalog_basis, quorum_met
from fincloud.web.workspace.assessment import catalog_for, ensure_current, workload_result
from fincloud.web.workspace.workflow import Gate, approval_gate


def meeting_snapshot(m: Meeting) -> dict:
    return {"title": m.title, "held_on": m.held_on, "location": m.location, "status": m.status}


def _meeting(request, pk: int) -> Meeting:
    return get_or_404(services.meetings_for(request.user), pk=pk)


def _item(request, pk: int) -> AgendaItem:
    return get_or_404(services.agenda_items_for(request.user).select_related(
        "meeting", "workload", "workload__provider", "workload__institution"), pk=pk)


def _refuse_if_closed(request, meeting: Meeting) -> bool:
    if meeting.status == "closed":
        messages.error(request, _("종료된 회의는 변경할 수 없습니다. 상태를 먼저 바꾸십시오."))
        return True
    return False


def _in_scope_workloads(request):
    ensure_current(request.institution)
    return workloads_for(request.user).filter(cached__in_scope=True).order_by("key")


@require("view")
def meetings(request):
    qs = services.meetings_for(request.user).prefetch_related("agenda__workload", "agenda__resolution")
    return render(request, "committee/meetings.html", {"meetings": qs})


@require("run_committee")
def meeting_new(request):
    form = MeetingForm(request.POST or None, initial={"status": "planned"})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            meeting = form.save(commit=False)
            meeting.institution = request.institution
            meeting.created_by = request.user
            meeting.save()
            members = services.members_for(request.user).filter(active=True)
            Attendance.objects.bulk_create([Attendance(meeting=meeting, member=m) for m in members])
            trail.record(request.user, "committee.meeting.create", meeting, after=meeting_snapshot(meeting))
        messages.success(request, _("회의를 만들었습니다."))
        return redirect("committee:meeting", meeting.pk)
    return render(request, "committee/meeting_form.html", {"form": form})


@require("run_committee")
def meeting_edit(request, pk: int):
    meeting = _meeting(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        before = meeting_snapshot(Meeting.objects.get(pk=meeting.pk))
        with transaction.atomic():
            meeting = form.save()
            trail.record(request.user, "committee.meeting.update", meeting, before=before,
                         after=meeting_snapshot(meeting))
        messages.success(request, _("저장했습니다."))
        return redirect("committee:meeting", meeting.pk)
    return render(request, "committee/meeting_form.html", {"form": form, "meeting": meeting})


def meeting_context(meeting: Meeting) -> dict:
    """Everything the detail page and the minutes show: members, attendance, and per agenda item
    its summary, tally, votes of the members present, resolution and compliance opinion."""
    members = list(Member.objects.filter(institution_id=meeting.institution_id).select_related("user"))
    attendance = dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "present"))
    active = [m for m in members if m.active]
    resolutions = {r.agenda_item_id: r for r in Resolution.objects.filter(agenda_item__meeting=meeting)}
    items = []
    for item in meeting.agenda.select_related("workload", "workload__provider").prefetch_related("votes__member"):
        resolution = resolutions.get(item.pk)
        votes = {v.member_id: v for v in item.votes.all()}
        items.append({"item": item, "s": item.summary, "tally": services.tally(item, attendance),
                      "votes": [(m, votes.get(m.pk)) for m in active if attendance.get(m.pk)],
                      "resolution": resolution,
                      "opinion": services.latest_compliance_opinion(item.workload)})
    present = [m for m in active if attendance.get(m.pk)]
    return {"meeting": meeting, "members": members, "active": active, "present": present,
            "attendance": attendance, "present_ids": {m.pk for m in present}, "items": items,
            "members_total": len(active), "members_present": len(present)}


@require("view")
def meeting(request, pk: int):
    m = _meeting(request, pk)
    ctx = meeting_context(m)
    seat = services.seat_of(request.user) if can(request.user, "vote") else None
    no_account = [x for x in ctx["present"] if x.user_id is None]
    ctx.update({
        "quorum": quorum_met(ctx["members_total"], ctx["members_present"]),
        "quorum_needed": ctx["members_total"] // 2 + 1,
        "rule_basis": catalog_basis(catalog_for(request.institution)),
        "seat": seat,
        "vote_form": VoteForm(), "record_form": RecordVoteForm(members=services.members_for(request.user).filter(
            pk__in=[x.pk for x in no_account])),
        "has_no_account": bool(no_account),
        "resolution_form": ResolutionForm(initial={"resolved_on": m.held_on}),
        "minutes_form": MinutesForm(instance=m), "attachment_form": AttachmentForm(),
        "add_form": AgendaAddForm(meetings=[m], workloads=_in_scope_workloads(request))
        if can(request.user, "run_committee") else None,
        "attachments": m.attachments.all(),
    })
    return render(request, "committee/meeting_detail.html", ctx)


@require("run_committee")
@require_POST
def attendance(request, pk: int):
    """Record who is present; quorum is counted from these rows (재적위원 과반수 출석)."""
    m = _meeting(request, pk)
    if _refuse_if_closed(request, m):
        return redirect("committee:meeting", m.pk)
    present_ids = {int(x) for x in request.POST.getlist("present") if x.isdigit()}
    members = services.members_for(request.user).filter(active=True)
    with transaction.atomic():
        before = dict(Attendance.objects.filter(meeting=m).values_list("member__name", "present"))
        for member in members:
            Attendance.objects.update_or_create(meeting=m, member=member,
                                                defaults={"present": member.pk in present_ids})
        after = dict(Attendance.objects.filter(meeting=m).values_list("member__name", "present"))
        trail.record(request.user, "committee.attendance", m, before=before, after=after)
    messages.success(request, _("출석을 기록했습니다."))
    return redirect("committee:meeting", m.pk)


@require("run_committee")
@require_POST
def agenda_add(request):
    """Put an in-scope workload on a meeting's agenda with the engine's result compiled now."""
    open_meetings = services.meetings_for(request.user).exclude(status="closed")
    form = AgendaAddForm(request.POST, meetings=open_meetings, workloads=_in_scope_workloads(request))
    if not form.is_valid():
        messages.error(request, _("회의와 적용 대상 업무를 선택하십시오: %(e)s") % {
            "e": "; ".join(str(e) for errs in form.errors.values() for e in errs)})
        back = request.POST.get("meeting", "")
        if back.isdigit() and services.meetings_for(request.user).filter(pk=int(back)).exists():
            return redirect("committee:meeting", int(back))
        return redirect("committee:meetings")
    m = get_or_404(open_meetings, pk=form.cleaned_data["meeting"])
    w = get_or_404(_in_scope_workloads(request).select_related("provider", "institution"),
                   key=form.cleaned_data["workload"])
    subject = form.cleaned_data["subject"]
    if m.agenda.filter(workload=w, subject=subject).exists():
        messages.error(request, _("이미 이 회의의 안건입니다."))
        return redirect("committee:meeting", m.pk)
    summary = services.compile_summary(w, subject)
    if subject == "accept_deficiencies" and not (summary["deficiencies"]["open"] or summary["deficiencies"]["engine"]):
        messages.error(request, _("위험 수용을 심의할 미조치 미흡 사항이 없습니다."))
        return redirect("committee:meeting", m.pk)
    with transaction.atomic():
        order = (m.agenda.aggregate(n=Max("order"))["n"] or 0) + 1
        item = AgendaItem.objects.create(meeting=m, workload=w, subject=subject, order=order, summary=summary,
                                         compiled_at=timezone.now())
        trail.record(request.user, "committee.agenda.add", item,
                     after={"meeting": m.pk, "subject": subject, "summary": summary}, workload_key=w.key)
    messages.success(request, _("안건으로 상정했습니다."))
    return redirect("committee:meeting", m.pk)


@require("run_committee")
@require_POST
def agenda_refresh(request, pk: int):
    item = _item(request, pk)
    if _refuse_if_closed(request, item.meeting):
        return redirect("committee:meeting", item.meeting_id)
    if Resolution.objects.filter(agenda_item=item).exists():
        messages.error(request, _("의결된 안건은 다시 작성할 수 없습니다."))
        return redirect("committee:meeting", item.meeting_id)
    summary = services.compile_summary(item.workload, item.subject)
    with transaction.atomic():
        before = item.summary
        item.summary, item.compiled_at = summary, timezone.now()
        item.save(update_fields=["summary", "compiled_at"])
        trail.record(request.user, "committee.agenda.refresh", item, before=before, after=summary,
                     workload_key=item.workload.key)
    messages.success(request, _("안건 자료를 엔진 결과로 다시 작성했습니다."))
    return redirect("committee:meeting", item.meeting_id)


@require("run_committee")
@require_POST
def agenda_remove(request, pk: int):
    item = _item(request, pk)
    if _refuse_if_closed(request, item.meeting):
        return redirect("committee:meeting", item.meeting_id)
    if Resolution.objects.filter(agenda_item=item).exists():
        messages.error(request, _("의결된 안건은 삭제할 수 없습니다."))
        return redirect("committee:meeting", item.meeting_id)
    meeting_id, key = item.meeting_id, item.workload.key
    with transaction.atomic():
        trail.record(request.user, "committee.agenda.remove", item, before={"meeting": meeting_id, "workload": key},
                     workload_key=key)
        item.delete()
    messages.success(request, _("안건을 삭제했습니다."))
    return redirect("committee:meeting", meeting_id)


def _cast(request, item: AgendaItem, member, choice: str):
    """Store one member's vote; refused once resolved, for a closed meeting or an absent member."""
    if _refuse_if_closed(request, item.meeting):
        return
    if Resolution.objects.filter(agenda_item=item).exists():
        messages.error(request, _("이미 의결된 안건입니다."))
        return
    if not Attendance.objects.filter(meeting=item.meeting, member=member, present=True).exists():
        messages.error(request, _("%(name)s 위원은 출석으로 기록되지 않아 표결할 수 없습니다.") % {"name": member.name})
        return
    with transaction.atomic():
        old = Vote.objects.filter(agenda_item=item, member=member).values_list("choice", flat=True).first()
        vote, _created = Vote.objects.update_or_create(agenda_item=item, member=member,
                                                       defaults={"choice": choice, "recorded_by": request.user})
        trail.record(request.user, "committee.vote", vote, before={"member": member.name, "choice": old},
                     after={"member": member.name, "choice": choice, "agenda_item": item.pk},
                     workload_key=item.workload.key)
    messages.success(request, _("%(name)s 위원의 표결을 기록했습니다.") % {"name": member.name})


@require("vote")
@require_POST
def vote(request, pk: int):
    """A committee member casts their own vote — only as the seat linked to their account."""
    item = _item(request, pk)
    seat = services.seat_of(request.user)
    if seat is None:
        raise PermissionDenied
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("찬성, 반대, 기권 중 하나를 고르십시오."))
    else:
        _cast(request, item, seat, form.cleaned_data["choice"])
    return redirect("committee:meeting", item.meeting_id)


@require("run_committee")
@require_POST
def vote_record(request, pk: int):
    """The secretary records the vote of a member without an account (members with one vote themselves)."""
    item = _item(request, pk)
    form = RecordVoteForm(request.POST, members=services.members_for(request.user).filter(active=True))
    if not form.is_valid():
        messages.error(request, _("위원과 표결을 고르십시오."))
    elif form.cleaned_data["member"].user_id is not None:
        messages.error(request, _("계정이 연결된 위원은 본인이 직접 표결합니다."))
    else:
        _cast(request, item, form.cleaned_data["member"], form.cleaned_data["choice"])
    return redirect("committee:meeting", item.meeting_id)


def gate_for(item: AgendaItem, result: dict) -> Gate:
    """What must hold to approve this item: for the use of the service, ``workflow.approval_gate``;
    for accepting deficiencies (제4장 2 가.), that there are open deficiencies to accept — the risk
    analysis and compensating control are recorded per deficiency in the evaluations app."""
    if item.subject == "accept_deficiencies":
        found = services.deficiencies_to_accept(item.workload, result)
        if found["open"] or found["engine"]:
            return Gate(True)
        return Gate(False, [_("위험 수용을 심의할 미조치 미흡 사항이 없습니다.")])
    return approval_gate(item.workload, result)


def resolution_refusals(item: AgendaItem, decision: str, tally, gate) -> list[str]:
    """Why this decision cannot be recorded now (empty when it can)."""
    reasons = []
    if not tally.quorum:
        reasons.append(_("의사정족수 미달: 재적위원 %(m)d명 중 %(p)d명 출석 (과반수 %(n)d명 필요)") % {
            "m": tally.members, "p": tally.present, "n": tally.quorum_needed})
        return reasons
    if decision in ("approved", "conditional"):
        if not tally.carried:
            reasons.append(_("의결정족수 미달: 출석위원 %(p)d명 중 찬성 %(a)d명 (과반수 %(n)d명 필요)") % {
                "p": tally.present, "a": tally.approve, "n": tally.majority_needed})
        if not gate.open:
            reasons.append(_("승인 요건이 충족되지 않았습니다:"))
            reasons.extend(gate.reasons)
    elif tally.carried and gate.open:
        reasons.append(_("출석위원 과반수가 찬성하여 부결로 기록할 수 없습니다."))
    return reasons


@require("resolve")
@require_POST
def resolve(request, pk: int):
    """Record the 의결: quorum present, a majority of those present for approval, and the approval gate
    open (a blocker prevents approval); counts come from the recorded votes."""
    item = _item(request, pk)
    form = ResolutionForm(request.POST)
    if _refuse_if_closed(request, item.meeting):
        return redirect("committee:meeting", item.meeting_id)
    if Resolution.objects.filter(agenda_item=item).exists():
        messages.error(request, _("이미 의결된 안건입니다."))
        return redirect("committee:meeting", item.meeting_id)
    if not form.is_valid():
        for errs in form.errors.values():
            for e in errs:
                messages.error(request, e)
        return redirect("committee:meeting", item.meeting_id)
    decision = form.cleaned_data["decision"]
    result = workload_result(item.workload, "ko")
    gate = gate_for(item, result)
    counts = services.tally(item)
    refusals = resolution_refusals(item, decision, counts, gate)
    if refusals:
        for reason in refusals:
            messages.error(request, reason)
        return redirect("committee:meeting", item.meeting_id)
    summary = services.compile_summary(item.workload, item.subject)
    with transaction.atomic():
        res = Resolution.objects.create(
            agenda_item=item, workload=item.workload, decision=decision,
            conditions=form.cleaned_data["conditions"].strip(), resolved_on=form.cleaned_data["resolved_on"],
            approvals=counts.approve, rejections=counts.reject, abstentions=counts.abstain,
            members_total=counts.members, members_present=counts.present, recorded_by=request.user)
        item.summary, item.compiled_at = summary, timezone.now()
        item.save(update_fields=["summary", "compiled_at"])
        trail.record(request.user, "committee.resolve", res, after={
            "meeting": item.meeting_id, "decision": decision, "conditions": res.conditions,
            "resolved_on": res.resolved_on, "members": counts.members, "present": counts.present,
            "approve": counts.approve, "reject": counts.reject, "abstain": counts.abstain,
            "gate_reasons": gate.reasons}, workload_key=item.workload.key)
    messages.success(request, _("의결을 기록했습니다: %(d)s") % {"d": res.get_decision_display()})
    return redirect("committee:meeting", item.meeting_id)
