"""Importance assessment: 감독규정 제14조의2제1항제1호, 가이드 제3장 and 부록1."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.engine.importance import band
from fincloud.portfolio.loader import load_portfolio
from tests.engine.builders import FULL_IMPORTANCE, LOW_IMPORTANCE, one, portfolio, provider, workload

APPENDIX1 = Path(__file__).parents[1] / "fixtures" / "appendix1_example.yaml"


def _items(**over):
    imp = copy.deepcopy(FULL_IMPORTANCE)
    imp.update(over)
    return imp


@pytest.fixture(scope="module")
def appendix1():
    p = load_portfolio(APPENDIX1)
    return assess(p, load_catalog(), p.institution.as_of)


def test_appendix1_example_scores_reproduce_as_printed(appendix1) -> None:
    """부록1 중요도 평가 사례: A 58.5, B 34.5, C 30.5 (recorded as printed)."""
    scores = {w.id: w.importance.score for w in appendix1.workloads}
    assert scores == {"service-a": 58.5, "service-b": 34.5, "service-c": 30.5}


def test_appendix1_example_decisions_follow_class_thresholds(appendix1) -> None:
    """부록1 3단계: A 중요(58.5≧40), B 중요(34.5≧20), C 비중요(30.5<60)."""
    got = {w.id: (w.importance.threshold, w.importance.critical) for w in appendix1.workloads}
    assert got == {"service-a": (40, True), "service-b": (20, True), "service-c": (60, False)}


def test_appendix1_invalid_printed_cells_are_warned_never_fixed(appendix1) -> None:
    """Printed cells that are no valid value of their item are kept and warned (A/C cloud_configuration 2,
    B provider_dependency 20, C provider_dependency 2)."""
    def warned(wid: str) -> set[tuple[str, str]]:
        w = appendix1.workload(wid)
        return {(r.code, r.params["item"]) for r in w.importance.warnings}

    assert warned("service-a") == {("importance.points_not_a_level", "cloud_configuration")}
    assert warned("service-c") == {("importance.points_not_a_level", "provider_dependency"),
                                   ("importance.points_not_a_level", "cloud_configuration")}
    assert ("importance.points_not_a_level", "provider_dependency") in warned("service-b")
    a = appendix1.workload("service-a").importance.items
    assert a["cloud_configuration"].points == 2 and a["cloud_configuration"].level is None


def test_appendix1_information_type_contradicting_class_is_warned(appendix1) -> None:
    """B processes 개인신용정보 (상 = 20 points) but records 4 points for 처리정보 유형: warned, kept."""
    b = appendix1.workload("service-b").importance
    contradiction = [r for r in b.warnings if r.code == "importance.information_type_contradicts"]
    assert len(contradiction) == 1 and contradiction[0].params["item"] == "information_type"
    assert contradiction[0].params["expected"] == 20
    assert b.items["information_type"].points == 4
    # A (금융정보 = 중 = 10) and C (업무정보 = 하 = 4) are consistent
    assert all(r.code != "importance.information_type_contradicts"
               for wid in ("service-a", "service-c") for r in appendix1.workload(wid).importance.warnings)


def test_output_items_are_exactly_the_13_contract_ids() -> None:
    """shared/spec/portfolio.md: importance.items has exactly the 13 item ids, in the guide's order."""
    imp = one(portfolio()).importance
    assert list(imp.items) == ["external_orgs", "internal_systems", "business_function", "daily_users",
                               "business_impact", "loss", "rto", "customer_impact", "information_type",
                               "provider_dependency", "cloud_configuration", "compliance_requirements", "oversight"]


def test_weights_are_100_50_20_0_percent() -> None:
    """부록1 2단계: 상 100%, 중 50%, 하 20%, 해당없음 0%."""
    for level, expected in (("high", 10), ("medium", 5), ("low", 2), ("none", 0)):
        imp = one(portfolio([workload(importance=_items(business_impact=level))])).importance
        assert imp.items["business_impact"].points == expected


def test_information_type_is_derived_from_the_most_sensitive_class() -> None:
    """부록1 1단계: 고유식별·개인신용 상, 금융 중, 업무 하, 공개 해당없음; the most sensitive class counts."""
    for info, level, points, threshold in ((["public"], "none", 0, 80), (["business"], "low", 4, 60),
                                           (["financial", "public"], "medium", 10, 40),
                                           (["business", "unique_id"], "high", 20, 20),
                                           (["personal_credit"], "high", 20, 20)):
        imp = one(portfolio([workload(information=info)])).importance
        assert imp.items["information_type"].level == level
        assert imp.items["information_type"].points == points
        assert imp.threshold == threshold


@pytest.mark.parametrize(("score_items", "info", "critical"), [
    ({}, ["public"], False),
])
def test_threshold_is_inclusive(score_items, info, critical) -> None:
    """부록1 3단계: '20점 이상 중요' — a score equal to the threshold is critical."""
    # LOW_IMPORTANCE scores 0; business class adds 4; reach exactly 60 is impractical, so test 20 on unique_id:
    imp = dict(LOW_IMPORTANCE)
    data = portfolio([workload(information=["unique_id"], importance=imp)])
    result = one(data).importance
    assert result.score == 20 and result.threshold == 20 and result.critical is True
    result = one(portfolio([workload(information=info, importance=imp | score_items)])).importance
    assert result.critical is critical


def test_loss_in_printed_gap_takes_highest_band_reached() -> None:
    """4억원 lies between 중 '1~3억원' and 상 '5억원 이상': banded by lower bound → 중."""
    imp = one(portfolio([workload(importance=_items(loss=400_000_000))])).importance
    assert imp.items["loss"].level == "medium"


@pytest.mark.parametrize(("ratio", "level"), [(0.0099, "none"), (0.01, "low"), (0.05, "medium"),
                                              (0.095, "medium"), (0.10, "high")])
def test_external_orgs_ratio_bands_by_lower_bound(ratio: float, level: str) -> None:
    """부록1 외부 기관 수: 10% 이상 상, 5~9% 중, 1~5% 하 (5% overlaps: lower bound → 중), 1% 미만 해당없음."""
    imp = one(portfolio([workload(importance=_items(external_orgs={"ratio": ratio}))])).importance
    assert imp.items["external_orgs"].level == level


def test_two_measures_the_higher_level_wins() -> None:
    """shared/spec: with a ratio and a count for one item, the higher level wins."""
    imp = one(portfolio([workload(importance=_items(external_orgs={"count": 55, "ratio": 0.02}))])).importance
    assert imp.items["external_orgs"].level == "high"
    imp = one(portfolio([workload(importance=_items(loss={"amount": 10_000_000, "ratio": 0.06}))])).importance
    assert imp.items["loss"].level == "medium"


@pytest.mark.parametrize(("hours", "level"), [(0.5, "high"), (3, "high"), (3.5, "medium"), (24, "medium"),
                                              (48, "low"), (49, "none")])
def test_rto_bands_by_upper_bound(hours: float, level: str) -> None:
    """부록1 RTO: 3시간 이하 상, 24시간 이하 중, 48시간 이하 하, 48시간 초과 해당없음."""
    assert one(portfolio([workload(importance=_items(rto=hours))])).importance.items["rto"].level == level


def test_daily_users_new_service_is_none_and_counts_band() -> None:
    """부록1 접속자: 신규서비스의 경우 해당없음; 100만명 상, 10만명 중, 1만명 하."""
    items = one(portfolio([workload(importance=_items(daily_users={"new_service": True}))])).importance.items
    assert items["daily_users"].level == "none"
    for count, level in ((1_000_000, "high"), (450_000, "medium"), (10_000, "low"), (9_999, "none")):
        items = one(portfolio([workload(importance=_items(daily_users=count))])).importance.items
        assert items["daily_users"].level == level


def test_oversight_as_needed_is_low_and_zero_is_none() -> None:
    """부록1 관리 감독: 연 2회 이상 상, 연 1회 중, 필요 시 하, 수행하지 않음 해당없음."""
    for value, level in ((3, "high"), (2, "high"), (1, "medium"), ({"as_needed": True}, "low"), (0, "none")):
        items = one(portfolio([workload(importance=_items(oversight=value))])).importance.items
        assert items["oversight"].level == level


def test_categories_map_to_levels() -> None:
    """부록1 업무기능, 클라우드 환경 구성, 법규 준수 요구: printed categories."""
    items = one(portfolio([workload(importance=_items(
        business_function="linked_products", cloud_configuration="multi_realtime",
        compliance_requirements="provider_policy"))])).importance.items
    assert (items["business_function"].level, items["cloud_configuration"].level,
            items["compliance_requirements"].level) == ("medium", "high", "low")


def test_provider_dependency_counts_other_in_scope_workloads_on_the_provider() -> None:
    """기준 4 동일 CSP 의존도: counted from the portfolio (other in-scope workloads on the same provider)."""
    wls = [workload(id=f"w{i}") for i in range(6)]
    wls.append(workload(id="out", scope={"simple_web_use": True}))
    result = one(portfolio(wls), wid="w0").importance.items["provider_dependency"]
    assert result.level == "medium" and result.points == 2.5  # 5 others → 5~9개 → 중
    alone = one(portfolio([workload()])).importance.items["provider_dependency"]
    assert alone.level == "none"


def test_provider_dependency_given_explicitly_is_used() -> None:
    """provider_dependency may be given (count or level) instead of auto."""
    items = one(portfolio([workload(importance=_items(provider_dependency=12))])).importance.items
    assert items["provider_dependency"].level == "high"


def test_missing_item_is_warned_and_treated_critical_when_threshold_reachable() -> None:
    """Never a silent guess: a missing item is warned; if it could lift the score over the threshold the work is
    treated as critical until assessed (docs/interpretations.md)."""
    imp = dict(LOW_IMPORTANCE)
    del imp["rto"]
    result = one(portfolio([workload(information=["financial"], importance=imp)])).importance
    assert result.complete is False and result.missing_items == ("rto",)
    assert any(r.code == "importance.missing_item" and r.params["item"] == "rto" for r in result.warnings)
    assert result.score == 10 and result.critical is False  # 10 + 10 (rto max) = 20 < 40: certain
    imp2 = dict(FULL_IMPORTANCE)
    for key in ("business_impact", "customer_impact", "rto"):
        del imp2[key]
    result = one(portfolio([workload(information=["financial"], importance=imp2)])).importance
    assert result.score < 40 and result.critical is True
    assert any(r.code == "importance.incomplete_treated_critical" for r in result.reasons)


def test_custom_rubric_replaces_the_example(tmp_path: Path) -> None:
    """부록1: each institution sets its own items' points and thresholds; an institution rubric file replaces the example."""
    import yaml

    src = load_catalog().data_dir / "importance_rubric.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    for cls in data["information_classes"]:
        if cls["id"] == "financial":
            cls["threshold"] = 70
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog("fsi-2023", str(rubric))
    from fincloud.portfolio.loader import parse_portfolio

    result = assess(parse_portfolio(portfolio()), catalog, __import__("datetime").date(2026, 11, 24))
    imp = result.workload("wl").importance
    assert imp.threshold == 70 and imp.rubric == str(rubric)


@given(st.floats(min_value=0, max_value=10, allow_nan=False), st.floats(min_value=0, max_value=10, allow_nan=False))
def test_banding_is_monotone_for_at_least_measures(a: float, b: float) -> None:
    """Property: a larger count never gets a lower level (lower-bound banding)."""
    measure = load_catalog().rubric.item("external_orgs").measures["ratio"]
    order = {"high": 3, "medium": 2, "low": 1, "none": 0}
    lo, hi = sorted((a / 10, b / 10))
    assert order[band(lo, measure)] <= order[band(hi, measure)]


@given(st.floats(min_value=0, max_value=200, allow_nan=False), st.floats(min_value=0, max_value=200, allow_nan=False))
def test_banding_is_antitone_for_rto(a: float, b: float) -> None:
    """Property: a longer RTO never gets a higher level (upper-bound banding)."""
    measure = load_catalog().rubric.item("rto").measures["hours"]
    order = {"high": 3, "medium": 2, "low": 1, "none": 0}
    lo, hi = sorted((a, b))
    assert order[band(lo, measure)] >= order[band(hi, measure)]


@given(st.integers(min_value=0, max_value=3_000_000))
def test_score_is_sum_of_item_points(users: int) -> None:
    """Property: score = Σ points, and critical ⇔ score ≥ threshold for complete assessments."""
    imp = one(portfolio([workload(importance=_items(daily_users=users))], providers=[provider()])).importance
    assert imp.score == pytest.approx(sum(s.points for s in imp.items.values()))
    assert imp.critical == (imp.score >= imp.threshold)
