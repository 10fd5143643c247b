"""The committee's members (재적위원): name, position, chair, linked account, active."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fincloud.web.accounts.permissions import get_or_404, require
from fincloud.web.audit import trail
from fincloud.web.committee import services
from fincloud.web.committee.forms import MemberForm
from fincloud.web.committee.models import Member


def member_snapshot(m: Member) -> dict:
    return {"name": m.name, "position": m.position, "is_chair": m.is_chair,
            "user": m.user.username if m.user_id else None, "active": m.active}


@require("view")
def members(request):
    qs = services.members_for(request.user).select_related("user")
    return render(request, "committee/members.html", {"members": qs})


def _save(request, form: MemberForm, before: dict | None):
    with transaction.atomic():
        member = form.save(commit=False)
        member.institution = request.institution
        member.save()
        if member.is_chair:  # one chair: the new chair replaces the previous one
            for other in services.members_for(request.user).filter(is_chair=True).exclude(pk=member.pk):
                other_before = member_snapshot(other)
                other.is_chair = False
                other.save(update_fields=["is_chair"])
                trail.record(request.user, "committee.member.update", other, before=other_before,
                             after=member_snapshot(other))
        trail.record(request.user, "committee.member.create" if before is None else "committee.member.update",
                     member, before=before, after=member_snapshot(member))
    return member


@require("run_committee")
def member_new(request):
    form = MemberForm(request.POST or None, institution=request.institution, initial={"active": True})
    if request.method == "POST" and form.is_valid():
        _save(request, form, None)
        messages.success(request, _("위원을 추가했습니다."))
        return redirect("committee:members")
    return render(request, "committee/member_form.html", {"form": form})


@require("run_committee")
def member_edit(request, pk: int):
    member = get_or_404(services.members_for(request.user), pk=pk)
    before = member_snapshot(member)
    form = MemberForm(request.POST or None, instance=member, institution=request.institution)
    if request.method == "POST" and form.is_valid():
        _save(request, form, before)
        messages.success(request, _("저장했습니다."))
        return redirect("committee:members")
    return render(request, "committee/member_form.html", {"form": form, "member": member})
