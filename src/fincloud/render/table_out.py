"""A readable terminal view of an Assessment (rich tables, Korean labels by default)."""

from __future__ import annotations

import os

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from fincloud.engine.result import Assessment, WorkloadAssessment
from fincloud.messages import CLASS_KO, render_reason

STATUS_STYLE = {"ok": "green", "due": "yellow", "overdue": "bold red", "required_before_use": "magenta",
                "not_required": "dim"}
LABELS = {
    "ko": {"title": "클라우드 이용 평가", "workload": "업무", "provider": "제공자", "scope": "적용",
           "class": "처리정보", "score": "점수/기준", "decision": "중요도", "eval": "종합평가", "regular": "정기평가",
           "report": "보고", "blockers": "차단 사유", "yes": "적용", "no": "미적용", "critical": "중요",
           "non_critical": "비중요", "conc": "제공자 집중도", "share": "비중", "workloads": "업무 수",
           "crit": "중요업무", "obligations": "기한 도래·경과 의무", "due": "기한", "status": "상태",
           "what": "의무", "flags": "집중리스크 점검", "warnings": "경고", "none": "없음",
           "status_ok": "정상", "status_due": "임박", "status_overdue": "경과",
           "status_required_before_use": "이용 전 필요", "status_not_required": "해당없음"},
    "en": {"title": "Cloud use assessment", "workload": "Workload", "provider": "Provider", "scope": "Scope",
           "class": "Information", "score": "Score/threshold", "decision": "Importance", "eval": "Comprehensive",
           "regular": "Regular", "report": "Report", "blockers": "Blockers", "yes": "in", "no": "out",
           "critical": "critical", "non_critical": "non-critical", "conc": "Provider concentration",
           "share": "Share", "workloads": "Workloads", "crit": "Critical", "obligations": "Obligations due or overdue",
           "due": "Due", "status": "Status", "what": "Obligation", "flags": "Concentration checks",
           "warnings": "Warnings", "none": "none",
           "status_ok": "ok", "status_due": "due", "status_overdue": "overdue",
           "status_required_before_use": "before use", "status_not_required": "n/a"},
}


def _status(status: str, lang: str) -> Text:
    return Text(LABELS[lang].get(f"status_{status}", status), style=STATUS_STYLE.get(status, ""))


def _row(w: WorkloadAssessment, lang: str) -> list[Text | str]:
    lab = LABELS[lang]
    if not w.in_scope:
        return [f"{w.name}\n[dim]{w.id}[/dim]", w.provider, Text(lab["no"], style="dim"), "", "", "", "", "", ""]
    i, pe, rep = w.importance, w.provider_evaluation, w.report
    assert i and pe and rep
    cls = CLASS_KO.get(i.information_class, i.information_class) if lang == "ko" else i.information_class
    decision = Text(lab["critical"] if i.critical else lab["non_critical"], style="bold" if i.critical else "")
    report = Text(rep.due.isoformat() if rep.due else "—", style=STATUS_STYLE.get(rep.status, ""))
    return [f"{w.name}\n[dim]{w.id}[/dim]", f"{w.provider}\n[dim]{w.service_model}[/dim]", lab["yes"], cls,
            f"{i.score:g}/{i.threshold:g}", decision,
            Text.assemble(_status(pe.comprehensive.status, lang), f"\n{pe.comprehensive.due or ''}"),
            Text.assemble(_status(pe.regular.status, lang), f"\n{pe.regular.due or ''}"), report]


def _console() -> Console:
    """A console wide enough for the table when output goes to a file or a pipe (rich assumes 80)."""
    probe = Console()
    if probe.is_terminal or os.environ.get("COLUMNS"):
        return probe
    return Console(width=150)


def render_table(a: Assessment, lang: str = "ko", console: Console | None = None) -> None:
    console = console or _console()
    lab = LABELS[lang]
    table = Table(title=f"{lab['title']} — {a.institution['name']} ({a.as_of}, {a.catalog})", show_lines=True)
    for col in ("workload", "provider", "scope", "class", "score", "decision", "eval", "regular", "report"):
        table.add_column(lab[col])
    for w in a.workloads:
        table.add_row(*_row(w, lang))
    console.print(table)

    details = []
    for w in a.workloads:
        lines = [Text(render_reason(r, lang), style="dim") for r in w.scope_reasons] if not w.in_scope else []
        if w.blockers:
            lines += [Text("⛔ " + render_reason(r, lang), style="bold red") for r in w.blockers]
        if w.importance and w.importance.warnings:
            lines += [Text("⚠ " + render_reason(r, lang), style="yellow") for r in w.importance.warnings]
        if lines:
            details.append(Panel(Group(*lines), title=f"{w.name} ({w.id})", title_align="left"))
    for panel in details:
        console.print(panel)

    conc = Table(title=f"{lab['conc']} (HHI {a.concentration.hhi:g})")
    for col in ("provider", "workloads", "crit", "share"):
        conc.add_column(lab[col])
    for p in a.providers:
        conc.add_row(f"{p.name} ({p.id})", str(p.workloads), str(p.critical_workloads), f"{p.share:.0%}")
    console.print(conc)
    if a.concentration.flags:
        console.print(Panel(Group(*[Text("• " + render_reason(r, lang)) for r in a.concentration.flags]),
                            title=lab["flags"], title_align="left"))
    if a.obligations:
        ob = Table(title=lab["obligations"])
        for col in ("due", "status", "workload", "what"):
            ob.add_column(lab[col])
        for o in a.obligations:
            text = render_reason(o.reason, lang) if o.reason else ""
            ob.add_row(o.due.isoformat() if o.due else "—", _status(o.status, lang), o.workload or "",
                       f"{o.id}\n[dim]{text} [{o.citation}][/dim]")
        console.print(ob)
