"""Prowler verdicts mapped onto our checks, and the same checks on a provider-neutral inventory."""

from __future__ import annotations

import json

from evidence_helpers import FIXTURES, check, verdicts

from fincloud.evidence.config.definitions import prowler_table
from fincloud.evidence.config.model import ScanContext
from fincloud.evidence.config.scan import scan


def test_prowler_fail_becomes_fail_with_its_check_id(prowler):
    status, detail = verdicts(prowler, "no_root_access_keys")["arn:aws:iam::111122223333:root"]
    assert status == "fail" and detail.startswith("[iam_no_root_access_key]")


def test_prowler_muted_fail_stays_fail(prowler):
    status, detail = verdicts(prowler, "no_public_storage")["arn:aws:s3:::fc-public-assets"]
    assert status == "fail" and "muted in Prowler" in detail


def test_prowler_stricter_check_cannot_fail_ours(prowler):
    found = [r for r in check(prowler, "password_policy").resources if "minimum_length_14" in r.detail]
    assert [r.status for r in found] == ["cannot_tell"] and "asks for 8" in found[0].detail
    assert check(prowler, "password_policy").status == "cannot_tell"


def test_prowler_multi_az_fail_needs_the_workload(prowler):
    assert check(prowler, "multi_az").status == "cannot_tell"


def test_prowler_manual_is_cannot_tell(prowler):
    assert check(prowler, "customer_managed_keys").status == "cannot_tell"


def test_prowler_other_provider_mapping_applies(prowler):
    assert verdicts(prowler, "no_ssh_rdp_from_internet")["projects/fc-prod/global/firewalls/allow-ssh"][0] == "fail"


def test_prowler_unmapped_checks_are_counted_not_used(prowler):
    assert any("no mapping" in n for n in prowler.notes)


def test_prowler_check_without_findings_is_cannot_tell(prowler):
    c = check(prowler, "budget_alerts")
    assert c.status == "cannot_tell" and "no finding" in c.resources[0].detail


def test_prowler_json_lines_are_read(tmp_path):
    findings = json.loads((FIXTURES / "prowler-aws.ocsf.json").read_text())
    path = tmp_path / "out.ocsf.json"
    path.write_text("\n".join(json.dumps(f) for f in findings))
    assert check(scan(path, "prowler"), "no_root_access_keys").status == "fail"


def test_prowler_mapping_ids_are_unique_per_provider():
    keys = [(m.provider, m.prowler) for m in prowler_table().mappings]
    assert len(keys) == len(set(keys)) and len(keys) > 50


def test_inventory_checks(inventory):
    assert verdicts(inventory, "mfa_privileged_users")["user/ops-lee"] == ("fail", "console access without MFA")
    assert verdicts(inventory, "no_public_storage")["bucket/customer-docs"] == ("fail", "bucket ACL allows public read")
    assert verdicts(inventory, "no_ssh_rdp_from_internet")["acg/bastion"] == ("fail", "22/tcp from 0.0.0.0/0")
    assert verdicts(inventory, "korean_region")["server/batch"] == ("fail", "unique_id in JP, outside Korea")
    assert verdicts(inventory, "korean_region")["db/core"][0] == "pass"
    assert check(inventory, "login_lockout").status == "pass"
    assert check(inventory, "password_policy").status == "pass"


def test_inventory_complete_means_missing_control_fails(inventory):
    c = check(inventory, "configuration_recorded")
    assert c.status == "fail" and "in the account" in c.resources[0].detail


def test_inventory_multi_az_with_critical_workload():
    result = scan(FIXTURES / "inventory-ncp.json", "inventory", context=ScanContext(critical=True, critical_reason="test"))
    assert verdicts(result, "multi_az")["db/core"] == ("fail", "single availability zone for a critical workload (test)")
