"""Scope: 가이드 제1장 4·5, 정보처리위탁규정 제2조제6항, 클라우드컴퓨팅법 제2조제3호, rulings."""

from __future__ import annotations

import pytest

from tests.engine.builders import one, portfolio, workload


def test_default_facts_are_in_scope() -> None:
    w = one(portfolio())
    assert w.in_scope is True and w.scope_reasons[0].code == "scope.in_scope"


@pytest.mark.parametrize(("facts", "code"), [
    ({"own_processing": False}, "scope.not_own_processing"),       # 법령해석 190152, 비조치 190011
    ({"continuous": False}, "scope.not_continuous"),               # 위탁규정 제2조제6항 계속적
    ({"commercial": False}, "scope.not_commercial"),               # 클라우드컴퓨팅법 제2조제3호 상용
    ({"physically_dedicated": True}, "scope.physically_dedicated"),  # 제1장 5 나.
    ({"member_only_noncommercial": True}, "scope.member_only_noncommercial"),
    ({"simple_web_use": True}, "scope.simple_web_use"),            # 유튜브·페이스북 홍보
])
def test_each_out_of_scope_rule(facts: dict, code: str) -> None:
    """가이드 제1장 5 나. 미적용 대상 and the rulings: each fact alone takes the workload out, with its reason."""
    w = one(portfolio([workload(scope=facts)]))
    assert w.in_scope is False and [r.code for r in w.scope_reasons] == [code]
    assert w.scope_reasons[0].citation


def test_every_out_of_scope_reason_is_listed() -> None:
    w = one(portfolio([workload(scope={"own_processing": False, "simple_web_use": True})]))
    assert {r.code for r in w.scope_reasons} == {"scope.not_own_processing", "scope.simple_web_use"}


def test_indirect_use_through_msp_stays_in_scope() -> None:
    """가이드 제1장 5 가., 제7장: MSP·재위탁 등 간접 이용도 적용 대상; the contract must give the same effect."""
    w = one(portfolio([workload(scope={"via_intermediary": True, "intermediary": "베스트MSP"})]))
    assert w.in_scope is True
    assert [r.code for r in w.scope_reasons] == ["scope.in_scope", "scope.via_intermediary"]
    assert w.contract_clauses.indirect is True
