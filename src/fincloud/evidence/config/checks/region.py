"""Data residency: 감독규정 제14조의2제8항 — 고유식별정보·개인신용정보 processed in Korea.

The guide allows 국외 processing only of other information; so every resource that stores
or processes unique identifiers or personal credit information must be in a Korean region.
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.importance import holds
from fincloud.evidence.config.model import DOMESTIC_ONLY_CLASSES, Estate, Finding, Resource

DATA_KINDS = ("bucket", "database", "server", "volume", "log_group", "audit_trail")


def in_korea(r: Resource) -> bool | None:
    from fincloud.evidence.config.definitions import korean_regions

    if r.country:
        return r.country.upper() == "KR"
    if not r.region:
        return None
    return r.region in korean_regions().get(r.provider, frozenset()) or r.region in korean_regions().get("*", frozenset())


@check("korean_region")
def korean_region(estate: Estate) -> list[Finding]:
    out = []
    for r in estate.of(*DATA_KINDS):
        held = holds(estate, r, DOMESTIC_ONLY_CLASSES)
        korea = in_korea(r)
        where = r.region or r.country or "unknown region"
        classes = ", ".join(sorted(r.data_classes & DOMESTIC_ONLY_CLASSES)) or "workload information"
        if held:
            if korea:
                out.append(Finding(r.address, "pass", f"{classes} in {where} (Korea)"))
            elif korea is False:
                out.append(Finding(r.address, "fail", f"{classes} in {where}, outside Korea"))
            else:
                out.append(Finding(r.address, "cannot_tell", f"holds {classes}; region not known from this input"))
        elif held is False:
            out.append(Finding(r.address, "not_applicable", "holds no unique-id or personal credit information (tags/workload)"))
        elif korea:
            out.append(Finding(r.address, "pass", f"in {where} (Korea)"))
        else:
            out.append(Finding(r.address, "cannot_tell", f"in {where}; whether it holds unique-id or personal credit information is not recorded "
                               "(tag fincloud:data-class or --workload)"))
    return out
