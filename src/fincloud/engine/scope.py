"""Scope: is this use a 정보처리 위탁 of a commercial cloud service (가이드 제1장 5, 별첨)?

감독규정 제14조의2 applies when a financial company has its *own* information processing done
*continuously* by a third party (정보처리위탁규정 제2조제6항) through a *commercial* cloud
computing service (클라우드컴퓨팅법 제2조제3호). The guide's 미적용 examples (physically dedicated
builds, member-only non-commercial group clouds, simple use of YouTube/Facebook for publicity) and
the rulings (OCR by a partner, a start-up sandbox, giving data to a third party) are out of scope.
Indirect use through an MSP or 재위탁 stays in scope.
"""

from __future__ import annotations

from fincloud.engine.result import Reason
from fincloud.portfolio.model import Workload

# Each out-of-scope rule: (scope fact, value that takes the workload out, message code, citation)
_OUT_RULES: tuple[tuple[str, bool, str, str], ...] = (
    ("own_processing", False, "scope.not_own_processing",
     "정보처리위탁규정 제2조제6항; 법령해석 회신문 190152(’19.7.3.); 비조치의견서 190011(’19.5.27.), 190057(’20.1.13.)"),
    ("continuous", False, "scope.not_continuous", "정보처리위탁규정 제2조제6항 (계속적 처리)"),
    ("simple_web_use", True, "scope.simple_web_use", "가이드 제1장 5 나. 미적용 대상 (홍보 목적 유튜브·페이스북 등 단순 이용)"),
    ("physically_dedicated", True, "scope.physically_dedicated", "가이드 제1장 5 나. 미적용 대상 (물리적으로 분리된 전용 구축)"),
    ("member_only_noncommercial", True, "scope.member_only_noncommercial",
     "가이드 제1장 5 나. 미적용 대상 (금융지주·금융IT·협회 소속 구성원 전용 非상용)"),
    ("commercial", False, "scope.not_commercial", "클라우드컴퓨팅법 제2조제3호 (상용); 가이드 제1장 5"),
)


def decide_scope(workload: Workload) -> tuple[bool, tuple[Reason, ...]]:
    """Return (in_scope, reasons). Every rule that takes the workload out is listed, not just the first."""
    facts = workload.scope
    out = [
        Reason(code=code, citation=citation)
        for fact, trigger, code, citation in _OUT_RULES
        if getattr(facts, fact) is trigger
    ]
    if out:
        return False, tuple(out)
    reasons = [
        Reason(code="scope.in_scope",
               citation="감독규정 제14조의2제1항; 정보처리위탁규정 제2조제6항; 클라우드컴퓨팅법 제2조제3호; 가이드 제1장 4·5"),
    ]
    if facts.via_intermediary:
        reasons.append(Reason(code="scope.via_intermediary", params={"intermediary": facts.intermediary or ""},
                              citation="가이드 제1장 5 가. 적용 대상; 가이드 제7장 (재위탁·MSP 계약)"))
    return True, tuple(reasons)
