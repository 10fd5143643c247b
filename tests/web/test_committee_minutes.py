"""Minutes, attachments and DOCX exports (guide 제6장; the resolution and minutes are report
attachment 5, 감독규정 제14조의2제5항제5호)."""

from __future__ import annotations

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fincloud.web.workspace.models import StoredFile
from tests.web.test_committee_flow import READY, add_item, attend, confirm, new_meeting, record, resolve


def _text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_minutes_docx_opens_and_contains_the_resolution(admin, compliance, auditor):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    compliance.post(reverse("committee:compliance", args=[READY]),
                    {"conclusion": "no_objection", "opinion": "관련 법령 위배 없음", "given_on": "2026-11-18"})
    admin.post(reverse("committee:minutes", args=[meeting.pk]), {"minutes": "위원장 개회 선언\n안건 1 심의"})
    resolve(admin, item, "conditional", conditions="종합평가(현장) 2026-12-31까지 완료")
    response = auditor.get(reverse("committee:minutes_docx", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = _text(response.content)
    for expected in ("정보보호위원회 회의록", "본점 회의실", "2026-11-20", "조건부 승인", "종합평가(현장) 2026-12-31까지 완료",
                     "재적위원 4명 중 3명 출석", "충족", "최위원장", "불참", "AI 신용평가모형 개발", "42.5",
                     "관련 법령 위배 없음", "위원장 개회 선언", "찬성"):
        assert expected in text, expected
    document = docx.Document(io.BytesIO(response.content))
    fonts = document.styles.element.xml
    assert "NanumGothic" in fonts


def test_agenda_paper_docx_is_the_engines_committee_agenda(admin):
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, "wl-crm")
    response = admin.get(reverse("committee:agenda_docx", args=[item.pk]))
    assert response.status_code == 200
    text = _text(response.content)
    assert "정보보호위원회 안건" in text and "개인신용정보" in text


def test_attachments_are_checked_by_content_and_served_through_the_file_view(admin, provider_a):
    meeting = new_meeting(admin)
    upload = SimpleUploadedFile("회의자료.txt", "안건 설명 자료".encode(), content_type="application/pdf")
    admin.post(reverse("committee:attachment_add", args=[meeting.pk]), {"file": upload})
    stored = meeting.attachments.get()
    assert stored.purpose == "meeting_attachment" and stored.content_type.startswith("text/plain")
    png = SimpleUploadedFile("scan.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 32, content_type="application/pdf")
    page = admin.post(reverse("committee:attachment_add", args=[meeting.pk]), {"file": png}, follow=True)
    assert "허용되지 않는 파일 형식" in page.content.decode()
    assert StoredFile.objects.filter(purpose="meeting_attachment").count() == 1
    assert provider_a.get(reverse("workspace:file", args=[stored.pk])).status_code in (403, 404)
    assert admin.get(reverse("workspace:file", args=[stored.pk])).status_code == 200


def test_a_closed_meeting_cannot_be_changed(admin):
    meeting = new_meeting(admin)
    admin.post(reverse("committee:meeting_edit", args=[meeting.pk]),
               {"title": meeting.title, "held_on": "2026-11-20", "location": "", "status": "closed"})
    admin.post(reverse("committee:minutes", args=[meeting.pk]), {"minutes": "late edit"})
    admin.post(reverse("committee:agenda_add"), {"meeting": meeting.pk, "workload": READY})
    meeting.refresh_from_db()
    assert meeting.status == "closed" and meeting.minutes == "" and not meeting.agenda.exists()
