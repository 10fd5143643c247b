"""Show a ContractReview as a terminal table, JSON (the stable contract) or Markdown.

Markdown is what goes into the report package's contract checklist; JSON is what scripts and
the web app read; the table is for a person at a terminal.
"""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from fincloud.evidence.contracts.review import ContractReview

STATUS_KO = {"satisfied": "충족", "partly": "일부", "missing": "누락", "contradicted": "위배(부정·제한)"}
STATUS_STYLE = {"satisfied": "green", "partly": "yellow", "missing": "red", "contradicted": "bold red"}


def to_json(review: ContractReview) -> str:
    return json.dumps(review.to_json_dict(), ensure_ascii=False, indent=2)


def to_markdown(review: ContractReview) -> str:
    lines = [
        f"# 계약서 검토: {review.file}",
        "",
        f"- 업무 중요도: {'중요업무 (기본 + 추가 포함사항)' if review.critical else '비중요업무 (기본 포함사항)'} + 위탁규정 제4조제3항",
        "- 결과: " + ", ".join(f"{STATUS_KO[k]} {v}" for k, v in review.summary.items()),
        *[f"- **주의**: {w}" for w in review.warnings],
        "",
        "| # | 근거 | 기재사항 | 결과 | 신뢰도 | 위치 | 근거 문구 |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, c in enumerate(review.clauses, start=1):
        where = "<br>".join(p.location + (f" (p.{p.page})" if p.page else "") for p in c.passages) or "—"
        excerpt = _md(c.passages[0].text) if c.passages else "—"
        lines.append(
            f"| {n} | {c.source} | {_md(c.title)} | {STATUS_KO[c.status]} | {c.confidence:.2f} | {where} | {excerpt} |"
        )
    if review.risks:
        lines += ["", "## 위험 문구 (의무를 부정하거나 제한함)", "", "| 기재사항 | 위치 | 유형 | 문구 |", "|---|---|---|---|"]
        for r in review.risks:
            kind = "부정" if r.why == "negation" else "제한"
            lines.append(f"| {r.clause} | {r.location} | {kind} | {_md(r.text)} |")
    return "\n".join(lines) + "\n"


def print_table(review: ContractReview, console: Console) -> None:
    table = Table(title=f"계약서 검토 {review.file} ({'중요업무' if review.critical else '비중요업무'})")
    for col in ("근거", "기재사항", "결과", "신뢰도", "위치", "근거 문구"):
        table.add_column(col, overflow="fold")
    for c in review.clauses:
        status = f"[{STATUS_STYLE[c.status]}]{STATUS_KO[c.status]}[/]"
        where = "\n".join(p.location + (f" p.{p.page}" if p.page else "") for p in c.passages) or "—"
        excerpt = (c.passages[0].text[:80] + ("…" if len(c.passages[0].text) > 80 else "")) if c.passages else "—"
        table.add_row(c.source, c.title, status, f"{c.confidence:.2f}", where, excerpt)
    console.print(table)
    for r in review.risks:
        kind = "부정" if r.why == "negation" else "제한"
        console.print(f"[bold red]위험[/] {r.clause} {r.location} ({kind}): {r.text}")
    console.print(", ".join(f"{STATUS_KO[k]} {v}" for k, v in review.summary.items()))
    for w in review.warnings:
        console.print(f"[bold yellow]주의[/] {w}")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
