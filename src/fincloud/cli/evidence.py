"""``fincloud evidence``: turn cloud configuration into evidence for the 제5장 safeguards.

Mounted by ``fincloud.cli.main`` as the ``evidence`` sub-command. Thin by design: reading,
checking and rendering live in :mod:`fincloud.evidence.config`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from fincloud.errors import InputError

app = typer.Typer(help="Configuration evidence for the technical safeguards of 제5장.", no_args_is_help=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.callback()
def _evidence() -> None:
    """Configuration evidence for the technical safeguards of 제5장."""


@app.command("scan")
def scan_command(
    terraform: Annotated[Path | None, typer.Option("--terraform", help="Terraform plan JSON (terraform show -json PLANFILE).")] = None,
    prowler: Annotated[Path | None, typer.Option("--prowler", help="Prowler JSON-OCSF output (-M json-ocsf).")] = None,
    inventory: Annotated[Path | None, typer.Option("--inventory", help="fincloud inventory JSON (docs/inventory-format.md).")] = None,
    workload: Annotated[str | None, typer.Option("--workload", help="Workload id: its criticality and information classes apply.")] = None,
    portfolio: Annotated[Path | None, typer.Option("--portfolio", help="Portfolio file holding --workload.")] = None,
    critical: Annotated[bool | None, typer.Option("--critical/--not-critical", help="Say the workload is (not) critical without a portfolio.")] = None,
    whole_account: Annotated[bool, typer.Option("--whole-account", help="The Terraform plan manages the whole account: missing account-wide controls fail.")] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = OutputFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    fail_on: Annotated[bool, typer.Option("--fail-on-fail", help="Exit 1 when any check fails (for CI).")] = False,
) -> None:
    """Scan one configuration export and show each check with its 제5장 requirement."""
    from fincloud.evidence.config import render
    from fincloud.evidence.config.model import ScanContext
    from fincloud.evidence.config.scan import scan

    console = Console(stderr=True, soft_wrap=True)
    given = [(k, p) for k, p in (("terraform", terraform), ("prowler", prowler), ("inventory", inventory)) if p]
    try:
        if len(given) != 1:
            raise InputError.single("give exactly one input", allowed="--terraform, --prowler or --inventory")
        kind, path = given[0]
        context = ScanContext(critical=critical, critical_reason="--critical" if critical else "--not-critical" if critical is False else None)
        if workload:
            if portfolio is None:
                raise InputError.single("--workload needs --portfolio FILE (the portfolio that defines it)")
            from fincloud.evidence.config.workload import context_for_workload

            context = context_for_workload(portfolio, workload)
            if critical is not None:
                context = ScanContext(workload=context.workload, critical=critical, information=context.information,
                                      critical_reason=f"{'--critical' if critical else '--not-critical'} (overrides {context.critical_reason})")
        result = scan(path, kind, context=context, complete=True if whole_account and kind == "terraform" else None)
    except InputError as exc:
        console.print(f"[red]error:[/] {exc}", highlight=False, markup=True)
        raise typer.Exit(2) from None
    if output_format is OutputFormat.json:
        text = render.to_json(result)
    elif output_format is OutputFormat.markdown:
        text = render.to_markdown(result)
    else:
        text = None
    if output is not None:
        if text is None:
            out_console = Console(file=output.open("w", encoding="utf-8"), width=160)
            render.to_table(result, out_console)
        else:
            output.write_text(text, encoding="utf-8")
    elif text is None:
        terminal = Console()
        # Piped or captured output has no width of its own: keep addresses and details whole.
        render.to_table(result, terminal if terminal.is_terminal else Console(width=200))
    else:
        typer.echo(text, nl=False)
    if fail_on and result.summary.get("fail"):
        raise typer.Exit(1)
