"""Cross-table integrity of a catalog edition: unique ids, references that resolve, sums that add up.

Run on every load, so a broken edition (or an institution's own rubric file) is refused with the
reason instead of producing wrong decisions.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from fincloud.catalog.models import LEVELS, ImportanceRubric
from fincloud.errors import InputError, Problem

if TYPE_CHECKING:
    from fincloud.catalog.loader import Catalog

# The 13 item ids of the stable output contract (shared/spec/portfolio.md), in the guide's order.
IMPORTANCE_ITEM_IDS = (
    "external_orgs", "internal_systems", "business_function", "daily_users", "business_impact", "loss", "rto",
    "customer_impact", "information_type", "provider_dependency", "cloud_configuration",
    "compliance_requirements", "oversight",
)
CONTRACT_CLAUSE_IDS = (
    "scope_of_service", "data", "change_notification", "supervisory_access", "drills_cooperation", "security_level",
    "security_requirements", "termination_right", "sla_monitoring", "confidentiality", "data_destruction",
    "legal_compliance_reporting", "processing_location", "emergency_access", "transition_support", "major_events",
    "subcontracting_consent", "subcontractor_oversight", "access_control", "liability", "supervisory_inspection",
    "jurisdiction",
)


def _dupes(values: list[str]) -> list[str]:
    return [v for v, n in Counter(values).items() if n > 1]


def check_rubric(rubric: ImportanceRubric, file: str) -> None:
    problems: list[Problem] = []
    ids = tuple(it.id for it in rubric.items)
    if ids != IMPORTANCE_ITEM_IDS:
        problems.append(Problem(
            "the rubric must define exactly the 13 items of the output contract, in order",
            file=file, field="items", allowed=", ".join(IMPORTANCE_ITEM_IDS)))
    if set(rubric.weights) != set(LEVELS):
        problems.append(Problem("weights must give high, medium, low and none", file=file, field="weights"))
    criteria = {c.id: c for c in rubric.criteria}
    for it in rubric.items:
        if it.criterion not in criteria:
            problems.append(Problem(f"item '{it.id}' names unknown criterion '{it.criterion}'", file=file,
                                    field=f"items.{it.id}.criterion", allowed=", ".join(criteria)))
        if set(it.bands) != set(LEVELS):
            problems.append(Problem(f"item '{it.id}' must print a band for each level", file=file,
                                    field=f"items.{it.id}.bands"))
    for cid, crit in criteria.items():
        total = sum(it.points for it in rubric.items if it.criterion == cid)
        if abs(total - crit.points) > 1e-9:
            problems.append(Problem(f"criterion '{cid}' has {crit.points} points but its items add up to {total}",
                                    file=file, field=f"criteria.{cid}.points"))
    classes = {c.id for c in rubric.information_classes}
    if classes != {"unique_id", "personal_credit", "financial", "business", "public"}:
        problems.append(Problem("information_classes must define the 5 classes of 부록1", file=file,
                                field="information_classes"))
    if problems:
        raise InputError(problems)


def check_catalog(catalog: Catalog) -> None:
    problems: list[Problem] = []
    src = str(catalog.data_dir)
    numbers = [it.number for it in catalog.provider_items]
    for d in _dupes(numbers):
        problems.append(Problem(f"duplicate 별표 2의2 item {d}", file=src + "/provider_items.yaml"))
    subdomains = {s.number for d in catalog.provider_items_table.domains for s in d.subdomains}
    for it in catalog.provider_items:
        if it.subdomain not in subdomains or not it.number.startswith(it.subdomain + "."):
            problems.append(Problem(f"item {it.number} names subdomain {it.subdomain}", file=src + "/provider_items.yaml"))
    req_ids = [r.id for t in (*catalog.continuity, *catalog.safeguards) for r in t.requirements]
    for d in _dupes(req_ids):
        problems.append(Problem(f"duplicate requirement id {d}", file=src))
    for t in (*catalog.continuity, *catalog.safeguards):
        for r in t.requirements:
            if not r.id.startswith(t.id + "."):
                problems.append(Problem(f"requirement {r.id} is filed under topic {t.id}", file=src))
    clause_ids = tuple(c.id for c in catalog.contract_clauses)
    if clause_ids != CONTRACT_CLAUSE_IDS:
        problems.append(Problem("contract clauses must be the 22 ids of the contract-review spec, in order",
                                file=src + "/contract_clauses.yaml", allowed=", ".join(CONTRACT_CLAUSE_IDS)))
    for c in catalog.certifications.schemes:
        for dom in c.still_evaluate_domains:
            if dom not in {d.number for d in catalog.provider_items_table.domains}:
                problems.append(Problem(f"certification {c.scheme} names unknown domain {dom}",
                                        file=src + "/certifications.yaml"))
    check_rubric(catalog.rubric, catalog.rubric_source)
    if problems:
        raise InputError(problems)
