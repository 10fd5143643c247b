"""Read the provider-neutral inventory format (``docs/inventory-format.md``).

For providers that neither Terraform's AWS provider nor Prowler covers (Korean CSPs such as
NCP, NHN Cloud, KT Cloud), an institution exports its configuration into this format and the
same checks run on it. The format is strict, like the portfolio file: an unknown kind or
attribute, or a value of the wrong type, is an error naming the resource and field — a typo
in a compliance export must never turn into a silent pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fincloud.errors import InputError, Problem
from fincloud.evidence.config.model import KINDS, Estate, Resource, ScanContext
from fincloud.evidence.config.readers.jsonfile import read_json
from fincloud.evidence.config.tags import INFORMATION_CLASSES, ROLES, data_classes_from_tags, role_from_tags

WHAT = "a fincloud inventory (schema fincloud.inventory/1)"
SCHEMA = "fincloud.inventory/1"
ENVELOPE = {"schema", "provider", "account", "exported_at", "complete", "resources", "exporter"}
COMMON = {"id", "kind", "name", "provider", "region", "country", "tags", "data_classes", "role"}

B, N, S, L = bool, int, str, list
#: Attributes of each kind and their JSON types (None is always allowed: "not known").
ATTRS: dict[str, dict[str, tuple[type, ...]]] = {
    "root_account": {"mfa": (B,), "access_keys": (N,)},
    "user": {"console_access": (B,), "admin": (B,), "mfa": (B,)},
    "password_policy": {"min_length": (N,), "require_lowercase": (B,), "require_uppercase": (B,),
                        "require_numbers": (B,), "require_symbols": (B,), "max_age_days": (N,),
                        "reuse_prevention": (N,), "lockout_attempts": (N,)},
    "policy": {"statements": (L,), "attached_to": (L,), "admin": (B,)},
    "audit_trail": {"enabled": (B,), "multi_region": (B,), "global_events": (B,), "management_events": (B,),
                    "integrity_validation": (B,), "kms_key": (S,), "log_storage": (S,)},
    "log_group": {"retention_days": (N,), "kms_key": (S,)},
    "alert_rule": {"covers": (L,), "notifies": (B,)},
    "bucket": {"public": (B,), "public_reason": (S,), "encrypted": (B,), "kms_key": (S,),
               "customer_managed_key": (B,), "is_log_storage": (B,), "expiration_days": (N,)},
    "database": {"publicly_accessible": (B,), "encrypted": (B,), "kms_key": (S,), "customer_managed_key": (B,),
                 "backup_retention_days": (N,), "multi_az": (B,), "subnets": (L,), "network": (S,)},
    "server": {"public_ip": (B,), "subnet": (S,), "network": (S,), "encrypted": (B,), "kms_key": (S,),
               "customer_managed_key": (B,), "backed_up": (B,)},
    "volume": {"encrypted": (B,), "kms_key": (S,), "customer_managed_key": (B,), "backed_up": (B,)},
    "network": {"cidr": (S,)},
    "subnet": {"network": (S,), "public": (B,), "reason": (S,)},
    "security_group": {"default": (B,), "network": (S,), "rules": (L,)},
    "listener": {"protocol": (S,), "port": (N,), "redirects_to_https": (B,), "internal": (B,)},
    "key": {"customer_managed": (B,), "rotation": (B,), "symmetric": (B,)},
    "backup_plan": {"rules": (N,), "retention_days": (N,)},
    "config_recorder": {"all_resources": (B,), "enabled": (B,)},
    "budget": {"limit": (S, N, float), "unit": (S,), "notifications": (N,)},
}
assert set(ATTRS) == set(KINDS)
RULE_KEYS = {"direction", "protocol", "from_port", "to_port", "sources"}


def read_inventory(path: str | Path, context: ScanContext | None = None, *, complete: bool | None = None) -> Estate:
    name = str(path)
    data = read_json(path, WHAT)
    if not isinstance(data, dict):
        raise InputError.single(f"not an inventory: the document is a JSON {type(data).__name__}, not an object", file=name)
    if "schema" not in data:
        hint = " (this looks like a Terraform plan: use --terraform)" if "format_version" in data else ""
        raise InputError.single(f"not a fincloud inventory: no 'schema' key{hint}", file=name)
    if data["schema"] != SCHEMA:
        raise InputError.single(f"unsupported inventory schema {data['schema']!r}", file=name, field="schema", allowed=SCHEMA)
    problems = [Problem(f"unknown key {k!r}", file=name, field=k, allowed=", ".join(sorted(ENVELOPE)))
                for k in data if k not in ENVELOPE]
    provider = data.get("provider")
    if not isinstance(provider, str) or not provider:
        problems.append(Problem("'provider' must name the cloud provider (e.g. ncp, nhn, kt, aws)", file=name, field="provider"))
    items = data.get("resources")
    if not isinstance(items, list):
        problems.append(Problem("'resources' must be a list", file=name, field="resources"))
        items = []
    is_complete = data.get("complete", False) if complete is None else complete
    if not isinstance(is_complete, bool):
        problems.append(Problem("'complete' must be true or false", file=name, field="complete"))
        is_complete = False
    resources: list[Resource] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        res = _resource(item, i, str(provider), name, problems)
        if res is None:
            continue
        if res.address in seen:
            problems.append(Problem(f"duplicate resource id {res.address!r}", file=name, field=f"resources[{i}].id"))
        seen.add(res.address)
        resources.append(res)
    if problems:
        raise InputError(problems)
    estate = Estate(source_kind="inventory", resources=resources, complete=is_complete, context=context or ScanContext())
    if not resources:
        estate.notes.append("the inventory lists no resource")
    estate.index()
    return estate


def _resource(item: Any, i: int, provider: str, name: str, problems: list[Problem]) -> Resource | None:
    where = f"resources[{i}]"
    if not isinstance(item, dict):
        problems.append(Problem("must be an object", file=name, field=where))
        return None
    rid, kind = item.get("id"), item.get("kind")
    if not isinstance(rid, str) or not rid:
        problems.append(Problem("'id' is required (a string)", file=name, field=f"{where}.id"))
        return None
    where = f"resources[{i}] ({rid})"
    if kind not in ATTRS:
        problems.append(Problem(f"unknown kind {kind!r}", file=name, field=f"{where}.kind", allowed=", ".join(KINDS)))
        return None
    allowed = ATTRS[kind]
    attrs: dict[str, Any] = {}
    for key, value in item.items():
        if key in COMMON:
            continue
        if key not in allowed:
            problems.append(Problem(f"unknown attribute {key!r} for kind {kind}", file=name, field=f"{where}.{key}",
                                    allowed=", ".join(sorted(allowed))))
            continue
        types = allowed[key]
        if value is not None and (not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
            problems.append(Problem(f"{key} must be {' or '.join(t.__name__ for t in types)}, not {type(value).__name__}",
                                    file=name, field=f"{where}.{key}"))
            continue
        attrs[key] = value
    if kind == "security_group":
        for j, rule in enumerate(attrs.get("rules") or []):
            if not isinstance(rule, dict) or set(rule) - RULE_KEYS:
                problems.append(Problem("rule must be an object with keys " + ", ".join(sorted(RULE_KEYS)),
                                        file=name, field=f"{where}.rules[{j}]"))
    if kind == "policy" and attrs.get("statements") is not None:
        attrs["statements"] = [_statement(st) for st in attrs["statements"]]
    if kind == "policy" and attrs.get("admin") and not attrs.get("statements"):
        attrs["statements"] = [_statement({"effect": "Allow", "actions": ["*"], "resources": ["*"]})]
    tags = item.get("tags") or {}
    if not isinstance(tags, dict):
        problems.append(Problem("'tags' must be an object", file=name, field=f"{where}.tags"))
        tags = {}
    tags = {str(k): str(v) for k, v in tags.items()}
    classes = item.get("data_classes")
    data_classes = frozenset(classes) if isinstance(classes, list) else data_classes_from_tags(tags)
    if bad := data_classes - INFORMATION_CLASSES:
        problems.append(Problem(f"unknown data classes {sorted(bad)}", file=name, field=f"{where}.data_classes",
                                allowed=", ".join(sorted(INFORMATION_CLASSES))))
    role = item.get("role") or role_from_tags(tags)
    if role is not None and role not in ROLES:
        problems.append(Problem(f"unknown role {role!r}", file=name, field=f"{where}.role", allowed=", ".join(sorted(ROLES))))
    return Resource(address=rid, kind=kind, provider=str(item.get("provider") or provider),
                    region=item.get("region"), country=item.get("country"), attrs=attrs, tags=tags,
                    data_classes=data_classes, role=role)


def _statement(st: Any) -> dict[str, Any]:
    st = st if isinstance(st, dict) else {}
    return {"effect": st.get("effect", "Allow"), "actions": list(st.get("actions") or []),
            "not_actions": list(st.get("not_actions") or []), "resources": list(st.get("resources") or []),
            "principals": list(st.get("principals") or []), "condition": st.get("condition") or {}}
