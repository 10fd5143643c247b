"""Each check on the Terraform fixtures: the compliant plan passes, the flawed plan fails with
the exact reason, and what a plan cannot show is cannot_tell (never pass)."""

from __future__ import annotations

import json

import pytest
from evidence_helpers import FIXTURES, check, verdicts
from scenarios import build

from fincloud.evidence.config.model import ScanContext
from fincloud.evidence.config.scan import scan

MACHINE_DECIDABLE = [
    "least_privilege_policies", "password_policy", "audit_logging_enabled", "log_retention_1y", "log_encrypted",
    "log_not_public", "log_integrity_validation", "alerts_on_security_changes", "no_public_storage",
    "no_public_databases", "no_public_servers", "default_security_group_closed", "no_ssh_rdp_from_internet",
    "internal_in_private_subnets", "public_web_in_dmz", "encryption_in_transit", "encryption_at_rest",
    "customer_managed_keys", "backups_enabled", "configuration_recorded", "multi_az", "korean_region", "budget_alerts",
    "mfa_privileged_users",
]


@pytest.mark.parametrize("check_id", MACHINE_DECIDABLE)
def test_compliant_plan_passes(compliant, check_id):
    assert check(compliant, check_id).status == "pass", check(compliant, check_id).resources


def test_summary_of_compliant_plan_has_no_failure(compliant):
    assert compliant.summary["fail"] == 0
    assert compliant.source.resources == len(json.loads((FIXTURES / "plan-compliant.json").read_text())["resource_changes"])


def test_mfa_privileged_users_needs_policy_in_a_plan(noncompliant):
    v = verdicts(noncompliant, "mfa_privileged_users")
    assert v["aws_iam_user.lee"][0] == "cannot_tell"
    assert "console access and administrator rights" in v["aws_iam_user.lee"][1]


def test_no_root_access_keys_cannot_be_seen_in_a_plan(compliant):
    c = check(compliant, "no_root_access_keys")
    assert c.status == "cannot_tell" and "root user" in c.resources[0].detail


def test_least_privilege_policies(noncompliant):
    v = verdicts(noncompliant, "least_privilege_policies")
    assert v["aws_iam_policy.everything"] == ("fail", "grants Action '*' on Resource '*'")
    assert v["aws_iam_group_policy_attachment.admins_full"][0] == "fail"
    assert "AdministratorAccess (attached to aws_iam_group.admins)" in v["aws_iam_group_policy_attachment.admins_full"][1]
    assert v["aws_iam_policy.operators"][0] == "pass"


def test_password_policy(noncompliant):
    status, detail = verdicts(noncompliant, "password_policy")["aws_iam_account_password_policy.strict"]
    assert status == "fail"
    for part in ("minimum length 6 < 8", "symbols", "never expire", "reuse"):
        assert part in detail


def test_login_lockout_needs_a_person_on_aws(compliant):
    c = check(compliant, "login_lockout")
    assert c.status == "cannot_tell" and "identity provider" in c.resources[0].detail


def test_audit_logging_enabled(noncompliant):
    assert verdicts(noncompliant, "audit_logging_enabled")["aws_cloudtrail.main"] == (
        "fail", "single-region trail (all regions must be logged)")


def test_log_retention_1y(noncompliant):
    v = verdicts(noncompliant, "log_retention_1y")
    assert v["aws_cloudwatch_log_group.trail"] == ("fail", "kept 90 days < 365")
    assert v["aws_s3_bucket.trail"] == ("fail", "log objects expire after 90 days < 365")


def test_log_encrypted(noncompliant):
    assert verdicts(noncompliant, "log_encrypted")["aws_cloudtrail.main"][0] == "fail"


def test_log_not_public(noncompliant):
    status, detail = verdicts(noncompliant, "log_not_public")["aws_s3_bucket.trail"]
    assert status == "fail" and "ACL public-read" in detail


def test_log_integrity_validation(mixed):
    assert verdicts(mixed, "log_integrity_validation")["aws_cloudtrail.main"] == ("fail", "log file integrity validation off")


def test_alerts_on_security_changes(noncompliant, compliant):
    missing = [r for r in check(noncompliant, "alerts_on_security_changes").resources if r.address == "(account)"]
    assert {r.status for r in missing} == {"cannot_tell"}  # a plan is not the whole account
    assert any("security groups" in r.detail for r in missing)
    assert len(check(compliant, "alerts_on_security_changes").resources) == 4


def test_alerts_missing_fail_when_plan_is_whole_account():
    result = scan(FIXTURES / "plan-noncompliant.json", "terraform", complete=True)
    assert check(result, "alerts_on_security_changes").status == "fail"
    assert check(result, "configuration_recorded").status == "fail"


def test_no_public_storage(mixed):
    status, detail = verdicts(mixed, "no_public_storage")["aws_s3_bucket.data"]
    assert status == "fail"
    assert "s3:GetObject to Principal '*'" in detail and "no public access block" in detail


def test_no_public_databases(noncompliant):
    assert verdicts(noncompliant, "no_public_databases")["aws_db_instance.core"][0] == "fail"


def test_no_public_servers(noncompliant, compliant):
    assert verdicts(noncompliant, "no_public_servers")["aws_instance.app"][0] == "fail"
    status, detail = verdicts(compliant, "no_public_servers")["aws_instance.web"]
    assert status == "pass" and "public web server" in detail


def test_default_security_group_closed(noncompliant):
    status, detail = verdicts(noncompliant, "default_security_group_closed")["aws_vpc.dmz:default_security_group"]
    assert status == "fail" and "AWS default rules kept" in detail


def test_no_ssh_rdp_from_internet(noncompliant):
    v = verdicts(noncompliant, "no_ssh_rdp_from_internet")
    assert v["aws_security_group.web"] == ("fail", "22/tcp from 0.0.0.0/0")
    assert v["aws_security_group.admin"] == ("fail", "3389/tcp from 0.0.0.0/0 [aws_security_group_rule.admin_rdp]")


def test_internal_in_private_subnets(noncompliant):
    status, detail = verdicts(noncompliant, "internal_in_private_subnets")["aws_db_instance.core"]
    assert status == "fail" and "internet gateway" in detail


def test_public_web_in_dmz(noncompliant):
    status, detail = verdicts(noncompliant, "public_web_in_dmz")["aws_instance.web"]
    assert status == "fail" and "aws_db_instance.core" in detail


def test_encryption_in_transit(mixed, compliant):
    assert verdicts(mixed, "encryption_in_transit")["aws_lb_listener.http"] == ("fail", "plain HTTP on port 80 internet-facing")
    assert "redirects to HTTPS" in verdicts(compliant, "encryption_in_transit")["aws_lb_listener.http"][1]


def test_encryption_at_rest(noncompliant):
    v = verdicts(noncompliant, "encryption_at_rest")
    assert v["aws_db_instance.core"] == ("fail", "database storage not encrypted")
    assert v["aws_ebs_volume.app_data"] == ("fail", "volume not encrypted")


def test_customer_managed_keys(noncompliant, compliant):
    v = verdicts(noncompliant, "customer_managed_keys")
    assert v["aws_kms_key.data"] == ("fail", "customer-managed key with rotation off")
    assert v["aws_s3_bucket.data"][0] == "fail" and "personal_credit" in v["aws_s3_bucket.data"][1]
    assert verdicts(compliant, "customer_managed_keys")["aws_db_instance.core"] == ("pass", "customer-managed key aws_kms_key.data")


def test_backups_enabled(noncompliant):
    assert verdicts(noncompliant, "backups_enabled")["aws_db_instance.core"] == ("fail", "automated backups kept 1 day(s) < 7")


def test_configuration_recorded(noncompliant):
    assert check(noncompliant, "configuration_recorded").status == "cannot_tell"


@pytest.mark.parametrize(("critical", "expected"), [(True, "fail"), (False, "not_applicable"), (None, "cannot_tell")])
def test_multi_az_depends_on_criticality(critical, expected):
    result = scan(FIXTURES / "plan-mixed.json", "terraform", context=ScanContext(critical=critical))
    assert check(result, "multi_az").status == expected


def test_korean_region(noncompliant):
    v = verdicts(noncompliant, "korean_region")
    assert v["aws_db_instance.core"] == ("fail", "personal_credit, financial in us-east-1, outside Korea".replace("personal_credit, financial", "personal_credit"))
    assert v["aws_s3_bucket.trail"][0] == "not_applicable"


def test_korean_region_uses_workload_information(tmp_path):
    plan = build(frozenset({"us_region_personal"}))
    for res in plan["planned_values"]["root_module"]["resources"]:
        res["values"].pop("tags", None)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    unknown = scan(path, "terraform")
    assert check(unknown, "korean_region").status == "cannot_tell"
    told = scan(path, "terraform", context=ScanContext(information=frozenset({"unique_id"})))
    assert check(told, "korean_region").status == "fail"


def test_budget_alerts(noncompliant):
    assert verdicts(noncompliant, "budget_alerts")["aws_budgets_budget.monthly"] == ("fail", "limit 20000 USD but no alert notification")


def test_module_instances_resolve_references_within_their_module(tmp_path):
    plan = build(frozenset({"ssh_open"}), apps=3, modules=True)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    result = scan(path, "terraform")
    v = verdicts(result, "no_public_storage")
    assert {a for a, (s, _d) in v.items() if a.startswith("module.")} == {f"module.app_{i}.aws_s3_bucket.data" for i in range(3)}
    assert all(s == "pass" for a, (s, _d) in v.items() if a.startswith("module."))
    ssh = verdicts(result, "no_ssh_rdp_from_internet")
    assert ssh["module.app_2.aws_security_group.web"] == ("fail", "22/tcp from 0.0.0.0/0")
