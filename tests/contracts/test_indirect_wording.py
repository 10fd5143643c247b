"""Rule: indirect wording that carries a clause's meaning is recognised (concept synonyms,
conjugated predicates, the article title as context, 항 lead-in with its 호)."""

from __future__ import annotations

from tests.contracts.conftest import status


def test_supervisory_cooperation_phrase_satisfies_supervisory_access(review_text):
    review = review_text("제7조(협조) 을은 금융감독당국의 검사에 협조한다.\n")
    clause = next(c for c in review.clauses if c.id == "supervisory_access")
    assert clause.status == "satisfied"
    assert clause.passages[0].location == "제7조"
    assert {"검사", "협조"} <= set(clause.why)


def test_lead_in_and_items_are_read_together(review_text):
    review = review_text(
        "제12조(감사)\n① 을은 다음 각 호의 자가 실시하는 현장 점검에 응하여야 한다.\n1. 금융감독원\n2. 갑의 내부감사 부서\n"
    )
    assert status(review, "supervisory_access") == "satisfied"
    passage = next(c for c in review.clauses if c.id == "supervisory_access").passages[0]
    assert passage.location.startswith("제12조 ①")


def test_irregular_predicate_is_matched_through_conjugation(review_text):
    """알리다 → 알려야: the analyser conjugates the concept's predicate."""
    review = review_text("제3조(변경) 을은 재위탁 업체가 바뀌는 등 중요한 사항이 변경되는 경우 미리 갑에게 알려야 한다.\n")
    assert status(review, "change_notification") == "satisfied"


def test_title_gives_context_to_the_body(review_text):
    review = review_text("제9조(재위탁)\n① 을은 업무의 일부를 제3자에게 위탁하려면 갑의 사전 승인을 받아야 한다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"


def test_termination_right_must_belong_to_the_institution(review_text):
    review = review_text("제18조(해지) 을은 갑이 이용요금을 3개월 이상 연체하는 등 계약을 위반한 경우 이 계약을 해지할 수 있다.\n")
    assert status(review, "termination_right") == "missing"


def test_english_wording_in_a_bilingual_contract(review_text):
    review = review_text("Article 14 The Seoul Central District Court shall have exclusive jurisdiction over any dispute.\n")
    assert status(review, "jurisdiction") == "satisfied"


def test_non_critical_review_lists_basic_and_entrustment_clauses_only(review_text, catalog):
    review = review_text("제1조(목적) 이 계약은 갑의 인사 업무를 위한 SaaS 시스템 이용에 관한 사항을 정한다.\n", critical=False)
    expected = [c.id for c in catalog.contract_clauses if c.tier in ("basic", "entrustment")]
    assert [c.id for c in review.clauses] == expected
    assert len(expected) == 16
