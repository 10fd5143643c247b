"""Contract pages (guide 제7장, 감독규정 <별표 2의5>, 위탁규정 제4조제3항).

Upload a contract (only after an approving committee resolution: ``workflow.contract_gate``), run
the core reviewer (``fincloud.evidence.contracts.review.review_contract``) on the stored file at
once, keep its per-clause findings, and let a person confirm or correct each one. The machine's
fields are never overwritten; the person's status and location feed the engine
(``assessment.contract_evidence``), so every confirmation marks the cached results stale.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.errors import InputError
from fincloud.evidence.contracts.review import review_contract
from fincloud.web.accounts.permissions import get_or_404, require, workload_or_404
from fincloud.web.audit import trail
from fincloud.web.contracts.forms import ConfirmFindingForm, ContractUploadForm, SignedOnForm
from fincloud.web.contracts.models import CLAUSE_STATUS, ClauseFinding, ContractDocument
from fincloud.web.contracts.services import latest_document
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import catalog_for, lang_of, workload_result
from fincloud.web.workspace.models import StoredFile, Workload
from fincloud.web.workspace.uploads import UploadError, store
from fincloud.web.workspace.workflow import contract_gate

logger = logging.getLogger(__name__)
STATUS_LABELS = dict(CLAUSE_STATUS)


def _latest_reviewed(w: Workload) -> ContractDocument | None:
    return (ContractDocument.objects.filter(workload=w, review__isnull=False)
            .select_related("file").order_by("-uploaded_at", "-id").first())


def _clause_rows(w: Workload, result: dict[str, Any], reviewed: ContractDocument | None) -> list[dict[str, Any]]:
    cc = result.get("contract_clauses") or {}
    entries = {c.id: c for c in catalog_for(w.institution).contract_clauses}
    findings = {f.clause: f for f in reviewed.findings.select_related("confirmed_by")} if reviewed else {}
    risks: dict[str, list[dict[str, Any]]] = {}
    for risk in (reviewed.review or {}).get("risks", []) if reviewed else []:
        risks.setdefault(risk["clause"], []).append(risk)
    engine = cc.get("findings") or {}
    rows = []
    for clause in cc.get("required") or []:
        entry = entries.get(clause)
        finding = findings.get(clause)
        rows.append({"id": clause, "entry": entry, "finding": finding, "risks": risks.get(clause, []),
                     "engine": engine.get(clause),
                     "engine_label": STATUS_LABELS.get((engine.get(clause) or {}).get("status"), ""),
                     "form": ConfirmFindingForm(initial={
                         "status": finding.effective_status, "location": finding.location or finding.machine_location,
                         "note": finding.note}) if finding else None})
    return rows


def _page(request, w: Workload, *, upload_form=None, signed_form=None, status: int = 200):
    result = workload_result(w, lang_of(request))
    latest = latest_document(w)
    reviewed = _latest_reviewed(w)
    rows = _clause_rows(w, result, reviewed)
    signed_on = (w.spec.get("contract") or {}).get("signed_on")
    summary = {s: sum(1 for r in rows if r["finding"] and r["finding"].effective_status == s)
               for s in ("satisfied", "partly", "missing", "contradicted")}
    context = {
        "w": w, "r": result, "tab": "contract", "gate": contract_gate(w), "rows": rows, "summary": summary,
        "latest": latest, "reviewed": reviewed, "signed_on": signed_on,
        "documents": w.contract_documents.select_related("file", "uploaded_by")[:20],
        "upload_form": upload_form or ContractUploadForm(),
        "signed_form": signed_form or SignedOnForm(initial={"signed_on": signed_on}),
    }
    return render(request, "contracts/workload.html", context, status=status)


def _row(request, w: Workload, finding: ClauseFinding, *, errors: list[str] | None = None, status: int = 200):
    """One clause's row, re-rendered after an in-page (htmx) confirmation, with the engine's new reading."""
    rows = _clause_rows(w, workload_result(w, lang_of(request)), finding.document)
    row = next((r for r in rows if r["id"] == finding.clause), None)
    if row is None:  # the clause is no longer required (e.g. the workload's importance changed)
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("contracts:workload", kwargs={"key": w.key})
        return response
    row["errors"] = errors or []
    return render(request, "contracts/_clause_row.html", {"w": w, "row": row}, status=status)


@require("view")
def workload_page(request, key: str):
    return _page(request, workload_or_404(request.user, key))


def _error_text(exc: InputError, original_name: str) -> str:
    """The reviewer's problems, naming the uploaded file instead of the temporary path."""
    parts = []
    for p in exc.problems:
        text = p.message + (f" ({_('허용')}: {p.allowed})" if p.allowed else "")
        parts.append(f"{original_name}: {text}")
    return "\n".join(parts) or str(exc)


def run_review(stored: StoredFile, *, critical: bool, catalog: Any) -> dict[str, Any]:
    """Review the stored file; a local file is read in place, other storage through a temporary copy."""
    suffix = Path(stored.file.name).suffix.lower()
    try:
        local = Path(stored.file.path)
    except NotImplementedError:
        local = None
    if local is not None and local.is_file():
        return review_contract(local, critical=critical, catalog=catalog).to_json_dict()
    tmp = Path(tempfile.mkdtemp(prefix="fincloud-contract-"))
    try:
        copy = tmp / f"contract{suffix}"
        with stored.file.open("rb") as src, copy.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        return review_contract(copy, critical=critical, catalog=catalog).to_json_dict()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _findings_from(review: dict[str, Any]) -> list[dict[str, Any]]:
    risky = {}
    for risk in review.get("risks", []):
        risky.setdefault(risk["clause"], risk)
    out = []
    for c in review["clauses"]:
        passage = (c.get("passages") or [None])[0]
        risk = risky.get(c["id"]) if c["status"] == "contradicted" else None
        source = passage or risk
        location = (source or {}).get("location", "")
        if source and source.get("page"):
            location = f"{location} (p.{source['page']})"
        out.append({"clause": c["id"], "machine_status": c["status"], "machine_location": location[:200],
                    "machine_excerpt": (source or {}).get("text", "")[:2000], "confidence": c.get("confidence")})
    return out


def _save_signed_on(w: Workload, signed_on, actor) -> None:
    data = bridge.workload_data(w)
    contract = dict(data.get("contract") or {})
    if contract.get("signed_on") == (signed_on.isoformat() if signed_on else None):
        return
    contract["signed_on"] = signed_on.isoformat() if signed_on else None
    data["contract"] = contract
    bridge.save_workload(w, data, actor=actor, action="contract.signed_on")


@require("edit")
@require_POST
def upload(request, key: str):
    w = workload_or_404(request.user, key)
    gate = contract_gate(w)
    form = ContractUploadForm(request.POST, request.FILES)
    if not gate.open:
        for reason in gate.reasons:
            form.add_error(None, reason)
        return _page(request, w, upload_form=form, status=409)
    if not form.is_valid():
        return _page(request, w, upload_form=form, status=400)
    result = workload_result(w)
    critical = bool((result.get("importance") or {}).get("critical"))
    signed_on = form.cleaned_data["signed_on"]
    # 1. Store the file and the document row (short transaction, audited).
    try:
        with transaction.atomic():
            stored = store(form.cleaned_data["document"], purpose="contract", institution=w.institution,
                           user=request.user, workload=w)
            doc = ContractDocument.objects.create(workload=w, file=stored, signed_on=signed_on,
                                                  uploaded_by=request.user)
            trail.record(request.user, "contract.upload", doc, workload_key=w.key, after={
                "file": stored.original_name, "sha256": stored.sha256, "size": stored.size, "signed_on": signed_on})
            if signed_on is not None:
                _save_signed_on(w, signed_on, request.user)
    except UploadError as exc:
        form.add_error("document", str(exc))
        return _page(request, w, upload_form=form, status=400)
    except bridge.SpecError as exc:
        for p in exc.problems:
            form.add_error("signed_on", p)
        return _page(request, w, upload_form=form, status=400)
    # 2. Review the stored file outside any transaction (seconds of work must not hold the write lock).
    review, error = None, ""
    try:
        review = run_review(stored, critical=critical, catalog=catalog_for(w.institution))
    except InputError as exc:
        error = _error_text(exc, stored.original_name)
    except Exception:  # a reviewer bug must not leave a document without result or reason
        logger.exception("contract review failed for document %s", doc.pk)
        error = _("%(name)s: 검토 중 예기치 않은 오류가 발생했습니다. 관리자에게 알리십시오.") % {"name": stored.original_name}
    # 3. Keep the result with one finding per clause; findings feed the engine.
    with transaction.atomic():
        doc.review, doc.review_error = review, error
        doc.reviewed_at = timezone.now() if review is not None else None
        doc.save(update_fields=["review", "review_error", "reviewed_at"])
        if review is not None:
            ClauseFinding.objects.bulk_create([ClauseFinding(document=doc, **f) for f in _findings_from(review)])
        trail.record(request.user, "contract.review", doc, workload_key=w.key, after={
            "file": stored.original_name, "critical": critical,
            "summary": (review or {}).get("summary"), "error": error or None})
        if review is not None:
            bridge.bump(w.institution)
    if doc.review_error:
        messages.error(request, _("계약서를 저장했으나 검토할 수 없습니다: %(e)s") % {"e": doc.review_error})
    else:
        s = doc.review["summary"]
        messages.success(request, _("계약서를 검토했습니다: 충족 %(a)d, 일부 충족 %(b)d, 누락 %(c)d, 위배 %(d)d. "
                                    "조항별 결과를 확인하십시오.")
                         % {"a": s["satisfied"], "b": s["partly"], "c": s["missing"], "d": s["contradicted"]})
    return redirect("contracts:workload", key=w.key)


@require("edit")
@require_POST
def signed(request, key: str):
    w = workload_or_404(request.user, key)
    gate = contract_gate(w)
    form = SignedOnForm(request.POST)
    if not gate.open:
        for reason in gate.reasons:
            form.add_error(None, reason)
        return _page(request, w, signed_form=form, status=409)
    if not form.is_valid():
        return _page(request, w, signed_form=form, status=400)
    signed_on = form.cleaned_data["signed_on"]
    doc = latest_document(w)
    try:
        with transaction.atomic():
            if doc is not None and doc.signed_on != signed_on:
                before = doc.signed_on
                doc.signed_on = signed_on
                doc.save(update_fields=["signed_on"])
                trail.record(request.user, "contract.signed_on", doc, before={"signed_on": before},
                             after={"signed_on": signed_on}, workload_key=w.key)
            _save_signed_on(w, signed_on, request.user)
    except bridge.SpecError as exc:
        for p in exc.problems:
            form.add_error(None, p)
        return _page(request, w, signed_form=form, status=400)
    messages.success(request, _("계약 체결일을 저장했습니다."))
    return redirect("contracts:workload", key=w.key)


@require("edit")
@require_POST
def confirm(request, key: str, pk: int):
    w = workload_or_404(request.user, key)
    finding = get_or_404(ClauseFinding.objects.filter(document__workload=w).select_related("document"), pk=pk)
    form = ConfirmFindingForm(request.POST)
    if not form.is_valid():
        errors = [f"{form.fields[k].label if k in form.fields else ''}: {e}".lstrip(": ")
                  for k, es in form.errors.items() for e in es]
        if request.headers.get("HX-Request"):
            return _row(request, w, finding, errors=errors)  # htmx swaps only 2xx answers
        for e in errors:
            messages.error(request, f"{finding.clause}: {e}")
        return redirect(reverse("contracts:workload", kwargs={"key": w.key}) + f"#clause-{finding.clause}")
    d = form.cleaned_data
    before = {"status": finding.status, "location": finding.location, "note": finding.note,
              "machine_status": finding.machine_status}
    with transaction.atomic():
        finding.status = d["status"]
        finding.location = d["location"].strip()
        finding.note = d["note"].strip()
        finding.confirmed_by = request.user
        finding.confirmed_at = timezone.now()
        finding.save(update_fields=["status", "location", "note", "confirmed_by", "confirmed_at"])
        trail.record(request.user, "contract.finding_confirm", finding, before=before, workload_key=w.key, after={
            "clause": finding.clause, "status": finding.status, "location": finding.location, "note": finding.note,
            "machine_status": finding.machine_status, "corrected": finding.corrected})
        bridge.bump(w.institution)
    if request.headers.get("HX-Request"):
        return _row(request, w, finding)
    if finding.corrected:
        messages.success(request, _("%(c)s: 자동 검토 결과(%(m)s)를 %(s)s(으)로 정정했습니다.")
                         % {"c": finding.clause, "m": finding.get_machine_status_display(),
                            "s": finding.get_status_display()})
    else:
        messages.success(request, _("%(c)s: 확인했습니다.") % {"c": finding.clause})
    return redirect(reverse("contracts:workload", kwargs={"key": w.key}) + f"#clause-{finding.clause}")
