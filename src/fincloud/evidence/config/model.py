"""One provider-neutral model of cloud configuration, and the verdicts checks give on it.

Terraform plans, inventory exports and (partly) Prowler output describe the same things in
different words. Readers translate them into :class:`Resource` objects of a small set of
neutral kinds (``bucket``, ``database``, ``security_group`` ...) so that every check of
제5장 is written once and runs on every source. The kinds and their attributes are the
inventory format documented in ``docs/inventory-format.md``; an attribute that the source
does not hold is ``None``, never a guessed default, because "unknown" must end up as
``cannot_tell`` and never as ``pass``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["pass", "fail", "not_applicable", "cannot_tell"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "not_applicable", "cannot_tell")

#: Neutral resource kinds, in the order the inventory format documents them.
KINDS: tuple[str, ...] = (
    "root_account",
    "user",
    "password_policy",
    "policy",
    "audit_trail",
    "log_group",
    "alert_rule",
    "bucket",
    "database",
    "server",
    "volume",
    "network",
    "subnet",
    "security_group",
    "listener",
    "key",
    "backup_plan",
    "config_recorder",
    "budget",
)

#: Information classes of the portfolio format whose processing must stay in Korea
#: (감독규정 제14조의2제8항: 고유식별정보·개인신용정보).
DOMESTIC_ONLY_CLASSES = frozenset({"unique_id", "personal_credit"})
#: Classes that make a data store "important" for customer-managed keys (가이드 제5장 2 5)).
IMPORTANT_CLASSES = frozenset({"unique_id", "personal_credit", "financial"})


@dataclass(slots=True)
class Resource:
    """One configured thing, whatever the source called it.

    ``address`` is what a person looks up: the Terraform address, Prowler's ARN/UID or the
    inventory id. ``attrs`` holds the neutral attributes of the kind (see the inventory
    format); ``data_classes`` the information classes it is tagged as holding.
    """

    address: str
    kind: str
    provider: str = "aws"
    region: str | None = None
    country: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    data_classes: frozenset[str] = frozenset()
    role: str | None = None

    def get(self, name: str, default: Any = None) -> Any:
        value = self.attrs.get(name)
        return default if value is None else value


@dataclass(frozen=True)
class ScanContext:
    """What the scan knows about the workload beyond the configuration itself.

    ``critical`` is ``None`` when no workload or flag says how important the workload is:
    checks that depend on it (multi-AZ, customer-managed keys) then answer ``cannot_tell``
    for resources that would need it, instead of assuming either way.
    """

    workload: str | None = None
    critical: bool | None = None
    information: frozenset[str] | None = None
    critical_reason: str | None = None


@dataclass
class Estate:
    """All resources read from one input, indexed by kind.

    ``complete`` says whether the input describes the whole account (an inventory export or
    a Prowler scan) or only part of it (a Terraform plan of one configuration). Only in a
    complete input does the absence of an account-wide control (password policy, audit
    trail, budget) prove that it is missing.
    """

    source_kind: str
    resources: list[Resource] = field(default_factory=list)
    complete: bool = False
    context: ScanContext = field(default_factory=ScanContext)
    notes: list[str] = field(default_factory=list)
    #: Sources that already give verdicts (Prowler): findings per check id, used instead of
    #: running the checks; ``input_count`` is how many findings the source held.
    verdicts: dict[str, list[Finding]] | None = None
    input_count: int | None = None
    _by_kind: dict[str, list[Resource]] = field(default_factory=dict, repr=False)
    _by_address: dict[str, Resource] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        by_kind: dict[str, list[Resource]] = defaultdict(list)
        for r in self.resources:
            by_kind[r.kind].append(r)
        self._by_kind = dict(by_kind)
        self._by_address = {r.address: r for r in self.resources}

    def of(self, *kinds: str) -> list[Resource]:
        if not self._by_kind and self.resources:
            self.index()
        out: list[Resource] = []
        for kind in kinds:
            out.extend(self._by_kind.get(kind, ()))
        return out

    def find(self, address: str | None) -> Resource | None:
        if address is None:
            return None
        if not self._by_address and self.resources:
            self.index()
        return self._by_address.get(address)


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one resource: what is wrong (or right) in words a person can act on."""

    address: str
    status: Status
    detail: str


def combine(statuses: list[Status]) -> Status:
    """A check fails when any resource fails; it passes only when every resource passes.

    ``cannot_tell`` outranks ``pass`` so that one unknown resource is never hidden by
    others that pass; a check with no resource of its kind is ``not_applicable``.
    """
    present = set(statuses)
    for status in ("fail", "cannot_tell", "pass"):
        if status in present:
            return status  # type: ignore[return-value]
    return "not_applicable"
