"""Concentration risk per provider (감독규정 제14조의2제1항제1호 라목; 가이드 부록2).

Counts in-scope workloads and critical workloads per provider, their shares, the
Herfindahl-Hirschman index over providers, and the 부록2 considerations that can be read from the
portfolio: primary and recovery site at the same provider, critical work concentrated on one
provider, and foreign providers (국외 클라우드 서비스 제공자 리스크 대응방안).
"""

from __future__ import annotations

from collections import Counter

from fincloud.engine.result import Concentration, ProviderConcentration, Reason, WorkloadAssessment
from fincloud.portfolio.model import Portfolio

CITATION = "가이드 부록2 1. 집중 리스크 관리시 고려사항"
FOREIGN_CITATION = "가이드 부록2 2. 국외 클라우드 서비스 제공자(제3자)에 대한 리스크 대응방안"
HHI_HIGH = 2500.0  # conventional threshold of a highly concentrated market (U.S. DOJ/FTC guidelines)
DOMINANT_SHARE = 0.5


def hhi(shares: list[float]) -> float:
    return round(sum((s * 100) ** 2 for s in shares), 1)


def assess_concentration(
    portfolio: Portfolio, results: list[WorkloadAssessment]
) -> tuple[list[ProviderConcentration], Concentration]:
    # Exited workloads (가이드 제9장) no longer depend on their provider.
    in_scope = [r for r in results if r.in_scope and not (r.exit and r.exit.stage == "exited")]
    total = len(in_scope)
    counts = Counter(r.provider for r in in_scope)
    critical = Counter(r.provider for r in in_scope if r.importance and r.importance.critical)
    total_critical = sum(critical.values())
    by_id = {p.id: p for p in portfolio.providers}
    wl_by_id = {w.id: w for w in portfolio.workloads}

    providers: list[ProviderConcentration] = []
    for prov in portfolio.providers:
        n, c = counts.get(prov.id, 0), critical.get(prov.id, 0)
        share = round(n / total, 4) if total else 0.0
        cshare = round(c / total_critical, 4) if total_critical else 0.0
        foreign = prov.country is not None and prov.country != "KR"
        flags: list[Reason] = []
        if c >= 2 and cshare > DOMINANT_SHARE:
            flags.append(Reason(code="concentration.dominant_provider", params={"provider": prov.id, "share": cshare},
                                citation=CITATION))
        if foreign and n:
            flags.append(Reason(code="concentration.foreign_provider", params={"provider": prov.id},
                                citation=FOREIGN_CITATION))
        providers.append(ProviderConcentration(id=prov.id, name=prov.name, workloads=n, critical_workloads=c,
                                               share=share, critical_share=cshare, foreign=foreign,
                                               flags=tuple(flags)))

    flags: list[Reason] = []
    for r in in_scope:
        wl = wl_by_id[r.id]
        if wl.recovery_provider and wl.recovery_provider == wl.provider and wl.provider in by_id:
            flags.append(Reason(code="concentration.same_provider_recovery",
                                params={"workload": r.id, "provider": wl.provider}, citation=CITATION))
    index = hhi([p.share for p in providers])
    if index > HHI_HIGH:
        flags.append(Reason(code="concentration.high_hhi", params={"hhi": index}, citation=CITATION))
    for p in providers:
        flags.extend(p.flags)
    return providers, Concentration(hhi=index, critical_hhi=hhi([p.critical_share for p in providers]),
                                    flags=tuple(flags))
