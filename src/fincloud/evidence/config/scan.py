"""The public entry: ``scan(source_path, kind) -> EvidenceScan``.

Reads one input (Terraform plan, Prowler JSON-OCSF, or inventory), runs every check, and
returns the stable output of ``shared/spec/evidence.md`` with when and from what it was
made, so that a finding filed as machine evidence can always be traced to its source.
Findings never decide for a person: :func:`safeguard_evidence` hands them to the checklist
as dated, sourced evidence beside (never instead of) the person's own answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fincloud.errors import InputError
from fincloud.evidence.config import definitions
from fincloud.evidence.config.checks import registry
from fincloud.evidence.config.model import STATUSES, Estate, Finding, ScanContext, Status, combine
from fincloud.yamlio import bulk_allocation

SCHEMA = "fincloud.evidence/1"
SourceKind = Literal["terraform", "prowler", "inventory"]
SOURCE_KINDS: tuple[str, ...] = ("terraform", "prowler", "inventory")


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


#: One resource's verdict. The frozen dataclass the checks return is used as is: building a
#: pydantic model per resource would cost ~0.3 s on a 20,000-resource plan.
ResourceResult = Finding


class CheckResult(_Out):
    id: str
    safeguard: str | None = Field(description="primary 제5장 requirement id")
    safeguards: tuple[str, ...] = ()
    citation: str
    title: str
    title_en: str
    status: Status
    counts: dict[str, int]
    needs_person: str | None = None
    checkov: tuple[str, ...] = ()
    resources: tuple[ResourceResult, ...]


class Source(_Out):
    kind: SourceKind
    file: str
    sha256: str
    bytes: int
    resources: int = Field(description="resources (or Prowler findings) read from the input")
    complete: bool = Field(description="the input describes the whole account, so a missing control is a failure")


class WorkloadContext(_Out):
    id: str | None = None
    critical: bool | None = None
    information: tuple[str, ...] | None = None
    reason: str | None = None


class EvidenceScan(_Out):
    schema_: str = Field(SCHEMA, alias="schema")
    source: Source
    scanned_at: dt.datetime
    edition: str
    workload: WorkloadContext
    summary: dict[str, int]
    notes: tuple[str, ...] = ()
    checks: tuple[CheckResult, ...]

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def read_estate(source_path: str | Path, kind: str, context: ScanContext, *, complete: bool | None = None) -> Estate:
    """Read ``source_path`` as ``kind`` into an :class:`Estate` (Prowler: verdicts attached)."""
    if kind == "terraform":
        from fincloud.evidence.config.readers.terraform import read_terraform

        return read_terraform(source_path, context, complete=bool(complete))
    if kind == "inventory":
        from fincloud.evidence.config.readers.inventory import read_inventory

        return read_inventory(source_path, context, complete=complete)
    if kind == "prowler":
        from fincloud.evidence.config.readers.prowler import read_prowler

        return read_prowler(source_path, context)
    raise InputError.single(f"unknown input kind {kind!r}", allowed=", ".join(SOURCE_KINDS))


def run_checks(estate: Estate, edition: str = definitions.DEFAULT_EDITION) -> list[CheckResult]:
    """Run every described check on ``estate``, in the order of evidence_checks.yaml."""
    table = definitions.check_table(edition)
    funcs = registry()
    results = []
    for d in table.checks:
        if estate.verdicts is not None:
            findings = estate.verdicts.get(d.id) or [Finding(
                "(account)", "cannot_tell", f"the {estate.source_kind} input holds no finding for this check")]
        else:
            findings = funcs[d.id](estate)
        statuses = [f.status for f in findings]
        # model_construct: the values come from our own code, already typed; validating
        # 20,000 resource results again would cost a large part of the 2-second budget.
        results.append(CheckResult.model_construct(
            id=d.id,
            safeguard=d.safeguards[0] if d.safeguards else None,
            safeguards=d.safeguards,
            citation=definitions.citation(d, edition),
            title=d.title,
            title_en=d.title_en,
            status=combine(statuses),
            counts={s: statuses.count(s) for s in STATUSES if s in statuses},
            needs_person=d.needs_person,
            checkov=d.checkov,
            resources=tuple(findings),
        ))
    return results


def scan(
    source_path: str | Path,
    kind: str,
    *,
    context: ScanContext | None = None,
    complete: bool | None = None,
    edition: str = definitions.DEFAULT_EDITION,
    now: dt.datetime | None = None,
) -> EvidenceScan:
    """Scan one configuration export; raises InputError for anything unusable."""
    context = context or ScanContext()
    path = Path(source_path)
    with bulk_allocation():  # a 30 MB plan is millions of acyclic objects
        estate = read_estate(path, kind, context, complete=complete)
        checks = run_checks(estate, edition)
    sha, size = _digest(path)
    summary = {s: sum(1 for c in checks if c.status == s) for s in STATUSES}
    count = estate.input_count
    return EvidenceScan(
        source=Source(kind=kind, file=str(source_path), sha256=sha, bytes=size,  # type: ignore[arg-type]
                      resources=count if count is not None else len(estate.resources), complete=estate.complete),
        scanned_at=now or dt.datetime.now(dt.UTC).replace(microsecond=0),
        edition=edition,
        workload=WorkloadContext(
            id=context.workload, critical=context.critical,
            information=tuple(sorted(context.information)) if context.information is not None else None,
            reason=context.critical_reason,
        ),
        summary=summary,
        notes=tuple(estate.notes),
        checks=tuple(checks),
    )


def safeguard_evidence(result: EvidenceScan) -> dict[str, list[dict[str, object]]]:
    """Machine evidence per 제5장 requirement id, for the safeguard checklist.

    Each entry carries the check, its verdict, the source file and digest and the scan time;
    the checklist shows it beside the person's own answer and never replaces that answer
    (a disagreement is shown as such, for the person to resolve).
    """
    out: dict[str, list[dict[str, object]]] = {}
    for c in result.checks:
        for req in c.safeguards:
            out.setdefault(req, []).append({
                "check": c.id,
                "status": c.status,
                "counts": dict(c.counts),
                "source": result.source.kind,
                "file": result.source.file,
                "sha256": result.source.sha256,
                "scanned_at": result.scanned_at.isoformat(),
                "kind": "machine",
            })
    return out
