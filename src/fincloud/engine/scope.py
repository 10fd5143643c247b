"""Scope: is this use a 정보처리 위탁 of a commercial cloud service (가이드 제1장 5, 별첨)?

감독규정 제14조의2 applies when a financial company has its *own* information processing done
*continuously* by a third party (정보처리위탁규정 제2조제6항) through a *commercial* cloud
computing service (클라우드컴퓨팅법 제2조제3호). The guide's 미적용 examples (physically dedicated
builds, member-only non-commercial group clouds, simple use of YouTube/Facebook for publicity) and
the rulings (OCR by a partner, a start-up sandbox, giving data to a third party) are out of scope.
Indirect use through an MSP or 재위탁 stays in scope.
"""

from __future__ import annotations

from fincloud.catalog.loader import Catalog
from fincloud.engine.result import Reason
from fincloud.portfolio.model import Workload

IN_SCOPE_CITATION = "감독규정 제14조의2제1항; 정보처리위탁규정 제2조제6항; 클라우드컴퓨팅법 제2조제3호; 가이드 제1장 4·5"


def decide_scope(workload: Workload, catalog: Catalog) -> tuple[bool, tuple[Reason, ...]]:
    """Return (in_scope, reasons). Every 미적용 rule of ``scope_rules.yaml`` that holds is listed, not just the first."""
    facts = workload.scope
    out = [
        Reason(code=f"scope.{rule.id}", citation=rule.citation)
        for rule in catalog.scope_rules.not_applies
        if rule.decides == "out_of_scope" and rule.fact is not None and getattr(facts, rule.fact) is rule.fact_value
    ]
    if out:
        return False, tuple(out)
    reasons = [Reason(code="scope.in_scope", citation=IN_SCOPE_CITATION)]
    if facts.via_intermediary:
        indirect = next((r for r in catalog.scope_rules.applies if r.id == "indirect_use"), None)
        reasons.append(Reason(code="scope.via_intermediary", params={"intermediary": facts.intermediary or ""},
                              citation=indirect.citation if indirect else "가이드 별첨 3 FAQ 4; 가이드 제7장"))
    return True, tuple(reasons)
