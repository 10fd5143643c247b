"""``fincloud contract review FILE``: check a cloud contract for the clauses 별표 2의5 requires.

Criticality decides which clauses are required (기본 only, or 기본 + 추가). Give it directly
(``--critical``; the default is non-critical) or let the engine decide it for a workload of a portfolio
(``--workload ID --portfolio FILE``).
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from fincloud.errors import InputError

app = typer.Typer(help="계약서 검토. Review cloud contracts for the clauses of 별표 2의5.", no_args_is_help=True)


@app.callback()
def contract() -> None:
    """계약서 검토. Review cloud contracts for the clauses of 별표 2의5 and 위탁규정 §4③."""


class ReviewFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command("review")
def review(
    file: Annotated[Path, typer.Argument(help="계약서 파일 (DOCX, PDF, HWPX, TXT). Contract file.")],
    critical: Annotated[
        bool | None,
        typer.Option("--critical/--non-critical", help="중요업무면 추가 포함사항까지 검토. Whether the workload is critical."),
    ] = None,
    workload: Annotated[
        str | None, typer.Option("--workload", help="포트폴리오의 업무 ID: 중요도를 엔진이 판단. Workload id.")
    ] = None,
    portfolio: Annotated[
        Path | None, typer.Option("--portfolio", help="--workload 와 함께 쓰는 포트폴리오 파일. Portfolio file.")
    ] = None,
    output_format: Annotated[ReviewFormat, typer.Option("--format", help="출력 형식. Output format.")] = ReviewFormat.table,
) -> None:
    """계약서에서 별표 2의5·위탁규정 제4조제3항 기재사항을 찾습니다. Find each required clause."""
    from fincloud.evidence.contracts.render import print_table, to_json, to_markdown
    from fincloud.evidence.contracts.review import review_contract

    err = Console(stderr=True)
    try:
        is_critical = _decide_critical(critical, workload, portfolio)
        result = review_contract(file, critical=is_critical)
    except InputError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(2) from None
    if output_format is ReviewFormat.json:
        sys.stdout.write(to_json(result) + "\n")
    elif output_format is ReviewFormat.markdown:
        sys.stdout.write(to_markdown(result))
    else:
        print_table(result, Console(width=160))


def _decide_critical(critical: bool | None, workload: str | None, portfolio: Path | None) -> bool:
    if workload is None:
        if portfolio is not None:
            raise InputError.single("--portfolio needs --workload ID (the workload the contract is for)")
        # Without a workload, the 기본 포함사항 are reviewed unless --critical asks for 추가 too.
        return bool(critical)
    if critical is not None:
        raise InputError.single("give either --critical/--non-critical or --workload, not both")
    if portfolio is None:
        raise InputError.single(
            "--workload needs --portfolio FILE: the workload's importance is decided from the portfolio", field="workload"
        )
    from fincloud.catalog import load_catalog
    from fincloud.engine import assess
    from fincloud.portfolio.loader import load_portfolio

    loaded = load_portfolio(portfolio)
    catalog = load_catalog()
    day = loaded.institution.as_of or dt.date.today()
    result = assess(loaded, catalog, day)
    for w in result.workloads:
        if w.id == workload:
            if not w.in_scope or w.importance is None:
                raise InputError.single(
                    f"workload '{workload}' is outside 전자금융감독규정 제14조의2, so no contract clauses are required",
                    file=str(portfolio),
                )
            return bool(w.importance.critical)
    ids = ", ".join(w.id for w in result.workloads)
    raise InputError.single(f"no workload '{workload}' in the portfolio", file=str(portfolio), allowed=ids)
