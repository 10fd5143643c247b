"""(1) 정보처리 위탁 관련 서류 체크리스트 — every attachment of 감독규정 제14조의2제5항.

The FSS report (별지 제6호) must carry attachments 1–6 with the sub-documents 가이드 제8장 1 가.
lists, and 제6항 requires them kept current whether or not a report is due. This checklist says,
per document, whether fincloud generated it in this package or the institution must prepare it,
and when it was last updated, so nothing is missing when the package is filed.
"""

from __future__ import annotations

from fincloud.documents.context import Context
from fincloud.documents.labels import FILES, fmt_date
from fincloud.documents.model import Document

# Which attachment sub-documents this package generates (by attachment number and sub-document
# position) and which file does it; everything else is the institution's to prepare.
GENERATED = {
    (2, 0): "importance", (2, 1): "importance",
    (3, 0): "provider_evaluation",
    (5, 1): "committee",
}
# Generated as a checklist supporting a document whose substance is the institution's.
SUPPORTED = {(4, 0): "safeguards", (4, 1): "safeguards", (6, 0): "contract", (1, 0): "contract"}


def build(ctx: Context) -> Document:
    reporting = ctx.catalog.reporting
    extra = reporting.model_extra or {}
    doc = Document(
        title=ctx.t("정보처리 위탁 관련 서류 체크리스트", "Outsourcing report documents checklist"),
        subtitle=ctx.t("전자금융감독규정 제14조의2제5항 첨부서류 및 제6항 최신성 유지 (가이드 제8장 1 가.)",
                       "Attachments of 감독규정 §14-2⑤ and keeping them current, §14-2⑥ (guide ch. 8 1 가.)"),
        meta=ctx.meta(), footer=ctx.footer(FILES["checklist"]),
    )
    report = ctx.result.report
    if report and report.required:
        due = ", ".join(f"{ctx.reason(item.reason)} — {ctx.t('기한', 'due')} {fmt_date(item.due)}"
                        for item in report.items) or fmt_date(report.due)
        doc.para(ctx.t(f"보고 사유: {due}", f"Reporting event: {due}"), "bold")
    else:
        doc.para(ctx.t("현재 보고 사유 없음 — 제6항에 따라 서류는 최신 상태로 유지",
                       "No reporting event now; documents must still be kept current (§14-2⑥)"), "bold")
    how = extra.get("how_to_report") or {}
    if how:
        doc.note(f"{how.get('text', '')} [{how.get('citation', '')}]")
        for note in how.get("notes", ()):
            doc.note(note)

    updated = ctx.workload.documents_updated_on
    stale = next((o for o in ctx.result.obligations if o.id == "documents_current" and o.reason), None)
    doc.heading(ctx.t("1. 첨부서류 (제14조의2제5항 각 호)", "1. Attachments (§14-2⑤)"))
    rows = []
    for attachment in reporting.attachments:
        rows.append((f"{attachment.number}", attachment.text, attachment.citation, "", "", ""))
        for index, sub in enumerate(attachment.sub_documents):
            key = (attachment.number, index)
            status, file, last = _status(ctx, key, updated)
            rows.append((f"{attachment.number}-{index + 1}", sub.text, _sub_citation(attachment), status, file, last))
        for note in attachment.notes:
            rows.append(("", note, "", "", "", ""))
    doc.table(
        (ctx.t("번호", "No."), ctx.t("서류", "Document"), ctx.t("근거", "Basis"), ctx.t("상태", "Status"),
         ctx.t("파일", "File"), ctx.t("최종 갱신", "Last updated")),
        rows, (0.9, 6, 2.6, 2, 2.6, 1.6), font_size=7.5,
    )

    entrustment = extra.get("entrustment_7_1_documents") or {}
    doc.heading(ctx.t("2. 정보처리위탁규정 제7조제1항 각 호에 관한 서류", "2. Documents of 위탁규정 §7①"))
    doc.note(f"[{entrustment.get('citation', '')}]")
    items = []
    for index, item in enumerate(entrustment.get("documents", ())):
        status, file, last = _status(ctx, (1, index), updated)
        items.append((f"{index + 1}", item["text"], status, file, last))
    doc.table(
        (ctx.t("번호", "No."), ctx.t("서류", "Document"), ctx.t("상태", "Status"), ctx.t("파일", "File"),
         ctx.t("최종 갱신", "Last updated")),
        items, (0.7, 8, 2, 2.6, 1.6), font_size=7.5,
    )
    for note in entrustment.get("notes", ()):
        doc.note(note)
    if ctx.workload.contract.indirect or ctx.workload.scope.via_intermediary:
        party = ctx.workload.scope.intermediary or "MSP"
        doc.note(ctx.t(f"간접 이용({party}): 위탁계약 상대방에 관한 사항에 재위탁계약 상대방 포함 (제7조제1항 각 호 서류 7번)",
                       f"Indirect use ({party}): the counterparty details include the sub-contractor (item 7)"))

    doc.heading(ctx.t("3. 최신성 유지 (제14조의2제6항)", "3. Keeping documents current (§14-2⑥)"))
    keep = reporting.keep_current
    doc.para(f"{keep.text} [{keep.citation}]")
    keep_extra = keep.model_extra or {}
    if keep_extra.get("guide_note"):
        doc.note(f"{keep_extra['guide_note']} [{keep_extra.get('guide_note_citation', '')}]")
    if stale:
        doc.para(ctx.t(f"주의: {ctx.reason(stale.reason)} — 첨부서류를 갱신하여야 함 (기한 {fmt_date(stale.due)})",
                       f"Attention: {ctx.reason(stale.reason)}; update the attachments (due {fmt_date(stale.due)})"),
                 "bold")
    doc.para(ctx.t(f"기관 서류 최종 갱신일(포트폴리오 기록): {fmt_date(updated)}",
                   f"Institution documents last updated (portfolio record): {fmt_date(updated)}"))
    doc.note(ctx.t("상태: '생성됨' = fincloud가 이 패키지에서 작성(평가 기준일 현재), '생성됨(기관 보완)' = 점검표를 생성했으나 "
                   "본문·입증자료는 기관이 첨부, '기관 준비 필요' = 기관이 작성·첨부.",
                   "Status: 'generated' = written by fincloud in this package (as of the assessment date); "
                   "'generated (institution completes)' = checklist generated, substance and evidence attached by the "
                   "institution; 'institution to prepare' = prepared and attached by the institution."))
    return doc


def _status(ctx: Context, key: tuple[int, int], updated) -> tuple[str, str, str]:
    if key in GENERATED:
        return ctx.t("생성됨", "generated"), FILES[GENERATED[key]], ctx.as_of.isoformat()
    if key in SUPPORTED:
        last = ctx.workload.contract.signed_on if key in ((6, 0), (1, 0)) else updated
        return (ctx.t("생성됨(기관 보완)", "generated (institution completes)"), FILES[SUPPORTED[key]],
                fmt_date(last))
    return ctx.t("기관 준비 필요", "institution to prepare"), "—", fmt_date(updated)


def _sub_citation(attachment) -> str:
    return (attachment.model_extra or {}).get("sub_documents_citation", attachment.citation)

