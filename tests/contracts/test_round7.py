"""Rules added in the seventh tuning round (docs/contract-review.md, "Round 7"). Each test is
named for its rule; the sentences are written for the tests, not taken from any held-out set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split
from tests.contracts.conftest import status

ROOT = Path(__file__).resolve().parents[2]

EN_PREAMBLE = (
    'This Agreement is made between Alder Bank (the "Customer") and Nimbus Cloud Ltd. (the "Provider").\n'
)


def _risks(review, clause_id):
    return [r for r in review.risks if r.clause == clause_id]


def _passages(review, clause_id):
    return [p.location for c in review.clauses if c.id == clause_id for p in c.passages]


def _english(tmp_path, catalog, concepts, body: str):
    from fincloud.evidence.contracts.review import review_contract

    path = tmp_path / "en.txt"
    path.write_text(EN_PREAMBLE + body, encoding="utf-8")
    return review_contract(path, critical=True, catalog=catalog, concepts=concepts)


# ── a negation inside a listed condition (a ground of termination) denies nothing ─────────


def test_negation_in_a_condition_only_item_is_no_risk(review_text):
    review = review_text(
        "제3조(검사) 을은 감독당국과 갑의 감사인이 실시하는 검사·감사를 수용하고 자료 제출에 협조하여야 한다.\n"
        "제9조(해지) ① 갑은 다음 각 호의 경우 계약을 해지할 수 있다.\n"
        "1. 을이 제3조에 따른 검사에 협조하지 아니하는 등 계약상 의무를 위반한 경우\n"
    )
    assert not [r for r in _risks(review, "supervisory_access") if r.location.startswith("제9조")]


# ── consent the provider seeks is the institution's, not the provider's discretion ─────────


def test_provider_requesting_consent_is_no_limitation(review_text):
    review = review_text(
        "제5조(재위탁) ① 을은 갑의 사전 서면 동의 없이 위탁업무를 제3자에게 재위탁할 수 없다.\n"
        "② 을은 제1항의 동의를 요청할 때 재수탁자의 명칭과 처리 장소를 갑에게 알려야 한다.\n"
    )
    assert not _risks(review, "subcontracting_consent")
    assert status(review, "subcontracting_consent") == "satisfied"


def test_provider_own_consent_still_limits(review_text):
    review = review_text("제5조(접근) 을은 을이 동의하는 경우에 한하여 갑의 현장 확인을 허용한다.\n")
    assert status(review, "supervisory_access") != "satisfied"


# ── English articles: "ARTICLE N – TITLE" with decimal sub-clauses N.M ────────────────────


def test_english_decimal_subclauses_are_paragraphs_and_titles_may_hold_semicolons(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "ARTICLE 1 – TERM\n1.1 This Agreement runs for two years.\n1.2 It renews annually.\n"
        "ARTICLE 2 – EFFECT OF TERMINATION; RETURN OF DATA\n2.1 Provider shall return all data.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    locations = [u.location for u in doc.units]
    assert locations == ["제1조 (1)", "제1조 (2)", "제2조 (1)"]
    assert doc.units[-1].article_title == "EFFECT OF TERMINATION; RETURN OF DATA"


def test_decimal_number_of_another_article_is_not_a_subclause(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("ARTICLE 3 – FEES\n3.1 Fees are payable yearly.\n4.5 percent interest applies.\n", encoding="utf-8")
    doc = split(read_document(path))
    assert [u.location for u in doc.units] == ["제3조 (1)"]


def test_english_may_terminate_is_the_institutions_termination_right(tmp_path, catalog, concepts):
    review = _english(
        tmp_path,
        catalog,
        concepts,
        "ARTICLE 9 – TERMINATION\n9.1 Customer may terminate this Agreement by notice if Provider commits a material breach.\n",
    )
    assert status(review, "termination_right") == "satisfied"


def test_english_services_and_scope_article_names_the_scope(tmp_path, catalog, concepts):
    review = _english(
        tmp_path,
        catalog,
        concepts,
        "ARTICLE 2 – SERVICES AND SCOPE\n2.1 Provider shall provide to Customer the following modules of its "
        "hosted platform: (a) payroll; (b) expense claims.\n",
    )
    assert status(review, "scope_of_service") == "satisfied"


# ── bare Korean titles may contain capital abbreviations ─────────────────────────────────


def test_bare_korean_title_with_capital_abbreviation_opens_an_article(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("제7조 보안\n① 을은 보안을 유지한다.\n제8조 CSP 약관의 적용\n다음 사항은 따로 정한다.\n", encoding="utf-8")
    doc = split(read_document(path))
    assert doc.units[-1].location == "제8조"
    assert doc.units[-1].article_title == "CSP 약관의 적용"


# ── reference-only incorporation of outside terms supports nothing ───────────────────────


def test_items_deferred_to_provider_terms_support_no_clause(review_text):
    review = review_text(
        "제8조(약관에 따르는 사항) 다음 각 호의 사항은 을의 이용약관이 정하는 바에 따른다.\n"
        "1. 취약점 분석·평가 및 비상대응훈련에 대한 협조\n"
        "2. 을이 취득·유지하는 보안 인증과 보안관리 수준\n"
    )
    assert status(review, "drills_cooperation") == "missing"
    assert status(review, "security_level") == "missing"


def test_a_single_sentence_deferring_to_terms_supports_nothing(review_text):
    review = review_text("제8조(훈련) 취약점 분석·평가 및 비상대응훈련에 대한 협조는 을의 약관에 따른다.\n")
    assert status(review, "drills_cooperation") == "missing"


def test_stated_duty_beside_deferring_article_still_counts(review_text):
    review = review_text(
        "제8조(약관) 요금은 을의 약관에 따른다.\n"
        "제9조(훈련) 을은 갑이 실시하는 취약점 분석·평가 및 비상대응훈련에 협조하여야 한다.\n"
    )
    assert status(review, "drills_cooperation") == "satisfied"


# ── run_eval: round 6 is tuning now, the held-out slot is round 7 ─────────────────────────


def _run_eval():
    spec = importlib.util.spec_from_file_location("run_eval_r7", ROOT / "eval" / "contracts" / "run_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_round6_is_in_tuning():
    # the held-out slot moved on to round 8 (tests/contracts/test_round8.py)
    run_eval = _run_eval()
    assert run_eval.HERE / "gold_heldout6.yaml" in run_eval.SETS["tuning"]


def test_absent_heldout_set_is_said_clearly(tmp_path):
    run_eval = _run_eval()
    why = run_eval.heldout_missing(tmp_path / "gold_heldout7.yaml", tmp_path / "heldout7" / "SHA256SUMS")
    assert why and "ABSENT" in why and "gold_heldout7.yaml" in why


# ── DPA-style wording (개인(신용)정보 처리위탁) ───────────────────────────────────────────


def test_seungnak_is_consent_to_subcontracting(review_text):
    review = review_text("제6조(재위탁) 을은 갑의 사전 서면 승낙을 받지 아니하고는 위탁업무를 제3자에게 다시 위탁할 수 없다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"


def test_inspection_by_an_external_body_the_institution_designates_is_auditor_access(review_text):
    review = review_text(
        "제9조(관리·감독) 을은 갑의 요청에 따라 관련 자료를 제출하고 갑이 지정한 외부 전문기관의 현장 점검에 응하여야 한다.\n"
    )
    assert status(review, "supervisory_access") == "satisfied"


def test_return_to_the_institution_at_the_end_is_partial_transition_support(review_text):
    review = review_text("제11조(반환 및 파기) 계약이 종료되면 을은 위탁정보를 갑에게 반환한 후 지체 없이 파기하여야 한다.\n")
    assert status(review, "transition_support") == "partly"


def test_return_or_delete_at_choice_is_not_transition_support(review_text):
    review = review_text("제11조(반환 및 삭제) 계약이 종료되면 을은 갑의 선택에 따라 데이터를 반환하거나 삭제한다.\n")
    assert status(review, "transition_support") == "missing"


# ── customer content, destruction after a grace period ───────────────────────────────────


def test_customer_content_is_the_institutions_data(review_text):
    review = review_text("제7조(권리) 고객 콘텐츠에 관한 모든 권리는 갑에게 귀속된다.\n")
    assert status(review, "data") == "satisfied"


def test_deletion_when_the_grace_period_ends_is_destruction(review_text):
    review = review_text(
        "제13조(삭제) 제12조의 유예기간이 끝나면 을은 갑의 데이터를 복구할 수 없도록 삭제하고 삭제 확인서를 갑에게 교부한다.\n"
    )
    assert status(review, "data_destruction") == "satisfied"


# ── "제1항 및 제2항은 … 적용하지 아니한다" where those 항 cap or exempt liability ─────────────


def test_not_applying_the_capping_paragraphs_lifts_the_limit(review_text):
    review = review_text(
        "제11조(책임) ① 을은 을의 귀책사유로 갑에게 발생한 손해를 배상한다.\n"
        "② 손해배상 총액은 직전 12개월 요금 총액을 한도로 한다.\n"
        "③ 제2항은 고의 또는 중대한 과실로 인한 손해에는 적용하지 아니한다.\n"
    )
    assert not [r for r in _risks(review, "liability") if r.location == "제11조 ③"]


def test_not_applying_an_ordinary_paragraph_is_still_a_denial(review_text):
    review = review_text(
        "제9조(파기) ① 계약이 종료되면 을은 갑의 데이터를 지체 없이 파기한다.\n"
        "② 제1항의 파기 의무는 백업 데이터에는 적용하지 아니한다.\n"
    )
    assert status(review, "data_destruction") != "satisfied"


# ── a negation after a time limit ("확인하기 전에는 … 삭제하지 아니한다") only defers ───────────


def test_hold_until_confirmation_is_no_denial_of_destruction(review_text):
    review = review_text(
        "제19조(이전) 을은 갑이 데이터 이전을 확인하기 전에는 어떠한 데이터도 삭제하지 아니한다.\n"
        "제20조(파기) 계약이 종료되면 을은 갑의 데이터를 복구할 수 없도록 파기한다.\n"
    )
    assert not _risks(review, "data_destruction")
    assert status(review, "data_destruction") == "satisfied"


def test_plain_refusal_to_delete_is_still_a_denial(review_text):
    review = review_text("제20조(파기) 계약이 종료되더라도 을은 백업 데이터를 파기할 의무가 없다.\n")
    assert status(review, "data_destruction") in ("contradicted", "partly")


# ── access control: least access "필요한 범위로" / English "least-privilege … Customer Data" ───


def test_minimum_staff_and_rights_within_need_is_access_control(review_text):
    review = review_text(
        "제7조(안전성 확보조치) 을은 다음 각 호의 조치를 하여야 한다.\n"
        "1. 위탁정보 처리 담당자를 최소한으로 지정하고 담당자별 접근권한을 업무에 필요한 범위로 부여\n"
    )
    assert status(review, "access_control") == "satisfied"
    assert any(loc.startswith("제7조") for loc in _passages(review, "access_control"))


def test_english_least_privilege_access_to_customer_data_is_access_control(tmp_path, catalog, concepts):
    review = _english(
        tmp_path,
        catalog,
        concepts,
        "ARTICLE 5 – ACCESS CONTROL\n5.1 Provider personnel shall access Customer Data only where strictly necessary, "
        "on a least-privilege basis.\n",
    )
    assert status(review, "access_control") == "satisfied"
    assert _passages(review, "access_control")[0].startswith("제5조")


# ── scope: a 항 listing the services provided ────────────────────────────────────────────


def test_paragraph_listing_the_services_provided_is_the_scope(review_text):
    review = review_text(
        "제4조(서비스의 내용) ① 을이 제공하는 서비스는 다음과 같다.\n1. 전자메일과 일정 관리\n2. 전자결재\n"
    )
    assert status(review, "scope_of_service") == "satisfied"


def test_half_yearly_report_is_periodic_reporting(review_text):
    review = review_text(
        "제14조(법령 준수) 을은 전자금융거래법 등 관계 법령을 준수한다.\n"
        "제9조(보고) 을은 매 반기 말일부터 15일 이내에 처리 현황을 갑에게 보고한다.\n"
    )
    assert status(review, "legal_compliance_reporting") == "satisfied"
