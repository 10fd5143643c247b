"""Continuity/safeguards (<별표 2의3>, <별표 2의4>, 가이드 제5장) and contract clauses (<별표 2의5>, 위탁규정 §4③)."""

from __future__ import annotations

from fincloud.catalog import load_catalog
from fincloud.engine import Evidence
from tests.engine.builders import LOW_IMPORTANCE, one, portfolio, run, workload

CAT = load_catalog()
ALL = [r for t in (*CAT.continuity, *CAT.safeguards) for r in t.requirements]


def test_critical_needs_essential_and_additional_requirements() -> None:
    """가이드 제2장 1 다.: 중요 업무는 <별표 2의3>, <별표 2의4>의 필수, 추가사항 모두 준수."""
    cs = one(portfolio([workload(information=["personal_credit"])])).continuity_and_safeguards
    assert set(cs.required) == {r.id for r in ALL if r.level in ("essential", "additional")}
    assert set(cs.recommended) == {r.id for r in ALL if r.level == "recommended"}


def test_non_critical_needs_essential_requirements_only() -> None:
    """가이드 제2장 1 다.: 비중요 업무는 필수 사항 준수 (추가 사항 생략 가능)."""
    cs = one(portfolio([workload(information=["public"], importance=dict(LOW_IMPORTANCE))])).continuity_and_safeguards
    assert set(cs.required) == {r.id for r in ALL if r.level == "essential"}


def test_machine_evidence_is_attached_not_deciding() -> None:
    """Configuration evidence is attached to the requirement it supports; the required set is unchanged."""
    finding = {"check": "mfa_privileged_users", "status": "fail", "source": "terraform"}
    result = run(portfolio([workload(information=["personal_credit"])]),
                 evidence=Evidence(safeguards={"wl": {"account_management.a1": [finding]}}))
    cs = result.workload("wl").continuity_and_safeguards
    req = next(r for r in cs.requirements if r.id == "account_management.a1")
    assert req.machine_evidence == (finding,) and req.required is True
    assert "account_management.a1" in cs.required


def test_contract_clauses_critical_basic_additional_and_entrustment() -> None:
    """가이드 제7장: 중요 → 기본 12 + 추가 6, plus 위탁규정 제4조제3항 4."""
    cc = one(portfolio([workload(information=["personal_credit"])])).contract_clauses
    assert len(cc.required) == 22 and cc.required[0] == "scope_of_service" and cc.required[-1] == "jurisdiction"


def test_contract_clauses_non_critical_basic_and_entrustment() -> None:
    """가이드 제7장: 비중요 → 기본 12, plus 위탁규정 제4조제3항 4 (추가 포함사항 생략 가능)."""
    cc = one(portfolio([workload(information=["public"], importance=dict(LOW_IMPORTANCE))])).contract_clauses
    tiers = {c.id: c.tier for c in CAT.contract_clauses}
    assert len(cc.required) == 16 and all(tiers[c] in ("basic", "entrustment") for c in cc.required)


def test_indirect_contract_must_give_the_same_effect() -> None:
    """가이드 제7장: 간접계약(재위탁, MSP)도 별표 2의5 사항이 직접 계약과 동등한 효력."""
    cc = one(portfolio([workload(contract={"signed_on": "2026-01-01", "indirect": True})])).contract_clauses
    assert cc.indirect is True and "contract.indirect" in [r.code for r in cc.reasons]
