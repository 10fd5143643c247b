"""Public functions of the contracts app."""

from __future__ import annotations

from typing import Any

from fincloud.web.contracts.models import ClauseFinding, ContractDocument


def latest_document(workload) -> ContractDocument | None:
    return ContractDocument.objects.filter(workload=workload).order_by("-uploaded_at", "-id").first()


def confirmed_findings(institution) -> dict[str, dict[str, dict[str, Any]]]:
    """Per workload key, the clause findings of its latest reviewed contract, a person's status and
    location winning over the machine's: the engine's ``Evidence.contract`` input."""
    latest: dict[int, int] = {}
    for doc_id, wl_id in (ContractDocument.objects.filter(workload__institution=institution, review__isnull=False)
                          .order_by("uploaded_at", "id").values_list("id", "workload_id")):
        latest[wl_id] = doc_id
    if not latest:
        return {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    rows = ClauseFinding.objects.filter(document_id__in=latest.values()).select_related("document__workload")
    for f in rows:
        key = f.document.workload.key
        out.setdefault(key, {})[f.clause] = {
            "status": f.effective_status, "location": f.location or f.machine_location,
            "confidence": 1.0 if f.status else f.confidence,
            "kind": "person" if f.confirmed_at else "machine",
            "reviewed_on": (f.confirmed_at or f.document.reviewed_at).date().isoformat()
            if (f.confirmed_at or f.document.reviewed_at) else None}
    return out
