"""The engine's results for the workspace: computed on read, cached by
(workspace revision, catalog edition, as-of date), never edited.

One change can change other workloads' results (provider dependency, concentration), so the
whole portfolio is re-assessed when the key changes: milliseconds for an institution's few
dozen workloads, a few seconds for the 10,000-workload benchmark portfolio, after which every page
reads rows. The stored JSON is exactly the CLI's ``--format json`` output per workload
(``render.json_out.workload_json``), in Korean and English.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import orjson
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.engine.assess import Evidence
from fincloud.engine.result import Assessment
from fincloud.portfolio.model import Portfolio
from fincloud.render.json_out import assessment_json, workload_json
from fincloud.web.workspace.bridge import portfolio_from_db
from fincloud.web.workspace.models import AssessmentCache, Institution, PortfolioCache, Workload

EDITION = "fsi-2023"
DUE_SOON_STATUSES = ("due", "required_before_use")


def as_of_day() -> dt.date:
    """The day decisions are made for: ``FINCLOUD_AS_OF`` when set (demos, tests), else today in Seoul."""
    if settings.FINCLOUD_AS_OF:
        return dt.date.fromisoformat(settings.FINCLOUD_AS_OF)
    return timezone.localdate()


def catalog_for(inst: Institution):
    rubric = inst.spec.get("importance_rubric")
    return load_catalog(EDITION, rubric) if rubric else load_catalog(EDITION)


def cache_key(inst: Institution, day: dt.date) -> str:
    return f"r{inst.revision}:{EDITION}:{day.isoformat()}"


def contract_evidence(inst: Institution) -> Evidence:
    """Per workload, the latest reviewed contract's clause findings (a person's confirmation wins
    over the machine's), in the shape ``engine.contract.plan_contract`` reads."""
    from fincloud.web.contracts.services import confirmed_findings  # the contracts app's public function

    return Evidence(contract=confirmed_findings(inst))


@dataclass
class Computed:
    portfolio: Portfolio
    assessment: Assessment
    catalog: Any


def compute(inst: Institution, day: dt.date | None = None) -> Computed:
    """Run the engine on the workspace now (no cache): for documents and exports."""
    day = day or as_of_day()
    portfolio = portfolio_from_db(inst)
    catalog = catalog_for(inst)
    return Computed(portfolio, assess(portfolio, catalog, day, evidence=contract_evidence(inst)), catalog)


def _row(w, ko: dict[str, Any], en: dict[str, Any], key: str, pk: int) -> AssessmentCache:
    obligations = w.obligations
    overdue = sum(1 for o in obligations if o.status == "overdue")
    soon = sum(1 for o in obligations if o.status in DUE_SOON_STATUSES)
    dues = [o.due for o in obligations if o.due and o.status != "ok"]
    data = {"ko": ko, "en": en}
    digest = hashlib.sha1(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()
    return AssessmentCache(
        workload_id=pk, cache_key=key, in_scope=w.in_scope,
        critical=w.importance.critical if w.importance else None,
        score=w.importance.score if w.importance else None,
        blockers=len(w.blockers), overdue=overdue, due_soon=soon, next_due=min(dues) if dues else None,
        data=data, digest=digest)


ROW_FIELDS = ["cache_key", "in_scope", "critical", "score", "blockers", "overdue", "due_soon", "next_due", "data",
              "digest"]


def ensure_current(inst: Institution, day: dt.date | None = None) -> str:
    """Bring the caches up to the current key; returns the key.

    The whole portfolio is re-assessed, but only rows whose result changed are rewritten (compared by
    digest); the others just take the new key in one UPDATE. At 10,000 workloads that is the
    difference between rewriting ~280 MB of JSON and a few rows after an ordinary edit.
    """
    day = day or as_of_day()
    key = cache_key(inst, day)
    if PortfolioCache.objects.filter(institution=inst, cache_key=key).exists():
        return key
    with transaction.atomic():
        # Serialise recomputation between processes; re-check after taking the lock.
        inst = Institution.objects.select_for_update().get(pk=inst.pk)
        key = cache_key(inst, day)
        if PortfolioCache.objects.filter(institution=inst, cache_key=key).exists():
            return key
        computed = compute(inst, day)
        ids = dict(inst.workloads.values_list("key", "id"))
        existing = dict(AssessmentCache.objects.filter(workload__institution=inst).values_list("workload_id", "digest"))
        create, update = [], []
        for w in computed.assessment.workloads:
            row = _row(w, workload_json(w, "ko"), workload_json(w, "en"), key, ids[w.id])
            if row.workload_id not in existing:
                create.append(row)
            elif existing[row.workload_id] != row.digest:
                update.append(row)
        AssessmentCache.objects.bulk_create(create, batch_size=500)
        AssessmentCache.objects.bulk_update(update, ROW_FIELDS, batch_size=200)
        AssessmentCache.objects.filter(workload__institution=inst).exclude(cache_key=key).update(cache_key=key)
        full = {lang: assessment_json_light(computed.assessment, lang) for lang in ("ko", "en")}
        PortfolioCache.objects.update_or_create(institution=inst, defaults={"cache_key": key, "data": full})
    return key


def assessment_json_light(a: Assessment, lang: str) -> dict[str, Any]:
    """Portfolio-wide parts (providers, concentration, the nearest 500 open obligations)."""
    data = assessment_json(a.__class__(
        schema_id=a.schema_id, as_of=a.as_of, catalog=a.catalog, institution=a.institution, workloads=(),
        providers=a.providers, concentration=a.concentration, obligations=a.obligations[:500]), lang)
    data["obligations_total"] = len(a.obligations)
    return data


def lang_of(request) -> str:
    return "en" if getattr(request, "LANGUAGE_CODE", "ko").startswith("en") else "ko"


def workload_result(workload: Workload, lang: str = "ko") -> dict[str, Any]:
    ensure_current(workload.institution)
    return AssessmentCache.objects.only("data").get(workload=workload).data[lang]


def portfolio_result(inst: Institution, lang: str = "ko") -> dict[str, Any]:
    ensure_current(inst)
    return PortfolioCache.objects.get(institution=inst).data[lang]



def preview_scope(workload: Workload, scope: dict[str, Any], lang: str = "ko") -> dict[str, Any]:
    """The engine's scope decision for edited 제1장 5 / 별첨 2 answers, before they are saved."""
    from fincloud.engine.scope import decide_scope
    from fincloud.messages import render_reason
    from fincloud.web.workspace.bridge import validate_workload, workload_data

    spec = validate_workload({**workload_data(workload), "scope": scope})
    in_scope, reasons = decide_scope(spec, catalog_for(workload.institution))
    return {"in_scope": in_scope, "reasons": [render_reason(r, lang, with_citation=True) for r in reasons]}


def other_provider_workloads(workload: Workload) -> int:
    """부록1 기준 4 input: the institution's other in-scope workloads on this provider still in use,
    as the last full assessment counted them (the engine's own count, read from the cache)."""
    ensure_current(workload.institution)
    qs = AssessmentCache.objects.filter(workload__provider_id=workload.provider_id, in_scope=True).exclude(
        workload=workload)
    return sum(1 for stage in qs.values_list("data__ko__exit__stage", flat=True) if stage != "exited")


def preview_importance(workload: Workload, importance: dict[str, Any], information: list[str],
                       lang: str = "ko") -> dict[str, Any]:
    """Live 부록1 score for edited inputs: the engine's ``assess_importance`` on the edited workload."""
    from fincloud.engine.importance import assess_importance
    from fincloud.messages import render_reason
    from fincloud.web.workspace.bridge import validate_workload, workload_data

    spec = validate_workload({**workload_data(workload), "importance": importance, "information": information})
    catalog = catalog_for(workload.institution)
    result = assess_importance(spec, catalog.rubric, provider_workloads=other_provider_workloads(workload),
                               rubric_name=catalog.rubric_source)
    return {
        "score": result.score, "threshold": result.threshold, "critical": result.critical,
        "information_class": result.information_class, "complete": result.complete,
        "missing_items": list(result.missing_items),
        "items": {k: {"level": s.level, "points": s.points, "max_points": s.max_points,
                      "basis": render_reason(s.basis, lang) if s.basis else None} for k, s in result.items.items()},
        "warnings": [render_reason(r, lang) for r in result.warnings],
    }


__all__ = ["as_of_day", "compute", "ensure_current", "portfolio_result", "preview_importance",
           "preview_scope", "workload_result"]
