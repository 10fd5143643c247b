"""The committee's voting rules: quorum (의사정족수) and the majority that carries (의결정족수).

The guide does not set them: catalog ``committee.yaml`` lists "심의･의결 정족수 등 의결 요건" under
``not_in_guide`` (감독규정 제8조의2 본문은 가이드에 인용되지 않음), so they follow the institution's
internal rules. The workspace applies the usual rule of Korean deliberative bodies:
재적위원 과반수 출석 (a majority of the active members present) and 출석위원 과반수 찬성 (a majority
of the members present voting for). Only these two functions decide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

QUORUM_RULE = "재적위원 과반수 출석"
MAJORITY_RULE = "출석위원 과반수 찬성"


def quorum_met(members: int, present: int) -> bool:
    """재적위원 과반수 출석: more than half of the active members are present."""
    return members > 0 and present * 2 > members


def majority_approves(present: int, approvals: int) -> bool:
    """출석위원 과반수 찬성: more than half of the members present voted for (abstentions count as present)."""
    return present > 0 and approvals * 2 > present


@dataclass(frozen=True)
class Tally:
    members: int
    present: int
    approve: int = 0
    reject: int = 0
    abstain: int = 0

    @property
    def quorum(self) -> bool:
        return quorum_met(self.members, self.present)

    @property
    def carried(self) -> bool:
        return majority_approves(self.present, self.approve)

    @property
    def voted(self) -> int:
        return self.approve + self.reject + self.abstain

    @property
    def quorum_needed(self) -> int:
        return self.members // 2 + 1

    @property
    def majority_needed(self) -> int:
        return self.present // 2 + 1


def catalog_basis(catalog) -> str:
    """Where the rule comes from, quoting the catalog's ``not_in_guide`` entry for 정족수."""
    gaps = (getattr(catalog.committee, "model_extra", None) or {}).get("not_in_guide", ())
    gap = next((g for g in gaps if "정족수" in g), "")
    basis = _("가이드에 규정 없음: %(gap)s (committee.yaml not_in_guide) → 기관 내규에 따라 %(q)s, %(m)s 적용") % {
        "gap": gap or "심의･의결 정족수 등 의결 요건", "q": QUORUM_RULE, "m": MAJORITY_RULE}
    return basis
