"""``fincloud assess``: the stable JSON contract of shared/spec/portfolio.md, and the human formats."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from fincloud.cli.main import app

from ..portfolio.spec_example import SPEC_EXAMPLE

runner = CliRunner()

ITEM_IDS = ["external_orgs", "internal_systems", "business_function", "daily_users", "business_impact", "loss",
            "rto", "customer_impact", "information_type", "provider_dependency", "cloud_configuration",
            "compliance_requirements", "oversight"]
STATUSES = {"ok", "due", "overdue", "required_before_use", "not_required"}
SKIP_REASONS = {"non_critical", "certified", "not_applicable_service_model"}
ITEM_NUMBER = re.compile(r"^\d+\.\d+\.\d+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OBLIGATION_KEYS = ("importance", "provider_evaluation", "contract_clauses", "continuity_and_safeguards", "report")


def assess_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["assess", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def demo_json(demo_path: Path) -> dict[str, Any]:
    return assess_json(str(demo_path))


def _in_scope(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [w for w in doc["workloads"] if w["in_scope"]]


def _walk(value: Any, key: str) -> list[Any]:
    """Every value stored under ``key`` anywhere in ``value``."""
    found: list[Any] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                found.append(v)
            found += _walk(v, key)
    elif isinstance(value, list):
        for v in value:
            found += _walk(v, key)
    return found


# --- the JSON contract ------------------------------------------------------------------------------


def test_json_has_the_schema_as_of_and_catalog(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md Output: schema "fincloud.assessment/1", as_of, catalog edition."""
    assert demo_json["schema"] == "fincloud.assessment/1"
    assert demo_json["as_of"] == "2026-11-24"
    assert demo_json["catalog"] == "fsi-2023"


def test_every_workload_has_id_scope_and_reasons(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md Output: workloads[].id, in_scope, scope_reasons (non-empty: every decision has reasons)."""
    assert len(demo_json["workloads"]) == 13
    for w in demo_json["workloads"]:
        assert isinstance(w["id"], str)
        assert isinstance(w["in_scope"], bool)
        assert w["scope_reasons"] and all(isinstance(r, str) and r for r in w["scope_reasons"])


def test_importance_has_every_spec_key(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: importance{information_class, score, threshold, critical, items, warnings}."""
    for w in _in_scope(demo_json):
        imp = w["importance"]
        assert imp["information_class"] in {"unique_id", "personal_credit", "financial", "business", "public"}
        assert isinstance(imp["score"], int | float) and 0 <= imp["score"] <= 100
        assert imp["threshold"] in {20, 40, 60, 80}
        assert isinstance(imp["critical"], bool)
        assert isinstance(imp["warnings"], list)


def test_importance_items_are_exactly_the_13_ids(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: "importance.items in the output has exactly these keys", each {level, points}."""
    for w in _in_scope(demo_json):
        items = w["importance"]["items"]
        assert list(items) == ITEM_IDS, w["id"]
        for item in items.values():
            assert item["level"] in {"high", "medium", "low", "none", None}
            assert isinstance(item["points"], int | float)
        assert sum(i["points"] for i in items.values()) == pytest.approx(w["importance"]["score"])


def test_importance_warnings_name_their_item(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: "Each entry of importance.warnings names the item id it is about"."""
    warnings = [m for w in _in_scope(demo_json) for m in w["importance"]["warnings"]]
    for message in warnings:
        assert any(item in message for item in ITEM_IDS), message


def test_provider_evaluation_has_every_spec_key(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: provider_evaluation{required_items, skipped_items, comprehensive{method, due,
    status}, regular{required, due, status}, blockers}."""
    for w in _in_scope(demo_json):
        pe = w["provider_evaluation"]
        assert pe["comprehensive"]["method"] in {"onsite", "document"}
        assert pe["comprehensive"]["due"] is None or ISO_DATE.match(pe["comprehensive"]["due"])
        assert isinstance(pe["regular"]["required"], bool)
        assert pe["regular"]["due"] is None or ISO_DATE.match(pe["regular"]["due"])
        assert {pe["comprehensive"]["status"], pe["regular"]["status"]} <= STATUSES
        assert isinstance(pe["blockers"], list)


def test_required_and_skipped_items_partition_the_54_printed_numbers(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: item numbers exactly as printed, no trailing dot; every 별표 2의2 item is either
    evaluated or skipped with one of three reasons (감독규정 <별표 2의2> 전문)."""
    for w in _in_scope(demo_json):
        pe = w["provider_evaluation"]
        required, skipped = pe["required_items"], pe["skipped_items"]
        assert all(ITEM_NUMBER.match(n) for n in [*required, *skipped]), w["id"]
        assert set(required).isdisjoint(skipped)
        assert len(set(required) | set(skipped)) == 54
        assert set(skipped.values()) <= SKIP_REASONS


def test_skipped_item_reasons_are_only_the_three_spec_values(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: skipped_items values non_critical | certified | not_applicable_service_model."""
    reasons = {r for w in _in_scope(demo_json) for r in w["provider_evaluation"]["skipped_items"].values()}
    assert reasons == SKIP_REASONS  # the demo exercises all three


def test_every_status_anywhere_is_a_spec_value(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: status values ok, due, overdue, required_before_use, not_required."""
    statuses = _walk(demo_json, "status")
    assert statuses
    assert set(statuses) <= STATUSES


def test_every_due_anywhere_is_an_iso_date_or_null(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: "Dates: ISO YYYY-MM-DD"."""
    for due in _walk(demo_json, "due"):
        assert due is None or ISO_DATE.match(due), due


def test_clauses_requirements_and_report_have_their_spec_keys(demo_json: dict[str, Any], catalog) -> None:
    """shared/spec/portfolio.md: contract_clauses.required, continuity_and_safeguards.required,
    report{required, trigger, due}; ids resolve in the catalog (별표 2의5, 제5장)."""
    clause_ids = {c.id for c in catalog.contract_clauses}
    for w in _in_scope(demo_json):
        assert set(w["contract_clauses"]["required"]) <= clause_ids
        assert w["continuity_and_safeguards"]["required"]
        for rid in w["continuity_and_safeguards"]["required"]:
            catalog.requirement(rid)
        report = w["report"]
        assert isinstance(report["required"], bool)
        assert "trigger" in report and "due" in report
        if report["required"]:
            assert report["trigger"] and ISO_DATE.match(report["due"])


def test_providers_count_in_scope_workloads_only(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: providers[]{id, workloads, critical_workloads, share} count in-scope workloads;
    share is the provider's part of all in-scope workloads. A workload that has exited (extension, 가이드 제9장) no
    longer counts (docs/interpretations.md 7.3)."""
    in_scope = [w for w in _in_scope(demo_json) if w.get("exit", {}).get("stage") != "exited"]
    providers = {p["id"]: p for p in demo_json["providers"]}
    assert sum(p["workloads"] for p in providers.values()) == len(in_scope)
    assert sum(p["share"] for p in providers.values()) == pytest.approx(1.0, abs=1e-3)
    for p in providers.values():
        assert p["critical_workloads"] <= p["workloads"]
        assert p["share"] == pytest.approx(p["workloads"] / len(in_scope), abs=1e-3)
    # The demo's two out-of-scope uses and its exited archive are on gcloud: only the archive in use counts.
    assert providers["gcloud"]["workloads"] == 1


def test_out_of_scope_workloads_keep_reasons_and_have_no_obligations(demo_json: dict[str, Any]) -> None:
    """shared/spec/portfolio.md: "An out-of-scope workload keeps in_scope: false, its reasons, and no obligations"
    (가이드 제1장 5 나. 미적용 대상: 유튜브 단순 이용, 자신의 업무 아님)."""
    out = {w["id"]: w for w in demo_json["workloads"] if not w["in_scope"]}
    assert set(out) == {"wl-youtube", "wl-startup-sandbox"}
    for w in out.values():
        assert w["scope_reasons"]
        for key in OBLIGATION_KEYS:
            assert not w.get(key), (w["id"], key)
        assert not w.get("obligations")
    assert not [o for o in demo_json.get("obligations", []) if o.get("workload") in out]


def test_personal_credit_outside_korea_is_a_blocker(demo_json: dict[str, Any]) -> None:
    """감독규정 제14조의2제8항, <별표 2의2> 11.2.1: the demo CRM keeps 개인신용정보 in us-west; blockers name it."""
    crm = next(w for w in demo_json["workloads"] if w["id"] == "wl-crm")
    assert any("국내" in b or "11.2.1" in b for b in crm["provider_evaluation"]["blockers"])


def test_spec_example_report_is_due_2027_01_04(write_portfolio) -> None:
    """shared/spec/portfolio.md example: contract signed 2026-10-01, as of 2026-11-24 → report.due "2027-01-04"
    (감독규정 제14조의2제4항 3개월; 2027-01-01 holiday and the weekend roll to Monday, 민법 제161조)."""
    doc = assess_json(str(write_portfolio(SPEC_EXAMPLE, "spec.yaml")))
    (wl,) = doc["workloads"]
    assert wl["id"] == "wl-mobile"
    assert wl["report"]["required"] is True
    assert wl["report"]["due"] == "2027-01-04"


# --- --as-of ---------------------------------------------------------------------------------------


def test_as_of_option_overrides_the_file_and_changes_a_status(demo_path: Path, demo_json: dict[str, Any]) -> None:
    """--as-of: the day of the assessment. wl-mobile-event's new-contract report is due 2027-01-04: due on
    2026-11-24, overdue on 2027-01-05."""
    later = assess_json(str(demo_path), "--as-of", "2027-01-05")
    assert later["as_of"] == "2027-01-05"

    def report(doc: dict[str, Any]) -> dict[str, Any]:
        return next(w for w in doc["workloads"] if w["id"] == "wl-mobile-event")["report"]

    assert report(demo_json)["due"] == report(later)["due"] == "2027-01-04"
    assert report(demo_json)["status"] == "due"
    assert report(later)["status"] == "overdue"


def test_a_regular_evaluation_missed_last_year_is_overdue(demo_path: Path) -> None:
    """가이드 제4장 2 나. 정기 평가: every year by 31 December. wl-internet-banking's provider (aws, IaaS) had no
    regular evaluation in 2026, so on 2027-01-05 it is overdue, not ok."""
    later = assess_json(str(demo_path), "--as-of", "2027-01-05")
    wl = next(w for w in later["workloads"] if w["id"] == "wl-internet-banking")
    assert wl["provider_evaluation"]["regular"]["status"] == "overdue"


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow", "2026/11/24"])
def test_bad_as_of_is_an_input_error(demo_path: Path, bad: str) -> None:
    """--as-of takes YYYY-MM-DD; anything else exits 2 naming the option and the format, without a traceback."""
    result = runner.invoke(app, ["assess", str(demo_path), "--as-of", bad, "--format", "json"])
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


# --- human formats ----------------------------------------------------------------------------------


def test_table_format_prints_korean_labels(demo_path: Path) -> None:
    """Default --format table, --lang ko: a terminal table with Korean labels (업무, 제공자, 중요도)."""
    result = runner.invoke(app, ["assess", str(demo_path)])
    assert result.exit_code == 0, result.output
    for label in ("클라우드 이용 평가", "업무", "제공자", "중요도", "한빛은행"):
        assert label in result.stdout, label


def test_lang_en_prints_english_labels(demo_path: Path, demo_json: dict[str, Any]) -> None:
    """--lang en: the same assessment with English labels and reasons."""
    result = runner.invoke(app, ["assess", str(demo_path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Cloud use assessment" in result.stdout
    assert "클라우드 이용 평가" not in result.stdout
    doc = assess_json(str(demo_path), "--lang", "en")
    assert doc["schema"] == "fincloud.assessment/1"
    reason_en, reason_ko = doc["workloads"][0]["scope_reasons"][0], demo_json["workloads"][0]["scope_reasons"][0]
    assert reason_en != reason_ko
    assert reason_en[0].isascii()  # Korean names of laws (감독규정) may stay inside the English text


def test_markdown_format_has_a_section_and_item_table_per_workload(demo_path: Path) -> None:
    """--format markdown: a heading per workload and its 13-item importance table."""
    result = runner.invoke(app, ["assess", str(demo_path), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# ")
    assert "(`wl-mobile-event`)" in out
    assert "| 항목 | 등급 | 점수 |" in out
    for item in ITEM_IDS:
        assert f"| {item} |" in out
    en = runner.invoke(app, ["assess", str(demo_path), "--format", "markdown", "--lang", "en"])
    assert "| Item | Level | Points |" in en.stdout


def test_appendix1_example_assesses(appendix1_path: Path) -> None:
    """가이드 부록1 사례: recorded points are kept as recorded, so each service's score is the sum printed."""
    doc = assess_json(str(appendix1_path))
    scores = {w["id"]: w["importance"]["score"] for w in doc["workloads"]}
    assert scores == {"service-a": 58.5, "service-b": 34.5, "service-c": 30.5}
