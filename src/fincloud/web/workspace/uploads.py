"""Upload validation and storage: type from content (never from the name), a size limit, a random
stored name, and a SHA-256 of what was stored. Served only through ``workspace:file`` after a
permission check (accounts.permissions.files_for)."""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from fincloud.web.workspace.models import StoredFile

KIND_TYPES = {
    "pdf": ("application/pdf", ".pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "hwpx": ("application/hwp+zip", ".hwpx"),
    "png": ("image/png", ".png"),
    "jpeg": ("image/jpeg", ".jpg"),
    "text": ("text/plain; charset=utf-8", ".txt"),
    "json": ("application/json", ".json"),
    "zip": ("application/zip", ".zip"),
}
# What each purpose accepts.
PURPOSES = {
    "answer_evidence": {"pdf", "docx", "xlsx", "hwpx", "png", "jpeg", "text", "json"},
    "safeguard_evidence": {"pdf", "docx", "xlsx", "hwpx", "png", "jpeg", "text", "json"},
    "contract": {"pdf", "docx", "hwpx", "text"},
    "questionnaire_import": {"xlsx", "json"},
    "destruction_certificate": {"pdf", "png", "jpeg"},
    "meeting_attachment": {"pdf", "docx", "xlsx", "hwpx", "text"},
    "report_package": {"zip"},
    "portfolio_import": {"text", "json"},
}


class UploadError(ValueError):
    """The upload cannot be accepted; the message says why and what is allowed."""


@dataclass(frozen=True)
class Sniffed:
    kind: str
    content_type: str
    extension: str


def sniff(data: bytes) -> str | None:
    """The file's kind by its content; ``None`` when it is none we accept."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and zf.read("mimetype").strip() == b"application/hwp+zip":
                    return "hwpx"
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        return "zip"
    if b"\x00" in data[:8192]:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    stripped = text.lstrip()
    return "json" if stripped.startswith(("{", "[")) else "text"


def check(data: bytes, purpose: str, name: str = "") -> Sniffed:
    limit = settings.FINCLOUD_UPLOAD_MAX_BYTES
    if len(data) > limit:
        raise UploadError(_("%(name)s: 파일이 너무 큽니다 (%(size)d바이트, 최대 %(limit)d바이트).")
                          % {"name": name, "size": len(data), "limit": limit})
    if not data:
        raise UploadError(_("%(name)s: 빈 파일입니다.") % {"name": name})
    kind = sniff(data)
    allowed = PURPOSES[purpose]
    if kind not in allowed:
        raise UploadError(_("%(name)s: 허용되지 않는 파일 형식입니다 (내용으로 판별: %(kind)s). 허용: %(allowed)s")
                          % {"name": name, "kind": kind or _("알 수 없음"), "allowed": ", ".join(sorted(allowed))})
    content_type, ext = KIND_TYPES[kind]
    return Sniffed(kind, content_type, ext)


def store(upload, *, purpose: str, institution, user=None, workload=None, provider=None) -> StoredFile:
    """Validate and store an uploaded file (Django ``UploadedFile`` or ``(name, bytes)``)."""
    if isinstance(upload, tuple):
        name, data = upload
    else:
        if upload.size is not None and upload.size > settings.FINCLOUD_UPLOAD_MAX_BYTES:
            raise UploadError(_("%(name)s: 파일이 너무 큽니다 (최대 %(limit)d바이트).")
                              % {"name": upload.name, "limit": settings.FINCLOUD_UPLOAD_MAX_BYTES})
        name, data = upload.name, upload.read()
    sniffed = check(data, purpose, name)
    safe_original = (name or "file").replace("\\", "/").rsplit("/", 1)[-1][:200]
    stored = StoredFile(institution=institution, workload=workload, provider=provider, purpose=purpose,
                        original_name=safe_original, content_type=sniffed.content_type, size=len(data),
                        sha256=hashlib.sha256(data).hexdigest(), uploaded_by=user)
    stored.file.save(f"{uuid.uuid4().hex}{sniffed.extension}", ContentFile(data), save=False)
    stored.save()
    return stored
