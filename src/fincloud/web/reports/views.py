"""Report pages (guide 제8장; 감독규정 제14조의2제4항~제6항).

The report decision (whether, why, by when) is the engine's (``workload_result(...)["report"]``);
these views build the package with the core's ``write_package`` (the same files the CLI writes),
record a submission with its document number and whether the 3-month deadline was met, write the
submission date back into the portfolio event so the engine sees it, and keep the §14-2⑤
attachments current (§14-2⑥) with a visible "최종 갱신일" per attachment.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.documents.package import write_package
from fincloud.errors import InputError
from fincloud.messages import TRIGGER_KO
from fincloud.web.accounts.permissions import require, workload_or_404
from fincloud.web.audit import trail
from fincloud.web.reports.forms import AttachmentUpdateForm, SubmissionForm, item_value
from fincloud.web.reports.models import AttachmentUpdate, ReportPackage, Submission
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import as_of_day, catalog_for, compute, lang_of, workload_result
from fincloud.web.workspace.models import Workload
from fincloud.web.workspace.uploads import UploadError, store
from fincloud.web.workspace.workflow import report_gate


def _trigger_labels(lang: str) -> dict[str, str]:
    return TRIGGER_KO if lang == "ko" else {}


def _attachment_choices(w: Workload, report: dict[str, Any]) -> list[dict[str, Any]]:
    """The §14-2⑤ attachments the engine lists, with the catalog's wording and the latest update."""
    catalog = {str(a.number): a for a in catalog_for(w.institution).reporting.attachments}
    latest: dict[str, AttachmentUpdate] = {}
    for u in AttachmentUpdate.objects.filter(workload=w).select_related("updated_by").order_by("updated_on", "id"):
        latest[u.attachment] = u
    return [{"number": n, "entry": catalog.get(n), "latest": latest.get(n)} for n in report.get("attachments") or []]


def _forms(w: Workload, report: dict[str, Any], lang: str, data=None, which: str = ""):
    items = report.get("items") or []
    attachments = [(str(a.number), f"{a.number}. {a.guide_heading or a.text}")
                   for a in catalog_for(w.institution).reporting.attachments
                   if str(a.number) in (report.get("attachments") or [])]
    open_items = [i for i in items if i["status"] != "ok"]
    submission = SubmissionForm(data if which == "submit" else None, items=items, trigger_labels=_trigger_labels(lang),
                                initial={"submitted_on": as_of_day(),
                                         "item": item_value(open_items[0]) if open_items else None})
    attachment = AttachmentUpdateForm(data if which == "attachment" else None, attachments=attachments,
                                      initial={"updated_on": as_of_day()})
    return submission, attachment


def _page(request, w: Workload, *, submission_form=None, attachment_form=None, status: int = 200):
    lang = lang_of(request)
    result = workload_result(w, lang)
    report = result.get("report") or {}
    sub_default, att_default = _forms(w, report, lang)
    labels = _trigger_labels(lang)
    items = [{**i, "label": labels.get(i["trigger"], i["trigger"])} for i in report.get("items") or []]
    packages = list(ReportPackage.objects.filter(workload=w).select_related("file", "generated_by")[:10])
    for p in packages:
        p.counts = {s: sum(1 for f in p.presubmission if f.get("severity") == s) for s in ("error", "warning", "info")}
    submissions = list(Submission.objects.filter(workload=w).select_related("recorded_by", "package__file"))
    for s in submissions:
        s.trigger_label = labels.get(s.trigger, s.trigger)
    context = {
        "w": w, "r": result, "report": report, "items": items, "tab": "report", "gate": report_gate(w),
        "trigger_label": labels.get(report.get("trigger") or "", report.get("trigger")),
        "packages": packages, "submissions": submissions, "attachments": _attachment_choices(w, report),
        "submission_form": submission_form or sub_default, "attachment_form": attachment_form or att_default,
        "documents_updated_on": w.spec.get("documents_updated_on"),
    }
    return render(request, "reports/workload.html", context, status=status)


@require("view")
def workload_page(request, key: str):
    return _page(request, workload_or_404(request.user, key))


def _zip_folder(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            zf.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


@require("edit")
@require_POST
def generate(request, key: str):
    """Build the report package for this workload from the engine's current result, zip and store it."""
    w = workload_or_404(request.user, key)
    gate = report_gate(w)
    if not gate.open:
        for reason in gate.reasons:
            messages.error(request, _("보고서류를 생성할 수 없습니다: %(r)s") % {"r": reason})
        return redirect("reports:workload", key=w.key)
    if not workload_result(w).get("in_scope"):
        messages.error(request, _("적용 대상이 아닌 업무는 보고서류를 만들지 않습니다."))
        return redirect("reports:workload", key=w.key)
    computed = compute(w.institution)
    tmp = Path(tempfile.mkdtemp(prefix="fincloud-report-"))
    try:
        out = tmp / "package"
        result = write_package(computed.portfolio, computed.assessment, computed.catalog, out, workload_ids=[w.key],
                               lang=lang_of(request))
        data = _zip_folder(out)
    except InputError as exc:
        messages.error(request, _("보고서류를 생성할 수 없습니다: %(e)s") % {"e": exc})
        return redirect("reports:workload", key=w.key)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    as_of = computed.assessment.as_of
    findings = [f.as_dict() for f in result.workloads[0].findings] if result.workloads else []
    try:
        with transaction.atomic():
            stored = store((f"report-package-{w.key}-{as_of.isoformat()}.zip", data), purpose="report_package",
                           institution=w.institution, user=request.user, workload=w)
            package = ReportPackage.objects.create(workload=w, as_of=as_of, file=stored, generated_by=request.user,
                                                   presubmission=findings)
            trail.record(request.user, "report.generate", package, workload_key=w.key, after={
                "as_of": as_of, "file": stored.original_name, "sha256": stored.sha256, "files": len(result.files),
                "errors": sum(1 for f in findings if f["severity"] == "error")})
    except UploadError as exc:
        messages.error(request, str(exc))
        return redirect("reports:workload", key=w.key)
    errors = sum(1 for f in findings if f["severity"] == "error")
    if errors:
        messages.warning(request, _("보고서류를 생성했습니다. 제출 전 점검에서 오류 %(n)d건이 있어 이대로 제출하면 안 됩니다.")
                         % {"n": errors})
    else:
        messages.success(request, _("보고서류를 생성했습니다."))
    return redirect("reports:workload", key=w.key)


def _mark_reported(data: dict[str, Any], trigger: str, event_date: str | None, reported_on: str) -> bool:
    """Write ``reported_on`` into the portfolio event this report item stands for; ``False`` when
    the item has no event to carry it."""
    events = [dict(e) for e in data.get("events") or []]
    hits = [e for e in events if e["kind"] == trigger and e["date"] == event_date]
    if not hits and trigger == "new_contract" and data.get("development_or_testing") \
            and event_date and event_date == data.get("linked_to_internal_network_on"):
        # 개발·테스트 후 내부망 연계: the engine dates the item by the linking, the event is the contract.
        hits = [e for e in events if e["kind"] == "new_contract" and e["date"] <= event_date]
    if not hits and trigger == "new_contract" and event_date \
            and event_date == (data.get("contract") or {}).get("signed_on"):
        # The signing stands for a new_contract event nobody recorded: record it with its report date.
        new = {"kind": "new_contract", "date": event_date}
        events.append(new)
        hits = [new]
    if not hits:
        return False
    for e in hits:
        e["reported_on"] = reported_on
    data["events"] = events
    return True


@require("edit")
@require_POST
def submit(request, key: str):
    """Record a submission to the FSS: which report item, when, the document number; met or missed."""
    w = workload_or_404(request.user, key)
    lang = lang_of(request)
    report = workload_result(w, lang).get("report") or {}
    form = SubmissionForm(request.POST, items=report.get("items") or [], trigger_labels=_trigger_labels(lang))
    gate = report_gate(w)
    if not gate.open:
        for reason in gate.reasons:
            form.add_error(None, reason)
        return _page(request, w, submission_form=form, status=409)
    if not form.is_valid():
        return _page(request, w, submission_form=form, status=400)
    item = form.items[form.cleaned_data["item"]]
    submitted_on: dt.date = form.cleaned_data["submitted_on"]
    event_date = dt.date.fromisoformat(item["event_date"]) if item.get("event_date") else None
    due = dt.date.fromisoformat(item["due"]) if item.get("due") else None
    data = bridge.workload_data(w)
    written = _mark_reported(data, item["trigger"], item.get("event_date"), submitted_on.isoformat())
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                workload=w, trigger=item["trigger"], event_date=event_date, due=due, submitted_on=submitted_on,
                document_number=form.cleaned_data["document_number"],
                package=ReportPackage.objects.filter(workload=w).first(), recorded_by=request.user)
            trail.record(request.user, "report.submit", submission, workload_key=w.key, after={
                "trigger": submission.trigger, "event_date": event_date, "due": due, "submitted_on": submitted_on,
                "document_number": submission.document_number, "on_time": submission.on_time})
            if written:
                bridge.save_workload(w, data, actor=request.user, action="report.reported_on")
    except bridge.SpecError as exc:
        for p in exc.problems:
            form.add_error(None, p)
        return _page(request, w, submission_form=form, status=400)
    if submission.on_time is False:
        messages.warning(request, _("제출을 기록했습니다. 기한(%(due)s)을 넘겨 제출했습니다.") % {"due": due})
    else:
        messages.success(request, _("제출을 기록했습니다."))
    if not written:
        messages.warning(request, _("이 보고 사유에 해당하는 포트폴리오 사건이 없어 보고일을 사건에 기록하지 못했습니다."))
    return redirect("reports:workload", key=w.key)


@require("edit")
@require_POST
def attachment_update(request, key: str):
    """§14-2⑥: record that a §14-2⑤ attachment was brought up to date."""
    w = workload_or_404(request.user, key)
    lang = lang_of(request)
    report = workload_result(w, lang).get("report") or {}
    _sub, form = _forms(w, report, lang, data=request.POST, which="attachment")
    if not form.is_valid():
        return _page(request, w, attachment_form=form, status=400)
    d = form.cleaned_data
    try:
        with transaction.atomic():
            update = AttachmentUpdate.objects.create(workload=w, attachment=d["attachment"], updated_on=d["updated_on"],
                                                     note=d["note"].strip(), updated_by=request.user)
            trail.record(request.user, "report.attachment_update", update, workload_key=w.key, after={
                "attachment": update.attachment, "updated_on": update.updated_on, "note": update.note})
            latest = AttachmentUpdate.objects.filter(workload=w).aggregate(m=Max("updated_on"))["m"]
            data = bridge.workload_data(w)
            current = data.get("documents_updated_on")
            if latest and (current is None or current < latest.isoformat()):
                data["documents_updated_on"] = latest.isoformat()
                bridge.save_workload(w, data, actor=request.user, action="report.documents_updated_on")
    except bridge.SpecError as exc:
        for p in exc.problems:
            form.add_error(None, p)
        return _page(request, w, attachment_form=form, status=400)
    messages.success(request, _("첨부서류 %(n)s의 갱신을 기록했습니다.") % {"n": update.attachment})
    return redirect("reports:workload", key=w.key)
