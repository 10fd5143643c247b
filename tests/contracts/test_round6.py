"""Rules added in the sixth tuning round (docs/contract-review.md, "Round 6"). Each test is
named for its rule; the sentences are written for the tests, not taken from any held-out set."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from fincloud.evidence.contracts.matcher import _matchable
from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split
from tests.contracts.conftest import status

ROOT = Path(__file__).resolve().parents[2]


def _passages(review, clause_id):
    return [p.location for c in review.clauses if c.id == clause_id for p in c.passages]


def _risks(review, clause_id):
    return [r for r in review.risks if r.clause == clause_id]


# ── structure: a second agreement after the main contract ────────────────────────────────


def test_second_agreement_restarting_at_article_one_is_cited_by_its_name(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "제1조(목적) 이 계약은 목적을 정한다.\n제2조(요금) 요금은 별표 1에 따른다.\n"
        "[별표 1] 요금표 (생략)\n\n"
        "클라우드 이용에 관한 보안 부속합의서\n"
        "양 당사자는 본계약에 부속하여 다음과 같이 합의한다.\n"
        "제1조(목적) 이 합의서는 보안 사항을 정한다.\n제2조(처리 위치) ① 을은 국내에서만 처리한다.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    locations = [u.location for u in doc.units]
    assert "부속합의서 제2조 ①" in locations
    assert not any(loc.startswith("별표 1 제") for loc in locations)
    assert "제2조" in locations  # the main contract's 제2조 keeps its own place


def test_rider_title_after_addenda_starts_its_own_part(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "제1조(목적) 약관의 목적.\n부칙\n이 약관은 공지한 날부터 시행합니다.\n"
        "모바일 서비스 이용에 관한 금융회사 특약\n제1조(목적) 이 특약은 감독규정의 사항을 정한다.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    assert [u.location for u in doc.units][-1] == "특약 제1조"


def test_agreement_title_before_any_article_is_not_a_part(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("클라우드서비스 이용 합의서\n제1조(목적) 이 합의서는 목적을 정한다.\n", encoding="utf-8")
    doc = split(read_document(path))
    assert doc.units[-1].location == "제1조"


def test_agreement_title_repeated_as_page_header_is_not_a_part(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "제1조(목적) 이 합의서는 목적을 정한다.\n정보보호 부속합의서\n제2조(처리 위치) ① 을은 국내에서 처리한다.\n"
        "정보보호 부속합의서\n제3조(보안) 을은 보안을 유지한다.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    assert doc.articles == ["제1조", "제2조", "제3조"]
    assert all(u.annex is None for u in doc.units)


def test_english_heading_first_opens_the_article_of_the_translation(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "Article 1. Purpose\nThis Agreement sets out the terms.\n제1조(목적)\n이 계약은 조건을 정한다.\n"
        "Article 2. Services\nProvider shall operate the system.\n제2조(서비스)\n제공자는 시스템을 운영한다.\n",
        encoding="utf-8",
    )
    doc = split(read_document(path))
    english = next(u for u in doc.units if u.text.startswith("Provider shall"))
    assert english.article == "제2조"
    assert english.article_title == "서비스 (Services)"
    assert doc.articles == ["제1조", "제2조"]


# ── negations that widen or keep a duty ────────────────────────────────────────────────────


def test_lifting_a_liability_cap_is_not_a_denial(review_text):
    review = review_text(
        "제15조(손해배상) ① 을은 자신의 귀책사유로 갑의 고객에게 손해가 발생한 경우 갑과 연대하여 그 손해를 배상한다.\n"
        "② 을의 배상액은 연간 이용요금을 한도로 한다. 다만, 고의 또는 중과실로 인한 손해에는 그 한도를 적용하지 아니한다.\n"
    )
    assert status(review, "liability") == "satisfied"
    assert not _risks(review, "liability")


def test_cap_named_as_topic_lifted_by_not_applying_is_not_a_denial(review_text):
    review = review_text(
        "제15조(손해배상) ① 을의 귀책으로 갑의 고객에게 피해가 발생한 경우 을은 그 손해를 배상한다.\n"
        "② 제1항의 배상 한도는 개인정보 유출로 인한 손해에는 적용하지 아니한다.\n"
    )
    assert status(review, "liability") == "satisfied"


def test_not_applying_a_duty_denies_the_topic_of_the_sentence(review_text):
    review = review_text(
        "제20조(데이터의 파기) ① 을은 계약 종료 후 30일 이내에 갑의 데이터를 복구할 수 없도록 파기한다.\n"
        "② 계약이 종료되는 경우에도 제1항의 파기 의무는 백업 데이터에는 적용하지 아니한다.\n"
    )
    assert status(review, "data_destruction") == "partly"
    assert _risks(review, "data_destruction")


def test_not_applying_a_duty_is_still_a_denial_when_the_cap_comes_after(review_text):
    review = review_text(
        "제20조(데이터의 파기) ① 을은 계약 종료 후 30일 이내에 갑의 데이터를 복구할 수 없도록 파기한다.\n"
        "② 제1항의 파기 의무는 백업 데이터에는 적용하지 아니하며, 배상 한도는 제15조에 따른다.\n"
    )
    assert status(review, "data_destruction") != "satisfied"


def test_not_escaping_liability_keeps_it(review_text):
    review = review_text(
        "제15조(책임) ① 을은 갑의 고객에게 발생한 손해를 갑과 연대하여 배상한다.\n"
        "② 을은 하도급 업체와의 계약을 이유로 갑에 대한 책임을 면하지 못한다.\n"
    )
    assert status(review, "liability") == "satisfied"


def test_denied_liability_is_still_contradicted(review_text):
    review = review_text("제15조(면책) 을은 갑의 고객이 입은 손해에 대하여 어떠한 경우에도 책임을 지지 아니한다.\n")
    assert status(review, "liability") == "contradicted"


def test_saving_clause_without_effect_on_other_rights_is_not_a_denial(review_text):
    review = review_text(
        "제7조(서비스 수준) ① 갑은 을의 서비스 수준 이행 여부를 매월 점검한다.\n"
        "② 서비스 수준에 미달한 경우 갑은 을에게 시정조치를 요구할 수 있고, 을은 요금을 감액한다. "
        "감액은 갑의 손해배상 청구에 영향을 미치지 아니한다.\n"
    )
    assert status(review, "sla_monitoring") == "satisfied"


def test_location_keeping_covenants_are_duties(review_text):
    review = review_text(
        "제4조(처리 위치) ① 을은 갑의 데이터를 처리하는 데이터센터의 위치를 별표 2에 명시한다.\n"
        "② 을은 갑의 데이터를 국외로 이전하지 않으며, 전산실에 무선통신망을 설치하지 아니한다.\n"
    )
    assert status(review, "processing_location") == "satisfied"


def test_access_not_permitted_outside_approval_is_access_control(review_text):
    review = review_text(
        "제6조(접근통제) ① 을은 갑의 데이터에 대한 접근 권한을 최소 인원에게만 부여한다.\n"
        "② 을의 인력이 갑의 시스템에 접근하려면 갑의 승인을 받아야 하며, 승인 범위를 벗어난 접근은 허용되지 아니한다.\n"
    )
    assert status(review, "access_control") == "satisfied"
    assert not _risks(review, "access_control")


def test_access_through_approved_accounts_only_is_access_control(review_text):
    review = review_text("제6조(데이터 접근) 을의 인력은 갑이 승인한 계정으로만 갑의 데이터에 접근할 수 있다.\n")
    assert status(review, "access_control") == "satisfied"


# ── English denials and limitations ────────────────────────────────────────────────────────


def test_english_in_no_event_liable_is_a_denial(review_text):
    review = review_text(
        "제13조(책임) / Article 13 (Liability)\n"
        "(1) In no event shall Provider be liable for any loss or damage suffered by Customer's end users.\n"
    )
    assert status(review, "liability") == "contradicted"


def test_english_in_no_event_disclose_is_not_a_denial(review_text):
    review = review_text(
        "제10조(비밀유지) / Article 10 (Confidentiality)\n"
        "(1) Provider shall keep Customer Data confidential and in no event shall Provider disclose it to any third party.\n"
    )
    assert status(review, "confidentiality") != "contradicted"
    assert not _risks(review, "confidentiality")


def test_english_provider_deems_reasonable_is_a_limitation(review_text):
    review = review_text(
        "Article 7. Audit\nProvider shall permit the Financial Supervisory Service and Customer's auditors to inspect "
        "Provider's facilities and records to the extent Provider deems reasonable.\n"
    )
    assert status(review, "supervisory_access") != "satisfied"


def test_notice_replaced_by_posting_is_a_limitation(review_text):
    review = review_text(
        "제4조(변경의 통지) 을은 재위탁 업체 또는 데이터 저장 지역을 변경하는 경우 30일 전까지 갑에게 서면으로 통지한다. "
        "다만, 을은 을의 고객 포털에 게시하는 것으로 통지를 갈음할 수 있다.\n"
    )
    assert status(review, "change_notification") != "satisfied"


# ── limitations by payment, the provider's own policy or feasibility ──────────────────────


def test_duty_owed_only_under_a_paid_separate_contract_is_a_limitation(review_text):
    review = review_text(
        "제9조(훈련 및 점검) 을은 갑이 요청하는 모의해킹 및 취약점 점검을 별도 유상 계약을 체결하는 경우에 한하여 지원한다.\n"
    )
    assert status(review, "drills_cooperation") in ("partly", "contradicted")
    assert _risks(review, "drills_cooperation")


def test_paid_condition_does_not_limit_the_scope_description(review_text):
    review = review_text(
        "제3조(대상 업무) 이 계약의 이용 대상 업무는 보험금 청구 심사 업무이며, 대상 시스템은 심사 서버와 데이터베이스로 한다. "
        "추가 시스템의 운영은 별도 유상 계약 체결 시에 한하여 제공한다.\n"
    )
    assert status(review, "scope_of_service") == "satisfied"


def test_provider_own_policy_setting_the_frequency_is_a_limitation(review_text):
    review = review_text("제9조(점검) 취약점 분석·평가는 을이 자체 보안정책에 따라 정한 주기와 방법으로 수행한다.\n")
    assert status(review, "drills_cooperation") != "satisfied"


def test_provider_judging_feasibility_is_a_limitation(review_text):
    review = review_text(
        "제9조(훈련) 을은 자신의 운영 일정상 가능하다고 판단하는 경우에 한하여 갑의 비상대응훈련에 참여한다.\n"
    )
    assert status(review, "drills_cooperation") != "satisfied"


def test_terse_style_provider_decides_is_a_limitation(review_text):
    review = review_text(
        "제7조(서비스 수준)\n 가. 갑은 서비스 수준을 매월 점검함.\n"
        " 나. 미달 시 갑은 을에게 시정을 요구할 수 있음. 다만, 시정조치의 방법과 일정은 을이 정하는 바에 따름.\n"
    )
    assert status(review, "sla_monitoring") != "satisfied"


# ── what a passage is about ─────────────────────────────────────────────────────────────────


def test_title_of_a_referenced_article_is_not_matched():
    assert "비밀유지" not in _matchable("원계약 제17조(비밀유지)는 이 변경계약에 따른 업무에도 적용된다.")
    # an amending sentence is about the article it amends
    assert "재위탁" in _matchable('원계약 제14조(재위탁) 제1항 중 "통지하고"를 "동의를 받아"로 한다.')
    # the gap left by the title does not join words: "제11조(감독) 회사는" must not read "조회사"
    assert "조회" not in _matchable('"제11조(감독기관 검사) 회사는 검사에 협조한다."')


def test_amendment_that_only_references_an_article_does_not_satisfy_it(review_text):
    review = review_text("제9조(다른 조항과의 관계) 원계약 제17조(비밀유지)는 이 변경계약에 따른 업무에도 적용된다.\n")
    assert status(review, "confidentiality") == "missing"


def test_subcontracting_damage_to_the_institution_is_not_user_liability(review_text):
    review = review_text("제4조(재위탁) 재위탁과 관련하여 갑에게 손해가 생긴 경우 을이 먼저 배상한다.\n")
    assert status(review, "liability") == "missing"
    review = review_text("제15조(손해배상) 을의 귀책사유로 갑의 고객에게 손해가 발생한 경우 을은 그 손해를 배상한다.\n")
    assert status(review, "liability") == "satisfied"


def test_transition_drill_is_not_an_emergency_drill(review_text):
    review = review_text("제18조(이관 지원) 을은 갑이 요청하면 매년 이관 절차에 대한 모의훈련을 실시한다.\n")
    assert status(review, "drills_cooperation") == "missing"
    review = review_text("제9조(훈련) 을은 매년 재해복구 전환훈련을 실시하고 갑의 비상대응훈련에 참여한다.\n")
    assert status(review, "drills_cooperation") == "satisfied"


def test_export_after_termination_is_partial_transition_support(review_text):
    review = review_text("제13조(해지 후 데이터) 계약이 종료되면 갑은 종료일부터 30일 동안 갑의 데이터를 내려받을 수 있다.\n")
    assert status(review, "transition_support") == "partly"


def test_condition_item_ranks_below_the_article_stating_the_duty(review_text):
    review = review_text(
        "제8조(계약의 해지) ① 갑은 다음 각 호의 경우 계약을 해지할 수 있다.\n"
        " 1. 을이 감독기관의 검사에 응하지 아니한 경우\n"
        "제9조(협조 의무) 을은 금융감독원의 검사를 수용하고 자료를 제출한다.\n"
    )
    assert status(review, "supervisory_inspection") == "satisfied"
    assert _passages(review, "supervisory_inspection")[0].startswith("제9조")


def test_article_titled_for_the_clause_outranks_a_one_sentence_mention_elsewhere(review_text):
    review = review_text(
        "제2조(적용 범위) 이 계약은 금융감독원의 검사에 을이 협조할 사항을 포함한다.\n"
        "제9조(감독기관의 검사) 금융감독원은 을의 시설을 검사할 수 있다. 을은 이에 성실히 협조한다.\n"
    )
    assert _passages(review, "supervisory_inspection")[0].startswith("제9조")


# ── evaluation: the held-out slot ──────────────────────────────────────────────────────────


def _run_eval():
    spec = importlib.util.spec_from_file_location("run_eval", ROOT / "eval" / "contracts" / "run_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_heldout_set_not_there_yet_is_reported(tmp_path):
    run_eval = _run_eval()
    why = run_eval.heldout_missing(tmp_path / "gold_x.yaml", tmp_path / "x" / "SHA256SUMS")
    assert why and "not there yet" in why


def test_heldout_checksums_must_cover_gold_and_every_contract(tmp_path, capsys):
    run_eval = _run_eval()
    (tmp_path / "a.txt").write_text("제1조 본문", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"contracts:\n  - file: {tmp_path / 'a.txt'}\n    critical: true\n", encoding="utf-8")
    sums = tmp_path / "SHA256SUMS"

    def digest(p: Path) -> str:
        return hashlib.sha256(p.read_bytes()).hexdigest()

    sums.write_text(f"{digest(gold)}  gold.yaml\n", encoding="utf-8")
    assert not run_eval.verify_checksums(sums, gold)  # a.txt is not listed
    sums.write_text(f"{digest(gold)}  gold.yaml\n{digest(tmp_path / 'a.txt')}  a.txt\n", encoding="utf-8")
    assert run_eval.verify_checksums(sums, gold)
    (tmp_path / "a.txt").write_text("제1조 바뀐 본문", encoding="utf-8")
    assert not run_eval.verify_checksums(sums, gold)
    assert "MISMATCH" in capsys.readouterr().out
