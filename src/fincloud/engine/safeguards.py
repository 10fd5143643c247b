"""Business continuity and safeguards (감독규정 제14조의2제1항제3호, <별표 2의3>, <별표 2의4>; 가이드 제5장).

Critical work must meet the 필수 and 추가 requirements, non-critical work the 필수 ones; 권고 사항 are
listed as recommendations. Machine evidence from configuration scans is attached to the requirement
it supports but never decides it: a person still confirms each requirement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fincloud.catalog.loader import Catalog
from fincloud.engine.result import ContinuityAndSafeguards, Reason, RequirementStatus

CITATION = "감독규정 제14조의2제1항제3호, <별표 2의3>, <별표 2의4>; 가이드 제2장 1 다., 제5장"


def required_levels(critical: bool) -> set[str]:
    return {"essential", "additional"} if critical else {"essential"}


def plan_safeguards(
    *, critical: bool, catalog: Catalog, evidence: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
) -> ContinuityAndSafeguards:
    """Required and recommended requirement ids, in the guide's order (continuity first)."""
    levels = required_levels(critical)
    statuses: list[RequirementStatus] = []
    for part, topics in (("continuity", catalog.continuity), ("safeguards", catalog.safeguards)):
        for topic in topics:
            for req in topic.requirements:
                statuses.append(RequirementStatus(
                    id=req.id, topic=topic.id, part=part, level=req.level, required=req.level in levels,
                    machine_evidence=tuple((evidence or {}).get(req.id, ())),
                ))
    return ContinuityAndSafeguards(
        required=tuple(s.id for s in statuses if s.required),
        recommended=tuple(s.id for s in statuses if s.level == "recommended"),
        requirements=tuple(statuses),
        reasons=(Reason(code="safeguards.critical" if critical else "safeguards.non_critical", citation=CITATION),),
    )
