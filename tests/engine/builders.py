"""Small builders for engine tests: a portfolio dict with one provider and one workload, tweakable."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.engine.result import Assessment
from fincloud.portfolio.loader import parse_portfolio

AS_OF = dt.date(2026, 11, 24)

FULL_IMPORTANCE: dict[str, Any] = {
    "external_orgs": 3, "internal_systems": 12, "business_function": "customer_direct",
    "daily_users": {"ratio": 0.12}, "business_impact": "high", "loss": {"ratio": 0.02}, "rto": 2,
    "customer_impact": "high", "cloud_configuration": "single_with_backup",
    "compliance_requirements": "laws_and_internal", "oversight": 2,
}
# A complete importance that scores low (non-critical for every class but unique_id/personal_credit).
LOW_IMPORTANCE: dict[str, Any] = {
    "external_orgs": 0, "internal_systems": 0, "business_function": "back_office", "daily_users": 0,
    "business_impact": "none", "loss": 0, "rto": 72, "customer_impact": "none", "cloud_configuration": "single",
    "compliance_requirements": "none", "oversight": 0,
}


def provider(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "csp-a", "name": "A클라우드", "regions": [{"id": "kr", "country": "KR"},
                                                                        {"id": "us", "country": "US"}]}
    base.update(over)
    return base


def workload(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "wl", "name": "업무", "provider": "csp-a", "service_model": "IaaS", "region": "kr",
                            "information": ["financial"], "importance": copy.deepcopy(FULL_IMPORTANCE)}
    base.update(over)
    return base


def portfolio(workloads: list[dict[str, Any]] | None = None, providers: list[dict[str, Any]] | None = None,
              kind: str = "bank") -> dict[str, Any]:
    return {"institution": {"name": "테스트은행", "kind": kind},
            "providers": providers or [provider()], "workloads": workloads if workloads is not None else [workload()]}


def run(data: dict[str, Any], as_of: dt.date = AS_OF, **kwargs: Any) -> Assessment:
    return assess(parse_portfolio(data), load_catalog(), as_of, **kwargs)


def one(data: dict[str, Any], as_of: dt.date = AS_OF, wid: str = "wl"):
    return run(data, as_of).workload(wid)
