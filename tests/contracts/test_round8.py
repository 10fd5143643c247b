"""Rules added in the eighth tuning round (docs/contract-review.md, "Round 8"). Each test is
named for its rule; the sentences are written for the tests, not taken from any contract."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.contracts.conftest import EN_PREAMBLE, status

ROOT = Path(__file__).resolve().parents[2]


def _risks(review, clause_id):
    return [r for r in review.risks if r.clause == clause_id]


def _passages(review, clause_id):
    return [p.location for c in review.clauses if c.id == clause_id for p in c.passages]


# ── processing_location: a place stated without the word 위치 ─────────────────────────────


def test_named_data_centre_with_only_is_the_processing_location(review_text):
    review = review_text("제5조(운영 장소) 을은 갑의 데이터를 대한민국 내 을의 ○○ IDC(경기 용인)에서만 처리·보관한다.\n")
    assert status(review, "processing_location") == "satisfied"


def test_centre_located_somewhere_is_the_processing_location(review_text):
    review = review_text("제5조(설비) 을은 이 계약의 자원을 대전광역시 소재 을의 제2센터에 두며 국외로 옮기지 않는다.\n")
    assert status(review, "processing_location") == "satisfied"


def test_a_location_sentence_with_only_the_word_processing_is_enough(review_text):
    review = review_text("제5조(처리 위치) 을은 갑의 데이터를 국내 리전에서만 처리·보관한다.\n")
    assert status(review, "processing_location") == "satisfied"


# ── reference only: a lead-in deferring to other documents ────────────────────────────────


def test_items_deferred_to_named_documents_are_no_clause(review_text):
    review = review_text(
        "제4조(다른 문서) 다음 각 호의 사항은 해당 문서가 정하는 바에 따른다.\n"
        "1. 서비스 수준의 측정 및 미달 시 시정조치: 「서비스 수준 합의서」\n"
        "2. 계약 종료 시 데이터의 파기: 원계약 제19조\n"
    )
    assert status(review, "sla_monitoring") == "missing"
    assert status(review, "data_destruction") == "missing"


def test_provider_policy_documents_in_brackets_are_no_clause(review_text):
    review = review_text(
        "제10조(비상 대책) 서비스 중단 시 데이터 접근에 관한 사항은 을의 「서비스 약관」 및 「장애 대응 정책」이 정하는 바에 따른다.\n"
    )
    assert status(review, "emergency_access") == "missing"


# ── a phrasing across a lead-in and its 호 ─────────────────────────────────────────────────


def test_major_shareholder_notice_in_an_item_is_partial_major_events(review_text):
    review = review_text(
        "제7조(변경의 통지) 을은 다음 사항이 생기면 지체 없이 갑에게 서면으로 알린다.\n"
        "1. 서비스 설비의 변경\n"
        "2. 을의 대표자 또는 최대주주의 변경\n"
    )
    assert status(review, "major_events") == "partly"


def test_merger_measures_are_major_events(review_text):
    review = review_text("제16조(합병 등) 을이 합병·분할되거나 계약상 지위를 양도하려는 경우 60일 전에 갑에게 통지하고 갑의 동의를 받아야 한다.\n")
    assert status(review, "major_events") == "satisfied"


def test_only_a_change_of_major_shareholder_is_partial_major_events(review_text):
    review = review_text("제16조(통지) 을은 최대주주가 바뀌면 즉시 갑에게 통지한다.\n")
    assert status(review, "major_events") == "partly"


# ── transition: data fetched within a grace period; another system ────────────────────────


def test_grace_period_to_take_the_data_away_is_partial_transition_support(review_text):
    review = review_text("제16조(종료) 계약이 끝나면 을은 갑이 자료를 가져갈 수 있도록 30일간 자원을 유지한다.\n")
    assert status(review, "transition_support") == "partly"


def test_moving_to_another_system_with_a_plan_is_transition_support(review_text):
    review = review_text(
        "제18조(이전 지원) 계약 종료 시 을은 갑이 다른 시스템으로 업무를 이전할 수 있도록 지원하고 전환계획 수립에 협조한다.\n"
    )
    assert status(review, "transition_support") == "satisfied"


# ── negation inside a risk or likelihood ("…지 못할 우려") ─────────────────────────────────


def test_negation_describing_a_risk_is_no_denial(review_text):
    review = review_text(
        "제7조(보안관리 수준) ① 을은 계약 기간 동안 ISMS-P 인증을 유지한다.\n"
        "② 제1항의 인증이 갱신되지 못할 우려가 생긴 경우 을은 지체 없이 갑에게 알린다.\n"
    )
    assert status(review, "security_level") == "satisfied"
    assert not _risks(review, "security_level")


# ── permission in place of the duty ───────────────────────────────────────────────────────


def test_provider_may_delete_is_no_destruction_duty(review_text):
    review = review_text("제19조(데이터 삭제) 을은 계약이 종료된 후 갑의 데이터를 삭제할 수 있다.\n")
    assert status(review, "data_destruction") == "contradicted"


def test_institution_may_delete_is_not_a_risk_for_destruction(review_text):
    review = review_text(
        "제3조(데이터) 갑은 언제든지 자신의 데이터를 조회·수정·삭제할 수 있다.\n"
        "제19조(파기) 을은 계약이 종료되면 지체 없이 갑의 데이터를 복구할 수 없도록 파기한다.\n"
    )
    assert status(review, "data_destruction") == "satisfied"


def test_certificate_issued_only_at_the_providers_option_is_a_risk(review_text):
    review = review_text("제19조(삭제) 갑이 삭제 확인서를 요청하는 경우 을은 을이 정한 양식에 따라 발급할 수 있다.\n")
    assert status(review, "data_destruction") == "contradicted"


def test_imposing_a_duty_is_not_erasing(review_text):
    review = review_text(
        "제11조(비밀유지) 을은 갑의 정보를 누설하지 아니하며 재수탁자에게 같은 의무를 지운다. 이 의무는 계약 종료 후에도 존속한다.\n"
    )
    assert status(review, "data_destruction") == "missing"


# ── deemed consent ────────────────────────────────────────────────────────────────────────


def test_consent_given_in_the_contract_to_a_named_subcontractor_is_consent(review_text):
    review = review_text(
        "제12조(재위탁) ① 을이 이 서비스를 ㈜◇◇클라우드에 재위탁하는 것은 이 계약으로 갑이 동의한 것으로 본다.\n"
        "② 을이 그 밖의 제3자에게 재위탁하려면 갑의 사전 서면 동의를 받아야 한다.\n"
    )
    assert status(review, "subcontracting_consent") == "satisfied"


def test_silence_taken_as_consent_is_a_risk(review_text):
    review = review_text(
        "제12조(재위탁) 을은 재위탁하려면 갑의 동의를 받아야 하며, 갑이 통지를 받은 날부터 10일 안에 이의를 제기하지 아니하면 동의한 것으로 본다.\n"
    )
    assert status(review, "subcontracting_consent") != "satisfied"
    assert _risks(review, "subcontracting_consent")


# ── look-alikes: a certification report, a service feature naming the authority ────────────


def test_a_third_party_certification_report_is_no_reporting_duty(review_text):
    review = review_text(
        "제9조(검사) 을은 금융감독원의 검사를 수용한다. 현장 검사는 을이 제공하는 제3자 인증 보고서의 열람으로 갈음할 수 있으며 연 1회로 한다.\n"
    )
    assert status(review, "legal_compliance_reporting") == "missing"


def test_a_feature_producing_files_for_the_authority_is_no_inspection_clause(review_text):
    review = review_text(
        "제2조(서비스의 범위) 서비스는 다음 기능으로 구성된다.\n"
        "1. 감독당국 제출용 일일 거래 보고 파일 생성\n"
    )
    assert status(review, "supervisory_inspection") == "missing"


def test_scope_names_in_scope_systems(review_text):
    review = review_text(
        "제2조(서비스) ① 을은 가상 서버와 관리형 데이터베이스를 제공한다.\n"
        "② 대상 시스템은 결제 승인 API와 가맹점 정산 배치이다.\n"
    )
    assert status(review, "scope_of_service") == "satisfied"


# ── run_eval: round 7 is tuning now, the held-out slot is round 8 (two parts) ──────────────


def _run_eval():
    spec = importlib.util.spec_from_file_location("run_eval_r8", ROOT / "eval" / "contracts" / "run_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_round7_and_round8_sets_are_tuning_and_the_heldout_slot_is_round9():
    run_eval = _run_eval()
    tuning = set(run_eval.SETS["tuning"])
    assert run_eval.HERE / "gold_heldout7.yaml" in tuning
    assert {run_eval.HERE / f"gold_heldout8{p}.yaml" for p in "abcd"} <= tuning
    assert [(g.name, s.parent.name) for g, s in run_eval.HELDOUT_PARTS] == [("gold_heldout9.yaml", "heldout9")]
    assert not tuning & {gold for gold, _ in run_eval.HELDOUT_PARTS}
    assert all(path.is_file() for path in tuning)


# ── structure: a rider's "특약 제N조", lettered exhibits, "Clause N" headings ───────────────


def _locations(review, clause_id):
    return [p.location for c in review.clauses if c.id == clause_id for p in c.passages]


def test_rider_articles_prefixed_with_their_agreement_are_cited_so(review_text):
    review = review_text(
        "제1조(목적) 이 계약은 서비스 이용에 관한 사항을 정한다.\n"
        "제2조(요금) 요금은 월 100만원으로 한다.\n"
        "금융 특약 (Financial Services Rider)\n"
        "특약 제1조(우선 적용) 본 특약은 본 계약에 우선한다.\n"
        "특약 제2조(재위탁) 을은 갑의 사전 서면 동의 없이 재위탁할 수 없다.\n"
    )
    assert status(review, "subcontracting_consent") == "satisfied"
    assert _locations(review, "subcontracting_consent")[0].startswith("특약 제2조")


def test_clause_headings_of_english_agreements_open_articles(review_text):
    review = review_text(
        "Clause 1. Services\n1.1 The Provider shall provide hosting.\n"
        "Clause 2. Jurisdiction\n2.1 The courts of Seoul shall have exclusive jurisdiction over any dispute.\n"
    )
    assert _locations(review, "jurisdiction")[0].startswith("제2조")


# ── definitions support nothing; a court order is no forum ─────────────────────────────────


def test_a_definition_naming_the_authority_is_no_inspection_clause(review_text):
    review = review_text('제2조(정의) "규제기관"이란 금융위원회, 금융감독원 등 갑에 대한 감독·검사 권한을 가지는 기관을 말한다.\n')
    assert status(review, "supervisory_inspection") == "missing"


def test_a_court_order_for_data_is_not_jurisdiction(review_text):
    review = review_text("제3조(데이터) 을은 법원의 명령 또는 영장에 따라 데이터 제공을 요구받으면 즉시 갑에게 알린다.\n")
    assert status(review, "jurisdiction") == "missing"


# ── the provider decides whether ─────────────────────────────────────────────────────────


def test_provider_deciding_whether_to_delete_is_a_limitation(review_text):
    review = review_text(
        "제20조(종료 후 데이터) 계약 종료 후 남은 데이터의 삭제 여부와 그 시기는 을이 자신의 보존 정책에 따라 결정한다.\n"
    )
    assert status(review, "data_destruction") == "contradicted"


def test_rl_ji_whether_clause_decided_by_the_provider_is_a_limitation(review_text):
    review = review_text("제20조(백업) 계약이 끝난 뒤 백업 사본을 따로 지울지, 언제 지울지는 을이 정합니다.\n")
    assert status(review, "data_destruction") == "contradicted"


def test_institution_deciding_whether_is_no_limitation(review_text):
    review = review_text(
        "제20조(파기) 계약이 종료되면 을은 데이터를 파기한다. 파기 여부의 확인은 갑이 결정한다.\n"
    )
    assert status(review, "data_destruction") == "satisfied"


# ── English discretion and non-obligation ────────────────────────────────────────────────


def test_may_but_shall_not_be_obliged_is_no_cooperation(review_text):
    review = review_text(
        "Article 8. Drills\n8.1 The Provider may, but shall not be obliged to, participate in the Customer's "
        "emergency response drills and vulnerability assessments.\n",
        preamble=EN_PREAMBLE,
    )
    assert status(review, "drills_cooperation") == "contradicted"


# ── look-alikes per clause ───────────────────────────────────────────────────────────────


def test_a_price_change_notice_is_no_material_change_notice(review_text):
    review = review_text("제5조(요금) 을이 요금을 바꾸려면 적용 30일 전까지 갑에게 서면으로 알려야 한다.\n")
    assert status(review, "change_notification") == "missing"


def test_providers_own_check_and_restore_test_are_no_drill_cooperation(review_text):
    review = review_text(
        "제8조(보안 점검) ① 을은 반기마다 자체 취약점 점검을 실시하고 결과를 갑에게 통보한다.\n"
        "② 을은 연 1회 백업 데이터의 복원 시험을 실시한다.\n"
    )
    assert status(review, "drills_cooperation") == "missing"


def test_version_migration_is_no_transition_support(review_text):
    review = review_text(
        "제10조(운영) 을은 지원을 종료하는 구성요소 버전이 있으면 6개월 전에 갑에게 알리고 갑의 전환에 필요한 기술 자료를 제공한다.\n"
    )
    assert status(review, "transition_support") == "missing"


# ── bounds and exemptions that are not risks ─────────────────────────────────────────────


def test_a_bound_on_the_providers_own_termination_right_is_protective(review_text):
    review = review_text(
        "제6조(해지) ① 갑은 을이 계약을 위반하여 서비스에 악영향이 우려되는 경우 이 계약을 해지할 수 있다.\n"
        "② 을은 갑의 요금 미지급이 3개월 이상 계속된 경우를 제외하고는 이 계약을 해지할 수 없다.\n"
    )
    assert status(review, "termination_right") == "satisfied"


def test_termination_only_on_the_providers_admission_is_no_right(review_text):
    review = review_text(
        "제21조(해지) 갑은 을이 중대한 의무를 위반하고, 을이 그 위반 사실을 서면으로 인정한 경우에 한하여 이 계약을 해지할 수 있다. "
        "갑은 그 밖의 사유로는 이 계약을 해지할 수 없다.\n"
    )
    assert status(review, "termination_right") == "contradicted"


def test_exemption_for_the_institutions_staff_errors_is_neutral(review_text):
    review = review_text(
        "제19조(손해배상) ① 을이 이 계약을 위반하여 갑에게 손해를 입힌 경우 을은 그 손해를 배상한다.\n"
        "② 갑 임직원의 조작 실수로 생긴 손해에 대하여 을은 책임을 지지 아니한다.\n"
    )
    assert status(review, "liability") == "satisfied"


def test_confidentiality_exceptions_are_neutral(review_text):
    review = review_text(
        "제17조(비밀유지) ① 을은 갑의 정보를 제3자에게 누설하여서는 아니 된다.\n"
        "② 다음 정보는 비밀정보에서 제외한다.\n"
        "1. 비밀유지의무를 지지 아니하는 제3자로부터 적법하게 취득한 정보\n"
    )
    assert status(review, "confidentiality") == "satisfied"


# ── permissions, deemed discretion, plain language ───────────────────────────────────────


def test_provider_may_change_subcontractors_without_consent_is_a_risk(review_text):
    review = review_text("제16조(하위처리자) 을은 필요한 경우 갑의 동의 없이 하위처리자를 선정하거나 교체할 수 있다.\n")
    assert status(review, "subcontracting_consent") == "contradicted"


def test_provider_may_not_subcontract_without_consent_is_consent(review_text):
    review = review_text("제16조(재위탁) 을은 갑의 동의 없이 재위탁할 수 없다.\n")
    assert status(review, "subcontracting_consent") == "satisfied"


def test_access_rules_left_to_the_providers_judgement_limit_access_control(review_text):
    review = review_text(
        "제13조(접근 권한) 을의 운영 인력이 갑의 데이터에 접근하는 경우 접근할 수 있는 사람과 범위, 사전 승인 절차, "
        "접근 기록의 보관 기간은 을이 운영상 합리적이라고 판단하여 정합니다.\n"
    )
    assert status(review, "access_control") == "contradicted"


def test_plain_language_termination_right(review_text):
    review = review_text(
        "제17조(계약을 끝낼 수 있는 경우) 을이 계약을 어겨 갑의 업무에 나쁜 영향을 줄 수 있으면 갑은 바로 계약을 끝낼 수 있습니다.\n"
    )
    assert status(review, "termination_right") == "satisfied"


def test_plain_language_subcontracting(review_text):
    review = review_text(
        "제15조(다른 업체) 을이 업무의 일부를 협력업체에 맡기려면 갑의 서면 동의를 받아야 하며, 을은 협력업체를 연 1회 점검하여 관리·감독합니다.\n"
    )
    assert status(review, "subcontracting_consent") == "satisfied"
    assert status(review, "subcontractor_oversight") == "satisfied"


def test_subcontracting_consent_alone_is_partial_major_events(review_text):
    review = review_text("제14조(재위탁) 을은 재위탁하려면 갑의 사전 서면 동의를 받아야 한다.\n")
    assert status(review, "major_events") == "partly"


def test_assignment_without_consent_weakens_major_events(review_text):
    review = review_text(
        "제17조(합병) ① 을이 합병하는 경우 60일 전에 갑에게 통지한다. ② 을은 갑의 동의 없이 계열회사에 이 계약상 지위를 양도할 수 있다.\n"
    )
    assert status(review, "major_events") != "satisfied"


# ── a rider sets an article aside; "whether" must be what is decided ─────────────────────


def test_a_rider_setting_an_article_aside_supersedes_its_limitation(review_text):
    review = review_text(
        "제8조(처리 위치) ① 을은 서울 리전에서 데이터를 처리한다. ② 을은 운영상 필요하다고 판단하는 경우 처리 위치를 변경할 수 있다.\n"
        "금융 특약\n"
        "특약 제1조(우선 적용) 본 특약은 본 계약에 우선한다.\n"
        "특약 제2조(정보처리 위치) ① 갑의 데이터는 대한민국 내 데이터센터에서만 처리·보관한다. "
        "② 본 계약 제8조 제2항은 갑에 대하여 적용하지 아니한다.\n"
    )
    assert status(review, "processing_location") == "satisfied"


def test_notwithstanding_a_paragraph_supersedes_only_that_paragraph(review_text):
    review = review_text(
        "제15조(종료) ① 을은 종료 후 30일간 데이터를 반출할 수 있게 한다. ② 그 밖의 이전 지원은 을이 동의하는 경우에 한하여 제공한다. "
        "③ 백업 사본의 파기 여부와 시기는 을이 결정한다.\n"
        "금융 특약\n"
        "특약 제1조(우선 적용) 본 특약은 본 계약에 우선한다.\n"
        "특약 제2조(이전 지원) 본 계약 제15조제2항에도 불구하고 을은 갑이 다른 사업자로 이전하는 것을 지원하고 전환계획을 수립한다.\n"
        "특약 제3조(파기) 계약 종료 시 을은 데이터를 복구할 수 없도록 파기한다.\n"
    )
    assert status(review, "transition_support") == "satisfied"
    assert status(review, "data_destruction") == "partly"  # 제15조 ③ is not set aside


def test_checking_whether_decides_nothing(review_text):
    review = review_text(
        "제16조(재위탁) ① 을은 재위탁하려면 갑의 사전 서면 동의를 받아야 한다. "
        "② 을은 재수탁자가 이 계약의 의무를 준수하도록 계약으로 정하고, 그 이행 여부를 연 1회 이상 점검한다.\n"
    )
    assert status(review, "subcontractor_oversight") == "satisfied"
    assert not _risks(review, "subcontractor_oversight")


# ── amendments: a 신·구 조문 대비표 and quoted new articles ─────────────────────────────────


def test_only_the_amended_column_of_a_comparison_table_counts(review_text):
    review = review_text(
        "제2조(원계약의 변경) 원계약을 아래 대비표의 개정안과 같이 변경한다.\n"
        "조항 | 현행 | 개정안\n"
        "제11조(감사) | 을이 동의하는 경우에 한하여 갑의 감사인은 현장을 방문할 수 있다. | "
        "을은 금융감독원 및 갑의 감사인의 검사와 현장 방문을 수용하고 자료 제출 요구에 응한다.\n"
        "\n[신설 조문]\n"
        "「제3조의2(데이터의 귀속) 서비스에 저장되는 갑의 데이터에 관한 모든 권리는 갑에게 귀속된다.」\n"
    )
    assert status(review, "supervisory_access") == "satisfied"
    assert not _risks(review, "supervisory_access")
    assert _locations(review, "supervisory_access")[0].startswith("제11조")
    assert status(review, "data") == "satisfied"
    assert _locations(review, "data")[0].startswith("제3조의2")


def test_order_form_sections_are_cited_as_order_form_items(review_text):
    review = review_text(
        "클라우드 서비스 주문서 (Order Form)\n"
        '고객: △△자산운용 주식회사(이하 "고객")\n공급자: ▲▲클라우드 주식회사(이하 "회사")\n'
        "1. 주문 정보\n- 서비스명: 가상서버\n"
        "2. 이용 목적 및 대상 시스템\n- 이용 대상 업무: 리서치 업무\n- 대상 시스템: 백테스트 분석 서버\n"
        "[첨부] 이용약관 요약\n"
        "제1조(목적)\n- 이 약관은 서비스 이용 조건을 정함\n"
        "제2조(관할)\n- 이 계약에 관한 소송은 서울중앙지방법원을 제1심 관할 법원으로 함\n",
        preamble="", critical=False,
    )
    assert _locations(review, "scope_of_service")[0] == "주문서 2호"
    assert _locations(review, "jurisdiction")[0].startswith("제2조")


# ── more ways to leave it to the provider; amendments deferring to the original ───────────


def test_provider_discretion_phrasings(review_text):
    review = review_text(
        "제8조(서비스 수준) ① 을은 가용률 보고서를 을이 적절하다고 여기는 시기와 형식으로 갑에게 제공할 수 있다.\n"
        "② 갑이 서비스 수준의 개선을 요청하는 경우 협의가 이루어지지 않으면 을의 안에 따른다.\n"
        "제27조(종료 시 데이터) 계약이 종료된 후 보관하는 데이터의 파기 여부와 시기는 을의 재량에 속한다.\n"
    )
    assert status(review, "sla_monitoring") in ("contradicted", "partly")
    assert _risks(review, "sla_monitoring")
    assert status(review, "data_destruction") == "contradicted"


def test_amendment_items_left_to_the_original_contract_are_no_clause(review_text):
    review = review_text(
        "제4조(종전 조항의 적용) 다음 각 호의 사항은 이 합의서로 변경하지 아니하며, 원계약에서 정한 바에 따른다.\n"
        "1. 비밀유지 및 고객정보 보호: 원계약 제14조\n"
        "2. 분쟁 해결 및 관할 법원: 원계약 제25조\n"
    )
    assert status(review, "confidentiality") == "missing"
    assert status(review, "jurisdiction") == "missing"


def test_damages_only_and_no_termination_for_breach_is_no_right(review_text):
    review = review_text(
        "제17조(해지) 을이 이 계약상 의무를 위반한 경우에도 갑은 손해배상을 청구할 수 있을 뿐이며, "
        "이를 이유로 이 계약을 해지하거나 이용요금의 지급을 거절하지 못한다.\n"
    )
    assert status(review, "termination_right") == "contradicted"


def test_provider_access_without_approval_is_not_an_emergency_access_risk(review_text):
    review = review_text(
        "제8조(장애 대응) ① 서비스가 중단된 경우 을은 갑이 데이터에 접근하여 추출할 수 있도록 비상 접근 계정을 즉시 발급한다.\n"
        "② 을은 필요하다고 을이 판단하는 경우에는 갑의 승인 없이 갑의 데이터베이스에 접근할 수 있다.\n"
    )
    assert status(review, "emergency_access") == "satisfied"
    assert status(review, "access_control") in ("contradicted", "partly")


def test_no_duty_to_join_drills_with_a_discretionary_summary_is_no_cooperation(review_text):
    review = review_text(
        "제6조(보안) 을은 갑이 실시하는 비상대응훈련 또는 취약점 분석·평가에 참여하거나 협조할 의무를 부담하지 아니한다. "
        "다만, 을은 자신이 상당하다고 보는 범위에서 해당 훈련에 필요한 자료의 요약본을 갑에게 제공할 수 있다.\n"
    )
    assert status(review, "drills_cooperation") == "contradicted"


def test_moving_to_another_msp_or_own_operation_is_transition(review_text):
    review = review_text(
        "제14조(이전 지원) ① 갑이 위탁업무를 다른 관리사업자 또는 갑의 자체 운영으로 이전하려는 경우 을은 이전이 완료될 때까지 데이터 이관을 지원한다.\n"
        "② 을은 이관 절차와 일정을 포함한 전환계획서를 작성하여 갑에게 제출한다.\n"
    )
    assert status(review, "transition_support") == "satisfied"


def test_neither_party_may_assign_without_consent_is_protective(review_text):
    review = review_text(
        "Article 14. Assignment\n14.1 Neither Party may assign this Agreement without the prior written consent of the other Party.\n"
        "14.2 In the event of a merger, the Provider shall notify the Customer in advance and the Customer may terminate.\n"
        "Article 20. Business Continuity\nContingency arrangements in the event of an interruption of the Services shall be as "
        "described in the Provider's Business Continuity Policy published on the Provider's customer portal.\n",
        preamble=EN_PREAMBLE,
    )
    assert status(review, "major_events") == "satisfied"
    assert status(review, "emergency_access") == "missing"


def test_no_duty_to_issue_a_destruction_certificate_denies_part_of_destruction(review_text):
    review = review_text(
        "제23조(종료 후 데이터) ① 계약 종료 후 남은 데이터의 삭제 여부와 시기는 을이 정한다. "
        "② 을은 제1항의 데이터에 관하여 파기 확인서를 발급할 의무를 지지 아니한다.\n"
    )
    assert status(review, "data_destruction") == "contradicted"


def test_backups_kept_until_the_provider_decides_make_destruction_partial(review_text):
    review = review_text(
        "제18조(종료) 계약이 끝나면 을은 30일 안에 갑의 데이터를 복구할 수 없도록 파기합니다.\n"
        "제20조(백업 사본) 제18조에도 불구하고 백업 사본을 따로 지울지, 언제 지울지는 을이 정합니다.\n"
    )
    assert status(review, "data_destruction") == "partly"


def test_a_change_of_contact_details_is_no_material_change(review_text):
    review = review_text("제9조(연락) 담당 부서나 연락처가 바뀌면 상대방에게 지체 없이 알립니다.\n")
    assert status(review, "change_notification") == "missing"


def test_provider_choosing_its_partners_without_consent_is_no_consent(review_text):
    review = review_text(
        "제12조(재위탁) 을은 야간 관제 등 업무의 일부를 을이 선정한 협력사에 재위탁할 수 있으며, 협력사의 선정과 교체는 을이 정합니다.\n"
    )
    assert status(review, "subcontracting_consent") == "contradicted"


def test_partner_companies_are_subcontractors(review_text):
    review = review_text(
        "제11조(협력사) ① 을은 서비스 제공의 일부를 협력사에 위탁할 수 있으며, 이 경우 갑의 별도 동의를 요하지 아니한다.\n"
        "② 을은 협력사의 의무 이행 여부를 분기 1회 점검하는 등 협력사를 관리·감독한다.\n"
    )
    assert status(review, "subcontracting_consent") == "contradicted"
    assert status(review, "subcontractor_oversight") == "satisfied"


def test_disclaiming_damage_to_users_is_a_liability_risk(review_text):
    review = review_text(
        "제16조(손해배상) 을은 자신의 과실로 이 계약을 위반하여 갑에게 손해를 입힌 경우 그 손해를 배상한다.\n"
        "제17조(면책) 을은 해킹 등 전산사고로 회원 그 밖의 제3자에게 발생한 손해에 대하여는 책임을 지지 아니한다.\n"
    )
    assert status(review, "liability") == "partly"


def test_the_institutions_testing_bound_to_the_providers_approval_limits_drills(review_text):
    review = review_text(
        "제8조(점검) ① 을은 갑이 실시하는 취약점 분석·평가에 협조한다. "
        "② 갑은 을의 사전 승인 없이 서비스 기반 인프라에 대한 침투 시험을 수행하여서는 아니 된다.\n"
    )
    assert status(review, "drills_cooperation") == "partly"


def test_lifting_the_contracts_liability_limitation_is_no_denial(review_text):
    review = review_text(
        "제7조(손해배상) ① 을의 과실로 갑 또는 이용자에게 손해가 발생한 경우 을은 그 손해를 배상한다.\n"
        "② 개인신용정보의 유출로 인한 손해에 대하여는 본 계약 제15조의 책임 제한을 적용하지 아니한다.\n"
    )
    assert status(review, "liability") == "satisfied"


def test_a_financial_annex_with_its_own_articles_is_cited_by_its_name(review_text):
    review = review_text(
        "제1조(목적) 이 계약은 서비스 이용 조건을 정한다.\n"
        "금융부문 부속서\n"
        "제1조(목적) 이 부속서는 금융회사에 적용되는 사항을 정한다.\n"
        "제2조(재판관할) 이 계약에 관한 소송은 서울중앙지방법원을 제1심 관할 법원으로 한다.\n"
    )
    assert _locations(review, "jurisdiction")[0] == "부속서 제2조"


def test_the_institutions_own_drill_is_no_cooperation(review_text):
    review = review_text(
        "제13조(훈련) ① 갑은 매년 1회 이상 재해복구 전환 모의훈련을 실시한다. "
        "② 을은 제1항의 모의훈련에 대하여 을이 확인한 범위에서 인력과 자료를 제공한다.\n"
    )
    assert status(review, "drills_cooperation") == "contradicted"


def test_us_style_subsections_and_clause_items(review_text):
    review = review_text(
        "Section 10. Audits\n(a) Provider shall permit the FSS and Customer's auditors to inspect and audit the Services.\n"
        "(b) Provider shall cooperate with any inspection by a supervisory authority.\n"
        "Section 15. Termination\n15.1 Customer may terminate this Agreement by written notice if:\n"
        "(a) Provider commits a material breach of this Agreement;\n(b) Provider becomes insolvent.\n",
        preamble=EN_PREAMBLE,
    )
    assert _locations(review, "supervisory_access")[0].startswith("제10조 (a)")
    assert status(review, "termination_right") == "satisfied"


def test_standard_terms_call_the_provider_the_company(review_text):
    review = review_text(
        "○○ 서비스 이용약관\n제1조(목적) 이 약관은 회사가 제공하는 서비스의 이용 조건을 정합니다.\n"
        "제20조(종료 후 데이터) 이용계약 종료 후 이용자 데이터의 삭제 여부와 보관 기간은 회사가 정합니다.\n",
        preamble="", critical=False,
    )
    assert status(review, "data_destruction") == "contradicted"


def test_each_amending_instruction_is_its_own_statement(review_text):
    review = review_text(
        "제2조(원계약의 변경) 원계약을 다음과 같이 변경한다.\n"
        "1. 제6조제3항 중 \"30일 전까지\"를 \"90일 전까지\"로 한다.\n"
        "2. 제11조에 제3항을 다음과 같이 신설한다. \"③ 갑의 내부감사부서는 매년 갑 임직원의 접속 기록을 점검한다.\"\n"
        "3. 제13조제1항 중 \"재수탁자\"를 \"재수탁자(그 변경을 포함한다)\"로 한다.\n"
        "제3조(다른 조항과의 관계) 원계약 중 비밀유지(제14조) 및 손해배상(제16조)에 관한 조항은 이 변경계약으로 변경되지 아니하며 "
        "종전과 같이 그 효력을 유지한다.\n"
    )
    assert status(review, "supervisory_access") == "missing"
    assert status(review, "subcontractor_oversight") == "missing"
    assert status(review, "confidentiality") == "missing"
    assert status(review, "liability") == "missing"


def test_english_terms_are_whole_words(review_text):
    review = review_text(
        "Article 8. Service Levels\n8.2 The Provider will make available to the Customer a service health dashboard "
        "and a monthly report by the end of each calendar month.\n"
        "Article 14. Return of Data\n14.1 Upon termination the Provider shall return the Customer Data; the data will be "
        "deleted within 30 days after termination.\n",
        preamble=EN_PREAMBLE,
    )
    # "customer a service" holds "erase" once the spaces are gone; only Article 14 deletes
    assert all(loc.startswith("제14조") for loc in _locations(review, "data_destruction"))
    assert status(review, "data_destruction") == "satisfied"  # "deleted": an inflection of "delete"


def test_an_addendum_pointing_to_main_contract_articles_is_no_clause(review_text):
    review = review_text(
        "제16조(종료 시 데이터) 본계약이 종료되는 경우 위탁데이터의 반환, 삭제 및 삭제 확인에 관한 사항은 본계약 제21조에 따릅니다.\n"
        "제19조(분쟁 해결) 이 합의서에 관한 분쟁의 준거법과 관할은 본계약 제27조에 따릅니다.\n"
    )
    assert status(review, "data_destruction") == "missing"
    assert status(review, "jurisdiction") == "missing"


def test_english_no_right_to_terminate_denies_the_right(review_text):
    review = review_text(
        "Article 14. Liability\n14.1 The Provider shall be liable for damages caused by its breach of this Agreement.\n"
        "Article 15. Term\n15.2 The Customer shall have no right to terminate this Agreement before the end of the Term, "
        "whether for convenience or for breach by the Provider, and its remedies shall be limited to damages under Article 14.\n",
        preamble=EN_PREAMBLE,
    )
    assert status(review, "termination_right") == "contradicted"
    assert status(review, "liability") == "satisfied"


# ── after the round-8 held-out run (seen since): bilingual headings, MSP names ─────────────


def test_bilingual_heading_line_opens_the_article(review_text):
    review = review_text(
        "Article 21 (Jurisdiction) / 제21조(관할)\n"
        "(1) The Seoul Central District Court shall have exclusive jurisdiction over any dispute.\n"
        "① 이 계약에 관한 분쟁은 서울중앙지방법원을 전속 관할 법원으로 한다.\n"
    )
    assert _locations(review, "jurisdiction")[0].startswith("제21조")


def test_an_msp_named_operator_is_the_provider(review_text):
    review = review_text(
        '◎◎페이 주식회사(이하 "회사"라 합니다)와 △△엠에스피 주식회사(이하 "운영사"라 합니다)는 「클라우드 운영관리 서비스 계약」'
        '(이하 "원계약"이라 합니다)에 대하여 다음과 같이 합의합니다.\n'
        "제11조(장애 시 대책) 서비스가 중단되는 경우의 비상대책(회사가 데이터에 접근하기 위한 별도의 접근 수단 등)은 "
        "운영사가 필요하다고 인정하는 경우에 한하여 마련합니다.\n",
        preamble="",
    )
    assert status(review, "emergency_access") == "contradicted"


def test_a_ground_of_termination_citing_an_article_is_no_amending_instruction(review_text):
    review = review_text(
        "제20조(해지) 갑은 다음 각 호의 어느 하나에 해당하는 경우 이 계약을 해지할 수 있다.\n"
        "1. 을이 이 계약을 위반한 경우\n"
        "2. 제15조에 따른 재위탁의 변경으로 보안위험이 현저히 증가한다고 갑이 판단하는 경우\n"
    )
    assert status(review, "termination_right") == "satisfied"


def test_a_long_document_without_recognised_articles_is_flagged(review_text):
    from fincloud.evidence.contracts.render import to_markdown
    review = review_text(("SECTION ONE — 을은 갑의 데이터를 보호한다. " * 200) + "\n", critical=False, preamble="")
    assert review.warnings and "조문 구조" in review.warnings[0]
    assert "주의" in to_markdown(review)
    assert review.to_json_dict()["warnings"] == review.warnings


def test_a_structured_contract_has_no_structure_warning(review_text):
    review = review_text("".join(f"제{n}조(조항) 을은 갑의 데이터를 보호하며 관계 법령을 준수한다.\n" for n in range(1, 40)))
    assert review.warnings == []


# ── the guide's own wording (가이드 제7장 고려사항) ─────────────────────────────────────────


def test_a_contract_written_in_the_guides_own_words_satisfies_its_clauses(review_text):
    """Each consideration of 가이드 제7장 (catalog contract_clauses.yaml) written as an article: the clause
    it belongs to is recognised. 2-마 (prior notice of 재위탁 + the institution's termination right) is
    the guide's own form of subcontracting consent; 2-라's 재위탁 measures cover one of the listed
    situations only (partly, interpretation 4.4); 1-가's considerations describe the duty to write an
    overview rather than being one (scope not asserted)."""
    import yaml

    data = yaml.safe_load((ROOT / "src/fincloud/catalog/editions/fsi-2023/contract_clauses.yaml").read_text(encoding="utf-8"))
    lines = ['○○은행(이하 "갑"이라 한다)과 ▲▲클라우드 주식회사(이하 "을"이라 한다)는 다음과 같이 계약을 체결한다.']
    n = 0
    for clause in data["clauses"]:
        for consideration in clause.get("considerations") or []:
            text = consideration["text"].replace("\n", " ").replace("클라우드서비스 제공자", "을").replace("금융회사", "갑")
            if text.startswith("※") or "예외" in text[:20]:
                continue
            n += 1
            lines.append(f"제{n}조({clause['text'][:15]}) {text}")
    review = review_text("\n".join(lines), preamble="")
    statuses = {c.id: c.status for c in review.clauses}
    assert statuses.pop("major_events") == "partly"
    statuses.pop("scope_of_service")
    assert statuses == dict.fromkeys(statuses, "satisfied")
