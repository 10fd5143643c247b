"""Show a scan as a terminal table, JSON (the stable contract) or Markdown (for reports).

Every view keeps the three things a reviewer needs side by side: the verdict, the 제5장
requirement and article it supports, and the resources with what exactly is wrong.
"""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from fincloud.evidence.config.scan import EvidenceScan

_STYLE = {"pass": "green", "fail": "bold red", "cannot_tell": "yellow", "not_applicable": "dim"}
_KO = {"pass": "적합", "fail": "부적합", "cannot_tell": "판단 불가", "not_applicable": "해당 없음"}


def to_json(result: EvidenceScan) -> str:
    return json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2)


def _header(result: EvidenceScan) -> str:
    s = result.source
    wl = result.workload
    parts = [f"{s.kind} {s.file} ({s.resources} resources, sha256 {s.sha256[:12]}…)", f"scanned {result.scanned_at.isoformat()}"]
    if wl.id or wl.critical is not None:
        parts.append(f"workload {wl.id or '-'}: " + ("critical" if wl.critical else "not critical" if wl.critical is False else "criticality unknown"))
    if not s.complete:
        parts.append("partial input: account-wide controls missing here are cannot_tell")
    return " · ".join(parts)


def to_table(result: EvidenceScan, console: Console, *, limit: int = 5) -> None:
    """Rich table: one row per check, the first ``limit`` non-passing resources under it."""
    console.print(_header(result))
    table = Table(show_lines=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("safeguard")
    table.add_column("resources (what is wrong)")
    for c in result.checks:
        shown = [r for r in c.resources if r.status in ("fail", "cannot_tell")][:limit] or list(c.resources[:1])
        lines = [f"{r.address}: {r.detail}" for r in shown]
        rest = len([r for r in c.resources if r.status in ("fail", "cannot_tell")]) - len(shown)
        if rest > 0:
            lines.append(f"… {rest} more")
        counts = ", ".join(f"{k} {v}" for k, v in c.counts.items())
        table.add_row(c.id, f"[{_STYLE[c.status]}]{c.status}[/]\n[dim]{counts}[/]",
                      f"{c.safeguard or '-'}\n[dim]{c.citation}[/]", "\n".join(lines) or "-")
    console.print(table)
    console.print(" · ".join(f"{k}: {v}" for k, v in result.summary.items()))
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}")


def to_markdown(result: EvidenceScan, *, limit: int = 20) -> str:
    out = ["# 설정 증적 점검 결과 (Configuration evidence)", "", f"- 출처: {_header(result)}", ""]
    out.append("| 점검 | 결과 | 안전성 확보조치 | 근거 |")
    out.append("|---|---|---|---|")
    for c in result.checks:
        out.append(f"| {c.title} (`{c.id}`) | {_KO[c.status]} ({c.status}) | {c.safeguard or '-'} | {c.citation} |")
    for c in result.checks:
        bad = [r for r in c.resources if r.status in ("fail", "cannot_tell")]
        if not bad and not c.needs_person:
            continue
        out += ["", f"## {c.title} — {_KO[c.status]}", ""]
        if c.needs_person:
            out.append(f"> 담당자 확인 필요: {c.needs_person}")
            out.append("")
        for r in bad[:limit]:
            out.append(f"- `{r.address}` — {r.status}: {r.detail}")
        if len(bad) > limit:
            out.append(f"- … {len(bad) - limit} more")
    if result.notes:
        out += ["", "## Notes", "", *[f"- {n}" for n in result.notes]]
    return "\n".join(out) + "\n"
