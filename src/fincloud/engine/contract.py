"""Contract clauses (감독규정 <별표 2의5>; 정보처리위탁규정 제4조제3항; 가이드 제7장).

Critical work: 기본 + 추가 포함사항; non-critical: 기본. The 위탁규정 §4③ contents are always
required. An indirect contract (MSP, 재위탁) must give the clauses the same effect as a direct one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fincloud.catalog.loader import Catalog
from fincloud.engine.result import ContractClauses, Reason
from fincloud.portfolio.model import Workload

CITATION = "감독규정 제14조의2제1항, <별표 2의5>; 정보처리위탁규정 제4조제3항; 가이드 제7장"


def required_tiers(critical: bool) -> set[str]:
    return {"basic", "additional", "entrustment"} if critical else {"basic", "entrustment"}


_REQUIRED: dict[tuple[int, bool], tuple[str, ...]] = {}


def _required_ids(catalog: Catalog, critical: bool) -> tuple[str, ...]:
    key = (id(catalog.contract_table), critical)
    if key not in _REQUIRED:
        tiers = required_tiers(critical)
        _REQUIRED[key] = tuple(c.id for c in catalog.contract_clauses if c.tier in tiers)
    return _REQUIRED[key]


def plan_contract(
    workload: Workload, *, critical: bool, catalog: Catalog, findings: Mapping[str, Mapping[str, Any]] | None = None
) -> ContractClauses:
    indirect = workload.scope.via_intermediary or workload.contract.indirect
    reasons = [Reason(code="contract.critical" if critical else "contract.non_critical", citation=CITATION)]
    if indirect:
        reasons.append(Reason(code="contract.indirect", citation="가이드 제7장 (간접계약: 재위탁, MSP 등)"))
    required = _required_ids(catalog, critical)
    return ContractClauses(
        required=required, indirect=indirect, reasons=tuple(reasons),
        findings={k: dict(v) for k, v in (findings or {}).items() if k in required},
    )
