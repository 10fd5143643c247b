"""Rules added in the third tuning round (docs/contract-review.md, "What changed in the third
round"). Each test is named for its rule; the sentences are written for the tests, not taken
from the held-out set."""

from __future__ import annotations

import pytest

from fincloud.evidence.contracts.parties import find_parties, provider_discretion
from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split
from tests.contracts.conftest import status

# ── (a) limitation by the provider's own policy, scope, discretion or consent ──────────────

PROVIDER_LIMITS = [
    ("supervisory_access", "제4조(검사) 을은 감독당국이 검사하려는 경우 을의 보안정책에 반하지 않는 범위 내에서만 이에 협조한다."),
    ("supervisory_inspection", "제4조(검사) 을은 금융감독원의 검사에 을의 내부규정이 허용하는 한도 내에서 협조한다."),
    ("supervisory_inspection", "제4조(검사) 을은 금융감독원이 자료를 요구하는 경우 을이 필요하다고 인정하는 경우 이를 제출한다."),
    ("drills_cooperation", "제5조(훈련) 을은 갑이 실시하는 침해사고 대응훈련에 합리적인 범위에서 협조할 수 있다."),
    ("data_destruction", "제9조(파기) 계약이 종료되면 을은 데이터를 삭제한다. 다만, 을이 보존할 필요가 있다고 판단하는 경우에 한하여 보존할 수 있다."),
]


@pytest.mark.parametrize(("clause", "text"), PROVIDER_LIMITS)
def test_limitation_by_provider_policy_scope_or_discretion_is_never_satisfied(review_text, clause, text):
    review = review_text(text + "\n")
    assert status(review, clause) in ("contradicted", "partly")
    assert any(r.clause == clause and r.why == "limitation" for r in review.risks)


def test_passage_that_both_supports_and_limits_is_contradicted_not_satisfied(review_text):
    review = review_text("제4조(검사) 을은 금융감독원의 검사에 협조한다. 이는 을의 보안정책에 반하지 않는 범위 내에서만 한다.\n")
    # the limiting sentence names no anchor, the title and the first sentence do: the support
    # sentence stays support, the clause is at best partly
    assert status(review, "supervisory_inspection") != "satisfied"


def test_limitation_in_one_sentence_hides_support_only_in_that_sentence(review_text):
    review = review_text(
        "제10조(데이터 파기) ① 계약이 종료되면 을은 갑의 데이터를 지체 없이 파기한다. 다만, 백업 매체의 사본은 예외로 한다.\n"
    )
    assert status(review, "data_destruction") == "partly"


def test_institution_consent_is_not_a_provider_limitation(review_text):
    review = review_text("제10조(재위탁) 을은 갑의 사전 서면 동의를 받은 경우에 한하여 업무를 재위탁할 수 있다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"


def test_restriction_is_the_duty_for_access_control(review_text):
    review = review_text(
        "제6조(접근 관리) 을의 운영자는 갑의 자료에 접근할 수 없으며, 장애 처리를 위하여 불가피한 경우에는 "
        "갑의 승인을 받아 필요한 범위 내에서만 접근한다.\n"
    )
    assert status(review, "access_control") == "satisfied"


def test_provider_discretion_needs_the_provider_not_the_institution_between(concepts):
    parties = find_parties('주식회사 한결은행(이하 "갑"이라 한다)과 주식회사 구름클라우드(이하 "을"이라 한다)', concepts.shared)
    words = concepts.shared.discretion
    assert provider_discretion("을은 갑의 사전 동의를 받아 재위탁한다.", parties, words) is False
    assert provider_discretion("을의 보안정책에 반하지 않는 범위에서", parties, words) is True


def test_mutual_agreement_is_not_a_provider_limitation(review_text):
    review = review_text("제4조(검사) 을은 금융감독원의 검사에 갑과 을이 합의하여 정하는 범위 내에서 협조한다.\n")
    assert status(review, "supervisory_inspection") == "satisfied"


def test_scope_set_by_the_provider_is_a_limitation(review_text):
    review = review_text("제4조(검사) 을은 금융감독원의 검사에 을이 정하는 범위 내에서 협조한다.\n")
    assert status(review, "supervisory_inspection") == "contradicted"


def test_party_without_name_cues_is_the_other_side_of_its_neighbour(concepts):
    text = '주식회사 다온증권(이하 "금융회사"라 한다)과 주식회사 누리랩(이하 "회사"라 합니다)은 다음과 같이 정한다.'
    parties = find_parties(text, concepts.shared)
    assert "회사" in parties.provider and "회사" not in parties.institution


# ── (b) article headings in any bracket style and 제N조의M ────────────────────────────────


@pytest.mark.parametrize("heading", ["제3조【재위탁】", "제3조〔재위탁〕", "제3조 [재위탁]", "제3조<재위탁>", "제3조「재위탁」"])
def test_article_heading_in_any_bracket_style(tmp_path, heading):
    path = tmp_path / "c.txt"
    path.write_text(f"{heading}\n① 을은 갑의 동의를 받아 재위탁한다.\n제3조의2〔처리 위치〕\n을은 국내에서 처리한다.\n", encoding="utf-8")
    units = split(read_document(path)).units
    assert [(u.article, u.article_title, u.paragraph) for u in units] == [
        ("제3조", "재위탁", "①"),
        ("제3조의2", "처리 위치", None),
    ]


def test_inline_annex_heading_starts_the_annex(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("제13조 (관할) 분쟁은 서울중앙지방법원이 관할한다.\nSchedule 2 / 별지 2 — Measures: annual penetration test.\n", encoding="utf-8")
    units = split(read_document(path)).units
    assert units[-1].annex == "Schedule 2" and units[-1].article is None


# ── (c) negative words that are not denials ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ("data_destruction", "제9조(파기) 계약이 종료되면 을은 갑의 데이터를 삭제하며, 삭제된 데이터는 복구되지 않는다."),
        ("security_level", "제5조(보안 수준) 을이 유지하는 보안 수준은 갑의 보안 기준보다 낮아서는 아니 되며, 을은 ISMS 인증을 유지한다."),
        ("security_requirements", "제6조(보안) 을은 정보보호 조치를 이행하고, 장애에 대비하여 서비스가 중단되지 않도록 이중화 체계를 운영한다."),
    ],
)
def test_not_a_denial_irreversible_prohibitive_or_purposive(review_text, clause, text):
    review = review_text(text + "\n")
    assert status(review, clause) == "satisfied"
    assert not [r for r in review.risks if r.clause == clause]


def test_proviso_after_a_denial_is_support_for_partly(review_text):
    review = review_text(
        "제7조(취약점 점검) 을은 갑이 실시하는 모의해킹에 협조할 의무가 없다. 다만, 을은 외부 기관의 취약점 점검 결과 요약본을 갑에게 제공한다.\n"
    )
    assert status(review, "drills_cooperation") == "partly"


# ── (d) weakenings ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ("change_notification", "제4조(변경) 을은 데이터센터 등 중요한 사항을 변경하는 경우 홈페이지에 게시하며, 갑에 대한 개별 통지는 그 게시로 갈음한다."),
        ("subcontracting_consent", "제7조(재위탁) 갑은 을이 별지에 적힌 재수탁자에게 재위탁하는 것을 포괄적으로 승인한다."),
        ("data_destruction", "제9조(파기) 계약이 종료되면 을은 데이터를 삭제한다. 남아 있는 사본에 대하여 을은 책임을 지지 아니한다."),
    ],
)
def test_weakening_is_never_satisfied(review_text, clause, text):
    review = review_text(text + "\n")
    assert status(review, clause) in ("partly", "contradicted")


def test_general_notice_by_posting_does_not_limit_a_specific_change_notification(review_text):
    review = review_text(
        "제18조(통지) 이 계약에 따른 통지는 을이 관리 화면에 게시하는 공지로 갈음할 수 있다. "
        "다만, 을은 데이터센터의 이전 등 서비스 제공 위치의 변경은 30일 전까지 갑에게 서면으로 통지하여야 한다.\n"
    )
    assert status(review, "change_notification") == "satisfied"


# ── (e) vocabulary ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ("jurisdiction", "제10조(분쟁) 이 계약에 관한 소송은 서울중앙지방법원을 제1심 법원으로 한다."),
        ("subcontractor_oversight", "제7조(하위 처리자) 을은 하위 처리자가 이 계약의 보안 의무를 준수하도록 관리·감독한다."),
        ("termination_right", "제8조(해지) 갑은 언제든지 서면으로 이 계약을 해지할 수 있다."),
        ("confidentiality", "제10조(정보 보호) 을은 갑의 사전 서면 동의 없이는 업무상 알게 된 갑과 고객의 정보를 제3자에게 제공할 수 없다."),
        ("data_destruction", "제8조(데이터) 을은 이관을 마친 날부터 30일 이내에 갑의 데이터를 파기한다."),
    ],
)
def test_vocabulary_added_in_round_three(review_text, clause, text):
    assert status(review_text(text + "\n"), clause) == "satisfied"


# ── (f) false positives ─────────────────────────────────────────────────────────────────


def test_retention_under_law_is_not_legal_compliance(review_text):
    review = review_text("제15조(데이터) 을은 계약이 끝나면 데이터를 파기한다. 다만, 관계 법령에 따라 보존하여야 하는 데이터는 보존한다.\n")
    assert status(review, "legal_compliance_reporting") == "missing"


def test_head_office_address_is_not_a_processing_location(review_text):
    review = review_text("제17조(관할) 이 계약에 관한 분쟁은 갑의 본점 소재지를 관할하는 법원에서 해결한다.\n")
    assert status(review, "processing_location") == "missing"
