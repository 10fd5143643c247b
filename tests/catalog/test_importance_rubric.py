"""부록1 업무중요도 평가 방법 및 사례 예시: importance_rubric.yaml."""

from __future__ import annotations

import re

from fincloud.catalog import Catalog

# shared/spec/portfolio.md: importance item ids in the guide's order, with 부록1's 배점.
ITEM_POINTS = {
    "external_orgs": 5, "internal_systems": 5, "business_function": 5, "daily_users": 5,
    "business_impact": 10, "loss": 10, "rto": 10, "customer_impact": 10, "information_type": 20,
    "provider_dependency": 5, "cloud_configuration": 5, "compliance_requirements": 5, "oversight": 5,
}
CRITERIA = {"characteristics": 20, "outage_impact": 30, "breach_impact": 30, "concentration": 10,
            "internal_control": 10}


def test_rubric_has_the_13_contract_items_in_order(catalog: Catalog) -> None:
    """shared/spec/portfolio.md "Importance item ids, in the guide's order"; 부록1 평가항목 13개."""
    assert tuple(it.id for it in catalog.rubric.items) == tuple(ITEM_POINTS)


def test_item_points_are_as_printed(catalog: Catalog) -> None:
    """부록1 배점: 5,5,5,5 | 10,10,10 | 10,20 | 5,5 | 5,5."""
    assert {it.id: it.points for it in catalog.rubric.items} == ITEM_POINTS


def test_criteria_are_20_30_30_10_10_and_total_100(catalog: Catalog) -> None:
    """감독규정 제14조의2제1항제1호 가~마목 → 부록1 평가기준 배점 20/30/30/10/10 = 100."""
    assert {c.id: c.points for c in catalog.rubric.criteria} == CRITERIA
    assert sum(c.points for c in catalog.rubric.criteria) == 100
    assert sum(it.points for it in catalog.rubric.items) == 100


def test_each_criterion_equals_the_sum_of_its_items(catalog: Catalog) -> None:
    """부록1: the items under each 평가기준 add up to its 배점."""
    for crit in catalog.rubric.criteria:
        assert sum(it.points for it in catalog.rubric.items if it.criterion == crit.id) == crit.points, crit.id


def test_criteria_cite_the_five_subparagraphs_of_article_14_2_1_1(catalog: Catalog) -> None:
    """감독규정 제14조의2제1항제1호 가·나·다·라·마목, one per criterion."""
    articles = [c.article for c in catalog.rubric.criteria]
    for article, mok in zip(articles, "가나다라마", strict=True):
        assert article == f"감독규정 제14조의2제1항제1호 {mok}목"


def test_weights_are_100_50_20_0_percent(catalog: Catalog) -> None:
    """부록1 2단계: 상 배점×100%, 중 ×50%, 하 ×20%, 해당없음 ×0%."""
    assert catalog.rubric.weights == {"high": 1.0, "medium": 0.5, "low": 0.2, "none": 0.0}


def test_thresholds_by_information_class(catalog: Catalog) -> None:
    """부록1 3단계 판단기준: 고유식별·개인신용 20점, 금융 40점, 업무 60점, 공개 80점 이상이면 중요."""
    thresholds = {c.id: c.threshold for c in catalog.rubric.information_classes}
    assert thresholds == {"unique_id": 20, "personal_credit": 20, "financial": 40, "business": 60, "public": 80}


def test_information_classes_map_to_levels_of_information_type(catalog: Catalog) -> None:
    """부록1 처리정보 유형에 따른 영향: 고유식별·개인신용 상, 금융 중, 업무 하, 공개 해당없음."""
    levels = {c.id: c.level for c in catalog.rubric.information_classes}
    assert levels == {"unique_id": "high", "personal_credit": "high", "financial": "medium", "business": "low",
                      "public": "none"}
    bands = catalog.rubric.item("information_type").bands
    assert "고유식별정보" in bands["high"] and "개인신용정보" in bands["high"]


def test_every_item_prints_four_bands(catalog: Catalog) -> None:
    """부록1 평가결과 상/중/하/해당없음: every item prints a non-empty band for each of the four levels."""
    for it in catalog.rubric.items:
        assert set(it.bands) == {"high", "medium", "low", "none"}, it.id
        assert all(text.strip() for text in it.bands.values()), it.id


def test_every_band_appears_verbatim_in_the_guide(catalog: Catalog, guide_squashed: str) -> None:
    """부록1 table cells are transcribed verbatim (whitespace aside)."""
    missing = [(it.id, level) for it in catalog.rubric.items for level, text in it.bands.items()
               if re.sub(r"\s+", "", text) not in guide_squashed]
    assert missing == []


def test_measure_bounds_are_ordered(catalog: Catalog) -> None:
    """부록1 ranges: for "N 이상" measures 상 ≥ 중 ≥ 하; for RTO ("N시간 이하") 상 ≤ 중 ≤ 하."""
    for it in catalog.rubric.items:
        for name, m in it.measures.items():
            bounds = [b for b in (m.high, m.medium, m.low) if b is not None]
            expected = sorted(bounds, reverse=m.compare == "at_least")
            assert bounds == expected, f"{it.id}.{name}"


def test_categories_and_flags_name_only_levels(catalog: Catalog) -> None:
    """부록1: category answers (e.g. customer_direct) each map to one printed level."""
    for it in catalog.rubric.items:
        assert set(it.categories.values()) <= {"high", "medium", "low", "none"}, it.id
    assert catalog.rubric.item("business_function").categories == {
        "customer_direct": "high", "linked_products": "medium", "support": "low", "back_office": "none"}
    assert catalog.rubric.item("cloud_configuration").categories == {
        "multi_realtime": "high", "multi_backup": "medium", "single_with_backup": "low", "single": "none"}


def test_rubric_cites_appendix1_and_is_guide_binding(catalog: Catalog) -> None:
    """부록1 is an example ("의무 준수 대상이 아니며"): binding is guide, citing 부록1 and 제14조의2제1항제1호."""
    assert catalog.rubric.binding == "guide"
    assert "부록1" in catalog.rubric.citation
    assert "제14조의2제1항제1호" in catalog.rubric.citation
