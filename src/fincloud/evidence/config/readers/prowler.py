"""Read Prowler's JSON-OCSF output (v4/v5 ``Detection Finding``; v3 ``Security Finding``).

Prowler has already judged each resource; this reader only translates its verdicts onto our
checks through ``prowler_mapping.yaml``. A Prowler check stricter than the guide cannot fail
ours (``fail_means: cannot_tell``), and a muted finding keeps its verdict with "muted" in
the detail: muting in Prowler is a person's decision elsewhere, not evidence of compliance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fincloud.errors import InputError
from fincloud.evidence.config.definitions import ProwlerMapping, prowler_table
from fincloud.evidence.config.model import Estate, Finding, ScanContext
from fincloud.evidence.config.readers.jsonfile import read_json

WHAT = "Prowler JSON-OCSF output (prowler <provider> -M json-ocsf)"
#: OCSF schema major versions Prowler has written (1.0.0-rc.3 in v3 up to 1.x in v5).
SUPPORTED_OCSF_MAJORS = ("1",)
_STATUS = {"PASS": "pass", "FAIL": "fail", "MANUAL": "cannot_tell", "SUCCESS": "pass", "FAILURE": "fail"}


def read_prowler(path: str | Path, context: ScanContext | None = None) -> Estate:
    name = str(path)
    data = read_json(path, WHAT, allow_lines=True)
    if isinstance(data, dict):
        if "format_version" in data:
            raise InputError.single("this is a Terraform plan, not Prowler output: use --terraform", file=name)
        data = [data]
    if not isinstance(data, list):
        raise InputError.single(f"not Prowler JSON-OCSF: expected a list of findings, got a JSON {type(data).__name__}", file=name)
    if not data:
        raise InputError.single("Prowler output holds no finding (an empty scan proves nothing)", file=name)
    mapping: dict[tuple[str, str], ProwlerMapping] = {(m.provider, m.prowler): m for m in prowler_table().mappings}
    verdicts: dict[str, list[Finding]] = {}
    unmapped: dict[str, int] = {}
    seen: set[tuple[str, str, str]] = set()
    for i, item in enumerate(data):
        check_id, provider, status, resources, detail, muted = _finding(item, name, i)
        m = mapping.get((provider, check_id))
        if m is None:
            unmapped[check_id] = unmapped.get(check_id, 0) + 1
            continue
        ours = _STATUS[status]
        why = ""
        if ours == "fail" and m.fail_means == "cannot_tell":
            ours, why = "cannot_tell", f" — Prowler FAIL does not decide this check: {m.why}"
        elif ours == "pass" and m.pass_means == "cannot_tell":
            ours, why = "cannot_tell", f" — Prowler PASS does not decide this check: {m.why}"
        text = f"[{check_id}] {detail}{' (muted in Prowler)' if muted else ''}{why}"
        for uid in resources or ["(account)"]:
            key = (m.check, uid, text)
            if key in seen:
                continue
            seen.add(key)
            verdicts.setdefault(m.check, []).append(Finding(uid, ours, text))  # type: ignore[arg-type]
    notes = []
    if unmapped:
        notes.append(f"{sum(unmapped.values())} findings of {len(unmapped)} Prowler checks have no mapping to a 제5장 check "
                     "and were not used (prowler_mapping.yaml)")
    if not verdicts:
        notes.append("no Prowler finding maps to a 제5장 check: every check is cannot_tell")
    return Estate(source_kind="prowler", complete=True, context=context or ScanContext(), notes=notes,
                  verdicts=verdicts, input_count=len(data))


def _finding(item: Any, name: str, i: int) -> tuple[str, str, str, list[str], str, bool]:
    """(check id, provider, status, resource uids, detail, muted) of one OCSF finding."""
    if not isinstance(item, dict):
        raise InputError.single(f"finding #{i + 1} is not a JSON object", file=name)
    meta = item.get("metadata") or {}
    version = str(meta.get("version") or "1")
    if version.split(".")[0] not in SUPPORTED_OCSF_MAJORS:
        raise InputError.single(f"unsupported OCSF schema version {version!r} in finding #{i + 1}", file=name,
                                field="metadata.version", allowed="1.x")
    check_id = meta.get("event_code") or ((meta.get("product") or {}).get("feature") or {}).get("uid")
    if not check_id:
        raise InputError.single(
            f"finding #{i + 1} has no check id (metadata.event_code); not Prowler JSON-OCSF output", file=name)
    raw_status = str(item.get("status_code") or (item.get("compliance") or {}).get("status") or "").upper()
    if raw_status not in _STATUS:
        raise InputError.single(f"finding #{i + 1} ({check_id}) has status_code {raw_status or 'missing'!r}", file=name,
                                allowed="PASS, FAIL, MANUAL")
    cloud = item.get("cloud") or {}
    provider = str(cloud.get("provider") or "aws").lower()
    resources = [str(r.get("uid") or r.get("name")) for r in item.get("resources") or []
                 if isinstance(r, dict) and (r.get("uid") or r.get("name"))]
    detail = str(item.get("status_detail") or item.get("message") or "")
    muted = str(item.get("status") or "").lower() == "suppressed" or bool((item.get("unmapped") or {}).get("muted"))
    return str(check_id), provider, raw_status, resources, detail, muted

