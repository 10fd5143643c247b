"""가이드 제5장: 업무 연속성 계획 (<별표 2의3>, continuity.yaml) and 안전성 확보조치 (<별표 2의4>, safeguards.yaml)."""

from __future__ import annotations

import re
from collections import Counter

from fincloud.catalog import Catalog

CONTINUITY_TOPICS = ["backup", "redundancy", "drills_incidents", "emergency_plan", "exit_strategy"]
SAFEGUARD_TOPICS = ["account_management", "access_control", "network", "internal_integration", "encryption_keys",
                    "logging", "virtualization", "monitoring_vulnerability", "personnel"]
# An article of 전자금융감독규정 or its 시행세칙, e.g. "전자금융감독규정 제13조제1항제6호".
ARTICLE = re.compile(r"전자금융감독규정(시행세칙)? 제\d+조(의\d+)?")


def _requirements(catalog: Catalog):
    return [(t, r) for t in (*catalog.continuity, *catalog.safeguards) for r in t.requirements]


def test_continuity_topics_are_the_five_of_chapter_5_1(catalog: Catalog) -> None:
    """가이드 제5장 1: 데이터 백업, 이중화, 비상대응훈련·침해사고, 비상대책, 출구전략."""
    assert [t.id for t in catalog.continuity] == CONTINUITY_TOPICS
    assert catalog.continuity_table.part == "continuity"
    assert "별표 2의3" in catalog.continuity_table.citation


def test_safeguard_topics_are_the_nine_of_chapter_5_2(catalog: Catalog) -> None:
    """가이드 제5장 2: 계정관리 … 인력 보안, the nine 안전성 확보조치 areas."""
    assert [t.id for t in catalog.safeguards] == SAFEGUARD_TOPICS
    assert catalog.safeguards_table.part == "safeguards"
    assert "별표 2의4" in catalog.safeguards_table.citation


def test_requirement_ids_are_unique(catalog: Catalog) -> None:
    """Every data file has unique ids (ARCHITECTURE.md habits); ids are what assessments list as required."""
    dupes = [i for i, n in Counter(r.id for _, r in _requirements(catalog)).items() if n > 1]
    assert dupes == []


def test_requirement_ids_are_prefixed_by_their_topic_and_level(catalog: Catalog) -> None:
    """Requirement ids read ``<topic>.<e|a|r><n>`` (필수 e, 추가 a, 권고 r), filed under their own topic."""
    letter = {"essential": "e", "additional": "a", "recommended": "r"}
    for topic, req in _requirements(catalog):
        assert req.id.startswith(topic.id + "."), req.id
        assert req.id.split(".", 1)[1][0] == letter[req.level], req.id


def test_every_essential_requirement_cites_a_regulation_article(catalog: Catalog) -> None:
    """가이드 제5장 가. 필수 사항 ▶ 전자금융감독규정 요구사항: each cites the 감독규정 or 시행세칙 article it
    quotes. The one exception is encryption_keys.e5, where the guide itself names laws without an article
    (개인정보보호법·신용정보보호법·정보통신망법 등); its citation must say so."""
    without = {r.id for _, r in _requirements(catalog) if r.level == "essential" and not ARTICLE.search(r.citation)}
    assert without == {"encryption_keys.e5"}
    assert "조문 미기재" in catalog.requirement("encryption_keys.e5").citation


def test_essential_binding_follows_the_cited_instrument(catalog: Catalog) -> None:
    """감독규정 articles bind as ``regulation``; 시행세칙 articles as ``detailed_rule``."""
    for _, r in _requirements(catalog):
        if r.level != "essential":
            continue
        expected = "detailed_rule" if "시행세칙" in r.citation else "regulation"
        assert r.binding == expected, r.id


def test_additional_requirements_cite_the_annex(catalog: Catalog) -> None:
    """<별표 2의3>·<별표 2의4> 추가사항 bind as regulation for critical workloads (감독규정 제14조의2제1항제3호)."""
    for topic, r in _requirements(catalog):
        if r.level == "additional":
            annex = "별표 2의3" if topic.id in CONTINUITY_TOPICS else "별표 2의4"
            assert annex in r.citation, r.id
            assert r.binding == "regulation", r.id


def test_every_recommended_requirement_is_guide_binding(catalog: Catalog) -> None:
    """가이드 제5장 다. 권고 사항: recommendations of the guide, not binding regulation."""
    recommended = [r for _, r in _requirements(catalog) if r.level == "recommended"]
    assert recommended
    assert {r.binding for r in recommended} == {"guide"}
    assert all("가이드" in r.citation for r in recommended)


def test_every_requirement_has_text_and_english(catalog: Catalog) -> None:
    """Each requirement carries its verbatim text and an English rendering (--lang en)."""
    for _, r in _requirements(catalog):
        assert r.text.strip(), r.id
        assert r.text_en.strip(), r.id
