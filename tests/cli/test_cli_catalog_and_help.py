"""``fincloud catalog list|show|search|export`` and ``--help`` of every command (datasette-style: help is docs)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
import yaml
from typer.testing import CliRunner

from fincloud.cli.main import app

runner = CliRunner()


def _commands() -> list[tuple[list[str], Any]]:
    """Every command and sub-command registered on the app, walked from the root (new ones included)."""
    out: list[tuple[list[str], Any]] = []

    def walk(cmd: Any, path: list[str]) -> None:
        out.append((path, cmd))
        for name, sub in sorted((getattr(cmd, "commands", None) or {}).items()):
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = _commands()


def test_the_command_walk_sees_every_documented_command() -> None:
    """The walk below covers the commands the README and ARCHITECTURE.md name, and the mounted sub-apps."""
    paths = {" ".join(p) for p, _ in COMMANDS}
    assert {"assess", "report", "validate", "demo", "synth", "version", "catalog list", "catalog show",
            "catalog search", "catalog export", "contract", "evidence"} <= paths


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) or "fincloud" for p, _ in COMMANDS])
def test_help_of_every_command_exits_0_and_has_text(path: list[str]) -> None:
    """Every command has help text, and every option and argument says what it is for."""
    cmd = dict((tuple(p), c) for p, c in COMMANDS)[tuple(path)]
    assert (cmd.help or "").strip(), f"{path}: no help text"
    undocumented = [p.name for p in cmd.params if p.name != "help" and not (getattr(p, "help", None) or "").strip()]
    assert undocumented == [], f"{path}: options without help"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.stdout
    first_line = cmd.help.strip().splitlines()[0]
    assert first_line[:20] in result.stdout.replace("\n", " ") or first_line[:10] in result.stdout


def test_version_names_the_catalog_editions() -> None:
    """``fincloud version``: the version and the catalog editions an assessment may use."""
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert "fsi-2023" in result.stdout


def test_catalog_list_shows_every_table_with_its_count() -> None:
    """``fincloud catalog list``: 별표 2의2 has 54 entries, 별표 2의5 22."""
    result = runner.invoke(app, ["catalog", "list"])
    assert result.exit_code == 0, result.output
    for name in ("provider_items", "importance_rubric", "contract_clauses", "obligations"):
        assert name in result.stdout
    assert "54" in result.stdout and "22" in result.stdout


@pytest.mark.parametrize(("key", "expect"), [
    ("11.2.1", "국내"), ("logging.e1", "제13조제1항제11호"), ("supervisory_access", "감독당국"),
    ("rto", "RTO"), ("CSAP", "클라우드 서비스 보안인증제"), ("provider_items", "별표 2의2"),
])
def test_catalog_show_prints_the_entry_as_yaml(key: str, expect: str) -> None:
    """``fincloud catalog show ID``: one entry, with its source, as YAML."""
    result = runner.invoke(app, ["catalog", "show", key])
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(result.stdout)
    assert doc["table"]
    assert expect in result.stdout


def test_catalog_show_unknown_id_exits_2() -> None:
    """``fincloud catalog show nope``: an input error listing what is accepted, no traceback."""
    result = runner.invoke(app, ["catalog", "show", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.stderr
    assert "Traceback" not in result.output


def test_catalog_search_finds_the_wireless_item() -> None:
    """``fincloud catalog search 무선통신망``: 별표 2의2 11.1.2 is among the hits."""
    result = runner.invoke(app, ["catalog", "search", "무선통신망"])
    assert result.exit_code == 0, result.output
    assert "11.1.2" in result.stdout


def test_catalog_search_with_middle_dot_finds_supervisory_access() -> None:
    """``fincloud catalog search 조사․접근`` (the guide's own dot) finds 별표 2의5 가 supervisory_access."""
    result = runner.invoke(app, ["catalog", "search", "조사\u2024접근"])
    assert result.exit_code == 0, result.output
    assert "supervisory" in result.stdout  # among the hits (the 80-column table folds the id cell)


def test_catalog_export_json_parses_and_has_every_table() -> None:
    """``fincloud catalog export --format json``: the whole catalog as JSON scripts can read."""
    result = runner.invoke(app, ["catalog", "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["edition"]["id"] == "fsi-2023"
    assert len(data["provider_items"]["items"]) == 54
    assert {"importance_rubric", "certifications", "continuity", "safeguards", "contract_clauses", "reporting",
            "scope_rules", "committee", "exit", "concentration", "obligations"} <= set(data)


@pytest.mark.slow
def test_catalog_export_yaml_equals_json() -> None:
    """``fincloud catalog export --format yaml``: the same data as the JSON export."""
    as_yaml = runner.invoke(app, ["catalog", "export", "--format", "yaml"])
    as_json = runner.invoke(app, ["catalog", "export", "--format", "json"])
    assert as_yaml.exit_code == 0, as_yaml.output
    assert yaml.safe_load(as_yaml.stdout) == json.loads(as_json.stdout)


def test_catalog_export_rejects_an_unknown_format() -> None:
    """--format json|yaml only: a usage error (exit 2)."""
    result = runner.invoke(app, ["catalog", "export", "--format", "xml"])
    assert result.exit_code == 2
