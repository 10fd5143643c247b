"""Rule: the splitter recognises 조 (with title), 항, 호, 목, annexes and 부칙, keeping positions."""

from __future__ import annotations

from pathlib import Path

from fincloud.evidence.contracts.readers import read_document
from fincloud.evidence.contracts.structure import split

TEXT = """클라우드서비스 이용계약서
갑과 을은 다음과 같이 계약을 체결한다.
제1장 총칙
제1조(목적) 이 계약은 이용 조건을 정한다.
제2조 (감독 및 검사)
① 을은 다음 각 호의 자의 검사에 협조한다.
1. 금융감독원
2. 내부감사인
가. 상근 감사
② 을은 별표 1에 따른 서비스 수준을
유지한다.
제3조의2(재위탁) 을은 갑의 동의 없이 재위탁할 수 없다.
(1) 괄호 번호도 항으로 본다.
[별표 1] 서비스 수준
1. 가용성 99.9%
부칙
제1조(시행일) 이 계약은 체결일부터 시행한다.
"""


def _units(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text(TEXT, encoding="utf-8")
    return split(read_document(path)).units


def test_locations_follow_article_paragraph_item_subitem(tmp_path):
    locations = [u.location for u in _units(tmp_path)]
    assert locations == [
        "전문", "제1조", "제2조 ①", "제2조 ① 1호", "제2조 ① 2호", "제2조 ① 2호 가목", "제2조 ②",
        "제3조의2", "제3조의2 (1)", "별표 1 1호", "부칙 제1조",
    ]


def test_titles_and_wrapped_lines(tmp_path):
    units = _units(tmp_path)
    second = next(u for u in units if u.location == "제2조 ②")
    assert second.article_title == "감독 및 검사"
    assert second.text == "을은 별표 1에 따른 서비스 수준을 유지한다."  # the wrapped line is joined
    assert next(u for u in units if u.location == "제1조").text == "이 계약은 이용 조건을 정한다."


def test_sentence_starting_with_annex_reference_is_not_an_annex(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("제5조(서비스 수준)\n별표 1에 따른 서비스 수준을 유지한다.\n", encoding="utf-8")
    units = split(read_document(path)).units
    assert [u.location for u in units] == ["제5조"]


def test_paragraph_positions_are_kept(tmp_path):
    units = _units(tmp_path)
    assert next(u for u in units if u.location == "제2조 ① 1호").block == 7
