"""``assess(portfolio, catalog, as_of)``: the whole procedure of 감독규정 제14조의2 for a portfolio.

Pure and deterministic: no I/O, no clock, no framework. The steps follow the guide's 그림1 —
scope, importance, provider evaluation, continuity and safeguards, contract, report, recurring
obligations, concentration — each in its own module. Evidence (contract reviews, configuration
scans) produced by the readers in ``fincloud.evidence`` can be passed in; it is attached to the
requirement it supports and never overrides a decision.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fincloud.catalog.loader import Catalog
from fincloud.engine.concentration import assess_concentration
from fincloud.engine.contract import plan_contract
from fincloud.engine.exit import exit_state
from fincloud.engine.importance import assess_importance
from fincloud.engine.obligations import workload_obligations
from fincloud.engine.provider_evaluation import PlanCache, evaluate_provider
from fincloud.engine.reporting import decide_report
from fincloud.engine.result import Assessment, Reason, WorkloadAssessment
from fincloud.engine.safeguards import plan_safeguards
from fincloud.engine.scope import decide_scope
from fincloud.portfolio.model import Portfolio


@dataclass(frozen=True)
class Evidence:
    """Findings from outside artefacts, by workload id.

    ``safeguards``: requirement id -> machine findings (check id, status, source, date) from
    configuration scans; ``contract``: clause id -> review finding (status, location, confidence).
    """

    safeguards: Mapping[str, Mapping[str, Sequence[Mapping[str, Any]]]] = field(default_factory=dict)
    contract: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)


def assess(
    portfolio: Portfolio, catalog: Catalog, as_of: dt.date, *, evidence: Evidence | None = None
) -> Assessment:
    evidence = evidence or Evidence()
    providers = {p.id: p for p in portfolio.providers}
    scoped = {w.id: decide_scope(w, catalog) for w in portfolio.workloads}
    # Workloads still using their provider (in scope, not exited) count for dependency and concentration.
    in_use = {w.id for w in portfolio.workloads if scoped[w.id][0]
              and not any(e.kind == "exit_completed" and e.date <= as_of for e in w.events)}
    per_provider = Counter(w.provider for w in portfolio.workloads if w.id in in_use)
    safeguard_plans: dict[bool, Any] = {}
    plan_cache = PlanCache()
    results: list[WorkloadAssessment] = []
    for wl in portfolio.workloads:
        in_scope, scope_reasons = scoped[wl.id]
        base = {"id": wl.id, "name": wl.name, "provider": wl.provider, "service_model": wl.service_model,
                "in_scope": in_scope, "scope_reasons": scope_reasons}
        if not in_scope:
            results.append(WorkloadAssessment(**base))
            continue
        provider = providers[wl.provider]
        importance = assess_importance(wl, catalog.rubric,
                                       provider_workloads=per_provider[wl.provider] - (wl.id in in_use),
                                       rubric_name=catalog.rubric_source)
        critical = importance.critical
        evaluation = evaluate_provider(wl, provider, portfolio.institution, providers,
                                       critical=critical, catalog=catalog, as_of=as_of, cache=plan_cache)
        wl_evidence = evidence.safeguards.get(wl.id)
        if wl_evidence:
            safeguards = plan_safeguards(critical=critical, catalog=catalog, evidence=wl_evidence)
        else:
            if critical not in safeguard_plans:
                safeguard_plans[critical] = plan_safeguards(critical=critical, catalog=catalog)
            safeguards = safeguard_plans[critical]
        contract = plan_contract(wl, critical=critical, catalog=catalog, findings=evidence.contract.get(wl.id))
        report = decide_report(wl, portfolio.institution, critical=critical, catalog=catalog, as_of=as_of)
        leaving = exit_state(wl, critical=critical, catalog=catalog, as_of=as_of)
        obligations = workload_obligations(wl, evaluation=evaluation, report=report, catalog=catalog, as_of=as_of,
                                           exit=leaving)
        blockers: tuple[Reason, ...] = evaluation.blockers
        results.append(WorkloadAssessment(
            **base, importance=importance, provider_evaluation=evaluation, contract_clauses=contract,
            continuity_and_safeguards=safeguards, report=report, obligations=obligations, blockers=blockers,
            exit=leaving,
        ))
    provider_conc, concentration = assess_concentration(portfolio, results)
    all_obligations = tuple(sorted(
        (o for r in results for o in r.obligations if o.status != "ok"),
        key=lambda o: (o.due or dt.date.min, o.workload or "", o.id),
    ))
    return Assessment(
        as_of=as_of, catalog=catalog.edition.id,
        institution={"name": portfolio.institution.name, "kind": portfolio.institution.kind},
        workloads=tuple(results), providers=tuple(provider_conc), concentration=concentration,
        obligations=all_obligations,
    )
