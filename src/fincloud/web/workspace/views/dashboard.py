"""The dashboard: in-scope workloads by importance, obligations (overdue and due soon),
concentration per provider as a chart, blockers. Reads only cached engine results, so its cost does
not grow with the number of workloads beyond a few aggregate queries."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Q
from django.shortcuts import render
from django.template.loader import render_to_string

from fincloud.web.accounts.permissions import require
from fincloud.web.workspace.assessment import as_of_day, ensure_current, lang_of
from fincloud.web.workspace.models import AssessmentCache, PortfolioCache

CHART_PROVIDERS = 12


def concentration_chart(providers: list[dict]) -> dict:
    """Bar geometry for the SVG chart (server-side; no script, CSP-safe)."""
    top = sorted(providers, key=lambda p: (-p["workloads"], p["id"]))[:CHART_PROVIDERS]
    width, bar_h, gap, label_w = 640, 18, 8, 180
    peak = max((p["share"] for p in top), default=0) or 1
    bars = []
    for i, p in enumerate(top):
        y = i * (bar_h + gap)
        w = round((width - label_w - 80) * p["share"] / peak, 1)
        cw = round(w * (p["critical_workloads"] / p["workloads"]) if p["workloads"] else 0, 1)
        bars.append({"y": y, "ty": y + 13, "w": w, "cw": cw, "x": label_w, "tx": label_w + w + 6,
                     "label": p["name"], "share": round(p["share"] * 100, 1), "n": p["workloads"],
                     "critical": p["critical_workloads"], "flags": p["flags"]})
    return {"bars": bars, "width": width, "height": max(len(top), 1) * (bar_h + gap), "more": len(providers) - len(top)}


def dashboard_context(inst, key: str, lang: str) -> dict:
    """Everything the dashboard shows, from the cached engine results only (the rendered body is
    memoised by ``dashboard`` per institution, cache key and language)."""
    rows = AssessmentCache.objects.filter(workload__institution=inst, cache_key=key)
    agg = rows.aggregate(
        n_total=Count("pk"), n_in_scope=Count("pk", filter=Q(in_scope=True)),
        n_critical=Count("pk", filter=Q(in_scope=True, critical=True)),
        n_non_critical=Count("pk", filter=Q(in_scope=True, critical=False)),
        n_blocked=Count("pk", filter=Q(blockers__gt=0)), n_overdue=Count("pk", filter=Q(overdue__gt=0)),
        n_due_soon=Count("pk", filter=Q(due_soon__gt=0)))
    portfolio = PortfolioCache.objects.filter(institution=inst).values_list(f"data__{lang}", flat=True).get()
    blocked = (rows.filter(blockers__gt=0).order_by("workload__key")
               .values_list("workload__key", "workload__name", f"data__{lang}__blockers")[:20])
    obligations = portfolio["obligations"]
    return {
        "counts": {k[2:]: v for k, v in agg.items()},
        "blockers": [{"key": k, "name": n, "items": items} for k, n, items in blocked],
        "overdue": [o for o in obligations if o["status"] == "overdue"][:30],
        "soon": [o for o in obligations if o["status"] in ("due", "required_before_use")][:30],
        "obligations_total": portfolio.get("obligations_total", len(obligations)),
        "chart": concentration_chart(portfolio["providers"]), "concentration": portfolio["concentration"],
    }


@require("view")
def dashboard(request):
    inst = request.institution
    key = ensure_current(inst)
    lang = lang_of(request)
    body_key = f"dashboard-body:{inst.pk}:{key}:{lang}"
    body_html = cache.get(body_key)
    if body_html is None:
        body_html = render_to_string("workspace/_dashboard_body.html", dashboard_context(inst, key, lang))
        cache.set(body_key, body_html, timeout=3600)
    return render(request, "workspace/dashboard.html", {"as_of": as_of_day(), "body_html": body_html})


@require("view")
def obligations_calendar(request):
    """Every dated obligation of in-scope workloads, month by month (the obligations calendar),
    with overdue ones first; the same obligations as an ICS file at ``workspace:calendar_ics``."""
    inst = request.institution
    key = ensure_current(inst)
    lang = lang_of(request)
    status = request.GET.get("status")
    rows = (AssessmentCache.objects.filter(workload__institution=inst, cache_key=key, in_scope=True)
            .select_related("workload").only("workload__key", "workload__name", "data"))
    months: dict[str, list[dict]] = {}
    overdue: list[dict] = []
    for row in rows.iterator(chunk_size=500):
        for o in row.data[lang]["obligations"]:
            if not o["due"] or (status and o["status"] != status):
                continue
            item = {**o, "workload_name": row.workload.name}
            if o["status"] == "overdue":
                overdue.append(item)
            else:
                months.setdefault(o["due"][:7], []).append(item)
    for items in months.values():
        items.sort(key=lambda o: (o["due"], o["workload"] or ""))
    overdue.sort(key=lambda o: (o["due"], o["workload"] or ""))
    return render(request, "workspace/calendar.html", {
        "as_of": as_of_day(), "overdue": overdue, "months": sorted(months.items()), "status": status})


@require("view")
def calendar_ics(request):
    from django.http import HttpResponse

    from fincloud.documents.calendar_ics import build_calendar
    from fincloud.web.workspace.assessment import compute

    computed = compute(request.institution)
    names = {w.id: w.name for w in computed.portfolio.workloads}
    obligations = [o for w in computed.assessment.workloads if w.in_scope for o in w.obligations]
    body = build_calendar(obligations, request.institution.name, computed.assessment.as_of, names,
                          lang_of(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fincloud-obligations.ics"'
    return response
