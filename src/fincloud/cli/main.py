"""The ``fincloud`` command: assess a portfolio, write the report package, browse the guide's tables.

Thin by design: every decision comes from ``fincloud.engine.assess``. Problems with input are
printed as ``file:line: 'field': message (allowed: …)`` and exit with status 2, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import yaml
from rich.console import Console

from fincloud import __version__
from fincloud.catalog.constants import DEFAULT_EDITION
from fincloud.errors import InputError
from fincloud.fileio import atomic_write_text
from fincloud.yamlio import bulk_allocation

app = typer.Typer(
    name="fincloud",
    help="금융분야 클라우드 이용 절차(전자금융감독규정 제14조의2)를 포트폴리오 파일에서 평가하고 보고서를 만듭니다.\n\n"
         "Assess a financial institution's cloud use under 전자금융감독규정 제14조의2 and write the documents it files.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
catalog_app = typer.Typer(help="가이드의 표(카탈로그)를 찾아봅니다. Browse the guide's tables.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")

err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class Lang(StrEnum):
    ko = "ko"
    en = "en"


class ExportFormat(StrEnum):
    json = "json"
    yaml = "yaml"


def friendly(func: F) -> F:
    """Print input problems plainly (exit 2) and hide tracebacks of anything unexpected (exit 1)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            err.print("[bold red]오류 / error[/bold red]")
            for problem in exc.problems:
                err.print("  " + problem.render(), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("FINCLOUD_DEBUG"):
                raise
            err.print(f"[bold red]내부 오류 / internal error[/bold red]: {type(exc).__name__}: {exc}\n"
                      "  다시 실행할 때 FINCLOUD_DEBUG=1 을 설정하면 자세한 정보를 볼 수 있습니다 "
                      "(set FINCLOUD_DEBUG=1 for details).", markup=True, highlight=False)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError.single(f"'{value}' is not a valid date", field=name, allowed="YYYY-MM-DD") from None


def _catalog_for(portfolio: Any, portfolio_path: Path, edition: str) -> Any:
    from fincloud.catalog import load_catalog

    rubric = portfolio.institution.importance_rubric
    if rubric:
        rubric_path = Path(rubric)
        if not rubric_path.is_absolute():
            rubric_path = portfolio_path.parent / rubric_path
        return load_catalog(edition, str(rubric_path))
    return load_catalog(edition)


def load_and_assess(file: Path, as_of: str | None, edition: str, *, with_evidence: bool = True):
    """Portfolio file → (portfolio, catalog, assessment), with evidence from contracts and scans when present."""
    from fincloud.engine import assess
    from fincloud.evidence.collect import collect_evidence, needs_evidence
    from fincloud.portfolio.loader import load_portfolio

    # The collector stays paused from loading to the end of the assessment: the catalog is read and the
    # engine runs next to the million objects of a large portfolio, and none of them form cycles.
    with bulk_allocation():
        portfolio = load_portfolio(file)
        catalog = _catalog_for(portfolio, file, edition)
        day = _parse_date(as_of, "--as-of") or portfolio.institution.as_of or dt.date.today()
        result = assess(portfolio, catalog, day)
        # They live until the command ends: spare the collector's passes over them once it runs again
        # (the first one would otherwise walk every object allocated while it was paused).
        gc.freeze()
    if with_evidence and needs_evidence(portfolio):
        evidence = collect_evidence(portfolio, catalog, base_dir=file.parent, day=day, preliminary=result)
        with bulk_allocation():
            result = assess(portfolio, catalog, day, evidence=evidence)
    return portfolio, catalog, result


FileArg = Annotated[Path, typer.Argument(help="포트폴리오 파일 (YAML 또는 JSON). Portfolio file (YAML or JSON).")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="평가 기준일 YYYY-MM-DD (기본: 파일의 as_of, 없으면 오늘). Day of the assessment.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="출력 언어. Output language.")]
EditionOpt = Annotated[str, typer.Option("--edition", help="카탈로그 판(edition). Catalog edition.")]


@app.command()
@friendly
def assess(
    file: FileArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="table: 터미널 표, json: 안정된 JSON 계약, markdown.")] = Format.table,
    as_of: AsOf = None,
    lang: LangOpt = Lang.ko,
    edition: EditionOpt = DEFAULT_EDITION,
    no_evidence: Annotated[bool, typer.Option("--no-evidence", help="계약서·설정 증적 파일을 읽지 않음. Skip contract and configuration evidence files.")] = False,
) -> None:
    """포트폴리오를 평가합니다: 적용 범위, 중요도, 제공자 평가, 업무연속성·안전성, 계약, 보고, 의무, 집중도.

    Assess every workload of a portfolio: scope, importance, provider evaluation plan, safeguards,
    contract clauses, reporting, recurring obligations and concentration.
    """
    with _progress(enabled=format == Format.table) as progress:
        task = progress.add_task("평가 중 / assessing", total=None)
        _, _, result = load_and_assess(file, as_of, edition, with_evidence=not no_evidence)
        progress.remove_task(task)
    if format == Format.json:
        _write_json(result, lang.value)
    elif format == Format.markdown:
        from fincloud.render.markdown_out import render_markdown

        sys.stdout.write(render_markdown(result, lang.value))
    else:
        from fincloud.render.table_out import render_table

        render_table(result, lang.value)


def _write_json(result: Any, lang: str) -> None:
    """Stream the JSON as UTF-8 bytes when stdout takes them (180 MB for 10,000 workloads: never one string)."""
    from fincloud.render.json_out import dumps, write_json

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None and (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "") == "utf8":
        sys.stdout.flush()
        try:
            write_json(result, buffer, lang, processes=2 if _cpus() > 1 else 1)
            buffer.flush()
        except BrokenPipeError:
            # The reader went away (`… | head`): stop quietly, and keep the final flush from failing too.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    else:
        sys.stdout.write(dumps(result, lang) + "\n")


class _NoProgress:
    """A progress display that is off (JSON or Markdown output, or no terminal): rich.progress is not even imported."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def remove_task(self, task: int) -> None:
        return None

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None


def _cpus() -> int:
    """CPUs this process may run on (a second one lets a forked copy encode half of a large JSON)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _progress(enabled: bool) -> Any:
    if not enabled or not err.is_terminal:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


@app.command()
@friendly
def report(
    file: FileArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="보고서 패키지를 쓸 폴더 (없거나 비어 있어야 함). Output folder.")],
    workload: Annotated[list[str] | None, typer.Option("--workload", "-w", help="이 업무만 (여러 번 지정 가능). Only this workload (repeatable).")] = None,
    as_of: AsOf = None,
    lang: LangOpt = Lang.ko,
    edition: EditionOpt = DEFAULT_EDITION,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="기존 폴더를 통째로 교체. Replace an existing folder.")] = False,
) -> None:
    """금융감독원 보고 첨부서류 패키지(제14조의2제5항)를 씁니다: DOCX·PDF 6종, 자가점검표 XLSX, 일정 ICS, 요약, 제출 전 점검.

    Write the report package of §14-2⑤: six documents as DOCX and PDF, the provider self-check
    workbook, an ICS calendar, a Markdown summary and the pre-submission check. The folder appears
    whole or not at all.
    """
    from fincloud.documents.package import write_package

    portfolio, catalog, result = load_and_assess(file, as_of, edition)
    with _progress(enabled=True) as progress:
        task = progress.add_task("보고서 작성 / writing", total=None)
        written = write_package(portfolio, result, catalog, out, workload_ids=workload or None, lang=lang.value,
                                overwrite=overwrite, progress=lambda step: progress.update(task, description=step))
    err.print(f"[green]완료 / done[/green]: {out} ({_count_files(out)} files)")
    if getattr(written, "errors", 0):
        err.print(f"[yellow]제출 전 점검에서 오류 {written.errors}건 — 제출전점검.md 를 확인하세요.[/yellow]")


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


@app.command()
@friendly
def validate(file: FileArg, edition: EditionOpt = DEFAULT_EDITION) -> None:
    """포트폴리오 파일을 검사만 합니다 (모든 오류를 파일·줄·키와 함께 표시). Check a portfolio file and list every problem."""
    from fincloud.portfolio.loader import load_portfolio

    portfolio = load_portfolio(file)
    _catalog_for(portfolio, file, edition)
    err.print(f"[green]유효함 / valid[/green]: {file} — 제공자 {len(portfolio.providers)}, 업무 {len(portfolio.workloads)}")


@app.command()
@friendly
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="데모 포트폴리오를 쓸 파일. Where to write the demo portfolio.")] = Path("demo-portfolio.yaml"),
) -> None:
    """데모 포트폴리오(가상의 중형 은행, 13개 업무·4개 제공자)를 씁니다. Write the built-in demo portfolio."""
    from importlib.resources import files

    text = files("fincloud.demo").joinpath("demo-portfolio.yaml").read_text(encoding="utf-8")
    atomic_write_text(out, text)
    err.print(f"[green]작성 / written[/green]: {out}")


@app.command()
@friendly
def synth(
    workloads: Annotated[int, typer.Option("--workloads", "-n", min=1, max=1_000_000, help="업무 수. Number of workloads.")] = 10_000,
    providers: Annotated[int, typer.Option("--providers", "-m", min=1, max=100_000, help="제공자 수. Number of providers.")] = 200,
    out: Annotated[Path, typer.Option("--out", "-o", help="쓸 파일 (.yaml 또는 .json). Output file.")] = Path("synthetic-portfolio.yaml"),
    seed: Annotated[int, typer.Option("--seed", help="난수 시드. Random seed.")] = 7,
) -> None:
    """벤치마크용 대형 합성 포트폴리오를 만듭니다. Write a large synthetic portfolio for benchmarks."""
    from fincloud.portfolio.synth import synth_portfolio

    data = synth_portfolio(workloads, providers, seed=seed)
    if out.suffix.lower() == ".json":
        text = json.dumps(data, ensure_ascii=False)
    else:
        text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                         sort_keys=False, default_flow_style=None, width=200)
    atomic_write_text(out, text)
    err.print(f"[green]작성 / written[/green]: {out} ({workloads} workloads, {providers} providers)")


@app.command()
def version() -> None:
    """버전을 표시합니다. Show the version and catalog editions."""
    from fincloud.catalog import available_editions

    typer.echo(f"fincloud {__version__} (catalog editions: {', '.join(available_editions())})")


# --- catalog ------------------------------------------------------------------------------------


@catalog_app.command("list")
@friendly
def catalog_list(edition: EditionOpt = DEFAULT_EDITION) -> None:
    """카탈로그의 표와 항목 수. The tables of the catalog and their sizes."""
    from rich.table import Table

    from fincloud.catalog import load_catalog
    from fincloud.catalog.browse import list_tables

    cat = load_catalog(edition)
    table = Table(title=f"{cat.edition.title} ({cat.edition.id})")
    for col in ("표 / table", "내용 / contents", "항목 / entries"):
        table.add_column(col)
    for name, title, count in list_tables(cat):
        table.add_row(name, title, str(count))
    Console().print(table)


@catalog_app.command("show")
@friendly
def catalog_show(
    item: Annotated[str, typer.Argument(help="항목 번호(1.1.1), 요건 id(logging.e1), 조항 id(supervisory_access), 표 이름 등.")],
    edition: EditionOpt = DEFAULT_EDITION,
) -> None:
    """한 항목(또는 표 전체)을 출처와 함께 보여줍니다. Show one entry, with its source."""
    from fincloud.catalog import load_catalog
    from fincloud.catalog.browse import show

    entry = show(load_catalog(edition), item)
    sys.stdout.write(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100))


@catalog_app.command("search")
@friendly
def catalog_search(
    text: Annotated[str, typer.Argument(help="찾을 말 (모든 단어 포함, 띄어쓰기·가운뎃점 무시). Words to find.")],
    edition: EditionOpt = DEFAULT_EDITION,
) -> None:
    """가이드 원문에서 찾습니다. Search the verbatim text of the guide's tables."""
    from rich.table import Table

    from fincloud.catalog import load_catalog
    from fincloud.catalog.browse import search

    hits = search(load_catalog(edition), text)
    table = Table(title=f"'{text}' — {len(hits)}")
    for col in ("id", "표 / table", "내용 / text", "근거 / citation"):
        table.add_column(col, overflow="fold")
    for h in hits:
        table.add_row(h.id, h.table, h.text[:160], h.citation)
    Console().print(table)


@catalog_app.command("export")
@friendly
def catalog_export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json 또는 yaml.")] = ExportFormat.json,
    edition: EditionOpt = DEFAULT_EDITION,
) -> None:
    """카탈로그 전체를 내보냅니다. Export the whole catalog."""
    from fincloud.catalog import load_catalog
    from fincloud.catalog.browse import export

    data = export(load_catalog(edition))
    if format == ExportFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120))


def _mount_evidence_commands() -> None:
    """Contract review and configuration evidence live in their own sub-apps."""
    from fincloud.cli import contract, evidence

    app.add_typer(contract.app, name="contract", help="계약서 검토 (별표 2의5). Contract review.")
    app.add_typer(evidence.app, name="evidence", help="클라우드 설정 증적 (제5장). Configuration evidence.")


_mount_evidence_commands()


def main() -> None:
    app()
