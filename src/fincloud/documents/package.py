"""write_package: the report package of 감독규정 제14조의2제5항, written whole or not at all.

Per in-scope workload a folder with the six documents (DOCX and PDF), the provider
self-check workbook, the obligations calendar, a summary and the pre-submission check; at the
root a summary and a calendar of the whole portfolio. The package is built in a temporary
sibling folder and renamed into place, so a reader (or a sync client, or the FSS upload) never
sees half a package; on any exception the temporary folder is removed and ``out_dir`` is as it
was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fincloud.catalog.loader import Catalog
from fincloud.documents import (
    calendar_ics,
    checklist_outsourcing,
    committee_agenda,
    contract_checklist,
    importance_report,
    presubmission,
    provider_evaluation_report,
    questionnaire_xlsx,
    safeguards_checklist,
    summary_md,
)
from fincloud.documents.context import Context, build_context, in_scope_ids
from fincloud.documents.docx_writer import write_docx
from fincloud.documents.fonts import printable, subset_fonts
from fincloud.documents.labels import FILES, LANGS, Lang
from fincloud.documents.model import Document
from fincloud.documents.pdf_writer import write_pdf
from fincloud.engine.result import Assessment
from fincloud.errors import InputError
from fincloud.portfolio.model import Portfolio

BUILDERS: tuple[tuple[str, Callable[[Context], Document]], ...] = (
    ("checklist", checklist_outsourcing.build),
    ("importance", importance_report.build),
    ("provider_evaluation", provider_evaluation_report.build),
    ("safeguards", safeguards_checklist.build),
    ("committee", committee_agenda.build),
    ("contract", contract_checklist.build),
)


@dataclass
class WorkloadPackage:
    workload_id: str
    files: list[Path] = field(default_factory=list)
    findings: list[presubmission.Finding] = field(default_factory=list)
    questionnaire_id: str = ""

    @property
    def ready(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


@dataclass
class PackageResult:
    """What was written (paths inside ``out_dir``) and the pre-submission verdict per workload."""

    out_dir: Path
    workloads: list[WorkloadPackage]
    files: list[Path]
    seconds: float
    unsupported_characters: set[str] = field(default_factory=set)

    @property
    def ready(self) -> bool:
        return all(w.ready for w in self.workloads)


def write_package(
    portfolio: Portfolio, assessment: Assessment, catalog: Catalog, out_dir: Path, *,
    workload_ids: list[str] | None = None, lang: Lang = "ko", overwrite: bool = False,
    progress: Callable[[str], None] | None = None, questionnaire_key: bytes | None = None,
) -> PackageResult:
    """Write the report package to ``out_dir`` atomically (see the module docstring).

    ``questionnaire_key`` keys the self-check workbooks' HMAC; by default it is derived from the
    institution name (:func:`fincloud.documents.questionnaire_xlsx.derive_key`).
    """
    start = time.perf_counter()
    if lang not in LANGS:
        raise InputError.single(f"unknown language '{lang}'", field="lang", allowed=", ".join(LANGS))
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError.single("exists and is not a folder", file=str(out_dir))
    if out_dir.is_dir() and any(out_dir.iterdir()) and not overwrite:
        raise InputError.single("folder exists and is not empty; choose an empty or new folder, or replace it with "
                                "--overwrite", file=str(out_dir))
    if not out_dir.parent.is_dir():
        # A mistyped path must not silently create a tree of folders somewhere else.
        raise InputError.single(f"the folder '{out_dir.parent}' does not exist; create it first", file=str(out_dir))
    ids = list(workload_ids) if workload_ids else in_scope_ids(assessment)
    contexts = [build_context(portfolio, assessment, catalog, wid, lang) for wid in dict.fromkeys(ids)]
    key = questionnaire_key or questionnaire_xlsx.derive_key(portfolio.institution.name)
    say = progress or (lambda _message: None)

    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        unsupported: set[str] = set()
        packages = [_write_workload(ctx, staging, key, say, unsupported) for ctx in contexts]
        names = {w.id: w.name for w in portfolio.workloads}
        verdicts = {p.workload_id: (sum(f.severity == "error" for f in p.findings),
                                    sum(f.severity == "warning" for f in p.findings)) for p in packages}
        (staging / FILES["summary"]).write_text(summary_md.portfolio_summary(assessment, verdicts, lang), encoding="utf-8")
        obligations = [o for ctx in contexts for o in ctx.result.obligations]
        (staging / FILES["calendar"]).write_bytes(
            calendar_ics.build_calendar(obligations, portfolio.institution.name, assessment.as_of, names, lang))
        say("package: summary and calendar")
        _swap_into_place(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = sorted(p.relative_to(out_dir) for p in out_dir.rglob("*") if p.is_file())
    for package in packages:
        package.files = [f for f in files if f.parts[0] == package.workload_id]
    return PackageResult(out_dir, packages, files, time.perf_counter() - start, unsupported)


def _write_workload(ctx: Context, staging: Path, key: bytes, say: Callable[[str], None],
                    unsupported: set[str]) -> WorkloadPackage:
    folder = staging / ctx.workload.id
    folder.mkdir()
    documents = [(name, build(ctx)) for name, build in BUILDERS]
    chars = {ch for _, doc in documents for text in doc.texts() for ch in printable(text, unsupported)}
    fonts = subset_fonts(chars)
    for name, doc in documents:
        write_pdf(doc, folder / f"{FILES[name]}.pdf", fonts, created=ctx.as_of)
        write_docx(doc, folder / f"{FILES[name]}.docx", fonts, created=ctx.as_of)
        say(f"{ctx.workload.id}: {FILES[name]}")
    questionnaire_xlsx.write_questionnaire(ctx, folder / FILES["questionnaire"], key)
    (folder / FILES["calendar"]).write_bytes(calendar_ics.build_calendar(
        ctx.result.obligations, ctx.portfolio.institution.name, ctx.as_of, {ctx.workload.id: ctx.workload.name}, ctx.lang))
    findings = presubmission.presubmission_check(ctx.portfolio, ctx.assessment, ctx.catalog, ctx.workload.id)
    (folder / f"{FILES['presubmission']}.md").write_text(
        presubmission.render_markdown(findings, ctx.workload.id, ctx.lang), encoding="utf-8")
    (folder / f"{FILES['presubmission']}.json").write_text(
        presubmission.render_json(findings, ctx.workload.id, ctx.as_of), encoding="utf-8")
    (folder / FILES["summary"]).write_text(summary_md.workload_summary(ctx, findings), encoding="utf-8")
    say(f"{ctx.workload.id}: questionnaire, calendar, summary, pre-submission check")
    return WorkloadPackage(ctx.workload.id, findings=findings, questionnaire_id=questionnaire_xlsx.questionnaire_id(ctx))


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    """Rename the finished package into place; an existing folder is moved aside first and
    deleted only after the new one is in, so a failure leaves either the old or the new package."""
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    if not any(out_dir.iterdir()):
        out_dir.rmdir()
        os.replace(staging, out_dir)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    aside.rmdir()
    os.replace(out_dir, aside)
    try:
        os.replace(staging, out_dir)
    except BaseException:
        os.replace(aside, out_dir)
        raise
    shutil.rmtree(aside, ignore_errors=True)
