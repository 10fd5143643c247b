"""Gather the evidence a portfolio points to: contract documents and configuration exports.

Readers do I/O, so this lives outside the engine: the CLI (and later the web app) calls it, then
passes the findings to ``engine.assess`` as :class:`fincloud.engine.Evidence`. How important a
workload is decides which contract clauses and which configuration checks apply, so a first
assessment without evidence supplies that, and the evidence never changes it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fincloud.catalog.loader import Catalog
from fincloud.engine.assess import Evidence
from fincloud.engine.result import Assessment
from fincloud.portfolio.model import Portfolio


def _resolve(base_dir: Path, file: str) -> Path:
    path = Path(file)
    return path if path.is_absolute() else base_dir / path


def needs_evidence(portfolio: Portfolio) -> bool:
    return any(w.contract.document or w.evidence for w in portfolio.workloads)


def collect_evidence(
    portfolio: Portfolio, catalog: Catalog, *, base_dir: Path, day: dt.date, preliminary: Assessment
) -> Evidence:
    """Review each workload's contract and scan its configuration exports (in-scope workloads only)."""
    from fincloud.evidence.config.model import ScanContext
    from fincloud.evidence.config.scan import safeguard_evidence, scan
    from fincloud.evidence.contracts.review import review_contract

    safeguards: dict[str, dict[str, list[dict[str, Any]]]] = {}
    contract: dict[str, dict[str, dict[str, Any]]] = {}
    for wl in portfolio.workloads:
        result = preliminary.workload(wl.id)
        if not result.in_scope or result.importance is None:
            continue
        critical = result.importance.critical
        if wl.contract.document:
            path = _resolve(base_dir, wl.contract.document)
            review = review_contract(path, critical=critical, catalog=catalog)
            risks: dict[str, list[dict[str, Any]]] = {}
            for risk in review.risks:
                risks.setdefault(risk.clause, []).append(risk.model_dump(mode="json"))
            contract[wl.id] = {
                c.id: {"status": c.status, "confidence": c.confidence,
                       "passages": [p.model_dump(mode="json") for p in c.passages], "why": list(c.why),
                       "risks": risks.get(c.id, []), "file": wl.contract.document, "reviewed_on": day.isoformat(),
                       "kind": "machine"}
                for c in review.clauses
            }
        merged: dict[str, list[dict[str, Any]]] = {}
        for ev in wl.evidence:
            context = ScanContext(workload=wl.id, critical=critical, information=frozenset(wl.information),
                                  critical_reason="fincloud importance assessment")
            found = scan(_resolve(base_dir, ev.file), ev.kind, context=context, complete=ev.complete,
                         edition=catalog.edition.id)
            for req, items in safeguard_evidence(found).items():
                merged.setdefault(req, []).extend(items)
        if merged:
            safeguards[wl.id] = merged
    return Evidence(safeguards=safeguards, contract=contract)
