"""cli/main.py: "Problems with input are printed as ``file:line: 'field': message (allowed: …)`` and exit with
status 2, never a traceback." Every bad-input case of tests/portfolio, through ``assess`` and ``validate``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fincloud.cli.main import app

from ..portfolio.bad_inputs import ALL_CASES, BASE, LOCATION_BUGS, Bad, params

runner = CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path so file names stay short (the error console wraps long lines at 80 columns)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _located(case: Bad) -> str:
    return f"{case.name}:{case.line}" if case.line is not None else case.name


@pytest.mark.parametrize("command", ["assess", "validate"])
@pytest.mark.parametrize("case", params(ALL_CASES, LOCATION_BUGS))
def test_bad_portfolio_exits_2_with_file_and_line(in_tmp: Path, case: Bad, command: str) -> None:
    """Exit status 2, ``file:line`` and the field printed, no traceback, nothing on stdout."""
    (in_tmp / case.name).write_text(case.text, encoding="utf-8")
    result = runner.invoke(app, [command, case.name])
    assert result.exit_code == 2, result.output
    assert _located(case) in result.stderr, result.stderr
    if case.field:
        assert f"'{case.field}'" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_bad_portfolio_exits_2_in_every_format(in_tmp: Path, fmt: str) -> None:
    """The JSON contract's consumers (scripts, CI) get exit 2 and an empty stdout, never half a document."""
    (in_tmp / "p.yaml").write_text(BASE.replace("kind: bank", "kind: bnak"), encoding="utf-8")
    result = runner.invoke(app, ["assess", "p.yaml", "--format", fmt])
    assert result.exit_code == 2
    assert "p.yaml:3" in result.stderr
    assert result.stdout == ""


def test_missing_file_exits_2(in_tmp: Path) -> None:
    """A file that is not there: exit 2 naming it, no traceback."""
    result = runner.invoke(app, ["assess", "absent.yaml"])
    assert result.exit_code == 2
    assert "absent.yaml" in result.stderr and "not found" in result.stderr
    assert "Traceback" not in result.output


def test_directory_exits_2(in_tmp: Path) -> None:
    """A folder given for the portfolio: exit 2 naming it."""
    (in_tmp / "folder").mkdir()
    result = runner.invoke(app, ["validate", "folder"])
    assert result.exit_code == 2
    assert "folder" in result.stderr and "directory" in result.stderr


def test_validate_accepts_a_valid_file(in_tmp: Path) -> None:
    """``fincloud validate``: a valid file exits 0 and says so, with its counts."""
    (in_tmp / "p.yaml").write_text(BASE, encoding="utf-8")
    result = runner.invoke(app, ["validate", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert "valid" in result.stderr
    assert "1" in result.stderr


def test_validate_lists_every_problem_of_a_file(in_tmp: Path) -> None:
    """``fincloud validate``: "list every problem" — three mistakes, three located lines."""
    text = (BASE.replace("kind: bank", "kind: bnak").replace("service_model: SaaS", "service_model: iaas")
            .replace("signed_on: 2026-10-01", "signed_on: 2026-02-30"))
    (in_tmp / "p.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "p.yaml"])
    assert result.exit_code == 2
    for located in ("p.yaml:3", "p.yaml:14", "p.yaml:20"):
        assert located in result.stderr


def test_validate_refuses_a_broken_institution_rubric(in_tmp: Path) -> None:
    """institution.importance_rubric (extension): the rubric file named by a portfolio is validated too."""
    (in_tmp / "rubric.yaml").write_text("table: 부록1\n", encoding="utf-8")
    text = BASE.replace("  as_of: 2026-11-24", "  as_of: 2026-11-24\n  importance_rubric: rubric.yaml")
    (in_tmp / "p.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "p.yaml"])
    assert result.exit_code == 2
    assert "rubric.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_edition_exits_2_listing_editions(in_tmp: Path) -> None:
    """--edition: an unknown edition is an input error naming the editions that exist."""
    (in_tmp / "p.yaml").write_text(BASE, encoding="utf-8")
    result = runner.invoke(app, ["assess", "p.yaml", "--edition", "fsi-2099"])
    assert result.exit_code == 2
    assert "fsi-2099" in result.stderr and "fsi-2023" in result.stderr
