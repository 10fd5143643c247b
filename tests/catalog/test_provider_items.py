"""감독규정 <별표 2의2> 클라우드컴퓨팅서비스 제공기준: the 54 items of provider_items.yaml."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from fincloud.catalog import Catalog
from fincloud.catalog.browse import search

ESSENTIAL = {
    "1.3.1", "1.4.1", "5.1.2", "5.2.1", "6.1.3", "6.2.1", "7.2.2", "8.1.2", "8.1.3", "8.1.5", "8.3.3",
    "10.1.6", "11.1.1", "11.1.2", "11.2.1", "11.2.2",
}
# Items the guide marks as not applying to SaaS (IaaS·PaaS only).
IAAS_PAAS_ONLY = {
    "2.1.3", "2.2.1", "4.2.1", "5.2.2", "8.1.4", "11.1.3", "11.2.3", "6.1.3", "8.3.3", "11.1.1", "11.2.2",
}


def test_table_has_54_items_16_essential_38_alternative(catalog: Catalog) -> None:
    """감독규정 <별표 2의2>: 54 평가항목, 16 필수, 38 대체 (가이드 제4장 3)."""
    kinds = Counter(it.kind for it in catalog.provider_items)
    assert len(catalog.provider_items) == 54
    assert kinds == {"essential": 16, "alternative": 38}


def test_essential_items_are_exactly_the_printed_16(catalog: Catalog) -> None:
    """감독규정 <별표 2의2>: the items printed as 필수 (1.3.1 … 11.2.2)."""
    assert {it.number for it in catalog.provider_items if it.kind == "essential"} == ESSENTIAL


def test_item_numbers_are_unique_and_printed_without_trailing_dot(catalog: Catalog) -> None:
    """shared/spec/portfolio.md: item numbers exactly as printed (``"1.1.1"``), no trailing dot, no duplicates."""
    numbers = [it.number for it in catalog.provider_items]
    assert len(set(numbers)) == len(numbers)
    for n in numbers:
        assert re.fullmatch(r"\d+\.\d+\.\d+", n), n


def test_items_are_in_the_guides_order(catalog: Catalog) -> None:
    """감독규정 <별표 2의2>: items are listed in numeric order, as printed."""
    numbers = [tuple(int(p) for p in it.number.split(".")) for it in catalog.provider_items]
    assert numbers == sorted(numbers)


def test_every_item_sits_in_its_own_subdomain_and_domain(catalog: Catalog) -> None:
    """감독규정 <별표 2의2>: 영역 → 세부영역 → 항목 numbering (item 8.1.2 belongs to 8.1 and 8)."""
    domains = {d.number: {s.number for s in d.subdomains} for d in catalog.provider_items_table.domains}
    assert list(domains) == [str(n) for n in range(1, 12)]
    for it in catalog.provider_items:
        assert it.number.rsplit(".", 1)[0] == it.subdomain, it.number
        assert it.subdomain in domains[it.domain], it.number
    used = {it.subdomain for it in catalog.provider_items}
    assert used == set().union(*domains.values()), "every printed 세부영역 has at least one item"


def test_iaas_paas_only_items_are_exactly_the_printed_eleven(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 비고: items not applying to SaaS are 2.1.3, 2.2.1, 4.2.1, 5.2.2, 8.1.4, 11.1.3,
    11.2.3 (대체) and 6.1.3, 8.3.3, 11.1.1, 11.2.2 (필수)."""
    only = {it.number for it in catalog.provider_items if "SaaS" not in it.service_models}
    assert only == IAAS_PAAS_ONLY
    for it in catalog.provider_items:
        expected = ("IaaS", "PaaS") if it.number in IAAS_PAAS_ONLY else ("IaaS", "PaaS", "SaaS")
        assert it.service_models == expected, it.number


def test_wireless_item_is_11_1_2(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 11.1.2: 전산실 내 무선통신망 사용 제한 (the engine keys wireless_in_datacenter on it)."""
    item = catalog.provider_item("11.1.2")
    assert "무선" in item.question
    assert item.kind == "essential"


def test_localisation_item_is_11_2_1(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 11.2.1 and 제14조의2제8항: 고유식별·개인신용정보 처리시스템 국내 설치."""
    item = catalog.provider_item("11.2.1")
    assert "국내" in item.question
    assert "개인신용정보" in item.question
    assert item.kind == "essential"


def test_domain_8_is_virtualisation_and_infrastructure(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 영역 8: "가상화 및 인프라 보안" (the domain ISMS-P/SOC2 holders are still checked on)."""
    assert catalog.domain_name("8") == "가상화 및 인프라 보안"


def test_every_item_cites_the_table(catalog: Catalog) -> None:
    """Every entry carries its citation (ARCHITECTURE.md): 별표 2의2 items cite 감독규정 <별표 2의2>."""
    table = catalog.provider_items_table
    assert table.table == "별표 2의2"
    assert "별표 2의2" in table.citation
    assert table.binding == "regulation"
    for it in catalog.provider_items:
        hit = next(h for h in search(catalog, it.number) if h.id == it.number)
        assert hit.table == "provider_items"
        assert "별표 2의2" in hit.citation, it.number


def test_every_item_has_an_english_question(catalog: Catalog) -> None:
    """--lang en output needs an English rendering of every 별표 2의2 question."""
    missing = [it.number for it in catalog.provider_items if not it.question_en.strip()]
    assert missing == []


@pytest.mark.parametrize("number", ["1.1.1", "11.1.2", "11.2.1"])
def test_spot_checked_questions_appear_verbatim_in_the_guide(catalog: Catalog, guide_squashed: str,
                                                             number: str) -> None:
    """가이드 제4장 <별표 2의2> table: the question text is transcribed verbatim (whitespace aside)."""
    question = re.sub(r"\s+", "", catalog.provider_item(number).question)
    assert question in guide_squashed


def test_every_question_appears_verbatim_in_the_guide(catalog: Catalog, guide_squashed: str) -> None:
    """가이드 제4장 <별표 2의2> table: all 54 questions are verbatim (whitespace aside)."""
    missing = [it.number for it in catalog.provider_items
               if re.sub(r"\s+", "", it.question) not in guide_squashed]
    assert missing == []
