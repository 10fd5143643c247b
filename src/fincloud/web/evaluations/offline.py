"""The questionnaire as a file, for institutions whose network is separated from the internet (망분리;
WORKSPACE.md "Files across separated networks").

XLSX: written by :mod:`fincloud.documents.questionnaire_xlsx` (answer cells unlocked, protected sheet,
hidden ``_meta`` sheet with an HMAC over everything outside the answer cells). The documents writer
names a file by workload|provider|as-of|edition and always as version 1, which cannot tell two
questionnaires (or two versions) of one workload apart, so the web stamps the questionnaire's own id
(``Questionnaire.qid``) and version into ``_meta`` and signs again with the writer's HMAC.

JSON: the same questions with empty answer fields and an HMAC-SHA256 (same key) over everything
except the answer fields.

Import checks everything before it writes anything and then writes in one transaction: a file
altered outside its answers, of another questionnaire or version, malformed, with unknown responses,
or for a questionnaire not awaiting answers is rejected with the reason.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from fincloud.documents import questionnaire_xlsx as qx
from fincloud.documents.context import build_context
from fincloud.errors import InputError
from fincloud.web.audit import trail
from fincloud.web.evaluations.models import Questionnaire
from fincloud.web.evaluations.services import EvaluationError, series_of, snapshot

JSON_FORMAT = "fincloud.questionnaire+json/1"
ANSWER_FIELDS = ("response", "comment")
# The workbook's 이행 여부 list → Answer.response.
XLSX_RESPONSES = dict(zip(qx.ANSWERS, ("yes", "partial", "no", "not_applicable"), strict=True))
RESPONSES = set(XLSX_RESPONSES.values())


def key_for(institution) -> bytes:
    """Keyed by the institution's row id (not its name), so renaming the institution does not
    invalidate questionnaire files already out with providers."""
    secret = settings.FINCLOUD_QUESTIONNAIRE_SECRET
    return qx.derive_key(f"institution:{institution.pk}", secret.encode() if secret else None)


def _numbers(q: Questionnaire) -> list[str]:
    return [i["number"] for i in q.items]


# --- export ----------------------------------------------------------------------------------------

def export_xlsx(q: Questionnaire, lang: str = "ko") -> bytes:
    from fincloud.web.workspace.assessment import compute

    computed = compute(q.workload.institution)
    try:
        ctx = build_context(computed.portfolio, computed.assessment, computed.catalog, q.workload.key, lang)
    except InputError as exc:
        raise EvaluationError([p.message for p in exc.problems]) from None
    plan = ctx.result.provider_evaluation
    now = [i.number for i in plan.items if i.required] if plan is not None else []
    if now != _numbers(q):
        raise EvaluationError([_("이 질문서를 만든 뒤 엔진의 평가 항목이 바뀌었습니다 (지금: %(now)s). "
                                 "새 버전의 질문서를 만드십시오.") % {"now": ", ".join(now) or "-"}])
    key = key_for(q.workload.institution)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "questionnaire.xlsx"
        qx.write_questionnaire(ctx, path, key)
        wb = load_workbook(path)
    meta_sheet = wb[qx.META]
    meta: dict[str, str] = {}
    rows: dict[str, int] = {}
    for row in meta_sheet.iter_rows(min_col=1, max_col=2):
        name, value = row[0].value, row[1].value
        if name is not None:
            rows[str(name)] = row[0].row
            meta[str(name)] = "" if value is None else str(value)
    meta.pop("hmac_sha256")
    meta["questionnaire_id"], meta["version"] = q.qid, str(q.version)
    meta_sheet.cell(rows["questionnaire_id"], 2, meta["questionnaire_id"])
    meta_sheet.cell(rows["version"], 2, meta["version"])
    meta_sheet.cell(rows["hmac_sha256"], 2, qx.sheet_digest(wb[qx.SHEET], meta, key))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _signed_part(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k != "hmac_sha256"}
    if isinstance(body.get("items"), list):
        body["items"] = [{k: v for k, v in item.items() if k not in ANSWER_FIELDS} if isinstance(item, dict) else item
                         for item in body["items"]]
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _json_mac(doc: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, b"json|" + _signed_part(doc), hashlib.sha256).hexdigest()


def export_json(q: Questionnaire, catalog) -> bytes:
    """The questionnaire as JSON for offline answering; current answers are included."""
    answers = {a.item: a for a in q.answers.all()}
    doc: dict[str, Any] = {
        "format": JSON_FORMAT, "qid": q.qid, "version": q.version,
        "institution": q.workload.institution.name, "workload": q.workload.key, "provider": q.provider.key,
        "kind": q.kind, "method": q.method,
        "responses": sorted(RESPONSES),
        "items": [{"number": n, "kind": item["kind"], "question": catalog.provider_item(n).question,
                   "response": answers[n].response if n in answers else "",
                   "comment": answers[n].comment if n in answers else ""}
                  for item in q.items for n in [item["number"]]],
    }
    doc["hmac_sha256"] = _json_mac(doc, key_for(q.workload.institution))
    return json.dumps(doc, ensure_ascii=False, indent=2).encode()


# --- import ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Parsed:
    qid: str
    version: str
    answers: list[tuple[str, str, str]]   # (item, response, comment); response "" = left blank


_SUFFIX = re.compile(r"-v\d+$")


def _identity_problems(q: Questionnaire, file_qid: str, file_version: str) -> list[str]:
    if _SUFFIX.sub("", file_qid) != series_of(q):
        return [_("다른 질문서의 파일입니다 (파일: %(f)s, 이 질문서: %(q)s).") % {"f": file_qid, "q": q.qid}]
    if file_version != str(q.version):
        return [_("다른 버전의 파일입니다 (파일: 버전 %(f)s, 이 질문서: 버전 %(v)d). 현재 버전을 내보내 다시 작성하게 하십시오.")
                % {"f": file_version, "v": q.version}]
    if file_qid != q.qid:
        return [_("다른 질문서의 파일입니다 (파일: %(f)s, 이 질문서: %(q)s).") % {"f": file_qid, "q": q.qid}]
    return []


def _items_problems(q: Questionnaire, numbers: list[str]) -> list[str]:
    if numbers != _numbers(q):
        return [_("파일의 평가 항목이 이 질문서와 다릅니다 (파일: %(f)s).") % {"f": ", ".join(numbers) or "-"}]
    return []


def parse_xlsx(q: Questionnaire, data: bytes) -> Parsed:
    key = key_for(q.workload.institution)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "import.xlsx"
        path.write_bytes(data)
        try:
            problems = qx.verify_questionnaire(path, key)
            if problems:
                raise EvaluationError(problems)
            read = qx.read_answers(path, key)
        except (EvaluationError, InputError) as exc:
            msgs = exc.problems if isinstance(exc, EvaluationError) else [p.message for p in exc.problems]
            raise EvaluationError(msgs) from None
        except Exception as exc:  # a crafted workbook may break the reader anywhere: still the user's error
            raise EvaluationError([_("읽을 수 없는 XLSX 파일입니다 (%(e)s).") % {"e": type(exc).__name__}]) from None
    problems = _identity_problems(q, read.questionnaire_id, read.version)
    problems += _items_problems(q, [a.number for a in read.answers])
    if problems:
        raise EvaluationError(problems)
    answers = []
    for a in read.answers:
        comment = a.detail
        if a.evidence:
            comment = f"{comment}\n{_('증적 자료')}: {a.evidence}".strip()
        answers.append((a.number, XLSX_RESPONSES.get(a.status, ""), comment))
    return Parsed(read.questionnaire_id, read.version, answers)


def parse_json(q: Questionnaire, data: bytes) -> Parsed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EvaluationError([_("JSON으로 읽을 수 없는 파일입니다 (%(e)s).") % {"e": exc}]) from None
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT:
        raise EvaluationError([_("fincloud 질문서 JSON이 아닙니다 (format이 %(f)s이어야 합니다).") % {"f": JSON_FORMAT}])
    items, mac = doc.get("items"), doc.get("hmac_sha256")
    if (not isinstance(items, list) or not all(isinstance(i, dict) for i in items) or not isinstance(mac, str)
            or not isinstance(doc.get("qid"), str) or not isinstance(doc.get("version"), int)):
        raise EvaluationError([_("질문서 JSON의 형식이 잘못되었습니다 (qid, version, items, hmac_sha256).")])
    if not hmac.compare_digest(mac, _json_mac(doc, key_for(q.workload.institution))):
        raise EvaluationError([_("답변 칸 밖의 내용(질문·식별 정보)이 바뀌었거나 다른 기관이 발급한 파일입니다 "
                                 "(무결성 검증 실패).")])
    problems = _identity_problems(q, doc["qid"], str(doc["version"]))
    problems += _items_problems(q, [str(i.get("number")) for i in items])
    answers = []
    for i in items:
        response, comment = i.get("response") or "", i.get("comment") or ""
        if not isinstance(response, str) or (response and response not in RESPONSES):
            problems.append(_("%(n)s: 알 수 없는 응답 '%(r)s' (허용: %(ok)s)")
                            % {"n": i.get("number"), "r": response, "ok": ", ".join(sorted(RESPONSES))})
        if not isinstance(comment, str):
            problems.append(_("%(n)s: comment는 문자열이어야 합니다.") % {"n": i.get("number")})
        answers.append((str(i.get("number")), response if isinstance(response, str) else "",
                        comment if isinstance(comment, str) else ""))
    if problems:
        raise EvaluationError(problems)
    return Parsed(doc["qid"], str(doc["version"]), answers)


@dataclass(frozen=True)
class ImportResult:
    updated: int
    unanswered: list[str]
    completed: bool


def import_file(q: Questionnaire, name: str, data: bytes, *, actor) -> ImportResult:
    """Check the whole file, then store it and its answers in one transaction (or nothing)."""
    from fincloud.web.workspace import uploads

    if q.status != "sent":
        raise EvaluationError([_("제공자 응답 중인 질문서에만 가져올 수 있습니다 (현재: %(s)s).")
                               % {"s": q.get_status_display()}])
    try:
        kind = uploads.check(data, "questionnaire_import", name).kind
    except uploads.UploadError as exc:
        raise EvaluationError([str(exc)]) from None
    parsed = parse_xlsx(q, data) if kind == "xlsx" else parse_json(q, data)
    with transaction.atomic():
        q = Questionnaire.objects.select_for_update().get(pk=q.pk)
        if q.status != "sent":
            raise EvaluationError([_("제공자 응답 중인 질문서에만 가져올 수 있습니다.")])
        stored = uploads.store((name, data), purpose="questionnaire_import", institution=q.workload.institution,
                               user=actor, workload=q.workload, provider=q.provider)
        by_item = {a.item: a for a in q.answers.all()}
        now, changed = timezone.now(), []
        for item, response, comment in parsed.answers:
            answer = by_item[item]
            if not response or (answer.response, answer.comment) == (response, comment):
                continue
            changed.append({"item": item, "before": [answer.response, answer.comment], "after": [response, comment]})
            answer.response, answer.comment, answer.answered_by, answer.answered_at = response, comment, actor, now
            answer.save(update_fields=["response", "comment", "answered_by", "answered_at"])
        missing = [a.item for a in by_item.values() if not a.response]
        before = snapshot(q)
        if not missing:
            q.status, q.answered_at = "answered", now
            q.save(update_fields=["status", "answered_at"])
        trail.record(actor, "questionnaire.import", q, before=before,
                     after={**snapshot(q), "file": stored.pk, "sha256": stored.sha256, "changed": changed},
                     workload_key=q.workload.key)
    return ImportResult(len(changed), missing, not missing)
