"""Round trip of the portfolio format (issue 4 needs it for import/export of the workspace)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fincloud.portfolio.dump import dumps_portfolio
from fincloud.portfolio.loader import load_portfolio, loads_portfolio

DEMO = Path(__file__).parents[2] / "src" / "fincloud" / "demo" / "demo-portfolio.yaml"
APPENDIX1 = Path(__file__).parents[1] / "fixtures" / "appendix1_example.yaml"


@pytest.mark.parametrize("path", [DEMO, APPENDIX1], ids=["demo", "appendix1"])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_dump_then_load_gives_the_same_portfolio(path: Path, fmt: str) -> None:
    """shared/spec/portfolio.md: a file written back is read back to the same portfolio (nothing lost)."""
    original = load_portfolio(path)
    again = loads_portfolio(dumps_portfolio(original, fmt=fmt), f"exported.{fmt}")
    assert again == original


def test_dump_leaves_out_defaults_and_keeps_recorded_points() -> None:
    """Defaults (e.g. scope facts left as in scope) are not written; recorded points stay as recorded."""
    text = dumps_portfolio(load_portfolio(APPENDIX1))
    assert "own_processing" not in text and "provider_dependency: auto" not in text
    assert "points: 20" in text  # B서비스's invalid recorded value survives the round trip
