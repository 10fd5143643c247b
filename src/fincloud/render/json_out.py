"""The ``fincloud.assessment/1`` JSON of ``shared/spec/portfolio.md``.

Every name of the spec is kept with its meaning; reasons appear as rendered strings where the spec
has strings (``scope_reasons``, ``warnings``, ``blockers``) and, as extensions, with their codes and
citations under ``*_details`` keys so that scripts need not parse prose. Extensions are documented
in docs/assessment-output.md.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fincloud.engine.result import (
    Assessment,
    EvaluationSchedule,
    Obligation,
    Reason,
    ReportDecision,
    WorkloadAssessment,
)
from fincloud.messages import render_reason


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _texts(reasons: tuple[Reason, ...] | list[Reason], lang: str) -> list[str]:
    return [render_reason(r, lang) for r in reasons]


def _details(reasons: tuple[Reason, ...] | list[Reason], lang: str) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": render_reason(r, lang), "citation": r.citation,
             "params": json.loads(json.dumps(r.params, default=str))} for r in reasons]


def _schedule(s: EvaluationSchedule, lang: str, *, with_required: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if with_required:
        out["required"] = s.required
    out.update({"method": s.method, "due": _d(s.due), "status": s.status,
                "last_completed": _d(s.last_completed), "basis": s.basis, "reasons": _texts(s.reasons, lang)})
    return out


def _report(r: ReportDecision, lang: str) -> dict[str, Any]:
    return {
        "required": r.required, "trigger": r.trigger, "due": _d(r.due), "status": r.status,
        "items": [{"trigger": i.trigger, "event_date": _d(i.event_date), "due": _d(i.due), "status": i.status,
                   "immediate": i.immediate, "reported_on": _d(i.reported_on),
                   "reason": render_reason(i.reason, lang) if i.reason else None,
                   "citation": i.reason.citation if i.reason else None} for i in r.items],
        "attachments": list(r.attachments),
        "reasons": _texts(r.reasons, lang),
    }


def _obligation(o: Obligation, lang: str) -> dict[str, Any]:
    return {"id": o.id, "workload": o.workload, "provider": o.provider, "due": _d(o.due), "status": o.status,
            "last_done": _d(o.last_done), "citation": o.citation,
            "reason": render_reason(o.reason, lang) if o.reason else None}


def workload_json(w: WorkloadAssessment, lang: str = "ko") -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": w.id, "name": w.name, "provider": w.provider, "service_model": w.service_model,
        "in_scope": w.in_scope, "scope_reasons": _texts(w.scope_reasons, lang),
        "scope_details": _details(w.scope_reasons, lang),
    }
    if not w.in_scope:
        out.update({"importance": None, "provider_evaluation": None, "contract_clauses": None,
                    "continuity_and_safeguards": None, "report": None, "obligations": [], "blockers": []})
        return out
    i, pe = w.importance, w.provider_evaluation
    assert i is not None and pe is not None and w.contract_clauses and w.continuity_and_safeguards and w.report
    out["importance"] = {
        "information_class": i.information_class, "score": i.score, "threshold": i.threshold,
        "critical": i.critical,
        "items": {k: {"level": s.level, "points": s.points, "max_points": s.max_points,
                      "basis": render_reason(s.basis, lang) if s.basis else None} for k, s in i.items.items()},
        "warnings": _texts(i.warnings, lang),
        "warning_details": _details(i.warnings, lang),
        "complete": i.complete, "missing_items": list(i.missing_items),
        "reasons": _texts(i.reasons, lang), "rubric": i.rubric,
        "banding": "raw measures banded by each band's lower bound; with two measures the higher level wins",
    }
    out["provider_evaluation"] = {
        "required_items": list(pe.required_items),
        "skipped_items": dict(pe.skipped_items),
        "comprehensive": _schedule(pe.comprehensive, lang, with_required=False),
        "regular": _schedule(pe.regular, lang, with_required=True),
        "blockers": [render_reason(r, lang, with_citation=True) for r in pe.blockers],  # each names its rule
        "blocker_details": _details(pe.blockers, lang),
        "reevaluations": _texts(pe.reevaluations, lang),
        "certificates": _texts(pe.certificates, lang),
        "notes": _texts(pe.notes, lang),
    }
    cc = w.contract_clauses
    out["contract_clauses"] = {"required": list(cc.required), "indirect": cc.indirect,
                               "reasons": _texts(cc.reasons, lang), "findings": cc.findings}
    cs = w.continuity_and_safeguards
    out["continuity_and_safeguards"] = {
        "required": list(cs.required), "recommended": list(cs.recommended), "reasons": _texts(cs.reasons, lang),
        "machine_evidence": {r.id: list(r.machine_evidence) for r in cs.requirements if r.machine_evidence},
    }
    out["report"] = _report(w.report, lang)
    out["obligations"] = [_obligation(o, lang) for o in w.obligations]
    out["blockers"] = [render_reason(r, lang, with_citation=True) for r in w.blockers]
    if w.exit is not None:
        out["exit"] = {"stage": w.exit.stage, "started_on": _d(w.exit.started_on),
                       "completed_on": _d(w.exit.completed_on), "data_destroyed_on": _d(w.exit.data_destroyed_on),
                       "reasons": _texts(w.exit.reasons, lang)}
    return out


def assessment_json(a: Assessment, lang: str = "ko") -> dict[str, Any]:
    return {
        "schema": a.schema_id,
        "as_of": a.as_of.isoformat(),
        "catalog": a.catalog,
        "institution": a.institution,
        "workloads": [workload_json(w, lang) for w in a.workloads],
        "providers": [{"id": p.id, "name": p.name, "workloads": p.workloads, "critical_workloads": p.critical_workloads,
                       "share": p.share, "critical_share": p.critical_share, "foreign": p.foreign,
                       "flags": _texts(p.flags, lang)} for p in a.providers],
        "concentration": {"hhi": a.concentration.hhi, "critical_hhi": a.concentration.critical_hhi,
                          "flags": _texts(a.concentration.flags, lang)},
        "obligations": [_obligation(o, lang) for o in a.obligations],
    }


def dumps(a: Assessment, lang: str = "ko") -> str:
    return json.dumps(assessment_json(a, lang), ensure_ascii=False, indent=2)
