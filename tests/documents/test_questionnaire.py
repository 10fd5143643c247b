"""The provider self-check round trip: answers come back, anything else altered is rejected."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from fincloud.documents.context import build_context
from fincloud.documents.questionnaire_xlsx import (
    ANSWERS,
    META,
    SHEET,
    derive_key,
    questionnaire_id,
    read_answers,
    verify_questionnaire,
    write_questionnaire,
)
from fincloud.errors import InputError

KEY = derive_key("한빛은행", b"test-secret")


@pytest.fixture
def issued(demo, tmp_path):
    ctx = build_context(*demo, "wl-crm")
    path = tmp_path / "q.xlsx"
    write_questionnaire(ctx, path, KEY)
    return path, questionnaire_id(ctx), ctx


def fill(path, row: int, values: tuple[str, str, str]) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for col, value in zip("FGH", values, strict=True):
        ws[f"{col}{row}"] = value
    wb.save(path)


def test_questionnaire_lists_only_the_required_items_and_protects_all_but_answers(issued):
    path, _, ctx = issued
    wb = load_workbook(path)
    ws, meta = wb[SHEET], wb[META]
    numbers = [ws.cell(r, 1).value for r in range(6, ws.max_row + 1)]
    assert numbers == list(ctx.result.provider_evaluation.required_items)
    assert ws.protection.sheet and meta.protection.sheet and meta.sheet_state == "hidden"
    assert ws["F6"].protection.locked is False and ws["D6"].protection.locked is True
    validation = ws.data_validations.dataValidation[0]
    assert validation.formula1 == '"' + ",".join(ANSWERS) + '"'


def test_a_filled_questionnaire_is_accepted_and_its_answers_read(issued):
    path, qid, _ = issued
    fill(path, 6, ("이행", "정책 수립", "정보보호정책.pdf"))
    assert verify_questionnaire(path, KEY, qid) == []
    answers = read_answers(path, KEY, qid)
    assert answers.questionnaire_id == qid
    assert answers.answers[0].status == "이행" and answers.answers[0].evidence == "정보보호정책.pdf"
    assert answers.answers[1].status == ""


def test_an_edited_question_is_rejected(issued):
    path, qid, _ = issued
    wb = load_workbook(path)
    wb[SHEET]["D6"] = "질문을 바꿈"
    wb.save(path)
    assert any("altered" in p for p in verify_questionnaire(path, KEY, qid))
    with pytest.raises(InputError, match="altered"):
        read_answers(path, KEY, qid)


def test_an_added_row_outside_the_answers_is_rejected(issued):
    path, qid, _ = issued
    wb = load_workbook(path)
    wb[SHEET]["A200"] = "99.9.9"
    wb.save(path)
    assert verify_questionnaire(path, KEY, qid)


def test_another_questionnaire_is_rejected_by_id(issued, demo, tmp_path):
    path, _, _ = issued
    other = build_context(*demo, "wl-internet-banking")
    problems = verify_questionnaire(path, KEY, questionnaire_id(other))
    assert any("not 'wl-internet-banking" in p for p in problems)


def test_an_edited_questionnaire_id_is_rejected(issued, tmp_path):
    path, qid, _ = issued
    wb = load_workbook(path)
    wb[META]["B2"] = qid.replace("wl-crm", "wl-other")
    wb.save(path)
    assert any("altered" in p for p in verify_questionnaire(path, KEY))


def test_a_questionnaire_of_another_institution_key_is_rejected(issued):
    path, qid, _ = issued
    assert verify_questionnaire(path, derive_key("다른은행", b"test-secret"), qid)


def test_an_answer_outside_the_list_is_rejected(issued):
    path, qid, _ = issued
    fill(path, 7, ("대충함", "", ""))
    assert any("F7" in p and "대충함" in p for p in verify_questionnaire(path, KEY, qid))


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_a_malformed_file_gives_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    problems = verify_questionnaire(path, KEY)
    assert problems and "not a readable XLSX workbook" in problems[0]
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_answers(path, KEY)


def test_a_workbook_without_the_meta_sheet_is_not_a_questionnaire(issued, tmp_path):
    path, _, _ = issued
    copy = tmp_path / "copy.xlsx"
    shutil.copy(path, copy)
    wb = load_workbook(copy)
    del wb[META]
    wb.save(copy)
    assert "not a fincloud questionnaire" in verify_questionnaire(copy, KEY)[0]


def test_the_default_key_is_derived_per_institution():
    assert derive_key("한빛은행") != derive_key("다른은행")
    assert derive_key("한빛은행") == derive_key("한빛은행")
