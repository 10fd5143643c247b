"""Typed, immutable models of the guide's tables.

Each model mirrors one data file in ``editions/<edition>/``. Models forbid unknown keys so that a
typo in a regulation table fails loudly at load time instead of silently dropping a rule.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["high", "medium", "low", "none"]
LEVELS: tuple[Level, ...] = ("high", "medium", "low", "none")
ServiceModel = Literal["IaaS", "PaaS", "SaaS"]
# How binding a rule is: 감독규정/법규, 시행세칙, 가이드 권고, or 법령해석·비조치의견 (not generally binding).
Binding = Literal["regulation", "detailed_rule", "guide", "interpretation"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Timings(Frozen):
    report_within_months: int
    development_linking_months: int
    comprehensive_every_years: int
    regular_due_month_day: str
    due_soon_days: int
    representative_valid_until_month_day: str
    outage_immediate_report_minutes: int


class Edition(Frozen):
    id: str
    title: str
    title_en: str
    publisher: str
    regulation: str
    source: str
    timings: Timings
    citations: dict[str, str]


# --- 별표 2의2: provider evaluation items -------------------------------------------------------


class Subdomain(Frozen):
    number: str
    name: str


class Domain(Frozen):
    number: str
    name: str
    subdomains: tuple[Subdomain, ...]


class ProviderItem(Frozen):
    number: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    subdomain: str
    kind: Literal["essential", "alternative"]
    service_models: tuple[ServiceModel, ...]
    question: str
    question_en: str = ""
    guidance: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        return self.number.split(".", 1)[0]

    @property
    def kind_ko(self) -> str:
        return "필수" if self.kind == "essential" else "대체"


class ProviderItemTable(Frozen):
    table: str
    title: str
    citation: str
    binding: Binding
    preamble: str
    domains: tuple[Domain, ...]
    items: tuple[ProviderItem, ...]


# --- certifications ------------------------------------------------------------------------------


class CertificationScheme(Frozen):
    scheme: str
    name: str
    origin: Literal["domestic", "foreign"]
    cloud_specific: bool
    still_evaluate_domains: tuple[str, ...] = ()
    note: str = ""


class CertificationTable(Frozen):
    table: str
    citation: str
    binding: Binding
    rule: str
    selection_reasons: tuple[str, ...]
    schemes: tuple[CertificationScheme, ...]


# --- 부록1: importance rubric --------------------------------------------------------------------


class Measure(Frozen):
    """A numeric measure banded by bounds: ``at_least`` (higher is more critical) or ``at_most``."""

    compare: Literal["at_least", "at_most"]
    unit: str
    high: float | None
    medium: float | None
    low: float | None


class RubricItem(Frozen):
    id: str
    criterion: str
    name: str
    points: float = Field(ge=0)
    bands: dict[Level, str]
    note: str = ""
    measures: dict[Literal["count", "ratio", "amount", "hours"], Measure] = {}
    categories: dict[str, Level] = {}
    flags: dict[str, Level] = {}
    derived_from: Literal["information_class", "provider_workloads"] | None = None


class InformationClass(Frozen):
    id: Literal["unique_id", "personal_credit", "financial", "business", "public"]
    name: str
    definition: str
    level: Level
    threshold: float
    rank: int


class Criterion(Frozen):
    id: str
    article: str
    name: str
    points: float


class ImportanceRubric(Frozen):
    table: str
    title: str
    citation: str
    binding: Binding
    weights: dict[Level, float]
    information_classes: tuple[InformationClass, ...]
    criteria: tuple[Criterion, ...]
    items: tuple[RubricItem, ...]

    def item(self, item_id: str) -> RubricItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def information_class(self, class_id: str) -> InformationClass:
        for ic in self.information_classes:
            if ic.id == class_id:
                return ic
        raise KeyError(class_id)


# --- 제5장: continuity plan (별표 2의3) and safeguards (별표 2의4) ------------------------------------


class Requirement(Frozen):
    id: str = Field(pattern=r"^[a-z_]+\.[ear]\d+$")
    level: Literal["essential", "additional", "recommended"]
    text: str
    text_en: str = ""
    citation: str
    binding: Binding
    sub_items: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def level_ko(self) -> str:
        return {"essential": "필수", "additional": "추가", "recommended": "권고"}[self.level]


class Consideration(Frozen):
    text: str
    citation: str = ""


class RegulationExcerpt(Frozen):
    article: str
    text: str


class Topic(Frozen):
    id: str
    name: str
    name_en: str
    requirements: tuple[Requirement, ...]
    considerations: tuple[Consideration, ...] = ()
    regulation_excerpts: tuple[RegulationExcerpt, ...] = ()


class RequirementTable(Frozen):
    table: str
    title: str
    citation: str
    binding: Binding
    part: Literal["continuity", "safeguards"]
    preamble: str
    topics: tuple[Topic, ...]


# --- 별표 2의5 and 위탁규정 제4조제3항: contract clauses -------------------------------------------


class ClauseConsideration(BaseModel):
    """A 제7장 고려사항 (or a ruling quoted with it); verbatim text plus whatever notes the guide prints."""

    model_config = ConfigDict(frozen=True, extra="allow")
    text: str = ""
    citation: str = ""


class ContractClause(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    id: str
    tier: Literal["basic", "additional", "entrustment"]
    source: str
    text: str
    text_en: str = ""
    citation: str
    binding: Binding
    considerations: tuple[ClauseConsideration, ...] | None = ()
    indirect_note: Any = None


class ContractClauseTable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    clauses: tuple[ContractClause, ...]
    preamble: Any = None
    indirect_contracts: Any = None
