"""fincloud and Checkov (pinned 3.3.30, own venv) agree resource by resource on the same plans,
except for the differences explained in docs/evidence.md ("Checkov comparison")."""

from __future__ import annotations

import pytest
from checkov_compare import CHECKOV, disagreements
from evidence_helpers import FIXTURES

pytestmark = pytest.mark.skipif(
    not CHECKOV.exists(),
    reason="Checkov venv absent: python3.11 -m venv .venv-checkov && .venv-checkov/bin/pip install checkov==3.3.30",
)

#: Every known difference, each explained in docs/evidence.md.
EXPLAINED = {
    "compliant": {
        # Checkov CKV_AWS_10/13 ask 14 characters and 24 remembered passwords; 제32조 asks 8 and reuse prevention.
        ("password_policy", "aws_iam_account_password_policy.strict", "pass", "fail"),
        # CKV_AWS_88 rejects every public IP; 제17조제1항제1호 puts public web servers in a DMZ, tagged public_web.
        ("no_public_servers", "aws_instance.web", "pass", "fail"),
        # CKV2_AWS_9 follows only resource ARNs of aws_backup_selection; AWS Backup also selects by tag.
        ("backups_enabled", "aws_ebs_volume.app_data", "pass", "fail"),
    },
    "noncompliant": {
        ("no_public_servers", "aws_instance.web", "pass", "fail"),
        # CKV_AWS_157 asks multi-AZ of every database; the guide only of critical workloads (unknown here).
        ("multi_az", "aws_db_instance.core", "cannot_tell", "fail"),
    },
    "mixed": {
        ("no_public_servers", "aws_instance.web", "pass", "fail"),
        ("backups_enabled", "aws_ebs_volume.app_data", "pass", "fail"),
        ("multi_az", "aws_db_instance.core", "cannot_tell", "fail"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPLAINED))
def test_verdicts_agree_with_checkov_or_the_difference_is_explained(name):
    assert set(disagreements(FIXTURES / f"plan-{name}.json")) == EXPLAINED[name]
