"""Minutes (회의록), attachments and the DOCX exports: the minutes of a meeting, and the engine's
per-workload agenda paper (documents.committee_agenda). The resolution and minutes are report
attachment 5 (감독규정 제14조의2제5항제5호; catalog committee.yaml ``records``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.documents.labels import STATUS, pick
from fincloud.documents.model import Document
from fincloud.errors import InputError
from fincloud.web.accounts.permissions import get_or_404, require
from fincloud.web.audit import trail
from fincloud.web.committee import services
from fincloud.web.committee.forms import AttachmentForm, MinutesForm
from fincloud.web.committee.rules import MAJORITY_RULE, QUORUM_RULE, catalog_basis, quorum_met
from fincloud.web.committee.views import meeting_context
from fincloud.web.workspace.assessment import catalog_for, compute
from fincloud.web.workspace.uploads import UploadError, store

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONCLUSION_LABEL = {"no_objection": "이견 없음", "with_conditions": "조건부 의견", "objection": "이견 있음"}
VOTE_LABEL = {"approve": "찬성", "reject": "반대", "abstain": "기권"}


def _status(value) -> str:
    return pick(STATUS, value, "ko")


@require("run_committee")
@require_POST
def minutes(request, pk: int):
    m = get_or_404(services.meetings_for(request.user), pk=pk)
    if m.status == "closed":
        messages.error(request, _("종료된 회의는 변경할 수 없습니다. 상태를 먼저 바꾸십시오."))
        return redirect("committee:meeting", m.pk)
    before = m.minutes
    form = MinutesForm(request.POST, instance=m)
    if form.is_valid():
        with transaction.atomic():
            form.save()
            trail.record(request.user, "committee.minutes", m, before={"minutes": before},
                         after={"minutes": m.minutes})
        messages.success(request, _("회의록을 저장했습니다."))
    else:
        messages.error(request, _("회의록을 저장하지 못했습니다."))
    return redirect("committee:meeting", m.pk)


@require("run_committee")
@require_POST
def attachment_add(request, pk: int):
    m = get_or_404(services.meetings_for(request.user), pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("첨부할 파일을 고르십시오."))
        return redirect("committee:meeting", m.pk)
    try:
        with transaction.atomic():
            stored = store(request.FILES["file"], purpose="meeting_attachment", institution=request.institution,
                           user=request.user)
            m.attachments.add(stored)
            trail.record(request.user, "committee.attachment", m, after={
                "file": stored.original_name, "sha256": stored.sha256, "size": stored.size})
    except UploadError as exc:
        messages.error(request, str(exc))
        return redirect("committee:meeting", m.pk)
    messages.success(request, _("첨부했습니다: %(n)s") % {"n": stored.original_name})
    return redirect("committee:meeting", m.pk)


def build_minutes(ctx: dict, institution, catalog) -> Document:
    """The minutes as a document: meeting, attendance and quorum, each agenda item with the engine
    summary it was decided on, votes, the resolution and conditions, the compliance opinion."""
    m = ctx["meeting"]
    quorum = quorum_met(ctx["members_total"], ctx["members_present"])
    doc = Document(
        title="정보보호위원회 회의록",
        subtitle="전자금융감독규정 제14조의2제2항·제5항제5호, 가이드 제6장",
        meta=(("금융회사", institution.name), ("회의명", m.title), ("개최일", m.held_on.isoformat()),
              ("장소", m.location or "—"), ("상태", m.get_status_display())),
        footer=f"{institution.name} · 정보보호위원회 회의록 · {m.held_on.isoformat()}",
    )
    doc.heading("1. 출석 현황")
    doc.table(("성명", "직위", "구분", "출석"),
              [(x.name, x.position or "—", "위원장" if x.is_chair else "위원",
                "출석" if ctx["attendance"].get(x.pk) else "불참") for x in ctx["active"]], (2, 2, 1, 1))
    doc.para(f"재적위원 {ctx['members_total']}명 중 {ctx['members_present']}명 출석 — "
             f"의사정족수({QUORUM_RULE}) {'충족' if quorum else '미달'}", "bold")
    doc.note(catalog_basis(catalog))

    doc.heading("2. 심의·의결 안건")
    if not ctx["items"]:
        doc.para("상정된 안건 없음")
    for n, row in enumerate(ctx["items"], 1):
        item, s, res = row["item"], row["s"], row["resolution"]
        imp, pe = s.get("importance") or {}, s.get("provider_evaluation") or {}
        comp, reg, report = pe.get("comprehensive") or {}, pe.get("regular") or {}, s.get("report") or {}
        subject = ("제공자 평가 미흡사항 위험 수용의 건" if item.subject == "accept_deficiencies"
                   else "클라우드컴퓨팅서비스 이용 심의·의결의 건")
        doc.heading(f"안건 {n}. 「{item.workload.name}」 {subject} ({item.workload.key})", 2)
        if item.subject == "accept_deficiencies":
            basis, found = s.get("basis") or {}, s.get("deficiencies") or {}
            doc.para(f"{basis.get('text', '')} [{basis.get('citation', '')}]")
            doc.para(f"필요 사항: {', '.join(basis.get('conditions', []))} — 확인평가 미조치 미흡 사항 "
                     f"{found.get('open', 0)}건" + "".join(f"; {t}" for t in found.get("engine", [])))
            doc.note("이 의결은 미흡사항의 위험 수용에 관한 것으로, 클라우드서비스 이용 승인 의결을 대신하지 않음")
        doc.table(("구분", "엔진 결과 (안건 작성 시점)"), [
            ("제공자·유형", f"{item.workload.provider.name} · {item.workload.service_model} · {item.workload.region}"),
            ("중요도 평가", f"{imp.get('score')}점 / 기준 {imp.get('threshold')}점 → "
                        f"{'중요업무' if imp.get('critical') else '비중요업무'}"
                        + (f" ({'; '.join(imp.get('reasons', []))})" if imp.get("reasons") else "")),
            ("제공자 평가", f"종합평가 {_status(comp.get('status'))} (기한 {comp.get('due') or '—'}) · "
                        f"정기평가 {_status(reg.get('status'))} (기한 {reg.get('due') or '—'})"),
            ("제공자 평가 차단 사유", "; ".join(pe.get("blockers", [])) or "없음"),
            ("보고 기한", f"{report.get('due') or '—'} ({_status(report.get('status'))})"
             if report.get("required") else "보고 대상 아님"),
            ("계약서 필수 기재사항", f"{s.get('contract_clauses_required', 0)}개"),
            ("업무연속성·안전성 확보조치 필수", f"{s.get('safeguards_required', 0)}개"),
            ("이용 제한 사유", "; ".join(s.get("blockers", [])) or "없음"),
            ("승인 요건", "충족" if (s.get("gate") or {}).get("open") else
             "미충족: " + "; ".join((s.get("gate") or {}).get("reasons", []))),
            ("안건 작성", f"{s.get('compiled_at', '—')} (평가 기준일 {s.get('as_of', '—')})"),
        ], (1.3, 4), font_size=7.5)
        doc.para("표결", "bold")
        votes = [(member.name, VOTE_LABEL.get(v.choice, v.choice) if v else "미표결") for member, v in row["votes"]]
        doc.table(("출석위원", "표결"), votes or [("—", "—")], (2, 1))
        t = row["tally"]
        doc.para(f"찬성 {t.approve} · 반대 {t.reject} · 기권 {t.abstain} (출석 {t.present}명, {MAJORITY_RULE} 기준 "
                 f"{t.majority_needed}명 필요)")
        doc.para("의결", "bold")
        if res:
            doc.table(("구분", "내용"), [
                ("의결 결과", res.get_decision_display()), ("의결일", res.resolved_on.isoformat()),
                ("표결 (의결 시)", f"재적 {res.members_total} · 출석 {res.members_present} · 찬성 {res.approvals} · "
                               f"반대 {res.rejections} · 기권 {res.abstentions}"),
                ("조건", res.conditions or "—")], (1, 4))
        else:
            doc.para("의결 전")
        op = row["opinion"]
        doc.para("준법감시인 검토의견", "bold")
        doc.para(f"[{CONCLUSION_LABEL.get(op.conclusion, op.conclusion)}] {op.opinion} ({op.given_on.isoformat()})"
                 if op else "기록 없음")

    doc.heading("3. 회의 내용")
    for line in (m.minutes or "기록 없음").splitlines() or ["기록 없음"]:
        doc.para(line)
    doc.heading("4. 첨부")
    names = [f.original_name for f in m.attachments.all()]
    doc.para("; ".join(names) if names else "없음")
    records = (getattr(catalog.committee, "model_extra", None) or {}).get("records", {})
    if records:
        doc.note("보고 첨부서류 5호: " + "; ".join(d["text"] for d in records.get("documents", ()))
                 + f" [{records.get('citation', '')}]")
    return doc


def _docx_response(doc: Document, filename: str) -> HttpResponse:
    from fincloud.documents.docx_writer import write_docx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.docx"
        write_docx(doc, path)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require("view")
def minutes_docx(request, pk: int):
    m = get_or_404(services.meetings_for(request.user), pk=pk)
    doc = build_minutes(meeting_context(m), request.institution, catalog_for(request.institution))
    return _docx_response(doc, f"committee-minutes-{m.held_on.isoformat()}-{m.pk}.docx")


@require("view")
def agenda_docx(request, pk: int):
    """The engine's agenda paper for one item's workload (documents.committee_agenda), as of now."""
    from fincloud.documents import committee_agenda
    from fincloud.documents.context import build_context

    item = get_or_404(services.agenda_items_for(request.user).select_related("workload"), pk=pk)
    computed = compute(request.institution)
    try:
        ctx = build_context(computed.portfolio, computed.assessment, computed.catalog, item.workload.key)
    except InputError as exc:  # an out-of-scope workload has no agenda paper
        messages.error(request, str(exc))
        return redirect("committee:meeting", item.meeting_id)
    return _docx_response(committee_agenda.build(ctx), f"committee-agenda-{item.workload.key}.docx")
