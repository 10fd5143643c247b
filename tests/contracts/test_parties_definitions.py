"""Parties defined by a bare parenthesis — ○○증권(이하 "고객")과 ○○소프트 주식회사(이하 "회사") — are
read like the "…이라 한다" form, so a limitation written in the provider's own name ("회사가 공개 가능하다고
판단하는 범위에서") is the provider's discretion (별표 2의5: a limited obligation is never satisfied).
Found by the round-7 held-out set (safety failure there, fixed after it was measured)."""

from fincloud.evidence.contracts.concepts import load_concepts
from fincloud.evidence.contracts.parties import find_parties

PREAMBLE = ('주식회사 가나투자증권(이하 "고객")과 다라소프트 주식회사(이하 "회사")는 회사가 제공하는 서비스 '
            '"마바 클라우드"(이하 "서비스") 구독에 관하여 아래와 같이 합의한다.')


def test_bare_parenthesis_definitions_assign_both_sides():
    parties = find_parties(PREAMBLE, load_concepts().shared)
    assert "회사" in parties.provider and "회사" not in parties.institution
    assert "고객" in parties.institution


def test_product_name_definition_is_not_a_party():
    parties = find_parties(PREAMBLE, load_concepts().shared)
    assert "서비스" not in parties.provider and "서비스" not in parties.institution


def test_classic_definition_form_still_read():
    text = '○○은행(이하 "갑"이라 한다)과 △△클라우드 주식회사(이하 "을"이라 한다)는 다음과 같이 계약한다.'
    parties = find_parties(text, load_concepts().shared)
    assert "을" in parties.provider and "갑" in parties.institution
