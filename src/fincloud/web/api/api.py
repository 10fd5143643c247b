"""The JSON API: workloads, providers, assessments, obligations, evidence metadata, the portfolio
(export and import) and, for provider respondents, their questionnaires.

Every endpoint authenticates (bearer token or session, :mod:`.auth`), declares its capability
with :func:`~fincloud.web.api.auth.capability` (the same table as the pages), and reads objects
only through the permission-filtered querysets of ``accounts.permissions``. Decisions come from
the cached engine results (``workspace.assessment``): a workload's ``result`` is exactly the CLI's
``--format json`` entry for it. Changes go through ``workspace.bridge`` (validated, audited).

The interactive docs page (``/api/docs``) is served only when ``ninja`` is an installed app: its
local template loads Swagger UI from our static files without inline scripts, which our CSP
(script-src 'self') allows; without it ninja would load Swagger from a CDN, which the CSP and
offline (망분리) machines block. ``/api/openapi.json`` is always served.
"""

import json
import math
from typing import Any

from django.conf import settings
from django.db.models import Count
from ninja import NinjaAPI, Query, Status
from ninja.errors import HttpError

from fincloud.errors import InputError
from fincloud.portfolio.loader import parse_portfolio
from fincloud.web.accounts.models import Role
from fincloud.web.accounts.permissions import (
    files_for,
    get_or_404,
    providers_for,
    questionnaires_for,
    require,
    workload_or_404,
    workloads_for,
)
from fincloud.web.api import schemas as s
from fincloud.web.api.auth import AUTH, capability
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import (
    DUE_SOON_STATUSES,
    ensure_current,
    portfolio_result,
    workload_result,
)
from fincloud.web.workspace.models import AssessmentCache, Workload

MAX_PAGE_SIZE = 200

api = NinjaAPI(
    title="fincloud workspace API",
    version="1",
    description="클라우드 이용 업무·제공자·평가 결과·이행 의무·증빙 메타데이터 (전자금융감독규정 제14조의2, "
                "금융분야 클라우드컴퓨팅서비스 이용 가이드). Authorization: Bearer fct_... or a signed-in session.",
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs" if "ninja" in settings.INSTALLED_APPS else None,
    docs_decorator=require("view"),
)


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "ko"


def _page(count: int, page: int, size: int) -> tuple[int, int, int]:
    size = max(1, min(size, MAX_PAGE_SIZE))
    pages = max(1, math.ceil(count / size))
    page = max(1, min(page, pages))
    return page, pages, size


# Bodies are read inside the view, after the capability check, so that a caller without the
# capability gets 403 whatever they send (ninja would validate a declared body first).
JSON_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}}


def _json_body(request) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(422, f"the body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise HttpError(422, "the body must be a JSON object")
    return data


def _is_provider(request) -> bool:
    return request.profile.role == Role.PROVIDER


# ---- workloads -------------------------------------------------------------------------------

@api.get("/workloads", response=s.WorkloadPage, tags=["workloads"])
@capability("view")
def list_workloads(request, provider: str | None = None, service_model: str | None = None,
                   importance: str | None = Query(None, description="critical | non_critical | out_of_scope"),
                   attention: str | None = Query(None, description="overdue | due | blocked"),
                   q: str | None = None, page: int = 1, page_size: int = 50):
    """The workloads with their engine decisions, filtered like the workload list page."""
    inst = request.institution
    key = ensure_current(inst)
    qs = AssessmentCache.objects.filter(workload__in=workloads_for(request.user), cache_key=key)
    if q:
        qs = qs.filter(workload__name__icontains=q) | qs.filter(workload__key__icontains=q)
    if provider:
        qs = qs.filter(workload__provider__key=provider)
    if service_model:
        qs = qs.filter(workload__service_model=service_model)
    if importance == "critical":
        qs = qs.filter(in_scope=True, critical=True)
    elif importance == "non_critical":
        qs = qs.filter(in_scope=True, critical=False)
    elif importance == "out_of_scope":
        qs = qs.filter(in_scope=False)
    elif importance:
        raise HttpError(422, "importance must be one of critical, non_critical, out_of_scope")
    if attention == "overdue":
        qs = qs.filter(overdue__gt=0)
    elif attention == "due":
        qs = qs.filter(due_soon__gt=0)
    elif attention == "blocked":
        qs = qs.filter(blockers__gt=0)
    elif attention:
        raise HttpError(422, "attention must be one of overdue, due, blocked")
    count = qs.count()
    page, pages, size = _page(count, page, page_size)
    rows = (qs.select_related("workload", "workload__provider").order_by("workload__key")
            .only("workload__key", "workload__name", "workload__service_model", "workload__provider__key",
                  "in_scope", "critical", "score", "blockers", "overdue", "due_soon", "next_due")
            [(page - 1) * size: page * size])
    items = [{"key": r.workload.key, "name": r.workload.name, "provider": r.workload.provider.key,
              "service_model": r.workload.service_model, "in_scope": r.in_scope, "critical": r.critical,
              "score": r.score, "blockers": r.blockers, "overdue": r.overdue, "due_soon": r.due_soon,
              "next_due": r.next_due} for r in rows]
    return {"count": count, "page": page, "pages": pages, "page_size": size, "items": items}


def _workload_detail(w: Workload, lang: str) -> dict[str, Any]:
    return {"key": w.key, "facts": bridge.workload_data(w), "result": workload_result(w, lang)}


@api.get("/workloads/{key}", response=s.WorkloadDetail, tags=["workloads"])
@capability("view")
def get_workload(request, key: str, lang: str | None = Query(None, description="ko (default) | en")):
    """The workload's facts (the portfolio format's fields) and the engine's result for it, exactly
    the CLI's ``--format json`` entry."""
    return _workload_detail(workload_or_404(request.user, key), _lang(lang))


@api.put("/workloads/{key}", response={200: s.WorkloadDetail, 422: s.Problem}, tags=["workloads"],
         openapi_extra=JSON_BODY)
@capability("edit")
def update_workload(request, key: str):
    """Replace the workload's facts (the portfolio format's workload entry); validated like a file."""
    w = workload_or_404(request.user, key)
    data = _json_body(request)
    try:
        bridge.save_workload(w, data, actor=request.user, action="workload.update")
    except bridge.SpecError as exc:
        return Status(422, {"detail": "invalid workload", "problems": exc.problems})
    return Status(200, _workload_detail(w, "ko"))


@api.post("/workloads", response={201: s.WorkloadDetail, 409: s.Problem, 422: s.Problem}, tags=["workloads"],
          openapi_extra=JSON_BODY)
@capability("edit")
def create_workload(request):
    """Add a workload (the portfolio format's workload entry)."""
    data = _json_body(request)
    key = data.get("id")
    if isinstance(key, str) and workloads_for(request.user).filter(key=key).exists():
        return Status(409, {"detail": f"workload {key!r} already exists", "problems": []})
    w = Workload(institution=request.institution)
    try:
        bridge.save_workload(w, data, actor=request.user, action="workload.create")
    except bridge.SpecError as exc:
        return Status(422, {"detail": "invalid workload", "problems": exc.problems})
    return Status(201, _workload_detail(w, "ko"))


# ---- providers -------------------------------------------------------------------------------

@api.get("/providers", response=list[s.ProviderRow], tags=["providers"])
@capability("view")
def list_providers(request):
    qs = providers_for(request.user).annotate(n=Count("workloads")).order_by("key")
    return [{"key": p.key, "name": p.name, "workloads": p.n} for p in qs]


@api.get("/providers/{key}", response=s.ProviderDetail, tags=["providers"])
@capability("view")
def get_provider(request, key: str, lang: str | None = None):
    """The provider's facts, soundness notes and the engine's concentration figures for it."""
    p = get_or_404(providers_for(request.user), key=key)
    result = next((r for r in portfolio_result(request.institution, _lang(lang))["providers"] if r["id"] == p.key),
                  None)
    return {"key": p.key, "facts": bridge.provider_data(p), "soundness_notes": p.soundness_notes, "result": result}


# ---- portfolio-level results -----------------------------------------------------------------

@api.get("/assessment", response=dict[str, Any], tags=["assessment"])
@capability("view")
def get_assessment(request, lang: str | None = None):
    """Portfolio-wide results: providers, concentration (HHI) and the nearest open obligations
    (``obligations_total`` counts them all). Per-workload results: ``/workloads/{key}``."""
    data = portfolio_result(request.institution, _lang(lang))
    return {k: v for k, v in data.items() if k != "workloads"}


@api.get("/obligations", response=s.ObligationList, tags=["assessment"])
@capability("view")
def list_obligations(request, status: str | None = Query(None, description="overdue | due"),
                     workload: str | None = None, lang: str | None = None):
    """Open obligations (제14조의2 reports, re-evaluations, ...), nearest first. ``due`` = due soon or
    required before use. With ``workload``, that workload's complete list."""
    data = portfolio_result(request.institution, _lang(lang))
    items = data["obligations"]
    total = data.get("obligations_total", len(items))
    if workload:
        w = workload_or_404(request.user, workload)
        items = [o for o in items if o["workload"] == w.key]
        total = len(items)
    if status == "overdue":
        items = [o for o in items if o["status"] == "overdue"]
    elif status == "due":
        items = [o for o in items if o["status"] in DUE_SOON_STATUSES]
    elif status:
        raise HttpError(422, "status must be overdue or due")
    return {"as_of": data["as_of"], "total": total, "count": len(items), "items": items}


# ---- evidence metadata -----------------------------------------------------------------------

@api.get("/evidence", response=s.EvidencePage, tags=["evidence"])
@capability("view")
def list_evidence(request, workload: str | None = None, purpose: str | None = None, page: int = 1,
                  page_size: int = 100):
    """Metadata of the stored files the caller may download (never their content; download through
    the page ``/files/{id}/``, which checks the same permission)."""
    qs = files_for(request.user).select_related("workload", "provider").order_by("-uploaded_at", "-id")
    if workload:
        qs = qs.filter(workload__key=workload)
    if purpose:
        qs = qs.filter(purpose=purpose)
    count = qs.count()
    page, pages, size = _page(count, page, page_size)
    items = [{"id": f.id, "purpose": f.purpose, "original_name": f.original_name, "size": f.size,
              "sha256": f.sha256, "content_type": f.content_type,
              "workload": f.workload.key if f.workload_id else None,
              "provider": f.provider.key if f.provider_id else None, "uploaded_at": f.uploaded_at}
             for f in qs[(page - 1) * size: page * size]]
    return {"count": count, "page": page, "pages": pages, "items": items}


# ---- portfolio interchange -------------------------------------------------------------------

@api.get("/portfolio", response=dict[str, Any], tags=["portfolio"])
@capability("view")
def export_portfolio(request):
    """The workspace as a portfolio file (shared/spec/portfolio.md), as the export page gives it."""
    try:
        return bridge.export_portfolio(request.institution)
    except InputError as exc:
        raise HttpError(409, "; ".join(p.render() for p in exc.problems)) from None


@api.post("/portfolio", response={200: s.ImportResult, 422: s.Problem}, tags=["portfolio"],
          openapi_extra=JSON_BODY)
@capability("edit")
def import_portfolio(request, replace: bool = False):
    """Import a portfolio (the file format as JSON) into the workspace, validated by the CLI's
    loader; one transaction, audited. ``replace`` removes workloads the file does not name."""
    data = _json_body(request)
    try:
        portfolio = parse_portfolio(data, name="api:portfolio")
    except InputError as exc:
        return Status(422, {"detail": "invalid portfolio", "problems": [p.render() for p in exc.problems]})
    inst = bridge.import_portfolio(portfolio, actor=request.user, institution=request.institution, replace=replace)
    return Status(200, {"providers": len(portfolio.providers), "workloads": len(portfolio.workloads),
                 "revision": inst.revision})


# ---- questionnaires (provider self-check portal) ---------------------------------------------

def _questionnaire_row(request, q) -> dict[str, Any]:
    return {"id": q.id, "qid": q.qid, "provider": q.provider.key,
            "workload": None if _is_provider(request) else q.workload.key,
            "kind": q.kind, "method": q.method, "version": q.version, "status": q.status,
            "items": len(q.items or []), "sent_at": q.sent_at, "answered_at": q.answered_at,
            "completed_on": q.completed_on}


@api.get("/questionnaires", response=list[s.QuestionnaireRow], tags=["questionnaires"])
@capability("portal")
def list_questionnaires(request):
    """Questionnaires: a provider respondent sees only their own provider's, once sent."""
    qs = questionnaires_for(request.user).select_related("provider", "workload")
    return [_questionnaire_row(request, q) for q in qs]


@api.get("/questionnaires/{pk}", response=s.QuestionnaireDetail, tags=["questionnaires"])
@capability("portal")
def get_questionnaire(request, pk: int):
    q = get_or_404(questionnaires_for(request.user).select_related("provider", "workload"), pk=pk)
    visible = set(files_for(request.user).values_list("pk", flat=True))
    answers = [{"item": a.item, "response": a.response, "comment": a.comment, "answered_at": a.answered_at,
                "verdict": "" if _is_provider(request) and q.status != "closed" else a.verdict,
                "evidence": [f.pk for f in a.evidence.all() if f.pk in visible]}
               for a in q.answers.prefetch_related("evidence")]
    return {**_questionnaire_row(request, q), "questions": q.items or [], "answers": answers}
