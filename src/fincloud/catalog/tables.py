"""Models of the guide's narrative tables: reporting (제8장), scope (제1장 5, 별첨), committee (제6장),
exit (제9장), concentration (부록2) and recurring obligations.

These tables carry much verbatim text with varying sub-structure (notes, remarks, related rulings),
so the models type the fields the engine and documents rely on and keep the rest as read
(``extra="allow"``): nothing of the guide is dropped, and what the engine uses is validated.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Binding = Literal["regulation", "detailed_rule", "guide", "interpretation"]


class Open(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")


class Cited(Open):
    text: str = ""
    citation: str = ""
    binding: Binding | None = None


# --- 제8장 reporting -------------------------------------------------------------------------------


class Trigger(Cited):
    number: int
    event_kinds: tuple[str, ...] = ()


class UnnamedEvent(Open):
    event_kind: str
    trigger: int | None = None
    possible_trigger: int | None = None
    reading: str = ""
    citation: str = ""


class DeadlineRule(Cited):
    months: int | None = None


class Deadlines(Open):
    rule: DeadlineRule
    development_testing: DeadlineRule


class SubDocument(Open):
    text: str


class Attachment(Cited):
    number: int
    guide_heading: str = ""
    sub_documents: tuple[SubDocument, ...] = ()
    notes: tuple[str, ...] = ()


class Exemption(Cited):
    id: str


class ImmediateReport(Cited):
    id: str
    event_kinds: tuple[str, ...] = ()
    conditional_event_kinds: tuple[str, ...] = ()


class ReportingTable(Open):
    triggers: tuple[Trigger, ...]
    events_not_named_by_the_guide: tuple[UnnamedEvent, ...] = ()
    deadline: Deadlines
    attachments: tuple[Attachment, ...]
    exemptions: tuple[Exemption, ...] = ()
    immediate_reports: tuple[ImmediateReport, ...] = ()
    keep_current: Cited

    def trigger_for(self, event_kind: str) -> Trigger | None:
        """The §14-2④ trigger an event falls under; events the guide does not name take the trigger
        the catalog reads them under (``possible_trigger``), so that they are reported rather than missed."""
        for trig in self.triggers:
            if event_kind in trig.event_kinds:
                return trig
        if event_kind == "provider_change":
            return self.triggers[0]
        for un in self.events_not_named_by_the_guide:
            number = un.trigger or un.possible_trigger
            if un.event_kind == event_kind and number:
                return next(t for t in self.triggers if t.number == number)
        return None

    def immediate_for(self, event_kind: str, *, institution_incident: bool = False) -> ImmediateReport | None:
        """The 제73조 immediate report an event calls for; conditional kinds only when the event is the
        institution's own incident."""
        for rep in self.immediate_reports:
            if rep.id != "incident_report_art73":
                continue
            if event_kind in rep.event_kinds or (institution_incident and event_kind in rep.conditional_event_kinds):
                return rep
        return None

    def exemption(self, exemption_id: str) -> Exemption:
        return next(e for e in self.exemptions if e.id == exemption_id)


# --- 제1장 5 and 별첨: scope --------------------------------------------------------------------------


class ScopeExample(Cited):
    id: str = ""
    fact: str | None = None
    fact_value: bool | None = None
    decides: Literal["out_of_scope"] | None = None


class ScopeRuleTable(Open):
    applies: tuple[ScopeExample, ...] = ()
    not_applies: tuple[ScopeExample, ...] = ()
    rulings: tuple[dict[str, Any], ...] = ()
    faq: tuple[dict[str, Any], ...] = ()


# --- 제6장 committee, 제9장 exit, 부록2 concentration ---------------------------------------------------


class CommitteeTable(Open):
    pass


class ExitTable(Open):
    pass


class ConcentrationEntry(Cited):
    id: str
    area: str = ""
    check: str | None = None


class ConcentrationTable(Open):
    considerations: tuple[ConcentrationEntry, ...] = ()


# --- recurring obligations -------------------------------------------------------------------------


class Period(Open):
    years: int | None = None
    months: int | None = None
    days: int | None = None
    event: str | None = None


class ObligationEntry(Cited):
    id: str
    period: Period = Field(default_factory=Period)
    applies_to: str = "all"


_PERIODIC: dict[int, tuple[Any, tuple[Any, ...]]] = {}


class ObligationTable(Open):
    obligations: tuple[ObligationEntry, ...]

    def periodic(self) -> tuple[ObligationEntry, ...]:
        """Obligations with a fixed period in years or months (computed once; the table is immutable)."""
        hit = _PERIODIC.get(id(self))
        if hit is None or hit[0] is not self:
            hit = _PERIODIC[id(self)] = (self, tuple(o for o in self.obligations if o.period.years or o.period.months))
        return hit[1]

    def get(self, obligation_id: str) -> ObligationEntry:
        return next(o for o in self.obligations if o.id == obligation_id)
