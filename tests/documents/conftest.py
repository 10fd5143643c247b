"""Shared fixtures: the demo portfolio assessed once, and packages written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.portfolio.loader import load_portfolio

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "fincloud" / "demo" / "demo-portfolio.yaml"
CLEAN = Path(__file__).parent / "clean-portfolio.yaml"


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def demo(catalog):
    portfolio = load_portfolio(DEMO)
    return portfolio, assess(portfolio, catalog, portfolio.institution.as_of), catalog


@pytest.fixture(scope="session")
def clean(catalog):
    portfolio = load_portfolio(CLEAN)
    return portfolio, assess(portfolio, catalog, portfolio.institution.as_of), catalog


@pytest.fixture(scope="session")
def demo_package(demo, tmp_path_factory):
    """The package of a blocked critical workload and a non-critical one, written once."""
    from fincloud.documents.package import write_package

    portfolio, assessment, catalog = demo
    out = tmp_path_factory.mktemp("package") / "out"
    result = write_package(portfolio, assessment, catalog, out, workload_ids=["wl-crm", "wl-analytics"])
    return out, result
