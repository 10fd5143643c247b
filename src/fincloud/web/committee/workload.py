"""A workload's committee tab: its agenda items and resolutions, the compliance officer's review
opinions (준법감시인 검토의견), the approval gate's reasons now, and adding it to a meeting."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.permissions import can, require, workload_or_404
from fincloud.web.audit import trail
from fincloud.web.committee import services
from fincloud.web.committee.forms import AgendaAddForm, ComplianceOpinionForm
from fincloud.web.committee.models import AgendaItem, ComplianceOpinion, Resolution
from fincloud.web.workspace.assessment import as_of_day, workload_result
from fincloud.web.workspace.workflow import approval_gate


@require("view")
def workload_page(request, key: str):
    w = workload_or_404(request.user, key)
    r = workload_result(w, "ko")
    gate = approval_gate(w, r)
    items = (AgendaItem.objects.filter(workload=w, meeting__in=services.meetings_for(request.user))
             .select_related("meeting").order_by("-meeting__held_on", "-id"))
    resolutions = {res.agenda_item_id: res for res in Resolution.objects.filter(workload=w)}
    rows = [{"item": i, "resolution": resolutions.get(i.pk), "tally": services.tally(i)} for i in items]
    add_form = None
    if can(request.user, "run_committee") and r.get("in_scope"):
        open_meetings = services.meetings_for(request.user).exclude(status="closed")
        if open_meetings.exists():
            add_form = AgendaAddForm(meetings=open_meetings, workloads=[w], initial={"workload": w.key})
    return render(request, "committee/workload.html", {
        "w": w, "r": r, "tab": "committee", "gate": gate, "rows": rows,
        "latest": services.latest_resolution(w), "approving": services.approving_resolution(w),
        "opinions": ComplianceOpinion.objects.filter(workload=w).select_related("officer"),
        "opinion_form": ComplianceOpinionForm(initial={"given_on": as_of_day()}) if can(request.user, "compliance")
        else None,
        "add_form": add_form,
    })


@require("compliance")
@require_POST
def compliance_opinion(request, key: str):
    """The 준법감시인's review opinion on the workload (가이드 제8장 1 가.: 위탁규정 제7조제1항 서류)."""
    w = workload_or_404(request.user, key)
    form = ComplianceOpinionForm(request.POST)
    if not form.is_valid():
        for field, errs in form.errors.items():
            for e in errs:
                messages.error(request, f"{form.fields[field].label if field in form.fields else ''}: {e}")
        return redirect("committee:workload", w.key)
    with transaction.atomic():
        opinion = form.save(commit=False)
        opinion.workload, opinion.officer = w, request.user
        opinion.save()
        trail.record(request.user, "committee.compliance_opinion", opinion, after={
            "conclusion": opinion.conclusion, "opinion": opinion.opinion, "given_on": opinion.given_on},
            workload_key=w.key)
    messages.success(request, _("준법감시인 검토의견을 기록했습니다."))
    return redirect("committee:workload", w.key)
