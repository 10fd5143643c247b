"""Exit pages (guide 제9장; 제5장 1 5) 출구전략): execute the workload's exit plan.

Each step is written into the workload's portfolio events through the bridge — ``exit_started``,
``exit_completed`` (and ``provider_change`` when the work moves to another provider),
``data_destroyed`` — so that the engine's exit stage, destruction duty and report on a change of
provider follow from the same facts as in the CLI; ``ExitExecution`` keeps what the events cannot
(reason, migration log, destruction certificate, report document number).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from fincloud.messages import TRIGGER_KO
from fincloud.web.accounts.permissions import (
    providers_for,
    require,
    workload_or_404,
)
from fincloud.web.audit import trail
from fincloud.web.exits.forms import ChangeReportForm, DestructionForm, MigrationForm, StartForm
from fincloud.web.exits.models import ExitExecution
from fincloud.web.exits.services import exit_of
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import as_of_day, lang_of, workload_result
from fincloud.web.workspace.models import Workload
from fincloud.web.workspace.uploads import UploadError, store

EXIT_OBLIGATIONS = ("exit_strategy", "data_destruction")
PLAN_FIELDS = [("triggers", _lazy("종료 지표(사유)")), ("method", _lazy("종료 방법")),
               ("alternative_provider", _lazy("대체 제공자")), ("destruction_procedure", _lazy("데이터 파기 절차")),
               ("migration_steps", _lazy("이관 단계")), ("timeline", _lazy("일정")),
               ("people_and_cost", _lazy("인력·비용")), ("last_reviewed_on", _lazy("최근 검토일"))]

EVENT_LABELS = {"exit_started": _lazy("종료 착수"), "exit_completed": _lazy("이관 완료(이용 종료)"),
                "data_destroyed": _lazy("데이터 파기"), "provider_change": _lazy("제공자 변경")}
OBLIGATION_LABELS = {"exit_strategy": _lazy("출구전략 수립"), "data_destruction": _lazy("제공자 측 데이터 파기 기록")}


def _targets(request, w: Workload):
    return providers_for(request.user).exclude(pk=w.provider_id)


def _plan_rows(w: Workload) -> list[dict[str, Any]]:
    plan = w.spec.get("exit_plan") or {}
    rows = []
    for key, label in PLAN_FIELDS:
        value = plan.get(key)
        if value in (None, "", [], ()):
            continue
        rows.append({"label": label, "value": value if not isinstance(value, list) else None,
                     "items": value if isinstance(value, list) else None})
    return rows


def _page(request, w: Workload, *, forms: dict[str, Any] | None = None, status: int = 200,
          refusal: list[str] | None = None):
    lang = lang_of(request)
    result = workload_result(w, lang)
    execution = exit_of(w)
    today = as_of_day()
    ctx_forms = {
        "start": StartForm(providers=_targets(request, w), initial={"started_on": today}),
        "migration": MigrationForm(initial={"migrated_on": today}),
        "destruction": DestructionForm(initial={"destroyed_on": today}),
        "change_report": ChangeReportForm(initial={"submitted_on": today}),
        **(forms or {}),
    }
    obligations = [{**o, "label": OBLIGATION_LABELS[o["id"]]} for o in result.get("obligations") or []
                   if o["id"] in EXIT_OBLIGATIONS]
    change_items = [i for i in (result.get("report") or {}).get("items") or [] if i["trigger"] == "provider_change"]
    events = sorted(({**e, "label": EVENT_LABELS[e["kind"]]} for e in w.spec.get("events", [])
                     if e["kind"] in EVENT_LABELS), key=lambda e: e["date"])
    context = {
        "w": w, "r": result, "tab": "exits", "exit": result.get("exit"), "execution": execution,
        "plan_rows": _plan_rows(w), "has_plan": bool(w.spec.get("exit_plan")), "obligations": obligations,
        "change_items": change_items, "refusal": refusal or [], "change_label": TRIGGER_KO["provider_change"] if lang == "ko" else
        "provider_change", "events": events, "forms": ctx_forms,
    }
    return render(request, "exits/workload.html", context, status=status)


@require("view")
def workload_page(request, key: str):
    return _page(request, workload_or_404(request.user, key))


def _add_events(w: Workload, events: list[dict[str, Any]], actor, action: str) -> None:
    data = bridge.workload_data(w)
    data["events"] = [*data.get("events", []), *events]
    bridge.save_workload(w, data, actor=actor, action=action)


def _snapshot(x: ExitExecution) -> dict[str, Any]:
    return {"reason": x.reason, "started_on": x.started_on, "target_provider": x.target_provider.key
            if x.target_provider else None, "migration_log": x.migration_log, "migrated_on": x.migrated_on,
            "destroyed_on": x.destroyed_on, "destruction_certificate": x.destruction_certificate_id,
            "change_report_submitted_on": x.change_report_submitted_on,
            "change_report_number": x.change_report_number}


def _refuse(request, w: Workload, name: str, form, message: str, status: int = 409):
    return _page(request, w, status=status, refusal=[message])


def _spec_errors(request, w: Workload, name: str, form, exc: bridge.SpecError):
    return _page(request, w, forms={name: form}, status=400, refusal=list(exc.problems))


@require("edit")
@require_POST
def start(request, key: str):
    """제9장: start executing the exit strategy (event ``exit_started``)."""
    w = workload_or_404(request.user, key)
    form = StartForm(request.POST, providers=_targets(request, w))
    if exit_of(w) is not None:
        return _refuse(request, w, "start", form, _("이미 종료 절차를 시작했습니다."))
    if not form.is_valid():
        return _page(request, w, forms={"start": form}, status=400)
    d = form.cleaned_data
    try:
        with transaction.atomic():
            x = ExitExecution.objects.create(workload=w, reason=d["reason"].strip(), started_on=d["started_on"],
                                             target_provider=d["target_provider"], recorded_by=request.user)
            trail.record(request.user, "exit.start", x, after=_snapshot(x), workload_key=w.key)
            _add_events(w, [{"kind": "exit_started", "date": d["started_on"].isoformat(),
                             "note": d["reason"].strip()[:500]}], request.user, "exit.event")
    except bridge.SpecError as exc:
        return _spec_errors(request, w, "start", form, exc)
    if not w.spec.get("exit_plan"):
        messages.warning(request, _("출구전략이 기록되어 있지 않습니다 (제5장 1 5)). 출구전략 탭에서 기록하십시오."))
    messages.success(request, _("종료 절차를 시작했습니다."))
    return redirect("exits:workload", key=w.key)


@require("edit")
@require_POST
def migrate(request, key: str):
    """Record the migration (event ``exit_completed``; ``provider_change`` when moving to another provider)."""
    w = workload_or_404(request.user, key)
    form = MigrationForm(request.POST)
    x = exit_of(w)
    if x is None:
        return _refuse(request, w, "migration", form, _("종료 절차를 먼저 시작하십시오."))
    if x.migrated_on is not None:
        return _refuse(request, w, "migration", form, _("이관 완료가 이미 기록되었습니다."))
    if not form.is_valid():
        return _page(request, w, forms={"migration": form}, status=400)
    d = form.cleaned_data
    if d["migrated_on"] < x.started_on:
        form.add_error("migrated_on", _("이관 완료일은 종료 착수일(%(d)s) 이후여야 합니다.") % {"d": x.started_on})
        return _page(request, w, forms={"migration": form}, status=400)
    events = [{"kind": "exit_completed", "date": d["migrated_on"].isoformat()}]
    if x.target_provider is not None:
        events.append({"kind": "provider_change", "date": d["migrated_on"].isoformat(),
                       "note": f"{w.provider.key} → {x.target_provider.key}"})
    try:
        with transaction.atomic():
            before = _snapshot(x)
            x.migration_log, x.migrated_on = d["migration_log"].strip(), d["migrated_on"]
            x.save(update_fields=["migration_log", "migrated_on"])
            trail.record(request.user, "exit.migrate", x, before=before, after=_snapshot(x), workload_key=w.key)
            _add_events(w, events, request.user, "exit.event")
    except bridge.SpecError as exc:
        return _spec_errors(request, w, "migration", form, exc)
    messages.success(request, _("이관 완료를 기록했습니다. 제공자의 데이터 파기 확인서를 등록하십시오."))
    return redirect("exits:workload", key=w.key)


@require("edit")
@require_POST
def destroy(request, key: str):
    """Record the destruction at the provider with its certificate (event ``data_destroyed``)."""
    w = workload_or_404(request.user, key)
    form = DestructionForm(request.POST, request.FILES)
    x = exit_of(w)
    if x is None or x.migrated_on is None:
        return _refuse(request, w, "destruction", form, _("이관 완료를 먼저 기록하십시오."))
    if x.destroyed_on is not None:
        return _refuse(request, w, "destruction", form, _("데이터 파기가 이미 기록되었습니다."))
    if not form.is_valid():
        return _page(request, w, forms={"destruction": form}, status=400)
    d = form.cleaned_data
    if d["destroyed_on"] < x.started_on:
        form.add_error("destroyed_on", _("파기일은 종료 착수일(%(d)s) 이후여야 합니다.") % {"d": x.started_on})
        return _page(request, w, forms={"destruction": form}, status=400)
    try:
        with transaction.atomic():
            stored = store(d["certificate"], purpose="destruction_certificate", institution=w.institution,
                           user=request.user, workload=w)
            before = _snapshot(x)
            x.destroyed_on, x.destruction_certificate = d["destroyed_on"], stored
            x.save(update_fields=["destroyed_on", "destruction_certificate"])
            trail.record(request.user, "exit.destroy", x, before=before, workload_key=w.key,
                         after={**_snapshot(x), "certificate_sha256": stored.sha256})
            _add_events(w, [{"kind": "data_destroyed", "date": d["destroyed_on"].isoformat(),
                             "note": stored.original_name[:200]}], request.user, "exit.event")
    except UploadError as exc:
        form.add_error("certificate", str(exc))
        return _page(request, w, forms={"destruction": form}, status=400)
    except bridge.SpecError as exc:
        return _spec_errors(request, w, "destruction", form, exc)
    messages.success(request, _("데이터 파기를 기록했습니다."))
    return redirect("exits:workload", key=w.key)


def _mark_change_reported(w: Workload, date: dt.date, reported_on: dt.date) -> dict[str, Any] | None:
    data = bridge.workload_data(w)
    events = [dict(e) for e in data.get("events", [])]
    hits = [e for e in events if e["kind"] == "provider_change" and e["date"] == date.isoformat()]
    if not hits:
        return None
    for e in hits:
        e["reported_on"] = reported_on.isoformat()
    data["events"] = events
    return data


@require("edit")
@require_POST
def change_report(request, key: str):
    """제8장 (§14-2④1): the report on the change of provider, with its document number."""
    w = workload_or_404(request.user, key)
    form = ChangeReportForm(request.POST)
    x = exit_of(w)
    if x is None or x.target_provider is None or x.migrated_on is None:
        return _refuse(request, w, "change_report", form,
                       _("제공자 변경 보고는 다른 제공자로 이관을 완료한 뒤 기록합니다."))
    if not form.is_valid():
        return _page(request, w, forms={"change_report": form}, status=400)
    d = form.cleaned_data
    data = _mark_change_reported(w, x.migrated_on, d["submitted_on"])
    try:
        with transaction.atomic():
            before = _snapshot(x)
            x.change_report_submitted_on = d["submitted_on"]
            x.change_report_number = d["document_number"].strip()
            x.save(update_fields=["change_report_submitted_on", "change_report_number"])
            trail.record(request.user, "exit.change_report", x, before=before, after=_snapshot(x), workload_key=w.key)
            if data is not None:
                bridge.save_workload(w, data, actor=request.user, action="exit.event")
    except bridge.SpecError as exc:
        return _spec_errors(request, w, "change_report", form, exc)
    messages.success(request, _("제공자 변경 보고를 기록했습니다."))
    return redirect("exits:workload", key=w.key)
