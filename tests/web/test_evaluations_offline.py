"""The questionnaire across separated networks (망분리; 가이드 제4장 2 가. 자가점검, WORKSPACE.md
"Files across separated networks"): exported as XLSX or JSON, filled offline by the provider and
imported by the institution. A file altered outside its answers, of another questionnaire or
version, malformed, with unknown responses, or for a questionnaire not awaiting answers is
rejected with the reason, and nothing is half-imported."""

from __future__ import annotations

import io
import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from fincloud.documents import questionnaire_xlsx as qx
from fincloud.web.audit.models import AuditEvent
from fincloud.web.evaluations.models import Questionnaire
from fincloud.web.workspace.models import StoredFile

from .test_evaluations_flow import create, sent


def export(client, q, fmt="xlsx") -> bytes:
    response = client.get(reverse(f"evaluations:export_{fmt}", args=[q.pk]))
    assert response.status_code == 200, response
    return response.content


def fill_xlsx(data: bytes, status="이행", **edits) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[qx.SHEET]
    meta = {r[0]: r[1] for r in wb[qx.META].iter_rows(values_only=True)}
    for row in range(int(meta["first_row"]), int(meta["last_row"]) + 1):
        ws[f"F{row}"] = status
        ws[f"G{row}"] = f"{ws[f'A{row}'].value} 이행 내용"
        ws[f"H{row}"] = "보안정책서.pdf"
    for cell, value in edits.items():
        ws[cell] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client, q, data: bytes, name="answers.xlsx"):
    return client.post(reverse("evaluations:import", args=[q.pk]), {"file": SimpleUploadedFile(name, data)})


def answers_of(q):
    return list(q.answers.order_by("item").values_list("item", "response", "comment"))


def assert_rejected(client, q, data: bytes, reason: str, name="answers.xlsx"):
    before, files, events = answers_of(q), StoredFile.objects.count(), AuditEvent.objects.count()
    response = upload(client, q, data, name)
    page = response.content.decode()
    assert response.status_code == 200
    assert "가져오기를 거부했습니다" in page
    errors = " ".join(re.findall(r"<ul class=\"errorlist[^\"]*\">(.*?)</ul>", page, re.S))
    assert reason in errors, errors
    assert answers_of(q) == before
    assert StoredFile.objects.count() == files and AuditEvent.objects.count() == events
    q.refresh_from_db()
    assert q.status == "sent"


def test_xlsx_round_trip_imports_every_answer(assessor):
    q = sent(assessor, "wl-callbot")
    data = export(assessor, q)
    wb = load_workbook(io.BytesIO(data))
    meta = {r[0]: r[1] for r in wb[qx.META].iter_rows(values_only=True)}
    assert (meta["questionnaire_id"], meta["version"]) == (q.qid, "1")
    response = upload(assessor, q, fill_xlsx(data, "부분이행"))
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.status == "answered"
    for item, resp, comment in answers_of(q):
        assert resp == "partial"
        assert comment.startswith(f"{item} 이행 내용") and "보안정책서.pdf" in comment
    assert StoredFile.objects.filter(purpose="questionnaire_import", workload=q.workload).count() == 1


def test_partly_filled_xlsx_imports_what_is_there_and_stays_open(assessor):
    q = sent(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, q), "")
    wb = load_workbook(io.BytesIO(data))
    wb[qx.SHEET]["F6"] = "미이행"
    out = io.BytesIO()
    wb.save(out)
    assert upload(assessor, q, out.getvalue()).status_code == 302
    q.refresh_from_db()
    assert q.status == "sent"
    assert [r for _i, r, _c in answers_of(q) if r] == ["no"]


def test_xlsx_with_an_altered_question_cell_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, q), D6="바꾼 질문")
    assert_rejected(assessor, q, data, "integrity check failed")


def test_xlsx_with_tampered_meta_version_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    wb = load_workbook(io.BytesIO(fill_xlsx(export(assessor, q))))
    meta = wb[qx.META]
    for row in meta.iter_rows():
        if row[0].value == "version":
            row[1].value = "2"
    out = io.BytesIO()
    wb.save(out)
    assert_rejected(assessor, q, out.getvalue(), "integrity check failed")


def test_xlsx_of_another_questionnaire_is_rejected(assessor):
    mine = sent(assessor, "wl-callbot")
    other = sent(assessor, "wl-core-dr")
    data = fill_xlsx(export(assessor, other))
    assert_rejected(assessor, mine, data, "다른 질문서의 파일입니다")


def test_xlsx_of_an_earlier_version_is_rejected(assessor):
    v1 = sent(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, v1))
    v2 = sent(assessor, "wl-callbot")
    assert v2.version == 2
    assert_rejected(assessor, v2, data, "다른 버전의 파일입니다")


def test_xlsx_with_an_unknown_response_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, q), F7="아마도")
    assert_rejected(assessor, q, data, "아마도")


def test_garbage_bytes_are_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    assert_rejected(assessor, q, bytes(range(256)) * 8, "허용되지 않는 파일 형식", name="answers.xlsx")


def _rewrite(data: bytes, name: str, content: bytes | None) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info.filename))
            elif content is not None:
                dst.writestr(info, content)
    return out.getvalue()


def test_workbook_with_a_broken_sheet_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    data = _rewrite(export(assessor, q), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row")
    assert_rejected(assessor, q, data, "읽을 수 없는 XLSX 파일")


def test_workbook_without_its_meta_sheet_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    data = _rewrite(export(assessor, q), "xl/worksheets/sheet2.xml", None)
    assert_rejected(assessor, q, data, "not a fincloud questionnaire")


def test_truncated_file_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    assert_rejected(assessor, q, export(assessor, q)[:2000], "허용되지 않는 파일 형식")


def test_a_plain_workbook_is_not_a_questionnaire(assessor):
    from openpyxl import Workbook

    q = sent(assessor, "wl-callbot")
    out = io.BytesIO()
    Workbook().save(out)
    assert_rejected(assessor, q, out.getvalue(), "not a fincloud questionnaire")


def test_import_refused_unless_the_questionnaire_is_sent(assessor):
    q = create(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, q))
    response = upload(assessor, q, data)
    assert "제공자 응답 중인 질문서에만" in response.content.decode()
    assert all(r == "" for _i, r, _c in answers_of(q))


def test_json_round_trip(assessor):
    q = sent(assessor, "wl-callbot")
    doc = json.loads(export(assessor, q, "json"))
    assert (doc["qid"], doc["version"], len(doc["items"])) == (q.qid, 1, len(q.items))
    assert all(i["question"] for i in doc["items"])
    for i in doc["items"]:
        i["response"], i["comment"] = "not_applicable", "해당 기능 미사용"
    assert upload(assessor, q, json.dumps(doc, ensure_ascii=False).encode(), "a.json").status_code == 302
    q.refresh_from_db()
    assert q.status == "answered"
    assert {r for _i, r, _c in answers_of(q)} == {"not_applicable"}


def test_json_with_an_altered_question_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    doc = json.loads(export(assessor, q, "json"))
    doc["items"][0]["question"] = "바꾼 질문"
    doc["items"][0]["response"] = "yes"
    assert_rejected(assessor, q, json.dumps(doc).encode(), "무결성 검증 실패", "a.json")


def test_json_with_a_bumped_version_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    doc = json.loads(export(assessor, q, "json"))
    doc["version"] = 2
    assert_rejected(assessor, q, json.dumps(doc).encode(), "무결성 검증 실패", "a.json")


def test_json_of_another_questionnaire_is_rejected(assessor):
    mine = sent(assessor, "wl-callbot")
    other = sent(assessor, "wl-core-dr")
    doc = json.loads(export(assessor, other, "json"))
    assert_rejected(assessor, mine, json.dumps(doc).encode(), "다른 질문서의 파일입니다", "a.json")


def test_json_with_an_unknown_response_is_rejected_whole(assessor):
    q = sent(assessor, "wl-callbot")
    doc = json.loads(export(assessor, q, "json"))
    for i in doc["items"]:
        i["response"] = "yes"
    doc["items"][-1]["response"] = "maybe"
    assert_rejected(assessor, q, json.dumps(doc).encode(), "maybe", "a.json")


def test_malformed_json_is_rejected(assessor):
    q = sent(assessor, "wl-callbot")
    assert_rejected(assessor, q, b'{"format": "fincloud.questionnaire+json/1", "qid": ', "JSON으로 읽을 수 없는",
                    "a.json")
    assert_rejected(assessor, q, b'[1, 2, 3]', "fincloud 질문서 JSON이 아닙니다", "a.json")


def test_respondents_and_auditors_cannot_export_or_import(assessor, provider_a, auditor):
    q = sent(assessor, "wl-callbot")
    for client in (provider_a, auditor):
        assert client.get(reverse("evaluations:export_xlsx", args=[q.pk])).status_code == 403
        assert client.get(reverse("evaluations:export_json", args=[q.pk])).status_code == 403
        assert client.post(reverse("evaluations:import", args=[q.pk])).status_code == 403
    assert Questionnaire.objects.get(pk=q.pk).status == "sent"


def test_second_version_round_trips_and_keeps_its_protection(assessor):
    """A re-issued questionnaire (version 2) carries its own id and version, still protected and signed."""
    sent(assessor, "wl-callbot")
    v2 = sent(assessor, "wl-callbot")
    data = export(assessor, v2)
    wb = load_workbook(io.BytesIO(data))
    meta = {r[0]: r[1] for r in wb[qx.META].iter_rows(values_only=True)}
    assert (meta["questionnaire_id"], meta["version"]) == (v2.qid, "2")
    assert wb[qx.META].sheet_state == "hidden" and wb[qx.META].protection.sheet and wb[qx.SHEET].protection.sheet
    assert wb[qx.SHEET]["D6"].protection.locked and not wb[qx.SHEET]["F6"].protection.locked
    assert upload(assessor, v2, fill_xlsx(data, "미이행")).status_code == 302
    v2.refresh_from_db()
    assert v2.status == "answered" and {r for _i, r, _c in answers_of(v2)} == {"no"}


def test_questionnaire_file_survives_renaming_the_institution(assessor, demo):
    """망분리 round trip: a file already with the provider stays valid after the institution is renamed
    (the file's key follows the institution's identity, not its name)."""
    q = sent(assessor, "wl-callbot")
    data = fill_xlsx(export(assessor, q))
    demo.name = "한빛은행(주)"
    demo.save(update_fields=["name"])
    assert upload(assessor, q, data).status_code == 302
    q.refresh_from_db()
    assert q.status == "answered"
