"""Shared fixtures: the default catalog, the shipped portfolios, and a writer for portfolio files."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest

from fincloud.catalog import Catalog, load_catalog

FIXTURES = Path(__file__).parent / "fixtures"
# The guide's text (shared/guide), used to prove transcribed tables are verbatim.
GUIDE_TEXT = Path(__file__).resolve().parents[2] / "shared" / "guide" / "fsi-cloud-guide.txt"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return Path(str(files("fincloud.demo").joinpath("demo-portfolio.yaml")))


@pytest.fixture(scope="session")
def appendix1_path() -> Path:
    return FIXTURES / "appendix1_example.yaml"


@pytest.fixture(scope="session")
def guide_squashed() -> str:
    """The guide's text with all whitespace removed (the PDF extraction breaks lines anywhere)."""
    if not GUIDE_TEXT.is_file():
        pytest.skip(f"guide text not available at {GUIDE_TEXT}")
    return re.sub(r"\s+", "", GUIDE_TEXT.read_text(encoding="utf-8"))


@pytest.fixture
def write_portfolio(tmp_path: Path) -> Callable[..., Path]:
    """``write_portfolio(text, name="portfolio.yaml")`` writes ``text`` into ``tmp_path`` and returns the path."""

    def write(text: str, name: str = "portfolio.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
