"""Markdown view of an Assessment, for pasting into a wiki, a ticket or a committee memo."""

from __future__ import annotations

from fincloud.engine.result import Assessment, WorkloadAssessment
from fincloud.messages import CLASS_KO, LEVEL_KO, render_reason

H = {
    "ko": {"title": "클라우드 이용 평가", "as_of": "기준일", "catalog": "카탈로그", "scope": "적용 범위",
           "importance": "중요도 평가", "eval": "제공자 평가", "report": "보고", "blockers": "차단 사유",
           "obligations": "의무", "conc": "제공자 집중도", "item": "항목", "level": "등급", "points": "점수",
           "required": "평가 항목", "skipped": "생략 항목", "comp": "종합평가", "regular": "정기평가",
           "critical": "중요", "non_critical": "비중요", "out": "적용 대상 아님", "warnings": "경고",
           "provider": "제공자", "workloads": "업무 수", "crit": "중요업무", "share": "비중", "due": "기한",
           "status": "상태", "contract": "계약서 기재사항", "safeguards": "업무연속성·안전성 확보조치"},
    "en": {"title": "Cloud use assessment", "as_of": "As of", "catalog": "Catalog", "scope": "Scope",
           "importance": "Importance", "eval": "Provider evaluation", "report": "Report", "blockers": "Blockers",
           "obligations": "Obligations", "conc": "Provider concentration", "item": "Item", "level": "Level",
           "points": "Points", "required": "Items to evaluate", "skipped": "Items skipped",
           "comp": "Comprehensive", "regular": "Regular", "critical": "critical", "non_critical": "non-critical",
           "out": "out of scope", "warnings": "Warnings", "provider": "Provider", "workloads": "Workloads",
           "crit": "Critical", "share": "Share", "due": "Due", "status": "Status", "contract": "Contract clauses",
           "safeguards": "Continuity and safeguards"},
}


def _workload(w: WorkloadAssessment, lang: str) -> list[str]:
    h = H[lang]
    out = [f"## {w.name} (`{w.id}`) — {w.provider} {w.service_model}", ""]
    out += [f"**{h['scope']}**: " + ("; ".join(render_reason(r, lang) for r in w.scope_reasons)), ""]
    if not w.in_scope:
        out += [f"_{h['out']}_", ""]
        return out
    i, pe, rep = w.importance, w.provider_evaluation, w.report
    assert i and pe and rep and w.contract_clauses and w.continuity_and_safeguards
    cls = CLASS_KO.get(i.information_class, i.information_class) if lang == "ko" else i.information_class
    decision = h["critical"] if i.critical else h["non_critical"]
    out += [f"### {h['importance']}: {i.score:g} / {i.threshold:g} ({cls}) → **{decision}**", "",
            f"| {h['item']} | {h['level']} | {h['points']} |", "|---|---|---|"]
    for key, s in i.items.items():
        lvl = LEVEL_KO.get(s.level) if lang == "ko" else (s.level or "—")
        out.append(f"| {key} | {lvl} | {s.points:g} / {s.max_points:g} |")
    out.append("")
    if i.warnings:
        out += [f"**{h['warnings']}**", ""] + [f"- {render_reason(r, lang)}" for r in i.warnings] + [""]
    out += [f"### {h['eval']}", "",
            f"- {h['required']} ({len(pe.required_items)}): {', '.join(pe.required_items)}",
            f"- {h['skipped']} ({len(pe.skipped_items)}): "
            + ", ".join(f"{k} ({v})" for k, v in pe.skipped_items.items()),
            f"- {h['comp']}: {pe.comprehensive.status} {pe.comprehensive.due or ''} ({pe.comprehensive.method})",
            f"- {h['regular']}: {pe.regular.status} {pe.regular.due or ''}", ""]
    if w.blockers:
        out += [f"**{h['blockers']}**", ""] + [f"- ⛔ {render_reason(r, lang, with_citation=True)}" for r in w.blockers] + [""]
    out += [f"### {h['contract']}: {len(w.contract_clauses.required)}", "",
            ", ".join(w.contract_clauses.required), "",
            f"### {h['safeguards']}: {len(w.continuity_and_safeguards.required)}", ""]
    out += [f"### {h['report']}: {rep.trigger or '—'} {rep.due or ''} ({rep.status})", ""]
    out += [f"- {it.trigger}: {it.event_date} → {it.due} ({it.status})" for it in rep.items] + [""]
    return out


def render_markdown(a: Assessment, lang: str = "ko") -> str:
    h = H[lang]
    out = [f"# {h['title']} — {a.institution['name']}", "",
           f"- {h['as_of']}: {a.as_of}", f"- {h['catalog']}: {a.catalog}", ""]
    for w in a.workloads:
        out += _workload(w, lang)
    out += [f"## {h['conc']} (HHI {a.concentration.hhi:g})", "",
            f"| {h['provider']} | {h['workloads']} | {h['crit']} | {h['share']} |", "|---|---|---|---|"]
    out += [f"| {p.name} | {p.workloads} | {p.critical_workloads} | {p.share:.0%} |" for p in a.providers]
    out += [""] + [f"- {render_reason(r, lang)}" for r in a.concentration.flags] + [""]
    if a.obligations:
        out += [f"## {h['obligations']}", "", f"| {h['due']} | {h['status']} | | |", "|---|---|---|---|"]
        out += [f"| {o.due or '—'} | {o.status} | {o.workload} | {o.id} ({o.citation}) |" for o in a.obligations]
    return "\n".join(out) + "\n"
