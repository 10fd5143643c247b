"""`fincloud evidence scan` end to end through the Typer sub-app."""

from __future__ import annotations

import json

from evidence_helpers import FIXTURES
from typer.testing import CliRunner

from fincloud.cli.evidence import app

runner = CliRunner()


def test_json_output_follows_the_contract():
    result = runner.invoke(app, ["scan", "--terraform", str(FIXTURES / "plan-mixed.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "fincloud.evidence/1"
    assert data["source"]["kind"] == "terraform" and data["source"]["file"].endswith("plan-mixed.json")
    assert data["scanned_at"]
    ssh = next(c for c in data["checks"] if c["id"] == "no_ssh_rdp_from_internet")
    assert ssh["status"] == "fail" and ssh["safeguard"] == "network.r2"
    assert ssh["resources"][0] == {"address": "aws_security_group.web", "status": "fail", "detail": "22/tcp from 0.0.0.0/0"}
    assert "제15조" in next(c for c in data["checks"] if c["id"] == "internal_in_private_subnets")["citation"]


def test_table_output_names_what_is_wrong():
    result = runner.invoke(app, ["scan", "--inventory", str(FIXTURES / "inventory-ncp.json")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "no_ssh_rdp_from_internet" in result.stdout and "22/tcp from 0.0.0.0/0" in result.stdout


def test_markdown_output(tmp_path):
    out = tmp_path / "scan.md"
    result = runner.invoke(app, ["scan", "--prowler", str(FIXTURES / "prowler-aws.ocsf.json"), "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# 설정 증적 점검 결과") and "부적합" in text and "iam_no_root_access_key" in text


def test_bad_input_exits_2_without_traceback(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.2", "planned_values": {')
    result = runner.invoke(app, ["scan", "--terraform", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "ends early" in result.output


def test_exactly_one_input_is_required():
    result = runner.invoke(app, ["scan", "--terraform", "a.json", "--prowler", "b.json"])
    assert result.exit_code == 2 and "exactly one input" in result.output


def test_workload_needs_portfolio():
    result = runner.invoke(app, ["scan", "--terraform", str(FIXTURES / "plan-mixed.json"), "--workload", "wl-1"])
    assert result.exit_code == 2 and "--portfolio" in result.output


def test_critical_flag_and_fail_on_fail():
    result = runner.invoke(app, ["scan", "--terraform", str(FIXTURES / "plan-mixed.json"), "--critical", "--format", "json", "--fail-on-fail"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert next(c for c in data["checks"] if c["id"] == "multi_az")["status"] == "fail"
    assert data["workload"]["critical"] is True


def test_workload_from_portfolio_decides_criticality():
    result = runner.invoke(app, ["scan", "--terraform", str(FIXTURES / "plan-mixed.json"), "--workload", "wl-core",
                                 "--portfolio", str(FIXTURES / "portfolio-core.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["workload"]["id"] == "wl-core" and data["workload"]["critical"] is True
    assert "importance score" in data["workload"]["reason"]
    assert next(c for c in data["checks"] if c["id"] == "multi_az")["status"] == "fail"


def test_unknown_workload_is_named():
    result = runner.invoke(app, ["scan", "--terraform", str(FIXTURES / "plan-mixed.json"), "--workload", "nope",
                                 "--portfolio", str(FIXTURES / "portfolio-core.yaml")])
    assert result.exit_code == 2 and "no workload 'nope'" in result.output
