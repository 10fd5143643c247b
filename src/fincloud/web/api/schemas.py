"""Response and request shapes of the JSON API (documented in /api/openapi.json).

The engine's results are passed through unchanged (``dict``): they are exactly the CLI's
``--format json`` output (``render.json_out``), whose own schema is the CLI's contract.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class Problem(Schema):
    detail: str
    problems: list[str] = []


class WorkloadRow(Schema):
    key: str
    name: str
    provider: str
    service_model: str
    in_scope: bool
    critical: bool | None
    score: float | None
    blockers: int
    overdue: int
    due_soon: int
    next_due: dt.date | None


class WorkloadPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    items: list[WorkloadRow]


class WorkloadDetail(Schema):
    key: str
    facts: dict[str, Any]
    result: dict[str, Any]


class ProviderRow(Schema):
    key: str
    name: str
    workloads: int


class ProviderDetail(Schema):
    key: str
    facts: dict[str, Any]
    soundness_notes: str
    result: dict[str, Any] | None


class ObligationList(Schema):
    as_of: str
    total: int
    count: int
    items: list[dict[str, Any]]


class EvidenceFile(Schema):
    id: int
    purpose: str
    original_name: str
    size: int
    sha256: str
    content_type: str
    workload: str | None
    provider: str | None
    uploaded_at: dt.datetime


class EvidencePage(Schema):
    count: int
    page: int
    pages: int
    items: list[EvidenceFile]


class QuestionnaireRow(Schema):
    id: int
    qid: str
    provider: str
    workload: str | None
    kind: str
    method: str
    version: int
    status: str
    items: int
    sent_at: dt.datetime | None
    answered_at: dt.datetime | None
    completed_on: dt.date | None


class AnswerOut(Schema):
    item: str
    response: str
    comment: str
    answered_at: dt.datetime | None
    verdict: str
    evidence: list[int]


class QuestionnaireDetail(QuestionnaireRow):
    questions: list[Any]
    answers: list[AnswerOut]


class ImportResult(Schema):
    providers: int
    workloads: int
    revision: int
