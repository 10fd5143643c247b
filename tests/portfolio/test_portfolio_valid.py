"""Valid portfolios load: the shipped demo, the 부록1 example, the spec's example, JSON equivalents, synthetic ones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from fincloud.portfolio.loader import load_portfolio, loads_portfolio, parse_portfolio
from fincloud.portfolio.synth import synth_portfolio

from .spec_example import SPEC_EXAMPLE


def _as_json(path: Path) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # PyYAML reads the ISO dates as dates
    return json.dumps(data, ensure_ascii=False, default=lambda d: d.isoformat(), indent=2)


def test_demo_portfolio_loads(demo_path: Path) -> None:
    """src/fincloud/demo/demo-portfolio.yaml (``fincloud demo``): 4 providers, 13 workloads, as of 2026-11-24."""
    portfolio = load_portfolio(demo_path)
    assert len(portfolio.providers) == 4
    assert len(portfolio.workloads) == 13
    assert portfolio.institution.as_of == dt.date(2026, 11, 24)


def test_appendix1_example_loads_with_recorded_points(appendix1_path: Path) -> None:
    """가이드 부록1 중요도 평가 사례 A/B/C: every item recorded as {points: N}, kept as recorded."""
    portfolio = load_portfolio(appendix1_path)
    assert [w.id for w in portfolio.workloads] == ["service-a", "service-b", "service-c"]
    a = portfolio.workloads[0].importance
    assert a.information_type is not None and a.information_type.points == 10
    assert a.rto is not None and a.rto.points == 10


def test_spec_example_loads() -> None:
    """shared/spec/portfolio.md Input: the documented example is itself a valid portfolio."""
    portfolio = loads_portfolio(SPEC_EXAMPLE, "spec.yaml")
    (wl,) = portfolio.workloads
    assert wl.id == "wl-mobile"
    assert wl.contract.signed_on == dt.date(2026, 10, 1)
    assert wl.importance.provider_dependency == "auto"


def test_json_equivalent_of_the_demo_is_the_same_portfolio(demo_path: Path, write_portfolio) -> None:
    """shared/spec/portfolio.md: "YAML and JSON inputs are both accepted" — and mean the same."""
    from_json = load_portfolio(write_portfolio(_as_json(demo_path), "demo.json"))
    assert from_json == load_portfolio(demo_path)


def test_parse_portfolio_reads_plain_data_like_a_file(demo_path: Path) -> None:
    """portfolio/loader.py: one model, two sources (file or web database data)."""
    data = json.loads(_as_json(demo_path))
    assert parse_portfolio(data) == load_portfolio(demo_path)


def test_synthetic_portfolio_is_valid() -> None:
    """portfolio/synth.py: "valid against the portfolio contract"."""
    portfolio = parse_portfolio(synth_portfolio(200, 10), "synth")
    assert len(portfolio.workloads) == 200
    assert len(portfolio.providers) == 10
    assert {w.provider for w in portfolio.workloads} <= {p.id for p in portfolio.providers}


def test_synthetic_portfolio_is_deterministic_for_a_seed() -> None:
    """portfolio/synth.py: "Deterministic for a given seed" — benchmarks compare like with like."""
    assert synth_portfolio(200, 10, seed=3) == synth_portfolio(200, 10, seed=3)
    assert synth_portfolio(200, 10, seed=3) != synth_portfolio(200, 10, seed=4)


def test_synthetic_portfolio_takes_the_varied_branches() -> None:
    """portfolio/synth.py: varied enough to take every branch (out-of-scope, recorded points, foreign regions)."""
    portfolio = parse_portfolio(synth_portfolio(200, 10), "synth")
    assert any(w.scope.simple_web_use or not w.scope.own_processing for w in portfolio.workloads)
    assert any(w.importance.external_orgs is not None and hasattr(w.importance.external_orgs, "points")
               for w in portfolio.workloads)
    assert any(r.country != "KR" for p in portfolio.providers for r in p.regions)
    assert any(w.events for w in portfolio.workloads)
