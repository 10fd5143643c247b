"""Shared fixtures: the committed plans, Prowler output and inventory, scanned once each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fincloud.evidence.config.scan import EvidenceScan, scan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"
sys.path.insert(0, str(FIXTURES))


@pytest.fixture(scope="session")
def compliant() -> EvidenceScan:
    return scan(FIXTURES / "plan-compliant.json", "terraform")


@pytest.fixture(scope="session")
def noncompliant() -> EvidenceScan:
    return scan(FIXTURES / "plan-noncompliant.json", "terraform")


@pytest.fixture(scope="session")
def mixed() -> EvidenceScan:
    return scan(FIXTURES / "plan-mixed.json", "terraform")


@pytest.fixture(scope="session")
def prowler() -> EvidenceScan:
    return scan(FIXTURES / "prowler-aws.ocsf.json", "prowler")


@pytest.fixture(scope="session")
def inventory() -> EvidenceScan:
    return scan(FIXTURES / "inventory-ncp.json", "inventory")
