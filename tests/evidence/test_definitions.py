"""Integrity of evidence_checks.yaml and prowler_mapping.yaml against the code and the catalog."""

from __future__ import annotations

import re

from fincloud.evidence.config import definitions
from fincloud.evidence.config.checks import registry
from fincloud.evidence.config.scan import safeguard_evidence

CONTRACT_IDS = {
    "mfa_privileged_users", "no_root_access_keys", "least_privilege_policies", "password_policy",
    "audit_logging_enabled", "log_retention_1y", "log_encrypted", "log_not_public", "log_integrity_validation",
    "alerts_on_security_changes", "no_public_storage", "no_public_databases", "default_security_group_closed",
    "no_ssh_rdp_from_internet", "internal_in_private_subnets", "encryption_in_transit", "encryption_at_rest",
    "customer_managed_keys", "backups_enabled", "multi_az", "korean_region", "budget_alerts",
}


def test_every_contract_check_exists_and_is_implemented():
    ids = {c.id for c in definitions.check_table().checks}
    assert ids >= CONTRACT_IDS
    assert ids == set(registry())


def test_every_safeguard_resolves_and_citation_names_its_article():
    reqs = definitions.requirements()
    for c in definitions.check_table().checks:
        cite = definitions.citation(c)
        assert cite
        for s in c.safeguards:
            assert s in reqs
            articles = re.findall(r"제\d+조(?:의\d+)?", reqs[s].citation)
            assert all(a in cite for a in articles), (c.id, s)


def test_machine_evidence_feed_is_dated_and_sourced(compliant):
    feed = safeguard_evidence(compliant)
    entry = feed["network.r2"][0]
    assert entry["check"] == "no_ssh_rdp_from_internet" and entry["kind"] == "machine"
    assert entry["scanned_at"] and entry["sha256"] == compliant.source.sha256
