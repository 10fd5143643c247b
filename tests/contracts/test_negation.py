"""Rule: a clause that negates or limits the obligation is never counted as satisfied; it is
reported as a risk (spec: status "contradicted", each passage listed in risks)."""

from __future__ import annotations

import pytest

from tests.contracts.conftest import status

NEGATED = [
    ("data_destruction", "제9조(데이터) 을은 데이터 파기 의무를 부담하지 아니한다.", "negation"),
    ("data_destruction", "제9조(종료) 계약이 종료되더라도 을은 갑의 데이터를 삭제할 의무가 없다.", "negation"),
    ("supervisory_access", "제4조(검사) 을은 감독당국의 검사에 대하여 을이 동의하는 경우에 한하여 자료를 제공한다.", "limitation"),
    ("supervisory_inspection", "제4조(검사) 을은 금융감독원의 검사에 협조할 의무를 부담하지 아니한다.", "negation"),
    ("confidentiality", "제8조(비밀유지) 을은 갑의 정보에 대하여 비밀유지 의무를 지지 않는다.", "negation"),
    ("liability", "제12조(면책) 을은 서비스 이용과 관련하여 갑에게 발생한 어떠한 손해에 대하여도 배상 책임을 지지 아니한다.", "negation"),
    ("subcontracting_consent", "제10조(재위탁) 을은 갑의 동의 없이도 업무를 재위탁할 수 있다.", "limitation"),
    ("emergency_access", "제11조(서비스 중단) 서비스 제공이 중단된 경우 갑의 데이터에 대한 접근은 을의 단독 재량에 따른다.", "limitation"),
]


@pytest.mark.parametrize(("clause", "text", "kind"), NEGATED)
def test_negated_clause_is_contradicted_and_listed_as_risk(review_text, clause, text, kind):
    review = review_text(text + "\n")
    assert status(review, clause) == "contradicted"
    assert any(r.clause == clause and r.why == kind for r in review.risks)


def test_positive_text_elsewhere_does_not_make_a_negated_clause_satisfied(review_text):
    review = review_text(
        "제9조(데이터의 파기) 을은 계약 종료 시 갑의 데이터를 파기한다.\n"
        "제20조(면책) 을은 백업 매체에 남은 데이터의 파기 의무를 부담하지 아니한다.\n"
    )
    assert status(review, "data_destruction") == "partly"
    assert [r.location for r in review.risks if r.clause == "data_destruction"] == ["제20조"]


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ("confidentiality", "제8조(비밀유지) 을은 갑의 고객정보를 제3자에게 누설하여서는 아니 된다."),
        ("supervisory_inspection", "제4조(검사) 을은 금융감독원의 검사를 정당한 사유 없이 거부할 수 없다."),
        ("subcontracting_consent", "제10조(재위탁) 을은 갑의 사전 서면 동의 없이 업무를 재위탁할 수 없다."),
        ("access_control", "제6조(접근통제) 을은 비인가자가 갑의 데이터에 접근하지 못하도록 접근권한을 통제한다."),
    ],
)
def test_prohibitions_are_obligations_not_negations(review_text, clause, text):
    """"누설하여서는 아니 된다", "거부할 수 없다" create the duty; they must count as support."""
    review = review_text(text + "\n")
    assert status(review, clause) == "satisfied"
    assert not [r for r in review.risks if r.clause == clause]


def test_force_majeure_exemption_is_neither_support_nor_risk(review_text):
    review = review_text("제15조(불가항력) 천재지변 등 불가항력으로 인한 손해에 대하여는 을은 책임을 지지 아니한다.\n")
    assert status(review, "liability") == "missing"
    assert not review.risks


def test_institution_consent_restriction_is_not_a_limitation(review_text):
    review = review_text("제10조(재위탁) 을은 갑의 사전 서면 동의를 받은 경우에 한하여 업무를 재위탁할 수 있다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"
    assert not review.risks


def test_disclaiming_responsibility_for_destruction_denies_destruction(review_text):
    """The negation governs 책임, but "파기에 대하여는" makes 파기 its topic: a risk, not silence."""
    review = review_text("제10조(데이터의 처리) 을은 백업 매체에 남아 있는 갑의 데이터의 파기에 대하여는 어떠한 책임도 부담하지 아니한다.\n")
    assert status(review, "data_destruction") == "contradicted"
    assert any(r.clause == "data_destruction" and r.why == "negation" for r in review.risks)


def test_notice_instead_of_consent_contradicts_subcontracting_consent(review_text):
    review = review_text("제10조(재위탁) 을은 갑에게 통지하는 것만으로 갑의 동의 없이도 재위탁할 수 있다.\n")
    assert status(review, "subcontracting_consent") == "contradicted"


def test_negated_condition_is_not_a_denial(review_text):
    """"승인을 받지 아니하고는 … 위탁하지 못한다" is a consent requirement (a condition), not a denial."""
    review = review_text("제11조(재위탁의 제한) 을은 갑의 사전 서면 승인을 받지 아니하고는 업무의 일부를 제3자에게 다시 위탁하지 못한다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"
    assert not [r for r in review.risks if r.clause == "subcontracting_consent"]


def test_partial_phrasings_give_partly(review_text):
    review = review_text(
        "제6조(보안 의무) 을은 위탁업무를 수행함에 있어 갑의 정보보호 정책을 준수하여야 한다.\n"
        "제8조(CSP) 을은 CSP를 다른 사업자로 바꾸려면 갑의 사전 동의를 받아야 한다.\n"
    )
    assert status(review, "security_level") == "partly"
    assert status(review, "change_notification") == "partly"


def test_change_notice_worded_in_advance_for_subcontracting(review_text):
    review = review_text("제15조(재위탁) 을은 재위탁 시 재수탁자의 명칭 등 중요한 사항을 갑에게 미리 통지한다.\n")
    assert status(review, "change_notification") == "satisfied"
