"""Rules added in the fourth tuning round (docs/contract-review.md, "Round 4"). Each test is
named for its rule; the sentences are written for the tests, not taken from any held-out set."""

from __future__ import annotations

from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split
from tests.contracts.conftest import status


def test_bare_korean_title_with_english_translation_is_an_article(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "제1조 목적 (Purpose)\n이 약정은 목적을 정한다.\n제2조 재위탁 및 하위 처리자 (Sub-processing)\n① 을은 재위탁한다.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    assert doc.articles == ["제1조", "제2조"]
    assert doc.units[0].article_title == "목적"
    assert doc.units[1].location == "제2조 ①"


def test_sentence_ending_with_english_in_parentheses_is_not_a_heading(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("제3조 보안\n을은 보안 인증(ISMS)을 유지한다.\n", encoding="utf-8")
    doc = split(read_document(path))
    assert doc.articles == ["제3조"]
    assert "인증" in doc.units[0].text


def test_limitation_inside_one_item_does_not_spread_to_other_items(review_text):
    review = review_text(
        "제1조(변경) 원계약을 다음과 같이 변경한다.\n"
        "1. 제7조를 다음과 같이 한다. \"을은 갑의 데이터를 보관하는 데이터센터의 위치를 변경하려는 경우 60일 전에 갑에게 서면으로 통지한다.\"\n"
        "2. 제9조를 다음과 같이 한다. \"감독당국의 현장 검사는 을이 동의하는 경우에 한하여 허용한다.\"\n"
    )
    assert status(review, "change_notification") == "satisfied"
    assert status(review, "supervisory_inspection") in ("contradicted", "partly")


def test_limitation_in_lead_in_still_bounds_the_whole_paragraph(review_text):
    review = review_text(
        "제5조(검사) 을은 을의 보안정책에 반하지 않는 범위 내에서만 다음 각 호의 검사에 협조한다.\n"
        "1. 금융감독원의 검사\n2. 갑의 내부감사\n"
    )
    assert status(review, "supervisory_inspection") != "satisfied"


def test_attributive_without_authority_is_not_a_denial(review_text):
    review = review_text(
        "제8조(접근통제) 을은 갑의 자료에 대한 접근 권한을 최소한으로 부여하고, 승인받지 않은 사람이나 권한 없는 자에게 "
        "데이터가 노출되지 않도록 접근통제를 한다.\n"
    )
    assert status(review, "access_control") == "satisfied"
    assert not [r for r in review.risks if r.clause == "access_control"]


def test_judged_insufficiency_is_a_condition_not_a_denial(review_text):
    review = review_text(
        "제20조(중요 상황) ① 을은 합병, 분할 또는 영업양도가 예정된 경우 즉시 갑에게 통지하고 대책을 제시한다.\n"
        "② 갑은 을의 대책이 적절하지 않다고 판단하는 경우 이 계약을 해지할 수 있다.\n"
    )
    assert not [r for r in review.risks if r.clause == "major_events"]


def test_copy_exception_weakens_destruction_without_an_end_of_contract_word(review_text):
    review = review_text(
        "제15조(데이터 파기) ① 계약이 끝나면 을은 갑의 데이터를 복구할 수 없도록 파기한다.\n"
        "② 재해복구용으로 보관된 사본의 파기는 예외로 한다.\n"
    )
    assert status(review, "data_destruction") == "partly"


def test_posting_instead_of_notice_weakens_change_notification_whatever_the_object(review_text):
    review = review_text(
        "제4조(운영 환경) 을은 백업 보관 국가를 바꾸는 경우 누리집에 공지하며, 갑에 대한 개별 통지는 그 게시로 갈음한다.\n"
    )
    assert status(review, "change_notification") in ("contradicted", "partly")
    assert status(review, "change_notification") != "satisfied"


def test_data_kinds_without_ownership_describe_the_data(review_text):
    review = review_text("제3조(대상 정보) 이 서비스에서 처리되는 데이터는 임직원의 성명과 근무 기록으로 한정한다.\n")
    assert status(review, "data") == "satisfied"


def test_known_wording_first_instance_court_sub_processor_and_termination_at_any_time(review_text):
    review = review_text(
        "제6조(하위 처리자) 을은 하위 처리자를 추가하려는 경우 갑의 사전 서면 동의를 받는다.\n"
        "제12조(해지) 고객은 언제든지 이 계약을 해지할 수 있다.\n"
        "제17조(관할) 이 계약에 관한 소송은 서울중앙지방법원을 제1심 법원으로 한다.\n"
    )
    assert status(review, "subcontracting_consent") == "satisfied"
    assert status(review, "termination_right") == "satisfied"
    assert status(review, "jurisdiction") == "satisfied"
