"""The data side of the checks: ``evidence_checks.yaml`` and ``prowler_mapping.yaml``.

Both files sit in the catalog edition folder beside the requirements they point to. They
are validated on load: every check id must have an implementation and vice versa, every
safeguard id must exist in the edition's 제5장 tables, every Prowler mapping must name a
known check. A broken mapping is a bug in our data, so it raises at once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fincloud.errors import InputError

EDITIONS_DIR = Path(__file__).resolve().parents[2] / "catalog" / "editions"
DEFAULT_EDITION = "fsi-2023"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CheckDefinition(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    safeguards: tuple[str, ...]
    basis: str
    title: str
    title_en: str
    checkov: tuple[str, ...] = ()
    citation: str | None = None
    needs_person: str | None = None


class CheckTable(_Frozen):
    table: str
    citation: str
    korean_regions: dict[str, tuple[str, ...]]
    checks: tuple[CheckDefinition, ...]


class ProwlerMapping(_Frozen):
    prowler: str
    provider: str
    check: str
    fail_means: Literal["fail", "cannot_tell"] = "fail"
    pass_means: Literal["pass", "cannot_tell"] = "pass"
    covers: str | None = None
    why: str | None = None


class ProwlerTable(_Frozen):
    table: str
    citation: str
    mappings: tuple[ProwlerMapping, ...]


class Requirement(_Frozen):
    """The part of a 제5장 requirement a finding shows: id, level, citation, text."""

    id: str
    level: str
    citation: str
    text: str


def _read(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except FileNotFoundError:
        raise InputError.single("catalog data file missing", file=str(path)) from None
    except yaml.YAMLError as exc:
        raise InputError.single(f"invalid YAML: {exc}", file=str(path)) from None


def _validate(model: type[BaseModel], path: Path) -> BaseModel:
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError.single(first["msg"], file=str(path), field=".".join(map(str, first["loc"]))) from None


@cache
def requirements(edition: str = DEFAULT_EDITION) -> dict[str, Requirement]:
    """제5장 requirements by id, from the catalog (validated once and cached; about 0.1 s)."""
    from fincloud.catalog import load_catalog

    catalog = load_catalog(edition)
    return {req.id: Requirement(id=req.id, level=req.level, citation=req.citation, text=req.text)
            for topic in (*catalog.continuity, *catalog.safeguards) for req in topic.requirements}


@cache
def check_table(edition: str = DEFAULT_EDITION) -> CheckTable:
    from fincloud.evidence.config.checks import registry

    path = EDITIONS_DIR / edition / "evidence_checks.yaml"
    table: CheckTable = _validate(CheckTable, path)  # type: ignore[assignment]
    ids = [c.id for c in table.checks]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate check ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    implemented = set(registry())
    if missing := implemented - set(ids):
        problems.append(f"checks implemented but not described: {sorted(missing)}")
    if extra := set(ids) - implemented:
        problems.append(f"checks described but not implemented: {sorted(extra)}")
    known = requirements(edition)
    for c in table.checks:
        unknown = [s for s in c.safeguards if s not in known]
        if unknown:
            problems.append(f"{c.id}: unknown safeguard ids {unknown}")
        if not c.safeguards and not c.citation:
            problems.append(f"{c.id}: neither a safeguard nor a citation")
    if problems:
        raise InputError.single("; ".join(problems), file=str(path))
    return table


def definition(check_id: str, edition: str = DEFAULT_EDITION) -> CheckDefinition:
    return {c.id: c for c in check_table(edition).checks}[check_id]


def citation(check: CheckDefinition, edition: str = DEFAULT_EDITION) -> str:
    """The 감독규정 articles (and guide sections) of the requirements the check supports."""
    if check.citation:
        return check.citation
    reqs = requirements(edition)
    return "; ".join(dict.fromkeys(reqs[s].citation for s in check.safeguards))


@cache
def prowler_table(edition: str = DEFAULT_EDITION) -> ProwlerTable:
    path = EDITIONS_DIR / edition / "prowler_mapping.yaml"
    table: ProwlerTable = _validate(ProwlerTable, path)  # type: ignore[assignment]
    checks = {c.id for c in check_table(edition).checks}
    keys = [(m.provider, m.prowler) for m in table.mappings]
    problems = [f"{m.prowler}: unknown check {m.check!r}" for m in table.mappings if m.check not in checks]
    if len(keys) != len(set(keys)):
        problems.append("a Prowler check id is mapped twice for one provider")
    if problems:
        raise InputError.single("; ".join(problems), file=str(path))
    return table


@cache
def korean_regions(edition: str = DEFAULT_EDITION) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in check_table(edition).korean_regions.items()}
