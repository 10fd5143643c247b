"""Provider pages: list, detail (regions, certificates, evaluations, representative evaluations,
soundness notes), edit, and adding or removing certificate/evaluation entries. Each change is the
provider's full portfolio entry validated by the portfolio model (bridge.save_provider)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.permissions import get_or_404, providers_for, require
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import lang_of, portfolio_result
from fincloud.web.workspace.forms import (
    CertificationForm,
    ProviderEvaluationForm,
    ProviderForm,
    RepresentativeEvaluationForm,
    iso,
)
from fincloud.web.workspace.models import Provider

LISTS = {"certifications": CertificationForm, "evaluations": ProviderEvaluationForm,
         "representative_evaluations": RepresentativeEvaluationForm}


@require("view")
def provider_list(request):
    rows = providers_for(request.user).annotate(n=Count("workloads")).order_by("key")
    conc = {p["id"]: p for p in portfolio_result(request.institution, lang_of(request))["providers"]}
    return render(request, "workspace/provider_list.html", {"rows": [(p, conc.get(p.key)) for p in rows]})


@require("view")
def provider_detail(request, key: str):
    p = get_or_404(providers_for(request.user), key=key)
    conc = next((c for c in portfolio_result(request.institution, lang_of(request))["providers"] if c["id"] == key),
                None)
    return render(request, "workspace/provider_detail.html", {
        "p": p, "data": bridge.provider_data(p), "conc": conc,
        "forms": {name: form() for name, form in LISTS.items()},
        "workloads": p.workloads.only("key", "name", "service_model").order_by("key")[:200]})


@require("edit")
def provider_edit(request, key: str | None = None):
    p = get_or_404(providers_for(request.user), key=key) if key else None
    data = bridge.provider_data(p) if p else {}
    initial = {"key": data.get("id"), "name": data.get("name"), "country": data.get("country", ""),
               "wireless_in_datacenter": data.get("wireless_in_datacenter", False),
               "regions": "\n".join(f"{r['id']} {r['country']}" for r in data.get("regions", [])),
               "soundness_notes": p.soundness_notes if p else ""}
    form = ProviderForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if (p is None or d["key"] != p.key) and request.institution.providers.filter(key=d["key"]).exists():
            form.add_error("key", _("이미 있는 제공자 ID입니다."))
        elif p is not None and d["key"] != p.key and p.workloads.exists():
            form.add_error("key", _("업무가 연결된 제공자의 ID는 바꿀 수 없습니다."))
        else:
            new = {**data, "id": d["key"], "name": d["name"], "regions": d["regions"],
                   "wireless_in_datacenter": d["wireless_in_datacenter"]}
            if d["country"]:
                new["country"] = d["country"].upper()
            else:
                new.pop("country", None)
            row = p or Provider(institution=request.institution)
            row.soundness_notes = d["soundness_notes"]
            try:
                bridge.save_provider(row, new, actor=request.user, action="provider.update" if p else "provider.create")
            except bridge.SpecError as exc:
                for problem in exc.problems:
                    form.add_error(None, problem)
            else:
                messages.success(request, _("저장했습니다."))
                return redirect("workspace:provider", key=row.key)
    return render(request, "workspace/provider_form.html", {"form": form, "p": p})


@require("edit")
@require_POST
def provider_list_add(request, key: str, field: str):
    p = get_or_404(providers_for(request.user), key=key)
    form_class = LISTS.get(field)
    if form_class is None:
        return redirect("workspace:provider", key=key)
    form = form_class(request.POST)
    if not form.is_valid():
        for name, errs in form.errors.items():
            messages.error(request, f"{name}: {' '.join(errs)}")
        return redirect("workspace:provider", key=key)
    entry = {k: (iso(v) if hasattr(v, "isoformat") else v) for k, v in form.cleaned_data.items()
             if v not in (None, "", [])}
    if field == "certifications":
        entry["covers_scope"] = form.cleaned_data["covers_scope"]
    data = bridge.provider_data(p)
    data[field] = [*data.get(field, []), entry]
    try:
        bridge.save_provider(p, data, actor=request.user, action=f"provider.{field}.add")
    except bridge.SpecError as exc:
        messages.error(request, "; ".join(exc.problems))
    else:
        messages.success(request, _("추가했습니다."))
    return redirect("workspace:provider", key=key)


@require("edit")
@require_POST
def provider_list_remove(request, key: str, field: str, index: int):
    p = get_or_404(providers_for(request.user), key=key)
    data = bridge.provider_data(p)
    entries = list(data.get(field, []))
    if field in LISTS and 0 <= index < len(entries):
        entries.pop(index)
        data[field] = entries
        bridge.save_provider(p, data, actor=request.user, action=f"provider.{field}.remove")
        messages.success(request, _("삭제했습니다."))
    return redirect("workspace:provider", key=key)
