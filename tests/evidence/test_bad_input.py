"""Every kind of unusable input gives a clear InputError naming the problem — never a
traceback, never a silent all-pass."""

from __future__ import annotations

import json

import pytest
from evidence_helpers import FIXTURES

from fincloud.errors import InputError
from fincloud.evidence.config.readers import jsonfile
from fincloud.evidence.config.scan import scan


def _error(path, kind: str) -> str:
    with pytest.raises(InputError) as exc:
        scan(path, kind)
    return str(exc.value)


def test_truncated_plan(tmp_path):
    text = (FIXTURES / "plan-compliant.json").read_text()
    path = tmp_path / "plan.json"
    path.write_text(text[: len(text) // 2])
    assert "ends early" in _error(path, "terraform") and "truncated" in _error(path, "terraform")


def test_not_a_plan(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"hello": "world"}))
    assert "not a Terraform plan: no 'format_version' key" in _error(path, "terraform")


def test_plan_given_as_inventory_is_named(tmp_path):
    assert "looks like a Terraform plan: use --terraform" in _error(FIXTURES / "plan-mixed.json", "inventory")


def test_unknown_format_version(tmp_path):
    plan = json.loads((FIXTURES / "plan-compliant.json").read_text())
    plan["format_version"] = "2.0"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    message = _error(path, "terraform")
    assert "unsupported Terraform JSON format_version '2.0'" in message and "1.x" in message


def test_plan_without_planned_values(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format_version": "1.2", "resource_changes": []}))
    assert "no 'planned_values'" in _error(path, "terraform")


def test_json_array_is_not_a_plan(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("[1, 2]")
    assert "JSON list, not an object" in _error(path, "terraform")


def test_empty_and_missing_and_binary_files(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("")
    assert "file is empty" in _error(empty, "terraform")
    assert "file not found" in _error(tmp_path / "nope.json", "terraform")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not UTF-8" in _error(binary, "prowler")


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_text(" " * 2048 + "{}")
    monkeypatch.setattr(jsonfile, "MAX_BYTES", 1024)
    assert "larger than" in _error(path, "terraform")


def test_empty_prowler_output_proves_nothing(tmp_path):
    path = tmp_path / "p.json"
    path.write_text("[]")
    assert "holds no finding" in _error(path, "prowler")


def test_prowler_unknown_ocsf_version_and_status(tmp_path):
    finding = json.loads((FIXTURES / "prowler-aws.ocsf.json").read_text())[0]
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{**finding, "metadata": {**finding["metadata"], "version": "2.0.0"}}]))
    assert "unsupported OCSF schema version" in _error(path, "prowler")
    path.write_text(json.dumps([{**finding, "status_code": "MAYBE"}]))
    assert "status_code 'MAYBE'" in _error(path, "prowler")


def test_prowler_truncated_json_lines(tmp_path):
    finding = json.loads((FIXTURES / "prowler-aws.ocsf.json").read_text())[0]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(finding) + "\n" + json.dumps(finding)[:40])
    message = _error(path, "prowler")
    assert ":2" in message and "ends early" in message


def test_plan_given_as_prowler_is_named():
    assert "use --terraform" in _error(FIXTURES / "plan-mixed.json", "prowler")


def test_inventory_typos_are_errors_with_field(tmp_path):
    inv = json.loads((FIXTURES / "inventory-ncp.json").read_text())
    inv["resources"][1]["mfa_enabled"] = True
    inv["resources"][2]["kind"] = "usr"
    inv["resources"][3]["min_length"] = "ten"
    path = tmp_path / "inv.json"
    path.write_text(json.dumps(inv))
    message = _error(path, "inventory")
    assert "unknown attribute 'mfa_enabled'" in message
    assert "unknown kind 'usr'" in message
    assert "min_length must be int" in message


def test_inventory_unknown_schema(tmp_path):
    path = tmp_path / "inv.json"
    path.write_text(json.dumps({"schema": "fincloud.inventory/9", "provider": "ncp", "resources": []}))
    assert "unsupported inventory schema" in _error(path, "inventory")


def test_non_aws_plan_is_not_silently_all_pass(tmp_path):
    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "ncloud_server.web", "mode": "managed", "type": "ncloud_server", "name": "web", "values": {}}]}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    result = scan(path, "terraform")
    assert result.summary["pass"] == 0
    assert any("no AWS resources" in n for n in result.notes)
