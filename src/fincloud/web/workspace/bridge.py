"""The only bridge between the workspace's rows and the portfolio model.

``portfolio_from_db`` builds exactly the :class:`~fincloud.portfolio.model.Portfolio` the YAML
loader builds, so the engine gives the same decisions on the page as in the CLI.
``import_portfolio`` stores a validated portfolio; ``export_portfolio`` writes it back. A file
imported and exported again is the same portfolio (tests/web/test_bridge.py proves it on the demo
and on a synthetic portfolio).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from pydantic import ValidationError

from fincloud.errors import InputError
from fincloud.portfolio.dump import portfolio_data
from fincloud.portfolio.loader import parse_portfolio
from fincloud.portfolio.model import Portfolio
from fincloud.portfolio.model import Provider as ProviderSpec
from fincloud.portfolio.model import Workload as WorkloadSpec
from fincloud.web.audit import trail
from fincloud.web.workspace.models import Institution, Provider, Workload

# Fields kept as columns (filtered and sorted on); everything else of the format stays in ``spec``.
WORKLOAD_COLUMNS = ("id", "name", "provider", "service_model", "region")
PROVIDER_COLUMNS = ("id", "name")
INSTITUTION_COLUMNS = ("name", "kind")


class SpecError(ValueError):
    """A row's facts do not form a valid portfolio entry; ``problems`` name each field."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _problems(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]


def institution_data(inst: Institution) -> dict[str, Any]:
    return {"name": inst.name, "kind": inst.kind, **inst.spec}


def provider_data(p: Provider) -> dict[str, Any]:
    return {"id": p.key, "name": p.name, **p.spec}


def workload_data(w: Workload, provider_key: str | None = None) -> dict[str, Any]:
    return {"id": w.key, "name": w.name, "provider": provider_key or w.provider.key,
            "service_model": w.service_model, "region": w.region, **w.spec}


def validate_provider(data: dict[str, Any]) -> ProviderSpec:
    try:
        return ProviderSpec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(_problems(exc)) from None


def validate_workload(data: dict[str, Any]) -> WorkloadSpec:
    try:
        return WorkloadSpec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(_problems(exc)) from None


def split_provider(spec: ProviderSpec) -> tuple[dict[str, Any], dict[str, Any]]:
    data = spec.model_dump(mode="json", exclude_defaults=True)
    return {"key": data.pop("id"), "name": data.pop("name")}, data


def split_workload(spec: WorkloadSpec) -> tuple[dict[str, Any], dict[str, Any]]:
    data = spec.model_dump(mode="json", exclude_defaults=True)
    cols = {"key": data.pop("id"), "name": data.pop("name"), "service_model": data.pop("service_model"),
            "region": data.pop("region")}
    data.pop("provider")
    return cols, data


def portfolio_dict(inst: Institution) -> dict[str, Any]:
    providers = list(inst.providers.order_by("id"))
    keys = {p.id: p.key for p in providers}
    workloads = inst.workloads.order_by("id").only(
        "key", "name", "provider_id", "service_model", "region", "spec", "institution_id")
    return {
        "institution": institution_data(inst),
        "providers": [provider_data(p) for p in providers],
        "workloads": [workload_data(w, keys[w.provider_id]) for w in workloads],
    }


def portfolio_from_db(inst: Institution) -> Portfolio:
    """The workspace as a portfolio; raises :class:`InputError` if the rows do not form one."""
    return parse_portfolio(portfolio_dict(inst), name=f"workspace:{inst.name}")


def export_portfolio(inst: Institution) -> dict[str, Any]:
    return portfolio_data(portfolio_from_db(inst))


def bump(inst: Institution) -> None:
    """Mark every cached assessment stale (one workload's change can change others' results,
    e.g. provider dependency and concentration)."""
    Institution.objects.filter(pk=inst.pk).update(revision=F("revision") + 1)
    inst.refresh_from_db(fields=["revision"])


@transaction.atomic
def import_portfolio(portfolio: Portfolio, *, actor: Any, institution: Institution | None = None,
                     replace: bool = False) -> Institution:
    """Store ``portfolio`` (already validated by the loader). Into an existing institution the
    providers and workloads are added or updated by id; with ``replace`` the ones the file does
    not name are removed. Everything happens in one transaction, audited."""
    data = portfolio_data(portfolio)
    inst_data = dict(data["institution"])
    cols = {k: inst_data.pop(k) for k in INSTITUTION_COLUMNS}
    if institution is None:
        institution = Institution.objects.create(**cols, spec=inst_data)
        trail.record(actor, "institution.create", institution, after=data["institution"])
    else:
        before = institution_data(institution)
        for k, v in cols.items():
            setattr(institution, k, v)
        institution.spec = inst_data
        institution.save()
        trail.record(actor, "institution.update", institution, before=before, after=data["institution"])
    existing_p = {p.key: p for p in institution.providers.all()}
    by_key: dict[str, Provider] = {}
    for spec in portfolio.providers:
        pcols, pspec = split_provider(spec)
        row = existing_p.get(pcols["key"])
        if row is None:
            row = Provider.objects.create(institution=institution, spec=pspec, **pcols)
            trail.record(actor, "provider.import", row, after=provider_data(row))
        elif provider_data(row) != {"id": pcols["key"], "name": pcols["name"], **pspec}:
            before = provider_data(row)
            row.name, row.spec = pcols["name"], pspec
            row.save()
            trail.record(actor, "provider.import", row, before=before, after=provider_data(row))
        by_key[row.key] = row
    existing_w = {w.key: w for w in institution.workloads.select_related("provider")}
    seen: set[str] = set()
    for spec in portfolio.workloads:
        wcols, wspec = split_workload(spec)
        seen.add(wcols["key"])
        row = existing_w.get(wcols["key"])
        if row is None:
            row = Workload.objects.create(institution=institution, provider=by_key[spec.provider], spec=wspec,
                                          **wcols)
            trail.record(actor, "workload.import", row, after=workload_data(row), workload_key=row.key)
        else:
            before = workload_data(row)
            for k, v in wcols.items():
                setattr(row, k, v)
            row.provider, row.spec = by_key[spec.provider], wspec
            row.save()
            if before != workload_data(row):
                trail.record(actor, "workload.import", row, before=before, after=workload_data(row),
                             workload_key=row.key)
    if replace:
        for key, row in existing_w.items():
            if key not in seen:
                trail.record(actor, "workload.delete", row, before=workload_data(row), workload_key=key)
                row.delete()
        for key, row in existing_p.items():
            if key not in by_key and not row.workloads.exists():
                trail.record(actor, "provider.delete", row, before=provider_data(row))
                row.delete()
    bump(institution)
    return institution


@transaction.atomic
def save_workload(row: Workload, data: dict[str, Any], *, actor: Any, action: str) -> Workload:
    """Validate a workload's full format data, store it, audit before/after, mark caches stale."""
    spec = validate_workload(data)
    try:
        provider = row.institution.providers.get(key=spec.provider)
    except Provider.DoesNotExist:
        raise SpecError([f"provider: unknown provider {spec.provider!r}"]) from None
    if spec.region not in {r.id for r in validate_provider(provider_data(provider)).regions}:
        raise SpecError([f"region: {spec.region!r} is not a region of provider {provider.key!r}"])
    before = workload_data(row) if row.pk else None
    cols, wspec = split_workload(spec)
    for k, v in cols.items():
        setattr(row, k, v)
    row.provider, row.spec = provider, wspec
    row.save()
    trail.record(actor, action, row, before=before, after=workload_data(row), workload_key=row.key)
    bump(row.institution)
    return row


@transaction.atomic
def save_provider(row: Provider, data: dict[str, Any], *, actor: Any, action: str) -> Provider:
    spec = validate_provider(data)
    if row.pk:
        used = set(row.workloads.values_list("region", flat=True))
        missing = used - {r.id for r in spec.regions}
        if missing:
            raise SpecError([f"regions: {', '.join(sorted(missing))} still used by workloads"])
    before = provider_data(row) if row.pk else None
    cols, pspec = split_provider(spec)
    row.key, row.name, row.spec = cols["key"], cols["name"], pspec
    row.save()
    trail.record(actor, action, row, before=before, after=provider_data(row))
    bump(row.institution)
    return row


__all__ = ["InputError", "SpecError", "export_portfolio", "import_portfolio", "portfolio_from_db",
           "save_provider", "save_workload"]
