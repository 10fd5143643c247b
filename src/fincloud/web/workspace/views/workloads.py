"""Workload pages: list (paginated, filterable), create/edit, overview, scope wizard, importance
form with a live score, provider-evaluation plan, safeguards checklist, exit strategy, timeline.

Every decision shown comes from the engine (cached result or a preview call); these views only
gather input, save it through the bridge (validated, audited) and render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.permissions import (
    can,
    providers_for,
    require,
    workload_or_404,
)
from fincloud.web.audit import trail
from fincloud.web.audit.models import AuditEvent
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import (
    as_of_day,
    catalog_for,
    ensure_current,
    lang_of,
    preview_importance,
    preview_scope,
    workload_result,
)
from fincloud.web.workspace.forms import (
    IMPORTANCE_ITEMS,
    SCOPE_FIELDS,
    EventForm,
    ExitPlanForm,
    ImportanceForm,
    SafeguardForm,
    ScopeForm,
    WorkloadForm,
    format_item_value,
    iso,
)
from fincloud.web.workspace.models import AssessmentCache, SafeguardStatus, Workload
from fincloud.web.workspace.uploads import UploadError, store
from fincloud.web.workspace.workflow import stage_of

PAGE_SIZE = 50
FILTERS = ("q", "provider", "service_model", "importance", "attention")


class CountedPaginator(Paginator):
    """Paginator whose total is memoised per (workspace revision, filters): counting 10,000 joined rows
    on every page turn costs more than rendering the page."""

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._count_key = count_key

    @cached_property
    def count(self) -> int:
        value = cache.get(self._count_key)
        if value is None:
            value = self.object_list.count()
            cache.set(self._count_key, value, timeout=3600)
        return value


@require("view")
def workload_list(request):
    inst = request.institution
    key = ensure_current(inst)
    qs = AssessmentCache.objects.filter(workload__institution=inst, cache_key=key).select_related(
        "workload", "workload__provider").only(
        "workload__key", "workload__name", "workload__service_model", "workload__provider__name",
        "workload__provider__key", "in_scope", "critical", "score", "blockers", "overdue", "due_soon", "next_due")
    f = request.GET
    if f.get("q"):
        qs = qs.filter(workload__name__icontains=f["q"]) | qs.filter(workload__key__icontains=f["q"])
    if f.get("provider"):
        qs = qs.filter(workload__provider__key=f["provider"])
    if f.get("service_model") in ("IaaS", "PaaS", "SaaS"):
        qs = qs.filter(workload__service_model=f["service_model"])
    importance = f.get("importance")
    if importance == "critical":
        qs = qs.filter(in_scope=True, critical=True)
    elif importance == "non_critical":
        qs = qs.filter(in_scope=True, critical=False)
    elif importance == "out_of_scope":
        qs = qs.filter(in_scope=False)
    if f.get("attention") == "overdue":
        qs = qs.filter(overdue__gt=0)
    elif f.get("attention") == "blocked":
        qs = qs.filter(blockers__gt=0)
    elif f.get("attention") == "due_soon":
        qs = qs.filter(due_soon__gt=0)
    count_key = f"wl-count:{inst.pk}:{key}:" + "&".join(f"{k}={f.get(k, '')}" for k in sorted(FILTERS))
    page = CountedPaginator(qs.order_by("workload__key"), PAGE_SIZE, count_key=count_key).get_page(f.get("page"))
    params = f.copy()
    params.pop("page", None)
    lang = lang_of(request)
    # The rows depend only on the engine results (cache key), the filters, the page and the language.
    rows_key = f"wl-rows:{count_key}:{page.number}:{lang}"
    rows_html = cache.get(rows_key)
    if rows_html is None:
        rows_html = render_to_string("workspace/_workload_rows.html", {"page": page})
        cache.set(rows_key, rows_html, timeout=3600)
    return render(request, "workspace/workload_list.html", {
        "page": page, "filters": f, "query": params.urlencode(), "rows_html": rows_html,
        "provider_options": _provider_options(inst, key, f.get("provider", ""))})


def _provider_options(inst, key: str, selected: str) -> str:
    """The provider filter's <option>s (200 providers in the benchmark portfolio), built in Python."""
    memo = f"wl-providers:{inst.pk}:{key}"
    providers = cache.get(memo)
    if providers is None:
        providers = list(inst.providers.order_by("key").values_list("key", "name"))
        cache.set(memo, providers, timeout=3600)
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((k, mark_safe(" selected") if k == selected else "", n) for k, n in providers))


def _workload_form_initial(w: Workload) -> dict:
    spec = w.spec
    return {"key": w.key, "name": w.name, "provider": w.provider.key, "service_model": w.service_model,
            "region": w.region, "information": spec.get("information", []), "description": spec.get("description", ""),
            "signed_on": (spec.get("contract") or {}).get("signed_on"), "started_on": spec.get("started_on"),
            "development_or_testing": spec.get("development_or_testing", False),
            "linked_to_internal_network_on": spec.get("linked_to_internal_network_on")}


def _apply_workload_form(w: Workload | None, data: dict) -> dict:
    base = bridge.workload_data(w) if w else {}
    contract = dict(base.get("contract") or {})
    contract["signed_on"] = iso(data["signed_on"])
    out = {**base, "id": data["key"], "name": data["name"], "provider": data["provider"],
           "service_model": data["service_model"], "region": data["region"], "information": data["information"],
           "description": data["description"] or None, "started_on": iso(data["started_on"]),
           "development_or_testing": data["development_or_testing"],
           "linked_to_internal_network_on": iso(data["linked_to_internal_network_on"]),
           "contract": {k: v for k, v in contract.items() if v is not None}}
    return {k: v for k, v in out.items() if v is not None}


@require("edit")
def workload_edit(request, key: str | None = None):
    w = workload_or_404(request.user, key) if key else None
    providers = providers_for(request.user)
    form = WorkloadForm(request.POST or None, providers=providers,
                        initial=_workload_form_initial(w) if w else {"information": ["financial"]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if (w is None or data["key"] != w.key) and request.institution.workloads.filter(key=data["key"]).exists():
            form.add_error("key", _("이미 있는 업무 ID입니다."))
        else:
            row = w or Workload(institution=request.institution)
            try:
                bridge.save_workload(row, _apply_workload_form(w, data), actor=request.user,
                                     action="workload.update" if w else "workload.create")
            except bridge.SpecError as exc:
                for problem in exc.problems:
                    form.add_error(None, problem)
            else:
                messages.success(request, _("저장했습니다."))
                return redirect("workspace:workload", key=row.key)
    return render(request, "workspace/workload_form.html", {"form": form, "w": w})


@require("view")
def workload_detail(request, key: str):
    w = workload_or_404(request.user, key)
    result = workload_result(w, lang_of(request))
    return render(request, "workspace/workload_detail.html", {
        "w": w, "r": result, "tab": "overview", "stage": stage_of(w, result), "as_of": as_of_day()})


@require("view")
def workload_scope(request, key: str):
    w = workload_or_404(request.user, key)
    current = {**{n: True for n in ("own_processing", "continuous", "commercial")}, **(w.spec.get("scope") or {})}
    initial = {n: "true" if current.get(n, False) else "false" for n, _l in SCOPE_FIELDS}
    initial["intermediary"] = current.get("intermediary") or ""
    form = ScopeForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "workspace/workload_scope.html", {"w": w, "form": form, "tab": "scope"})
        scope = {n: form.cleaned_data[n] for n, _l in SCOPE_FIELDS}
        if form.cleaned_data["intermediary"]:
            scope["intermediary"] = form.cleaned_data["intermediary"]
        preview = preview_scope(w, scope, lang_of(request))
        if request.headers.get("HX-Request"):
            return render(request, "workspace/_scope_preview.html", {"preview": preview})
        if request.POST.get("confirm"):
            if not can(request.user, "edit"):
                raise PermissionDenied
            data = {**bridge.workload_data(w), "scope": scope}
            with transaction.atomic():
                bridge.save_workload(w, data, actor=request.user, action="workload.scope")
                w.scope_confirmed_at = timezone.now()
                w.save(update_fields=["scope_confirmed_at"])
            messages.success(request, _("적용 범위 판단을 확정했습니다."))
            return redirect("workspace:workload", key=w.key)
    else:
        preview = preview_scope(w, current, lang_of(request))
    return render(request, "workspace/workload_scope.html",
                  {"w": w, "form": form, "preview": preview, "tab": "scope"})


def _importance_initial(w: Workload) -> dict:
    imp = w.spec.get("importance") or {}
    initial = {k: format_item_value(imp.get(k)) for k in IMPORTANCE_ITEMS}
    initial["information"] = w.spec.get("information", [])
    return initial


@require("view")
def workload_importance(request, key: str):
    w = workload_or_404(request.user, key)
    catalog = catalog_for(w.institution)
    lang = lang_of(request)
    form = ImportanceForm(request.POST or None, rubric=catalog.rubric, initial=_importance_initial(w))
    preview, problems = None, []
    if request.method == "POST" and not form.is_valid():
        problems = [f"{name}: {' '.join(errs)}" for name, errs in form.errors.items()]
        if request.headers.get("HX-Request"):
            return render(request, "workspace/_importance_preview.html",
                          {"preview": None, "problems": problems, "rubric": catalog.rubric})
    if request.method == "POST" and form.is_valid():
        importance = form.importance()
        try:
            preview = preview_importance(w, importance, form.cleaned_data["information"], lang)
        except bridge.SpecError as exc:
            problems = exc.problems
        if request.headers.get("HX-Request"):
            return render(request, "workspace/_importance_preview.html",
                          {"preview": preview, "problems": problems, "rubric": catalog.rubric})
        if request.POST.get("confirm") and not problems:
            if not can(request.user, "edit"):
                raise PermissionDenied
            data = {**bridge.workload_data(w), "importance": importance,
                    "information": form.cleaned_data["information"]}
            with transaction.atomic():
                bridge.save_workload(w, data, actor=request.user, action="workload.importance")
                w.importance_confirmed_at = timezone.now()
                w.save(update_fields=["importance_confirmed_at"])
            messages.success(request, _("중요도 평가를 저장했습니다."))
            return redirect("workspace:workload_importance", key=w.key)
    elif request.method == "GET":
        imp = w.spec.get("importance") or {}
        try:
            preview = preview_importance(w, imp, w.spec.get("information", []), lang)
        except bridge.SpecError as exc:
            problems = exc.problems
    items = [(form[i], catalog.rubric.item(i)) for i in IMPORTANCE_ITEMS]
    return render(request, "workspace/workload_importance.html", {
        "w": w, "form": form, "items": items, "preview": preview, "problems": problems, "tab": "importance",
        "rubric": catalog.rubric})


@require("view")
def workload_evaluation(request, key: str):
    w = workload_or_404(request.user, key)
    result = workload_result(w, lang_of(request))
    catalog = catalog_for(w.institution)
    pe = result.get("provider_evaluation") or {}
    required = [catalog.provider_item(n) for n in pe.get("required_items", [])]
    skipped = [(catalog.provider_item(n), why) for n, why in (pe.get("skipped_items") or {}).items()]
    return render(request, "workspace/workload_evaluation.html", {
        "w": w, "r": result, "pe": pe, "required": required, "skipped": skipped, "tab": "evaluation",
        "questionnaires": w.questionnaires.all()})


@require("view")
def workload_safeguards(request, key: str):
    w = workload_or_404(request.user, key)
    result = workload_result(w, lang_of(request))
    catalog = catalog_for(w.institution)
    cs = result.get("continuity_and_safeguards") or {}
    required, recommended = set(cs.get("required", [])), set(cs.get("recommended", []))
    statuses = {s.requirement: s for s in w.safeguard_statuses.select_related("evidence")}
    machine = cs.get("machine_evidence", {})
    sections = []
    for table in (catalog.continuity_table, catalog.safeguards_table):
        for topic in table.topics:
            rows = [{"req": r, "kind": "required" if r.id in required else "recommended",
                     "status": statuses.get(r.id), "machine": machine.get(r.id, [])}
                    for r in topic.requirements if r.id in required or r.id in recommended]
            if rows:
                sections.append({"table": table.part, "topic": topic, "rows": rows})
    done = sum(1 for r in required if statuses.get(r) and statuses[r].status in ("done", "not_applicable"))
    return render(request, "workspace/workload_safeguards.html", {
        "w": w, "r": result, "sections": sections, "tab": "safeguards", "done": done, "total": len(required),
        "form": SafeguardForm()})


@require("edit")
@require_POST
def safeguard_update(request, key: str, requirement: str):
    w = workload_or_404(request.user, key)
    form = SafeguardForm(request.POST, request.FILES)
    if not form.is_valid():
        return HttpResponseBadRequest(_("입력값이 올바르지 않습니다."))
    catalog = catalog_for(w.institution)
    known = {r.id for t in (catalog.continuity_table, catalog.safeguards_table) for tp in t.topics
             for r in tp.requirements}
    if requirement not in known:
        return HttpResponseBadRequest(_("알 수 없는 요구사항입니다."))
    with transaction.atomic():
        row, _created = SafeguardStatus.objects.get_or_create(workload=w, requirement=requirement)
        before = {"status": row.status, "note": row.note, "evidence": row.evidence_id}
        if form.cleaned_data.get("evidence"):
            try:
                row.evidence = store(form.cleaned_data["evidence"], purpose="safeguard_evidence",
                                     institution=w.institution, user=request.user, workload=w)
            except UploadError as exc:
                transaction.set_rollback(True)
                messages.error(request, str(exc))
                return redirect("workspace:workload_safeguards", key=w.key)
        row.status, row.note, row.updated_by = form.cleaned_data["status"], form.cleaned_data["note"], request.user
        row.save()
        trail.record(request.user, "safeguard.update", row, before=before,
                     after={"status": row.status, "note": row.note, "evidence": row.evidence_id,
                            "requirement": requirement}, workload_key=w.key)
    messages.success(request, _("%(req)s 상태를 저장했습니다.") % {"req": requirement})
    return redirect(reverse("workspace:workload_safeguards", args=[w.key]) + f"#{requirement}")


@require("view")
def workload_exit(request, key: str):
    w = workload_or_404(request.user, key)
    plan = w.spec.get("exit_plan") or {}
    initial = {**plan, "triggers": "\n".join(plan.get("triggers", [])),
               "migration_steps": "\n".join(plan.get("migration_steps", []))}
    form = ExitPlanForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not can(request.user, "edit"):
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            new_plan = {
                "triggers": [t.strip() for t in d["triggers"].splitlines() if t.strip()],
                "method": d["method"] or None, "alternative_provider": d["alternative_provider"] or None,
                "destruction_procedure": d["destruction_procedure"] or None,
                "migration_steps": [t.strip() for t in d["migration_steps"].splitlines() if t.strip()],
                "timeline": d["timeline"] or None, "people_and_cost": d["people_and_cost"] or None,
                "last_reviewed_on": iso(d["last_reviewed_on"])}
            new_plan = {k: v for k, v in new_plan.items() if v not in (None, [])}
            try:
                bridge.save_workload(w, {**bridge.workload_data(w), "exit_plan": new_plan}, actor=request.user,
                                     action="workload.exit_plan")
            except bridge.SpecError as exc:
                for p in exc.problems:
                    form.add_error(None, p)
            else:
                messages.success(request, _("출구전략을 저장했습니다."))
                return redirect("workspace:workload_exit", key=w.key)
    result = workload_result(w, lang_of(request))
    return render(request, "workspace/workload_exit.html", {"w": w, "form": form, "r": result, "tab": "exit"})


@require("edit")
def workload_event(request, key: str):
    w = workload_or_404(request.user, key)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        event = {"kind": d["kind"], "date": d["date"].isoformat()}
        if d["note"]:
            event["note"] = d["note"]
        if d["duration_minutes"] is not None:
            event["duration_minutes"] = d["duration_minutes"]
        data = bridge.workload_data(w)
        data["events"] = [*data.get("events", []), event]
        try:
            bridge.save_workload(w, data, actor=request.user, action="workload.event")
        except bridge.SpecError as exc:
            for p in exc.problems:
                form.add_error(None, p)
        else:
            messages.success(request, _("사건을 기록했습니다."))
            return redirect("workspace:workload_timeline", key=w.key)
    return render(request, "workspace/workload_event.html", {"w": w, "form": form, "tab": "timeline"})


@require("view")
def workload_timeline(request, key: str):
    w = workload_or_404(request.user, key)
    events = AuditEvent.objects.filter(workload_key=w.key).order_by("-seq")[:200]
    portfolio_events = sorted(w.spec.get("events", []), key=lambda e: e["date"], reverse=True)
    return render(request, "workspace/workload_timeline.html",
                  {"w": w, "events": events, "portfolio_events": portfolio_events, "tab": "timeline"})
