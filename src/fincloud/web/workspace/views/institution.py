"""The institution's own facts (name, 업권) as the portfolio holds them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fincloud.web.accounts.permissions import can, require
from fincloud.web.audit import trail
from fincloud.web.workspace import bridge
from fincloud.web.workspace.forms import InstitutionForm


@require("view")
def institution(request):
    inst = request.institution
    form = InstitutionForm(request.POST or None, initial={"name": inst.name, "kind": inst.kind})
    if request.method == "POST":
        if not can(request.user, "manage_users"):
            raise PermissionDenied
        if form.is_valid():
            with transaction.atomic():
                before = bridge.institution_data(inst)
                inst.name, inst.kind = form.cleaned_data["name"], form.cleaned_data["kind"]
                inst.save(update_fields=["name", "kind", "updated_at"])
                trail.record(request.user, "institution.update", inst, before=before,
                             after=bridge.institution_data(inst))
                bridge.bump(inst)
            messages.success(request, _("저장했습니다."))
            return redirect("workspace:institution")
    return render(request, "workspace/institution.html", {
        "form": form, "inst": inst, "providers": inst.providers.count(), "workloads": inst.workloads.count()})
