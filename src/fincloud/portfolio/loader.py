"""Load a portfolio file (YAML or JSON, ``shared/spec/portfolio.md``) with precise errors.

All problems found are reported together, each with file, line, key and what is allowed:
malformed YAML, unknown keys, wrong types or enum values, impossible dates, unknown provider or
region, duplicate ids. Nothing is guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from fincloud.errors import InputError, Problem
from fincloud.portfolio.model import Portfolio
from fincloud.yamlio import Located, bulk_allocation, load_fast, loads_located, validation_problems

# What a user may write for fields whose type is a union (shown when a value fits none).
HINTS: dict[str, str] = {
    "external_orgs": "a count (e.g. 3), {ratio: 0.04}, {points: N}, or high|medium|low|none",
    "internal_systems": "a count (e.g. 12), {ratio: 0.06}, {points: N}, or high|medium|low|none",
    "business_function": "customer_direct|linked_products|support|back_office, high|medium|low|none, or {points: N}",
    "daily_users": "a count, {ratio: r}, {new_service: true}, {points: N}, or high|medium|low|none",
    "business_impact": "high|medium|low|none or {points: N}",
    "loss": "an amount in KRW, {ratio: r}, {points: N}, or high|medium|low|none",
    "rto": "hours (e.g. 2), {points: N}, or high|medium|low|none",
    "customer_impact": "high|medium|low|none or {points: N}",
    "information_type": "{points: N} only (otherwise derived from `information`)",
    "provider_dependency": "auto, a count of workloads, {points: N}, or high|medium|low|none",
    "cloud_configuration": "multi_realtime|multi_backup|single_with_backup|single, high|medium|low|none, or {points: N}",
    "compliance_requirements": "laws_and_internal|laws_or_internal|provider_policy|none, or {points: N}",
    "oversight": "times a year (0 = none), {as_needed: true}, {points: N}, or high|medium|low|none",
    "as_of": "a date YYYY-MM-DD",
    "signed_on": "a date YYYY-MM-DD",
}


def load_portfolio(path: str | Path) -> Portfolio:
    """Read and validate a portfolio file; raises :class:`InputError` listing every problem.

    The file is parsed once without line tracking; only when validation fails is it parsed again
    with the line of every key, so that errors name file, line and field.
    """
    with bulk_allocation():
        data, text = load_fast(path)
        try:
            return _validate(Located(str(path), data, {}), reraise=True)
        except (ValidationError, InputError):
            pass
    return _validate(loads_located(text, str(path)))


def loads_portfolio(text: str, name: str = "<portfolio>") -> Portfolio:
    return _validate(loads_located(text, name))


def parse_portfolio(data: dict[str, Any], name: str = "<portfolio>") -> Portfolio:
    """Validate already-parsed data (e.g. from the web database); errors name fields, not lines."""
    return _validate(Located(name, data, {}))


def _validate(located: Located, *, reraise: bool = False) -> Portfolio:
    if not isinstance(located.data, dict):
        raise InputError.single(
            "a portfolio must be a mapping with keys institution, providers, workloads",
            file=located.file, line=1,
        )
    try:
        portfolio = Portfolio.model_validate(located.data)
    except ValidationError as exc:
        if reraise:
            raise
        raise InputError(validation_problems(exc, located, hints=HINTS)) from None
    problems = reference_problems(portfolio, located)
    if problems:
        raise InputError(problems)
    return portfolio


def reference_problems(portfolio: Portfolio, located: Located) -> list[Problem]:
    """Cross-references the schema cannot express: unique ids, known providers and regions."""
    problems: list[Problem] = []

    def add(msg: str, path: tuple[str | int, ...], allowed: str | None = None) -> None:
        problems.append(
            Problem(msg, file=located.file, line=located.line_of(path),
                    field=".".join(str(p) for p in path), allowed=allowed)
        )

    providers: dict[str, Any] = {}
    for i, prov in enumerate(portfolio.providers):
        if prov.id in providers:
            add(f"duplicate provider id '{prov.id}'", ("providers", i, "id"))
        providers.setdefault(prov.id, prov)  # the first keeps its regions; the duplicate is the error
        region_ids: set[str] = set()
        for j, region in enumerate(prov.regions):
            if region.id in region_ids:
                add(f"duplicate region id '{region.id}' in provider '{prov.id}'", ("providers", i, "regions", j, "id"))
            region_ids.add(region.id)
        for j, cert in enumerate(prov.certifications):
            if cert.valid_from and cert.valid_from > cert.valid_until:
                add("valid_from is after valid_until", ("providers", i, "certifications", j, "valid_from"))

    seen: set[str] = set()
    for i, wl in enumerate(portfolio.workloads):
        if wl.id in seen:
            add(f"duplicate workload id '{wl.id}'", ("workloads", i, "id"))
        seen.add(wl.id)
        prov = providers.get(wl.provider)
        if prov is None:
            add(f"unknown provider '{wl.provider}'", ("workloads", i, "provider"),
                allowed=", ".join(providers) or "no providers are defined")
        elif wl.region not in {r.id for r in prov.regions}:
            add(f"unknown region '{wl.region}' for provider '{wl.provider}'", ("workloads", i, "region"),
                allowed=", ".join(r.id for r in prov.regions))
        if wl.recovery_provider is not None and wl.recovery_provider not in providers:
            add(f"unknown provider '{wl.recovery_provider}'", ("workloads", i, "recovery_provider"),
                allowed=", ".join(providers))
    return problems
