"""Load one edition of the guide's tables from ``editions/<id>/`` into a :class:`Catalog`.

Every file is validated into frozen models on load; an error names the file, line and key.
Loading is cached per (edition, rubric file) because the catalog is immutable and assessments
of large portfolios must not pay for it more than once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from fincloud.catalog import models as m
from fincloud.catalog.constants import DEFAULT_EDITION, EDITIONS_DIR
from fincloud.catalog.tables import (
    CommitteeTable,
    ConcentrationTable,
    ExitTable,
    ObligationTable,
    ReportingTable,
    ScopeRuleTable,
)
from fincloud.errors import InputError
from fincloud.yamlio import load_fast, loads_located, validation_problems

T = TypeVar("T", bound=BaseModel)


def _load(path: Path, model: type[T], display: str | None = None) -> T:
    """Parse fast; only when validation fails parse again keeping lines, to name them in the error."""
    name = display or _display(path)
    data, text = load_fast(path, display_name=name)
    try:
        return model.model_validate(data)
    except ValidationError:
        located = loads_located(text, name)
        try:
            return model.model_validate(located.data)
        except ValidationError as exc:
            raise InputError(validation_problems(exc, located)) from None


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path(__file__).parents[2]))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Catalog:
    """All tables of one edition. Immutable; look-ups by id are precomputed."""

    edition: m.Edition
    data_dir: Path
    provider_items_table: m.ProviderItemTable
    certifications: m.CertificationTable
    rubric: m.ImportanceRubric
    continuity_table: m.RequirementTable
    safeguards_table: m.RequirementTable
    contract_table: m.ContractClauseTable
    reporting: ReportingTable
    scope_rules: ScopeRuleTable
    committee: CommitteeTable
    exit: ExitTable
    concentration: ConcentrationTable
    obligations: ObligationTable
    rubric_source: str = "guide"

    # -- 별표 2의2 ---------------------------------------------------------------------------
    @property
    def provider_items(self) -> tuple[m.ProviderItem, ...]:
        return self.provider_items_table.items

    def provider_item(self, number: str) -> m.ProviderItem:
        return _index(self.provider_items, "number")[number]

    def domain_name(self, number: str) -> str:
        return {d.number: d.name for d in self.provider_items_table.domains}[number]

    def subdomain_name(self, number: str) -> str:
        return {s.number: s.name for d in self.provider_items_table.domains for s in d.subdomains}[number]

    def certification(self, scheme: str) -> m.CertificationScheme | None:
        return {c.scheme: c for c in self.certifications.schemes}.get(scheme)

    # -- 제5장 ---------------------------------------------------------------------------------
    @property
    def continuity(self) -> tuple[m.Topic, ...]:
        return self.continuity_table.topics

    @property
    def safeguards(self) -> tuple[m.Topic, ...]:
        return self.safeguards_table.topics

    def requirement(self, req_id: str) -> m.Requirement:
        for topic in (*self.continuity, *self.safeguards):
            for req in topic.requirements:
                if req.id == req_id:
                    return req
        raise KeyError(req_id)

    # -- 별표 2의5 ---------------------------------------------------------------------------
    @property
    def contract_clauses(self) -> tuple[m.ContractClause, ...]:
        return self.contract_table.clauses

    def contract_clause(self, clause_id: str) -> m.ContractClause:
        return _index(self.contract_clauses, "id")[clause_id]


def _index(items: tuple[Any, ...], key: str) -> dict[str, Any]:
    return {getattr(it, key): it for it in items}


def available_editions() -> list[str]:
    return sorted(p.name for p in EDITIONS_DIR.iterdir() if (p / "edition.yaml").is_file())


def load_rubric(path: str | Path) -> m.ImportanceRubric:
    """An institution's own importance rubric (same shape as the guide's 부록1 example)."""
    from fincloud.catalog.integrity import check_rubric

    rubric = _load(Path(path), m.ImportanceRubric, display=str(path))
    check_rubric(rubric, str(path))
    return rubric


@cache
def load_catalog(edition: str = DEFAULT_EDITION, rubric_path: str | None = None) -> Catalog:
    """Load and validate an edition (cached). ``rubric_path`` replaces the 부록1 example rubric."""
    data_dir = EDITIONS_DIR / edition
    if not (data_dir / "edition.yaml").is_file():
        raise InputError.single(
            f"unknown catalog edition '{edition}'", field="edition", allowed=", ".join(available_editions())
        )
    rubric = load_rubric(rubric_path) if rubric_path else _load(data_dir / "importance_rubric.yaml", m.ImportanceRubric)
    catalog = Catalog(
        edition=_load(data_dir / "edition.yaml", m.Edition),
        data_dir=data_dir,
        provider_items_table=_load(data_dir / "provider_items.yaml", m.ProviderItemTable),
        certifications=_load(data_dir / "certifications.yaml", m.CertificationTable),
        rubric=rubric,
        continuity_table=_load(data_dir / "continuity.yaml", m.RequirementTable),
        safeguards_table=_load(data_dir / "safeguards.yaml", m.RequirementTable),
        contract_table=_load(data_dir / "contract_clauses.yaml", m.ContractClauseTable),
        reporting=_load(data_dir / "reporting.yaml", ReportingTable),
        scope_rules=_load(data_dir / "scope_rules.yaml", ScopeRuleTable),
        committee=_load(data_dir / "committee.yaml", CommitteeTable),
        exit=_load(data_dir / "exit.yaml", ExitTable),
        concentration=_load(data_dir / "concentration.yaml", ConcentrationTable),
        obligations=_load(data_dir / "obligations.yaml", ObligationTable),
        rubric_source=str(rubric_path) if rubric_path else "guide",
    )
    from fincloud.catalog.integrity import check_catalog

    check_catalog(catalog)
    return catalog
