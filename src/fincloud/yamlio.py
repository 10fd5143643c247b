"""Read YAML/JSON keeping the line of every key, so errors can name file, line and field.

PyYAML silently keeps the last of two equal keys and turns ``2026-02-30`` into an exception
without a position; compliance files need both reported precisely. This module composes the
node tree itself: duplicate keys are errors, timestamps stay strings (pydantic parses and
rejects impossible dates with the field named), and :class:`Located` maps any path of keys
and indexes back to the line it came from.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fincloud.errors import InputError, Problem

PathKey = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates are validated by the models instead)."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Parsing and validating a 10,000-workload portfolio allocates millions of objects; the collector's
    repeated full passes over them cost more than the work itself. Nothing built here has cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_CBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Duplicate(Exception):
    """A duplicate key met on the fast path; the located parse reports it with its full path and line."""


class _FastLoader(_CBase):  # type: ignore[misc, valid-type]
    """libyaml-backed loader for the fast path: no timestamps, duplicate keys detected."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_FastLoader.add_constructor("tag:yaml.org,2002:map", _FastLoader.construct_yaml_map)


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def load_fast(path: str | Path, *, display_name: str | None = None) -> tuple[Any, str]:
    """Parse without keeping lines (the common, valid case), returning (data, text).

    Large portfolios must load in well under a second; line numbers are only needed when something
    is wrong, and :func:`loads_located` recovers them from the returned text then.
    """
    p = Path(path)
    name = display_name or str(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError.single("file not found", file=name) from None
    except IsADirectoryError:
        raise InputError.single("is a directory, expected a YAML or JSON file", file=name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.single(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=name) from None
    if not text.strip():
        raise InputError.single("the file is empty", file=name, line=1)
    if name.lower().endswith(".json"):
        try:
            return json.loads(text, object_pairs_hook=_json_pairs), text
        except _Duplicate:
            return loads_located(text, name).data, text  # raises with the key's path and line
        except json.JSONDecodeError as exc:
            raise InputError.single(f"malformed JSON: {exc.msg}", file=name, line=exc.lineno) from None
    loader = _FastLoader(text)
    try:
        return loader.get_single_data(), text
    except (yaml.MarkedYAMLError, _Duplicate):
        return loads_located(text, name).data, text  # re-parse to report the problem with its position
    except yaml.YAMLError as exc:
        raise InputError.single(f"malformed YAML: {exc}", file=name) from None
    finally:
        loader.dispose()


@dataclass
class Located:
    """Parsed data plus the line (1-based) of every mapping key and sequence item."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """Line of the deepest known prefix of ``path`` (the field itself, else its parent)."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)


def _walk(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], file: str, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError.single(
                    "mapping keys must be plain names", file=file, line=key_node.start_mark.line + 1
                )
            key = key_node.value
            if key in out:
                raise InputError.single(
                    f"duplicate key '{key}' (it already appears above in the same mapping)",
                    file=file,
                    line=key_node.start_mark.line + 1,
                    field=".".join(str(p) for p in (*path, key)),
                )
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, (*path, key), lines, file, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            lines[(*path, i)] = child.start_mark.line + 1
            items.append(_walk(child, (*path, i), lines, file, loader))
        return items
    # Scalar: the loader's resolvers already tagged it int/float/bool/null/str.
    return loader.construct_scalar(node) if node.tag == "tag:yaml.org,2002:str" else loader.construct_object(node)


def load_located(path: str | Path, *, display_name: str | None = None) -> Located:
    """Parse a YAML or JSON file into :class:`Located`; malformed input is an :class:`InputError`."""
    p = Path(path)
    name = display_name or str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.single("file not found", file=name) from None
    except IsADirectoryError:
        raise InputError.single("is a directory, expected a YAML or JSON file", file=name) from None
    except UnicodeDecodeError as exc:
        raise InputError.single(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=name
        ) from None
    return loads_located(text, name)


def loads_located(text: str, name: str) -> Located:
    """Parse keeping the line of every key (libyaml composes; one loader constructs every scalar)."""
    lines: dict[PathKey, int] = {}
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        loader.dispose()
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        # JSON that YAML cannot read (e.g. tabs): let the JSON parser give its own position.
        if name.lower().endswith(".json"):
            try:
                data = json.loads(text, object_pairs_hook=_json_pairs)
                return Located(name, data, {})
            except _Duplicate as dup:
                key = str(dup.args[0])
                hits = [i + 1 for i, ln in enumerate(text.splitlines()) if f'"{key}"' in ln]
                raise InputError.single(f"duplicate key '{key}' in one JSON object", file=name, field=key,
                                        line=hits[1] if len(hits) > 1 else (hits[0] if hits else None)) from None
            except json.JSONDecodeError as jexc:
                raise InputError.single(f"malformed JSON: {jexc.msg}", file=name, line=jexc.lineno) from None
        raise InputError.single(f"malformed YAML: {exc.problem or exc}", file=name, line=line) from None
    except yaml.YAMLError as exc:
        loader.dispose()
        raise InputError.single(f"malformed YAML: {exc}", file=name) from None
    try:
        if node is None:
            raise InputError.single("the file is empty", file=name, line=1)
        lines[()] = node.start_mark.line + 1
        data = _walk(node, (), lines, name, loader)
    except yaml.YAMLError as exc:
        raise InputError.single(f"malformed YAML: {exc}", file=name) from None
    finally:
        loader.dispose()
    return Located(name, data, lines)


def _clean_loc(loc: Sequence[Any], data: Any) -> tuple[str | int, ...]:
    """Keep only the parts of a pydantic error location that navigate the input data.

    pydantic adds union-member tags (``RatioMeasure``, ``constrained-int``) to locations; they
    mean nothing to the author of the file, so they are dropped.
    """
    out: list[str | int] = []
    cur = data
    for part in loc:
        if (isinstance(cur, dict) and part in cur) or (isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)):
            out.append(part)
            cur = cur[part]
        elif isinstance(part, str) and part.startswith("as-"):
            continue  # a discriminated member (one tried per value): look inside it
        elif isinstance(part, str) and _is_union_tag(part):
            break  # errors of every union member collapse onto the field itself
        elif isinstance(cur, dict) and isinstance(part, str):
            out.append(part)  # a missing key inside a mapping the author wrote
            cur = None
    return tuple(out)


_TYPE_TAGS = {"int", "float", "str", "bool", "date", "none", "dict", "list", "tuple"}


def _is_union_tag(part: str) -> bool:
    return part in _TYPE_TAGS or not (part.isidentifier() and part == part.lower())


def validation_problems(
    exc: Any, located: Located, *, hints: dict[str, str] | None = None, prefix: PathKey = ()
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into located problems (file, line, dotted field).

    Several errors on one field (one per member of a union) become one problem whose
    ``allowed`` text comes from ``hints`` (keyed by the field's last name) when given.
    """
    grouped: dict[tuple[str | int, ...], list[dict[str, Any]]] = {}
    errors = exc.errors()
    all_locs = [tuple(e["loc"]) for e in errors]
    for err in errors:
        raw_loc = tuple(err["loc"])
        if err["type"] == "too_short" and any(o != raw_loc and o[:len(raw_loc)] == raw_loc for o in all_locs):
            continue  # an invalid item already explains why the list came out too short
        loc = (*prefix, *_clean_loc(err["loc"], located.data))
        err = {**err, "discriminated": any(isinstance(p, str) and p.startswith("as-") for p in raw_loc)}
        grouped.setdefault(loc, []).append(err)
    problems: list[Problem] = []
    for loc, errs in grouped.items():
        dotted = ".".join(str(p) for p in loc)
        last = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        hint = (hints or {}).get(last)
        line = located.line_of(loc)
        if len(errs) > 1:
            value = errs[0].get("input")
            problems.append(
                Problem(f"{_show(value)} is not a valid value", file=located.file, line=line, field=dotted,
                        allowed=hint or _union_allowed(errs))
            )
            continue
        err = errs[0]
        msg = err["msg"]
        allowed = hint
        ctx = err.get("ctx") or {}
        if err["type"] == "extra_forbidden":
            msg = "unknown key (not part of the format; check the spelling)"
            allowed = None
        elif err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            msg = f"{_show(err.get('input'))} is not a valid value"
        elif err["type"] == "literal_error" and "expected" in ctx:
            if not (err["discriminated"] and hint):
                allowed = str(ctx["expected"]).replace("'", "")
            msg = f"{_show(err.get('input'))} is not an allowed value"
        elif err["type"].startswith("date") or err["type"] == "date_from_datetime_inexact":
            msg = f"{_show(err.get('input'))} is not a valid date (use YYYY-MM-DD with a real day)"
            allowed = None
        elif err["type"] == "missing":
            msg = "required key is missing"
        elif err["type"] == "value_error":
            msg = str(ctx.get("error", msg))
        problems.append(Problem(msg, file=located.file, line=line, field=dotted, allowed=allowed))
    return problems


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _union_allowed(errs: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for err in errs:
        ctx = err.get("ctx") or {}
        if err["type"] == "literal_error" and "expected" in ctx:
            parts.append(str(ctx["expected"]).replace("'", ""))
        elif err["type"] in ("int_parsing", "int_type"):
            parts.append("a whole number")
        elif err["type"] in ("float_parsing", "float_type"):
            parts.append("a number")
        elif err["type"] in ("model_type", "dict_type"):
            parts.append("a mapping")
    return "; ".join(dict.fromkeys(parts))
