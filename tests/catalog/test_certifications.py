"""가이드 제4장 3 나. 대체 항목: the recognised security certifications (certifications.yaml)."""

from __future__ import annotations

from typing import get_args

from fincloud.catalog import Catalog
from fincloud.portfolio.model import CertScheme

SCHEMES = {"CSAP", "ISMS-P", "FedRAMP-High", "CSA-STAR-Gold", "MTCS-L3", "ISO-27017", "SOC2-Type2"}


def test_the_seven_recognised_schemes(catalog: Catalog) -> None:
    """가이드 제4장 3 나.: CSAP, ISMS-P (국내); FedRAMP High, CSA STAR Gold, MTCS L3, ISO 27017, SOC2 Type II (국외)."""
    schemes = [c.scheme for c in catalog.certifications.schemes]
    assert len(schemes) == 7
    assert set(schemes) == SCHEMES
    origins = {c.scheme: c.origin for c in catalog.certifications.schemes}
    assert {s for s, o in origins.items() if o == "domestic"} == {"CSAP", "ISMS-P"}


def test_portfolio_scheme_names_match_the_catalog(catalog: Catalog) -> None:
    """shared/spec/portfolio.md certifications.scheme: the catalog's 7 schemes plus ``other``."""
    assert set(get_args(CertScheme)) == SCHEMES | {"other"}


def test_non_cloud_schemes_leave_domain_8_to_evaluate(catalog: Catalog) -> None:
    """가이드 제4장 3 나. 비고: ISMS-P and SOC2 Type II are not cloud-specific, so 「8. 가상화 및 인프라 보안」
    is still checked; every other scheme skips all 대체 items."""
    leave = {c.scheme: c.still_evaluate_domains for c in catalog.certifications.schemes}
    assert leave == {s: (("8",) if s in {"ISMS-P", "SOC2-Type2"} else ()) for s in SCHEMES}
    for c in catalog.certifications.schemes:
        assert c.cloud_specific == (c.scheme not in {"ISMS-P", "SOC2-Type2"}), c.scheme
        if c.still_evaluate_domains:
            assert "가상화" in c.note


def test_certification_rule_requires_scope_coverage_and_cites_the_table(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 전문; 가이드 제4장 3 나.: the facilities and services used must be in the certified scope."""
    table = catalog.certifications
    assert "별표 2의2" in table.citation
    assert "인증의 범위" in table.rule
