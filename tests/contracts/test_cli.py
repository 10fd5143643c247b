"""Rule: `fincloud contract review` prints the stable JSON contract, table and Markdown, and
reports bad input as a one-line error with exit status 2."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from fincloud.cli.contract import app
from tests.contracts.conftest import PREAMBLE

runner = CliRunner()
BODY = "제1조(목적) 이 계약은 갑의 인터넷뱅킹 업무를 위한 IaaS 시스템 이용에 관한 사항을 정한다.\n제2조(검사) 을은 금융감독당국의 검사에 협조한다.\n제3조(파기) 을은 데이터 파기 의무를 부담하지 아니한다.\n"


def _contract(tmp_path):
    path = tmp_path / "contract.txt"
    path.write_text(PREAMBLE + BODY, encoding="utf-8")
    return path


def test_json_output_follows_the_stable_contract(tmp_path):
    result = runner.invoke(app, ["review", str(_contract(tmp_path)), "--critical", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "fincloud.contract-review/1"
    assert data["file"] == "contract.txt" and data["critical"] is True
    assert len(data["clauses"]) == 22
    first = data["clauses"][0]
    assert set(first) >= {"id", "source", "status", "confidence", "passages", "why"}
    access = next(c for c in data["clauses"] if c["id"] == "supervisory_access")
    assert access["status"] == "satisfied" and access["passages"][0]["location"] == "제2조"
    assert data["risks"] == [
        {"clause": "data_destruction", "location": "제3조", "text": "을은 데이터 파기 의무를 부담하지 아니한다.", "why": "negation", "page": None}
    ]


def test_markdown_and_table_outputs(tmp_path):
    path = _contract(tmp_path)
    markdown = runner.invoke(app, ["review", str(path), "--format", "markdown"])
    table = runner.invoke(app, ["review", str(path)])
    assert markdown.exit_code == 0 and "| 별표 2의5 가 |" in markdown.stdout and "위험 문구" in markdown.stdout
    assert table.exit_code == 0 and "충족" in table.stdout


def test_bad_input_exits_2_with_message(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a docx")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2
    assert "DOCX is damaged" in result.stderr
    assert "Traceback" not in result.output


def test_workload_needs_portfolio(tmp_path):
    result = runner.invoke(app, ["review", str(_contract(tmp_path)), "--workload", "wl-1"])
    assert result.exit_code == 2
    assert "--workload needs --portfolio" in result.stderr


def test_workload_criticality_comes_from_the_engine(tmp_path):
    import yaml

    from fincloud.portfolio.synth import synth_portfolio

    data = synth_portfolio(3, 2)
    for wl in data["workloads"]:
        wl.pop("evidence", None)
        wl.get("contract", {}).pop("document", None)
    portfolio = tmp_path / "portfolio.yaml"
    portfolio.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    contract = _contract(tmp_path)
    ok = runner.invoke(app, ["review", str(contract), "--workload", data["workloads"][0]["id"], "--portfolio", str(portfolio), "--format", "json"])
    unknown = runner.invoke(app, ["review", str(contract), "--workload", "nope", "--portfolio", str(portfolio)])
    assert ok.exit_code == 0, ok.output
    assert len(json.loads(ok.stdout)["clauses"]) in (16, 22)
    assert unknown.exit_code == 2 and "no workload 'nope'" in unknown.stderr
