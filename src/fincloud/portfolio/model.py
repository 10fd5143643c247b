"""The portfolio: an institution, its cloud providers, its workloads and what happened to them.

This is the stable input contract of ``shared/spec/portfolio.md``; every name there is kept.
Fields added beyond the spec are marked "extension" and documented in docs/portfolio-format.md.
The same model is built from a YAML/JSON file (``portfolio.loader``) and, later, from the web
database, so that a workload gets the same decisions wherever it is assessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    Tag,
    model_validator,
)

Level = Literal["high", "medium", "low", "none"]
InstitutionKind = Literal[
    "bank", "securities", "insurance", "card", "savings_bank", "e_finance",
    "foreign_branch_minor", "pg_overseas_cybermall",
]
ServiceModel = Literal["IaaS", "PaaS", "SaaS"]
InformationClassId = Literal["unique_id", "personal_credit", "financial", "business", "public"]
CertScheme = Literal["CSAP", "ISMS-P", "FedRAMP-High", "CSA-STAR-Gold", "MTCS-L3", "ISO-27017", "SOC2-Type2", "other"]
EventKind = Literal[
    "new_contract", "provider_merger_or_transfer", "subcontract_change",
    "provider_breach_of_key_terms", "evaluation_material_change", "continuity_material_change",
    "importance_upgrade", "scope_expansion", "personal_credit_added",
    "provider_security_incident", "outage_10min",
    # extensions
    "provider_change", "infrastructure_rebuild", "exit_started", "exit_completed", "data_destroyed",
]
Ratio = Annotated[float, Field(ge=0, le=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Institution(Strict):
    name: str = Field(min_length=1)
    kind: InstitutionKind
    as_of: dt.date | None = None
    # extension: an institution's own importance rubric file (부록1 says each institution sets its own)
    importance_rubric: str | None = None
    # extension: a new institution's 허가·등록 date; its reports run from then (가이드 제8장 1 나. ※)
    licensed_on: dt.date | None = None


class Region(Strict):
    id: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")


class Certification(Strict):
    scheme: CertScheme
    valid_until: dt.date
    covers_scope: bool
    # extension
    valid_from: dt.date | None = None
    name: str | None = None


class RepresentativeEvaluation(Strict):
    shared_on: dt.date
    service_models: tuple[ServiceModel, ...] = Field(min_length=1)
    # extension: the 정보보호위원회 resolution adopting it (required to rely on it, 제4장 2 가.)
    committee_resolution_on: dt.date | None = None


class Evaluation(Strict):
    kind: Literal["comprehensive", "regular"]
    completed_on: dt.date
    method: Literal["onsite", "document"]
    service_models: tuple[ServiceModel, ...] = Field(min_length=1)
    # extension: open deficiencies after 확인평가 (deficiency count), and whether accepted by resolution
    open_deficiencies: NonNegativeInt = 0
    deficiencies_accepted_by_resolution: bool = False


class Provider(Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    regions: tuple[Region, ...] = Field(min_length=1)
    wireless_in_datacenter: bool = False
    certifications: tuple[Certification, ...] = ()
    representative_evaluations: tuple[RepresentativeEvaluation, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    # extensions
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class Scope(Strict):
    own_processing: bool = True
    continuous: bool = True
    commercial: bool = True
    physically_dedicated: bool = False
    member_only_noncommercial: bool = False
    simple_web_use: bool = False
    via_intermediary: bool = False
    # extensions
    intermediary: str | None = None            # name of the MSP / 재위탁 party
    research_network_only: bool = False        # 연구망 등 내부망과 분리된 환경에서만 개발·테스트


class CountRatio(Strict):
    """A count, a ratio, or both (the higher level wins, 부록1 "N개 또는 N%")."""

    ratio: Ratio | None = None
    count: NonNegativeInt | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> CountRatio:
        if self.ratio is None and self.count is None:
            raise ValueError("give ratio, count or both")
        return self


class AmountRatio(Strict):
    """A loss amount in KRW, a ratio of total revenue, or both (the higher level wins)."""

    ratio: Ratio | None = None
    amount: NonNegativeInt | None = None

    @model_validator(mode="after")
    def _one_at_least(self) -> AmountRatio:
        if self.ratio is None and self.amount is None:
            raise ValueError("give ratio, amount or both")
        return self


class NewService(Strict):
    new_service: Literal[True]


class AsNeeded(Strict):
    as_needed: Literal[True]


class RecordedPoints(Strict):
    points: NonNegativeFloat


def _value_kind(value: object) -> str | None:
    """Which member of an importance value a raw input is meant as, decided by its shape.

    Dispatching on shape (instead of trying every member) keeps validation fast for large
    portfolios and gives one precise error for a wrong value instead of one per member.
    """
    kind = _KIND_BY_TYPE.get(value.__class__)
    if kind is not None:  # the common cases, by exact type (the checks below give the same answers)
        return kind
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return "as-word"
    if isinstance(value, int):
        return "as-count"
    if isinstance(value, float):
        return "as-number"
    if isinstance(value, dict):
        for key, tag in (("points", "as-points"), ("new_service", "as-new"), ("as_needed", "as-needed")):
            if key in value:
                return tag
        return "as-measure"
    # Serialising a validated portfolio: the value is already the member's model.
    return _MODEL_TAGS.get(type(value).__name__)


_KIND_BY_TYPE = {str: "as-word", int: "as-count", float: "as-number"}
_MODEL_TAGS = {"RecordedPoints": "as-points", "NewService": "as-new", "AsNeeded": "as-needed",
               "CountRatio": "as-measure", "AmountRatio": "as-measure"}


def _item(word: object = None, count: object = None, number: object = None, measure: object = None,
          new: object = None, needed: object = None) -> object:
    members = [Annotated[t, Tag(tag)] for t, tag in (
        (word, "as-word"), (count, "as-count"), (number, "as-number"), (measure, "as-measure"),
        (new, "as-new"), (needed, "as-needed"), (RecordedPoints, "as-points")) if t is not None]
    return Annotated[Union[tuple(members)], Discriminator(_value_kind)]  # noqa: UP007


Count = Annotated[int, Field(ge=0, strict=True)]
Hours = Annotated[float, Field(ge=0)]


class Importance(Strict):
    """The 13 items of 부록1. Each: a level, the item's raw measure, or ``{points: N}``."""

    external_orgs: _item(Level, Count, measure=CountRatio) | None = None  # type: ignore[valid-type]
    internal_systems: _item(Level, Count, measure=CountRatio) | None = None  # type: ignore[valid-type]
    business_function: _item(Literal["customer_direct", "linked_products", "support", "back_office",  # type: ignore[valid-type]
                                     "high", "medium", "low", "none"]) | None = None
    daily_users: _item(Level, Count, measure=CountRatio, new=NewService) | None = None  # type: ignore[valid-type]
    business_impact: _item(Level) | None = None  # type: ignore[valid-type]
    loss: _item(Level, Count, measure=AmountRatio) | None = None  # type: ignore[valid-type]
    rto: _item(Level, Hours, Hours) | None = None  # type: ignore[valid-type]
    customer_impact: _item(Level) | None = None  # type: ignore[valid-type]
    information_type: RecordedPoints | None = None
    provider_dependency: _item(Literal["auto", "high", "medium", "low", "none"], Count) = "auto"  # type: ignore[valid-type]
    cloud_configuration: _item(Literal["multi_realtime", "multi_backup", "single_with_backup", "single",  # type: ignore[valid-type]
                                       "high", "medium", "low", "none"]) | None = None
    compliance_requirements: _item(Literal["laws_and_internal", "laws_or_internal", "provider_policy",  # type: ignore[valid-type]
                                           "none", "high", "medium", "low"]) | None = None
    oversight: _item(Level, Count, needed=AsNeeded) | None = None  # type: ignore[valid-type]


class Contract(Strict):
    signed_on: dt.date | None = None
    # extensions
    document: str | None = None                # path of the contract file (for clause review)
    indirect: bool = False                     # contract through an MSP / 재위탁 (must give the same effect)


class Event(Strict):
    kind: EventKind
    date: dt.date
    # extensions
    note: str | None = None
    reported_on: dt.date | None = None
    duration_minutes: NonNegativeInt | None = None
    institution_incident: bool = False        # a provider incident that is the institution's own 침해사고/금융사고 (제73조)


class ExitPlan(Strict):
    """Extension: 제5장 출구전략 elements recorded for the workload."""

    triggers: tuple[str, ...] = ()
    method: str | None = None
    alternative_provider: str | None = None
    destruction_procedure: str | None = None
    migration_steps: tuple[str, ...] = ()
    timeline: str | None = None
    people_and_cost: str | None = None
    last_reviewed_on: dt.date | None = None


class EvidenceFile(Strict):
    """Extension: a configuration export that supports the workload's safeguards (제5장)."""

    kind: Literal["terraform", "prowler", "inventory"]
    file: str = Field(min_length=1)
    complete: bool | None = None              # the export covers the whole account


class Workload(Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    provider: str
    service_model: ServiceModel
    region: str
    information: tuple[InformationClassId, ...] = Field(min_length=1)
    scope: Scope = Scope()
    importance: Importance = Importance()
    contract: Contract = Contract()
    linked_to_internal_network_on: dt.date | None = None
    events: tuple[Event, ...] = ()
    # extensions
    description: str | None = None
    started_on: dt.date | None = None          # 이용 개시일 (first real use)
    development_or_testing: bool = False       # 개발·테스트 목적 이용 (내부망 연계 전)
    recovery_provider: str | None = None       # provider id of the DR / backup site
    exit_plan: ExitPlan | None = None
    evidence: tuple[EvidenceFile, ...] = ()    # configuration evidence files (Terraform plan, Prowler, inventory)
    last_continuity_check_on: dt.date | None = None
    last_drill_on: dt.date | None = None
    last_vulnerability_assessment_on: dt.date | None = None
    last_homepage_assessment_on: dt.date | None = None
    public_homepage: bool = False
    documents_updated_on: dt.date | None = None

    @model_validator(mode="after")
    def _unique_information(self) -> Workload:
        if len(set(self.information)) != len(self.information):
            raise ValueError("information lists a class twice")
        return self


class Portfolio(Strict):
    institution: Institution
    providers: tuple[Provider, ...] = ()
    workloads: tuple[Workload, ...] = ()
