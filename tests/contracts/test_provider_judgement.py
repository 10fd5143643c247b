"""Round 3 follow-up (docs/contract-review.md): the provider's own judgement or discretion that
carves part of an obligation out ("을이 남겨 둘 필요가 있다고 판단하는 자료는 …") limits it even
when no "경우·범위" follows. The institution's judgement does not. The sentences are written for
these tests, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from tests.contracts.conftest import status


def _limitation_risk(review, clause: str) -> bool:
    return any(r.clause == clause and r.why == "limitation" for r in review.risks)


PROVIDER_JUDGEMENT = [
    (
        "data_destruction",
        "제8조(자료의 파기) 이용계약이 끝나면 을은 갑의 자료를 30일 안에 파기한다. "
        "다만, 을이 계속 보관할 필요가 있다고 판단하는 자료는 을이 정하는 기간 동안 보관할 수 있다.",
    ),
    (
        "data_destruction",
        "제8조(자료의 파기) 계약이 만료되면 제공자는 제공자가 적절하다고 판단하는 자료를 제외한 갑의 자료를 모두 삭제한다.",
    ),
    (
        "data_destruction",
        "제8조(자료의 파기) 계약이 해지되면 을은 갑의 자료를 파기하되, 보관 기간은 을의 재량으로 정한다.",
    ),
    (
        "supervisory_access",
        "제7조(감독기관의 접근) 제공자는 금융감독원 또는 외부 감사인이 요청하면 제공자가 필요하다고 인정하는 범위에서 "
        "자료와 시설에 대한 접근을 허용한다.",
    ),
    (
        "supervisory_access",
        "제7조(감독기관의 접근) 을은 금융감독원의 자료 요구에 을이 정하는 바에 따라 응하고 시설 접근을 허용한다.",
    ),
]


@pytest.mark.parametrize(("clause", "text"), PROVIDER_JUDGEMENT)
def test_provider_judgement_carving_out_the_obligation_is_a_limitation_never_satisfied(review_text, clause, text):
    review = review_text(text + "\n")
    assert status(review, clause) in ("contradicted", "partly")
    assert _limitation_risk(review, clause)


ENGLISH_PROVIDER_JUDGEMENT = [
    "제9조(Deletion) Upon termination, Provider shall delete the Customer's data, except data which Provider deems "
    "necessary to keep.",
    "제9조(Deletion) Upon expiry of the Agreement, Provider shall erase all Customer records; archived records may be "
    "kept at the Provider's discretion.",
]


@pytest.mark.parametrize("text", ENGLISH_PROVIDER_JUDGEMENT)
def test_provider_judgement_in_english_is_a_limitation_never_satisfied(review_text, text):
    review = review_text(text + "\n")
    assert status(review, "data_destruction") in ("contradicted", "partly")
    assert _limitation_risk(review, "data_destruction")


INSTITUTION_JUDGEMENT = [
    "제8조(자료의 파기) 계약이 종료되면 을은 지체 없이 갑의 자료를 파기하고, 위탁자가 필요하다고 판단하는 경우 "
    "파기 결과를 서면으로 알린다.",
    "제8조(자료의 파기) 위탁자가 필요하다고 판단하는 경우 을은 계약 종료 전이라도 갑의 자료를 복구할 수 없도록 파기하며, "
    "계약이 종료되면 남은 자료를 모두 파기한다.",
    "제8조(자료의 파기) 계약이 종료되면 을은 갑의 자료를 파기한다. 금융회사가 적절하다고 판단하는 자료는 파기 전에 갑에게 반환한다.",
    "제9조(Deletion) Upon termination, Provider shall delete all Customer data, including any copies the Customer "
    "deems necessary to remove.",
]


@pytest.mark.parametrize("text", INSTITUTION_JUDGEMENT)
def test_institution_judgement_is_not_a_provider_limitation(review_text, text):
    review = review_text(text + "\n")
    assert status(review, "data_destruction") == "satisfied"
    assert not _limitation_risk(review, "data_destruction")


def test_mutual_judgement_is_not_a_provider_limitation(review_text):
    review = review_text("제8조(자료의 파기) 계약이 종료되면 을은 갑의 자료를 파기하되, 갑과 을이 필요하다고 판단하는 자료는 갑에게 먼저 반환한다.\n")
    assert status(review, "data_destruction") == "satisfied"


@pytest.mark.parametrize(
    "text",
    [
        "제8조(자료의 파기) 계약이 종료되면 을은 관계 법령이 정하는 바에 따라 갑의 자료를 파기한다.",
        "제8조(자료의 파기) 계약이 종료되면 을은 전자금융거래법에서 정하는 바에 따라 갑의 자료를 파기한다.",
        "제8조(자료의 파기) 계약이 종료되면 을은 감독당국이 필요하다고 인정하는 방법으로 갑의 자료를 파기한다.",
    ],
)
def test_judgement_of_the_law_or_an_authority_is_not_a_provider_limitation(review_text, text):
    review = review_text(text + "\n")
    assert status(review, "data_destruction") == "satisfied"
    assert not _limitation_risk(review, "data_destruction")
