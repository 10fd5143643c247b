"""``fincloud demo`` and ``fincloud synth`` write portfolios atomically (fileio.py) that validate."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fincloud.cli.main import app
from fincloud.portfolio.loader import load_portfolio

runner = CliRunner()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_demo_writes_the_packaged_demo_and_it_validates(tmp_path: Path, demo_path: Path) -> None:
    """``fincloud demo --out F``: the built-in demo portfolio, byte for byte, and a valid portfolio."""
    out = tmp_path / "demo.yaml"
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == demo_path.read_bytes()
    assert load_portfolio(out) == load_portfolio(demo_path)
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert _leftovers(tmp_path) == []


def test_demo_replaces_an_existing_file_whole(tmp_path: Path, demo_path: Path) -> None:
    """fileio.py: "a file appears complete or not at all" — an older file is replaced, never appended to."""
    out = tmp_path / "demo.yaml"
    out.write_text("old content that is longer than nothing\n" * 500, encoding="utf-8")
    assert runner.invoke(app, ["demo", "-o", str(out)]).exit_code == 0
    assert out.read_bytes() == demo_path.read_bytes()


def test_demo_write_that_fails_leaves_the_old_file_and_no_temp_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """fileio.py atomic write: if the final rename fails, the previous file is untouched and no temp file stays."""
    out = tmp_path / "demo.yaml"
    out.write_text("previous\n", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tmp_path) == []


def test_demo_into_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    """errors.py: a folder that does not exist is the user's to fix; exit 2, file named, nothing written."""
    out = tmp_path / "no-such-folder" / "demo.yaml"
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not out.parent.exists()


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_synth_writes_a_valid_portfolio(tmp_path: Path, suffix: str) -> None:
    """``fincloud synth -n 50 -m 5 -o F``: YAML or JSON by the suffix, valid against the portfolio contract."""
    out = tmp_path / f"synthetic{suffix}"
    result = runner.invoke(app, ["synth", "-n", "50", "-m", "5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    portfolio = load_portfolio(out)
    assert len(portfolio.workloads) == 50
    assert len(portfolio.providers) == 5
    if suffix == ".json":
        assert out.read_text(encoding="utf-8").lstrip().startswith("{")
    assert _leftovers(tmp_path) == []


def test_synth_yaml_and_json_hold_the_same_portfolio(tmp_path: Path) -> None:
    """The same seed gives the same portfolio whichever format it is written in."""
    for suffix in (".yaml", ".json"):
        runner.invoke(app, ["synth", "-n", "30", "-m", "4", "--seed", "11", "-o", str(tmp_path / f"s{suffix}")])
    assert load_portfolio(tmp_path / "s.yaml") == load_portfolio(tmp_path / "s.json")


def test_synth_portfolio_assesses(tmp_path: Path) -> None:
    """A synthetic portfolio runs through ``assess`` (it exists for benchmarks of exactly that)."""
    out = tmp_path / "s.yaml"
    runner.invoke(app, ["synth", "-n", "50", "-m", "5", "-o", str(out)])
    result = runner.invoke(app, ["assess", str(out), "--format", "json", "--no-evidence"])
    assert result.exit_code == 0, result.output
    assert '"schema": "fincloud.assessment/1"' in result.stdout


@pytest.mark.parametrize("args", [["-n", "0"], ["-m", "0"], ["-n", "many"]])
def test_synth_refuses_counts_out_of_range(tmp_path: Path, args: list[str]) -> None:
    """--workloads and --providers are at least 1: a usage error (exit 2), nothing written."""
    out = tmp_path / "s.yaml"
    result = runner.invoke(app, ["synth", *args, "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
