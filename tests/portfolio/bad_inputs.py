"""Bad portfolio files and the problem each must produce; shared by the loader tests and the CLI tests.

shared/spec/portfolio.md: "Unknown keys are an error with the file, line and key named (a typo in a
compliance file must never be silently ignored)." Each case is one mistake in an otherwise valid file,
with the line, field and allowed values the error must name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

# A small valid portfolio; the numbers are its line numbers, which the cases below rely on.
BASE = """\
institution:
  name: 테스트은행
  kind: bank
  as_of: 2026-11-24
providers:
  - id: csp-a
    name: A클라우드
    regions:
      - {id: kr-central, country: KR}
workloads:
  - id: wl-1
    name: 업무1
    provider: csp-a
    service_model: SaaS
    region: kr-central
    information: [financial]
    importance:
      external_orgs: 3
      rto: 2
    contract: {signed_on: 2026-10-01}
"""
#  1 institution:          6 - id: csp-a          11 - id: wl-1           16 information
#  2 name                  7 name                 12 name                 17 importance:
#  3 kind                  8 regions:             13 provider             18 external_orgs
#  4 as_of                 9 - {id: kr-central}   14 service_model        19 rto
#  5 providers:           10 workloads:           15 region               20 contract


def replace_line(text: str, number: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[number - 1] = new + "\n"
    return "".join(lines)


def insert_after(text: str, number: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines.insert(number, new + "\n")
    return "".join(lines)


@dataclass(frozen=True)
class Bad:
    id: str
    rule: str          # what the case proves, with its source
    text: str
    line: int | None   # the line the problem must name
    field: str | None  # the dotted field it must name
    message: str | tuple[str, ...]  # a part of the message (or one of several acceptable parts)
    allowed: str | None = None  # a part of the allowed values, where relevant
    name: str = "portfolio.yaml"


YAML_CASES = [
    Bad("malformed_yaml", "a YAML syntax error names its line", replace_line(BASE, 2, "  name: a: b"),
        2, None, "malformed YAML"),
    Bad("empty_file", "an empty file is refused, not read as no workloads", "", 1, None, "empty"),
    Bad("comment_only_file", "a file of only comments is empty", "# nothing here\n", 1, None, "empty"),
    Bad("top_level_list", "the top level must be a mapping", "- institution\n- providers\n", 1, None, "mapping"),
    Bad("top_level_scalar", "the top level must be a mapping", "just text\n", 1, None, "mapping"),
    Bad("unknown_key_top_level", "spec: unknown keys are an error", BASE + "extra: 1\n",
        21, "extra", "unknown key"),
    Bad("unknown_key_in_provider", "spec: unknown keys are an error", insert_after(BASE, 7, "    colour: red"),
        8, "providers.0.colour", "unknown key"),
    Bad("unknown_key_in_workload", "spec: unknown keys are an error", insert_after(BASE, 14, "    servce: x"),
        15, "workloads.0.servce", "unknown key"),
    Bad("unknown_key_in_importance", "spec: unknown keys are an error",
        insert_after(BASE, 18, "      extrnal_orgs: 3"), 19, "workloads.0.importance.extrnal_orgs", "unknown key"),
    Bad("string_for_a_count", "spec importance.external_orgs: a count or {ratio: r}",
        replace_line(BASE, 18, "      external_orgs: many"), 18, "workloads.0.importance.external_orgs",
        "'many'", "count"),
    Bad("string_for_hours", "spec importance.rto: hours",
        replace_line(BASE, 19, "      rto: two hours"), 19, "workloads.0.importance.rto", "'two hours'", "hours"),
    Bad("wrong_institution_kind", "spec institution.kind: bank | securities | …",
        replace_line(BASE, 3, "  kind: bnak"), 3, "institution.kind", "'bnak'", "bank, securities"),
    Bad("service_model_is_case_sensitive", "spec service_model: IaaS | PaaS | SaaS",
        replace_line(BASE, 14, "    service_model: iaas"), 14, "workloads.0.service_model", "'iaas'", "IaaS"),
    Bad("unknown_information_class", "spec information: unique_id | personal_credit | financial | business | public",
        replace_line(BASE, 16, "    information: [credit]"), 16, "workloads.0.information.0", "'credit'",
        "personal_credit"),
    Bad("impossible_day", "spec: dates are ISO YYYY-MM-DD (2026-02-30 does not exist)",
        replace_line(BASE, 20, "    contract: {signed_on: 2026-02-30}"), 20, "workloads.0.contract.signed_on",
        "2026-02-30"),
    Bad("impossible_month", "spec: dates are ISO YYYY-MM-DD (month 13 does not exist)",
        replace_line(BASE, 4, "  as_of: 2026-13-01"), 4, "institution.as_of", "2026-13-01"),
    Bad("duplicate_provider_id", "provider ids identify providers: duplicates are refused",
        insert_after(BASE, 9, "  - id: csp-a\n    name: B클라우드\n    regions: [{id: kr-central, country: KR}]"),
        10, "providers.1.id", "duplicate provider id 'csp-a'"),
    Bad("duplicate_workload_id", "workload ids identify workloads: duplicates are refused",
        BASE + "  - id: wl-1\n    name: 업무2\n    provider: csp-a\n    service_model: IaaS\n"
               "    region: kr-central\n    information: [public]\n",
        21, "workloads.1.id", "duplicate workload id 'wl-1'"),
    Bad("duplicate_key_in_a_mapping", "yamlio: YAML keeps the last of two equal keys silently; fincloud refuses",
        insert_after(BASE, 3, "  kind: card"), 4, "institution.kind", "duplicate key 'kind'"),
    Bad("unknown_provider", "spec workloads[].provider: a provider id of the file",
        replace_line(BASE, 13, "    provider: csp-b"), 13, "workloads.0.provider", "unknown provider 'csp-b'",
        "csp-a"),
    Bad("unknown_region_for_the_provider", "spec workloads[].region: one of the provider's regions",
        replace_line(BASE, 15, "    region: us-east"), 15, "workloads.0.region", "unknown region 'us-east'",
        "kr-central"),
    Bad("ratio_above_one", "spec {ratio: r}: a share of a whole, 0 to 1",
        replace_line(BASE, 18, "      external_orgs: {ratio: 1.5}"), 18, "workloads.0.importance.external_orgs.ratio",
        ("1.5", "less than or equal to 1")),
    Bad("negative_recorded_points", "spec {points: N}: points recorded by hand are never negative",
        replace_line(BASE, 19, "      rto: {points: -1}"), 19, "workloads.0.importance.rto.points",
        ("-1", "greater than or equal to 0")),
]


def base_json() -> dict:
    """BASE as JSON data."""
    return {
        "institution": {"name": "테스트은행", "kind": "bank", "as_of": "2026-11-24"},
        "providers": [{"id": "csp-a", "name": "A클라우드", "regions": [{"id": "kr-central", "country": "KR"}]}],
        "workloads": [{"id": "wl-1", "name": "업무1", "provider": "csp-a", "service_model": "SaaS",
                       "region": "kr-central", "information": ["financial"],
                       "importance": {"external_orgs": 3, "rto": 2}, "contract": {"signed_on": "2026-10-01"}}],
    }


BASE_JSON = json.dumps(base_json(), ensure_ascii=False, indent=2) + "\n"


def line_containing(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _json_case(id: str, rule: str, old: str, new: str, needle: str, field: str | None, message: str | tuple[str, ...],
               allowed: str | None = None) -> Bad:
    assert old in BASE_JSON, old
    text = BASE_JSON.replace(old, new, 1)
    return Bad(id, rule, text, line_containing(text, needle), field, message, allowed, name="portfolio.json")


JSON_CASES = [
    _json_case("json_malformed", "JSON syntax errors name the line the JSON parser gives",
               '"kind": "bank",', '"kind": "bank"', '"as_of"', None, "malformed JSON"),
    _json_case("json_unknown_key_in_workload", "spec: unknown keys are an error (JSON too)",
               '"name": "업무1",', '"name": "업무1", "servce": 1,', '"servce"', "workloads.0.servce", "unknown key"),
    _json_case("json_wrong_institution_kind", "spec institution.kind (JSON too)",
               '"kind": "bank"', '"kind": "bnak"', '"bnak"', "institution.kind", "'bnak'", "bank"),
    _json_case("json_impossible_day", "spec: ISO dates (JSON too)",
               '"signed_on": "2026-10-01"', '"signed_on": "2026-02-30"', "2026-02-30",
               "workloads.0.contract.signed_on", "2026-02-30"),
    _json_case("json_duplicate_key", "JSON objects with a key twice are refused like YAML mappings",
               '"kind": "bank"', '"kind": "bank", "kind": "card"', '"card"', "institution.kind", "duplicate key"),
    _json_case("json_unknown_provider", "spec workloads[].provider (JSON too)",
               '"provider": "csp-a"', '"provider": "csp-z"', '"csp-z"', "workloads.0.provider", "unknown provider",
               "csp-a"),
    _json_case("json_ratio_above_one", "spec {ratio: r} (JSON too)",
               '"external_orgs": 3', '"external_orgs": {"ratio": 1.5}', '"ratio"',
               "workloads.0.importance.external_orgs.ratio", ("1.5", "less than or equal to 1")),
]

ALL_CASES = YAML_CASES + JSON_CASES


# Cases whose location (line or dotted field) is wrong; the tests that check them are marked xfail(strict) so
# they flip when fixed. Shared by the loader tests and the CLI tests. (All fixed: kept for the next bug.)
LOCATION_BUGS: dict[str, str] = {}


def params(cases: list[Bad], bugs: dict[str, str]) -> list:
    """``pytest.param`` per case, marked xfail(strict) where ``bugs`` names the case."""
    return [pytest.param(c, id=c.id, marks=pytest.mark.xfail(strict=True, reason=bugs[c.id])) if c.id in bugs
            else pytest.param(c, id=c.id) for c in cases]
