"""제공자_자가점검표.xlsx — the provider's self-check on the required <별표 2의2> items, and its import.

The comprehensive evaluation starts with the provider's self-check (가이드 제4장 2 가.: 자가점검 →
결과검증 → 확인평가). The workbook travels to the provider and back, often across separated
networks (망분리), so on import the institution must know it is the questionnaire it sent, with
the questions unchanged. Only the three answer columns are unlocked; the sheet is protected;
a hidden, protected ``_meta`` sheet holds the questionnaire id (workload, provider, as_of,
catalog edition), the format version and an HMAC-SHA256, keyed per institution, over every
non-empty cell outside the answer cells. :func:`verify_questionnaire` recomputes it and
:func:`read_answers` returns the answers only when nothing else was touched.
"""

from __future__ import annotations

import hashlib
import hmac
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from fincloud.documents.context import Context
from fincloud.documents.fonts import FAMILY
from fincloud.documents.labels import ITEM_KIND, pick
from fincloud.errors import InputError, Problem

FORMAT = "fincloud.questionnaire/1"
SHEET = "자가점검표"
META = "_meta"
HEADER_ROW = 5
ANSWER_COLUMNS = ("F", "G", "H")
ANSWERS = ("이행", "부분이행", "미이행", "해당없음")
_DEFAULT_SECRET = b"fincloud.questionnaire/1"


def derive_key(institution: str, secret: bytes | None = None) -> bytes:
    """The HMAC key for an institution's questionnaires.

    With ``secret`` (the web app passes its own, kept out of the workbook) the key cannot be
    recomputed by a respondent. Without one the key is derived from the institution name
    alone: that still rejects accidental edits and files of another questionnaire, but not a
    respondent who reads this code, so deployments should pass a secret.
    """
    return hmac.new(secret or _DEFAULT_SECRET, f"{FORMAT}|{institution}".encode(), hashlib.sha256).digest()


def questionnaire_id(ctx: Context) -> str:
    return f"{ctx.workload.id}|{ctx.provider.id}|{ctx.as_of.isoformat()}|{ctx.catalog.edition.id}"


@dataclass(frozen=True)
class Answer:
    number: str
    status: str
    detail: str
    evidence: str


@dataclass(frozen=True)
class QuestionnaireAnswers:
    questionnaire_id: str
    version: str
    answers: tuple[Answer, ...]


def write_questionnaire(ctx: Context, path: Path, key: bytes) -> None:
    plan = ctx.result.provider_evaluation
    assert plan is not None
    catalog = ctx.catalog
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    font, bold = Font(name=FAMILY, size=9), Font(name=FAMILY, size=9, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws["A1"] = ctx.t("클라우드서비스 제공자 자가점검표 (전자금융감독규정 <별표 2의2>)",
                     "Cloud provider self-check (감독규정 <별표 2의2>)")
    ws["A1"].font = Font(name=FAMILY, size=13, bold=True)
    ws["A2"] = (f"{ctx.portfolio.institution.name} · {ctx.workload.name} ({ctx.workload.id}) · {ctx.provider.name} "
                f"({ctx.provider.id}) · {ctx.workload.service_model} · {ctx.as_of.isoformat()}")
    ws["A3"] = ctx.t("이행 여부(목록 선택)·이행 내용·증적 자료명 열만 기재하십시오. 다른 칸을 바꾸면 가져오기가 거부됩니다. "
                     "(가이드 제4장 2 가. 종합 평가: 자가점검 → 결과검증 → 확인평가)",
                     "Fill in only the status (pick from the list), detail and evidence columns; any other change makes "
                     "the import fail. (Guide ch. 4 2 가.: self-check → verification → confirmation)")
    for cell in ("A2", "A3"):
        ws[cell].font = font
    header = (ctx.t("번호", "No."), ctx.t("영역", "Domain"), ctx.t("세부영역", "Subdomain"), ctx.t("평가항목", "Question"),
              ctx.t("구분", "Kind"), "이행 여부", ctx.t("이행 내용", "Detail"), ctx.t("증적 자료명", "Evidence"))
    fill = PatternFill("solid", fgColor="E1E8F2")
    for col, value in enumerate(header, 1):
        cell = ws.cell(HEADER_ROW, col, value)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
    answer_fill = PatternFill("solid", fgColor="FFF8DC")
    items = [item for item in plan.items if item.required]
    first = HEADER_ROW + 1
    for offset, item in enumerate(items):
        row = first + offset
        spec = catalog.provider_item(item.number)
        values = (item.number, f"{spec.domain}. {catalog.domain_name(spec.domain)}",
                  f"{spec.subdomain}. {catalog.subdomain_name(spec.subdomain)}",
                  spec.question if ctx.lang == "ko" or not spec.question_en else spec.question_en,
                  pick(ITEM_KIND, item.kind, ctx.lang))
        for col, value in enumerate(values, 1):
            cell = ws.cell(row, col, value)
            cell.font, cell.alignment = font, wrap
        for letter in ANSWER_COLUMNS:
            cell = ws[f"{letter}{row}"]
            cell.protection = Protection(locked=False)
            cell.fill, cell.font, cell.alignment = answer_fill, font, wrap
    last = first + len(items) - 1
    if items:
        validation = DataValidation(type="list", formula1='"' + ",".join(ANSWERS) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle="이행 여부", error="목록에서 선택: " + "/".join(ANSWERS))
        validation.add(f"{ANSWER_COLUMNS[0]}{first}:{ANSWER_COLUMNS[0]}{last}")
        ws.add_data_validation(validation)
    for letter, width in zip("ABCDEFGH", (8, 18, 22, 60, 7, 11, 40, 25), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{first}"
    meta_values = {"format": FORMAT, "questionnaire_id": questionnaire_id(ctx), "version": "1",
                   "first_row": str(first), "last_row": str(last), "answer_columns": ",".join(ANSWER_COLUMNS)}
    meta = wb.create_sheet(META)
    for row, (name, value) in enumerate(meta_values.items(), 1):
        meta.cell(row, 1, name)
        meta.cell(row, 2, value)
    meta.cell(len(meta_values) + 1, 1, "hmac_sha256")
    meta.cell(len(meta_values) + 1, 2, sheet_digest(ws, meta_values, key))
    meta.sheet_state = "hidden"
    password = hmac.new(key, b"sheet-protection", hashlib.sha256).hexdigest()[:12]
    for sheet in (ws, meta):
        sheet.protection.sheet = True
        sheet.protection.password = password
        sheet.protection.formatCells = False
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
    wb.save(path)


def sheet_digest(ws: Worksheet, meta: dict[str, str], key: bytes) -> str:
    """HMAC over the meta fields and every non-empty cell outside the answer block. Public so that a
    caller who re-labels the meta sheet (the web workspace writes its own questionnaire id and version)
    re-signs with the same rule the verifier checks."""
    first, last = int(meta["first_row"]), int(meta["last_row"])
    answer_cols = set(meta["answer_columns"].split(","))
    parts = [f"{name}={meta[name]}" for name in sorted(meta)]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "":
                continue
            if cell.column_letter in answer_cols and first <= cell.row <= last:
                continue
            parts.append(f"{cell.coordinate}={cell.value}")
    return hmac.new(key, "\n".join(parts).encode(), hashlib.sha256).hexdigest()


def _open(path: Path):
    try:
        return load_workbook(path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError.single(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})", file=str(path)) from None


def verify_questionnaire(path: Path | str, key: bytes, expected_id: str | None = None) -> list[str]:
    """Problems that make the file unusable as this institution's questionnaire (empty = accept)."""
    try:
        wb = _open(Path(path))
    except InputError as exc:
        return [p.message for p in exc.problems]
    if META not in wb.sheetnames or SHEET not in wb.sheetnames:
        return [f"not a fincloud questionnaire: sheets '{SHEET}' and '{META}' are required (found: {', '.join(wb.sheetnames)})"]
    meta_sheet = wb[META]
    meta = {str(r[0]): "" if r[1] is None else str(r[1]) for r in meta_sheet.iter_rows(min_col=1, max_col=2, values_only=True)
            if r[0] is not None}
    problems = []
    needed = ("format", "questionnaire_id", "version", "first_row", "last_row", "answer_columns", "hmac_sha256")
    missing = [name for name in needed if not meta.get(name)]
    if missing:
        return [f"the _meta sheet lacks {', '.join(missing)}"]
    if meta["format"] != FORMAT:
        return [f"unsupported questionnaire format '{meta['format']}' (expected {FORMAT})"]
    try:
        int(meta["first_row"]), int(meta["last_row"])
    except ValueError:
        return ["the _meta sheet is malformed (row numbers)"]
    recorded = meta.pop("hmac_sha256")
    if not hmac.compare_digest(recorded, sheet_digest(wb[SHEET], meta, key)):
        problems.append("the questionnaire was altered outside the answer cells, or was issued by another institution "
                        "(integrity check failed)")
    if expected_id is not None and meta["questionnaire_id"] != expected_id:
        problems.append(f"this file is questionnaire '{meta['questionnaire_id']}', not '{expected_id}'")
    ws = wb[SHEET]
    status_col = meta["answer_columns"].split(",")[0]
    for row in range(int(meta["first_row"]), int(meta["last_row"]) + 1):
        value = ws[f"{status_col}{row}"].value
        if value not in (None, "") and str(value).strip() not in ANSWERS:
            problems.append(f"{status_col}{row}: '{value}' is not one of {'/'.join(ANSWERS)}")
    return problems


def read_answers(path: Path | str, key: bytes, expected_id: str | None = None) -> QuestionnaireAnswers:
    """The answers of a verified questionnaire; InputError listing every problem otherwise."""
    problems = verify_questionnaire(path, key, expected_id)
    if problems:
        raise InputError([Problem(p, file=str(path)) for p in problems])
    wb = _open(Path(path))
    meta = {str(r[0]): "" if r[1] is None else str(r[1]) for r in wb[META].iter_rows(min_col=1, max_col=2, values_only=True)
            if r[0] is not None}
    ws = wb[SHEET]
    status_col, detail_col, evidence_col = meta["answer_columns"].split(",")
    answers = []
    for row in range(int(meta["first_row"]), int(meta["last_row"]) + 1):
        def text(col: str, row: int = row) -> str:
            value = ws[f"{col}{row}"].value
            return "" if value is None else str(value).strip()
        answers.append(Answer(text("A"), text(status_col), text(detail_col), text(evidence_col)))
    return QuestionnaireAnswers(meta["questionnaire_id"], meta["version"], tuple(answers))
