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
from fincloud.engine.result import Assessment, ContractClauses, Reason, WorkloadAssessment
from fincloud.engine.safeguards import plan_safeguards
from fincloud.engine.scope import decide_scope
from fincloud.portfolio.model import Portfolio

_NO_DATE = dt.date.min


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
    # The scope decision depends only on the workload's scope facts (and the catalog), so workloads with
    # equal facts share one (immutable) answer; renderers then render its reasons once. The facts are
    # keyed by their values (what the frozen model compares), without pydantic's Python-level hash.
    scope_memo: dict[tuple[Any, ...], tuple[bool, tuple[Reason, ...]]] = {}
    scoped: dict[str, tuple[bool, tuple[Reason, ...]]] = {}
    for w in portfolio.workloads:
        facts = tuple(w.scope.__dict__.values())
        decision = scope_memo.get(facts)
        if decision is None:
            decision = scope_memo[facts] = decide_scope(w, catalog)
        scoped[w.id] = decision
    # Workloads still using their provider (in scope, not exited) count for dependency and concentration.
    in_use = {w.id for w in portfolio.workloads if scoped[w.id][0]
              and not any(e.kind == "exit_completed" and e.date <= as_of for e in w.events)}
    per_provider = Counter(w.provider for w in portfolio.workloads if w.id in in_use)
    safeguard_plans: dict[bool, Any] = {}
    plan_cache = PlanCache()
    contract_plans: dict[tuple[bool, bool], ContractClauses] = {}
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
        findings = evidence.contract.get(wl.id)
        if findings:
            contract = plan_contract(wl, critical=critical, catalog=catalog, findings=findings)
        else:
            # Without findings the clauses depend only on the importance and on whether the contract is indirect.
            ckey = (critical, wl.scope.via_intermediary or wl.contract.indirect)
            contract = contract_plans.get(ckey)
            if contract is None:
                contract = contract_plans[ckey] = plan_contract(wl, critical=critical, catalog=catalog)
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
    # Sorted by (due, workload, id), ties kept in workload order (the index makes the sort stable and
    # spares a key function call per obligation).
    open_obligations = [o for r in results for o in r.obligations if o.status != "ok"]
    order = sorted([(o.due or _NO_DATE, o.workload or "", o.id, i) for i, o in enumerate(open_obligations)])
    all_obligations = tuple([open_obligations[k[3]] for k in order])
    return Assessment(
        as_of=as_of, catalog=catalog.edition.id,
        institution={"name": portfolio.institution.name, "kind": portfolio.institution.kind},
        workloads=tuple(results), providers=tuple(provider_conc), concentration=concentration,
        obligations=all_obligations,
    )
