"""Read ``terraform show -json`` output (a plan, or a state) into the neutral model.

A plan holds two views of every resource: ``planned_values`` (attribute values, many of them
unknown until apply) and ``configuration`` (the expressions, including which other resources
an attribute refers to). Links between resources — a public-access block to its bucket, a
rule to its security group — are almost always unknown ids in a plan, so they are resolved
through the configuration's references, with the module instance and count/for_each key
kept, and only then by literal value. The AWS-specific translation lives in
:mod:`.aws`; this module knows Terraform's format only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fincloud.errors import InputError
from fincloud.evidence.config.model import Estate, ScanContext
from fincloud.evidence.config.readers.jsonfile import read_json

WHAT = "a Terraform plan in JSON (terraform show -json PLANFILE)"
#: Major versions of Terraform's JSON output format this reader understands (0.x before
#: Terraform 1.0, 1.x since; both keep the same layout for what is read here).
SUPPORTED_MAJORS = ("0", "1")
_INDEX = re.compile(r"\[[^\]]*\]")
_SKIP_REF_ROOTS = frozenset({"var", "local", "each", "count", "path", "self", "terraform", "module"})


@dataclass(slots=True)
class RawResource:
    """One resource instance as Terraform wrote it, plus its configuration expressions."""

    address: str
    type: str
    name: str
    mode: str
    index: Any
    module: str  # module instance prefix, e.g. 'module.app["a"]' ('' at the root)
    values: dict[str, Any]
    unknown: dict[str, Any]
    expressions: dict[str, Any] = field(default_factory=dict)
    provider_key: str = "aws"

    def is_unknown(self, attr: str) -> bool:
        return bool(self.unknown.get(attr))


class Plan:
    """Resource instances of a plan with reference resolution between them."""

    def __init__(self, data: dict[str, Any], name: str) -> None:
        self.name = name
        self.variables = {k: (v or {}).get("value") for k, v in (data.get("variables") or {}).items()}
        self.resources: list[RawResource] = []
        self._instances: dict[tuple[str, str], list[RawResource]] = {}
        self._by_type: dict[str, list[RawResource]] = {}
        self._identity: dict[str, RawResource] | None = None
        configs = _config_index(data.get("configuration") or {})
        unknown = _after_unknown(data.get("resource_changes") or [])
        values_root = (data.get("planned_values") or data.get("values") or {}).get("root_module")
        if values_root is None:
            raise InputError.single(
                "no 'planned_values' (plan) or 'values' (state) with a 'root_module'; "
                "this looks like a plan without resources or another JSON document",
                file=name,
            )
        module_paths: dict[str, str] = {}
        for raw_values, module in _walk_values(values_root, name):
            address = raw_values.get("address")
            rtype = raw_values.get("type")
            rname = raw_values.get("name")
            if not isinstance(address, str) or not isinstance(rtype, str) or not isinstance(rname, str):
                raise InputError.single(
                    "a resource in planned_values lacks 'address', 'type' or 'name'", file=name,
                    field=str(address or rtype or "?"),
                )
            mode = raw_values.get("mode", "managed")
            base = f"data.{rtype}.{rname}" if mode == "data" else f"{rtype}.{rname}"
            path = module_paths.get(module)
            if path is None:
                path = module_paths[module] = _INDEX.sub("", module)
            config = configs.get((path, base), {})
            res = RawResource(
                address=address,
                type=rtype,
                name=rname,
                mode=mode,
                index=raw_values.get("index"),
                module=module,
                values=raw_values.get("values") or {},
                unknown=unknown.get(address, {}),
                expressions=config.get("expressions") or {},
                provider_key=config.get("provider_config_key") or "aws",
            )
            self.resources.append(res)
            self._instances.setdefault((module, base), []).append(res)
            self._by_type.setdefault(rtype, []).append(res)
        self.provider_regions = _provider_regions(data.get("configuration") or {}, self.variables)

    def of_type(self, *types: str) -> list[RawResource]:
        out: list[RawResource] = []
        for t in types:
            out.extend(self._by_type.get(t, ()))
        return out

    def region_of(self, res: RawResource) -> str | None:
        region = res.values.get("region")
        if isinstance(region, str) and region:
            return region
        key = res.provider_key
        if key in self.provider_regions:
            return self.provider_regions[key]
        short = key.rsplit(":", 1)[-1]
        return self.provider_regions.get(short, self.provider_regions.get("aws"))

    def refs(self, res: RawResource, attr: str, types: tuple[str, ...] = ()) -> list[RawResource]:
        """Resources that ``res.attr`` points to: by configuration reference, else by value."""
        found: list[RawResource] = []
        for ref in _references(res.expressions.get(attr)):
            for target in self._ref_targets(res, ref):
                if (not types or target.type in types) and target not in found:
                    found.append(target)
        if found:
            return found
        value = res.values.get(attr)
        literals = value if isinstance(value, list) else [value]
        identity = self._identities()
        for lit in literals:
            if isinstance(lit, str) and lit in identity:
                target = identity[lit]
                if (not types or target.type in types) and target not in found:
                    found.append(target)
        return found

    def ref(self, res: RawResource, attr: str, types: tuple[str, ...] = ()) -> RawResource | None:
        targets = self.refs(res, attr, types)
        return targets[0] if len(targets) == 1 else None

    def _ref_targets(self, res: RawResource, ref: str) -> list[RawResource]:
        parsed = _parse_ref(ref)
        if parsed is None:
            return []
        base, explicit = parsed
        candidates = self._instances.get((res.module, base), [])
        if len(candidates) <= 1:
            return candidates
        if explicit is not None:
            return [c for c in candidates if str(c.index) == explicit]
        if res.index is not None:
            same = [c for c in candidates if c.index == res.index]
            if same:
                return same
        return candidates

    def _identities(self) -> dict[str, RawResource]:
        """Known ids, ARNs and names, for literal links such as ``bucket = "my-logs"``."""
        if self._identity is None:
            identity: dict[str, RawResource] = {}
            for res in self.resources:
                if res.mode != "managed":
                    continue
                for key in ("id", "arn", "bucket", "name"):
                    value = res.values.get(key)
                    if isinstance(value, str) and value and value not in identity:
                        identity[value] = res
            self._identity = identity
        return self._identity


def read_terraform(path: str | Path, context: ScanContext | None = None, *, complete: bool = False) -> Estate:
    """Read a plan file and translate its AWS resources into an :class:`Estate`."""
    from fincloud.evidence.config.readers.aws import translate

    name = str(path)
    data = read_json(path, WHAT)
    plan = parse_plan(data, name)
    estate = Estate(source_kind="terraform", complete=complete, context=context or ScanContext())
    translate(plan, estate)
    estate.input_count = len(plan.resources)
    estate.index()
    return estate


def parse_plan(data: Any, name: str) -> Plan:
    """Validate the envelope of a plan/state document and index its resources."""
    if not isinstance(data, dict):
        raise InputError.single(
            f"not a Terraform plan: the document is a JSON {type(data).__name__}, not an object", file=name
        )
    if "format_version" not in data:
        hint = ""
        if "resourceType" in data or "checks" in data:
            hint = " (this looks like another tool's report)"
        elif "schema" in data:
            hint = " (this looks like an inventory file: use --inventory)"
        raise InputError.single(f"not a Terraform plan: no 'format_version' key{hint}", file=name)
    version = str(data["format_version"])
    if version.split(".")[0] not in SUPPORTED_MAJORS:
        raise InputError.single(
            f"unsupported Terraform JSON format_version {version!r}",
            file=name,
            field="format_version",
            allowed=", ".join(f"{m}.x" for m in SUPPORTED_MAJORS),
        )
    if "planned_values" not in data and "values" not in data:
        if "resource_changes" in data or "configuration" in data:
            raise InputError.single(
                "Terraform plan has no 'planned_values' section; export it with "
                "'terraform show -json PLANFILE' (not a partial or hand-written file)",
                file=name,
            )
        raise InputError.single(
            "not a Terraform plan or state: neither 'planned_values' nor 'values' is present", file=name
        )
    return Plan(data, name)


def _walk_values(module: Any, name: str, prefix: str = "") -> list[tuple[dict[str, Any], str]]:
    if not isinstance(module, dict):
        raise InputError.single("malformed plan: a module in planned_values is not an object", file=name)
    out: list[tuple[dict[str, Any], str]] = []
    stack: list[tuple[dict[str, Any], str]] = [(module, prefix)]
    while stack:
        mod, pre = stack.pop()
        resources = mod.get("resources") or []
        if not isinstance(resources, list):
            raise InputError.single("malformed plan: 'resources' is not a list", file=name, field=pre or "root_module")
        out.extend((r, pre) for r in resources if isinstance(r, dict))
        for child in mod.get("child_modules") or []:
            if isinstance(child, dict):
                stack.append((child, child.get("address") or pre))
    return out


def _config_index(configuration: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    index: dict[tuple[str, str], dict[str, Any]] = {}
    stack: list[tuple[dict[str, Any], str]] = [(configuration.get("root_module") or {}, "")]
    while stack:
        mod, path = stack.pop()
        for res in mod.get("resources") or []:
            if isinstance(res, dict) and isinstance(res.get("address"), str):
                index[(path, res["address"])] = res
        for call_name, call in (mod.get("module_calls") or {}).items():
            if isinstance(call, dict):
                child_path = f"{path}.module.{call_name}" if path else f"module.{call_name}"
                stack.append((call.get("module") or {}, child_path))
    return index


def _after_unknown(changes: list[Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for change in changes:
        if not isinstance(change, dict):
            continue
        after_unknown = (change.get("change") or {}).get("after_unknown")
        if isinstance(after_unknown, dict) and after_unknown:
            out[change.get("address", "")] = after_unknown
    return out


def _provider_regions(configuration: dict[str, Any], variables: dict[str, Any]) -> dict[str, str]:
    regions: dict[str, str] = {}
    for key, provider in (configuration.get("provider_config") or {}).items():
        if not isinstance(provider, dict):
            continue
        expr = (provider.get("expressions") or {}).get("region") or {}
        value = expr.get("constant_value")
        if value is None:
            for ref in expr.get("references") or []:
                if ref.startswith("var.") and isinstance(variables.get(ref[4:]), str):
                    value = variables[ref[4:]]
                    break
        if isinstance(value, str):
            regions[key] = value
    return regions


@lru_cache(maxsize=65536)
def _parse_ref(ref: str) -> tuple[str, str | None] | None:
    """``aws_subnet.a[0].id`` → (``aws_subnet.a``, ``"0"``); None for var./local./module. refs.

    Cached: the same reference text recurs in every module instance of a large plan.
    """
    parts = ref.split(".")
    if parts[0] in _SKIP_REF_ROOTS or len(parts) < 2:
        return None
    if parts[0] == "data":
        if len(parts) < 3:
            return None
        base, name_part = f"data.{parts[1]}.{_INDEX.sub('', parts[2])}", parts[2]
    else:
        base, name_part = f"{parts[0]}.{_INDEX.sub('', parts[1])}", parts[1]
    explicit = re.search(r"\[(.+)\]", name_part)
    return base, (explicit.group(1).strip('"') if explicit else None)


def _references(expr: Any) -> list[str]:
    """Every reference under one attribute's expression tree (blocks nest lists of dicts)."""
    if isinstance(expr, dict) and len(expr) == 1 and isinstance(expr.get("references"), list):
        return expr["references"]
    found: list[str] = []
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            refs = node.get("references")
            if isinstance(refs, list):
                found.extend(r for r in refs if isinstance(r, str))
            stack.extend(v for k, v in node.items() if k != "references" and isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(node)
    return found
