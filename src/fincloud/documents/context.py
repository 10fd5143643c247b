"""What every document of one workload is built from, gathered once.

The documents read the same facts (the workload as entered, its assessment, its provider, the
catalog edition and the language); bundling them keeps each builder's signature to one
argument and guarantees all six documents describe the same assessment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fincloud.catalog.loader import Catalog
from fincloud.documents.labels import Lang, t
from fincloud.engine.result import Assessment, Reason, WorkloadAssessment
from fincloud.errors import InputError
from fincloud.messages import render_reason
from fincloud.portfolio.model import Portfolio, Provider, Workload


@dataclass(frozen=True)
class Context:
    portfolio: Portfolio
    assessment: Assessment
    catalog: Catalog
    workload: Workload
    result: WorkloadAssessment
    provider: Provider
    lang: Lang = "ko"

    @property
    def as_of(self) -> dt.date:
        return self.assessment.as_of

    @property
    def critical(self) -> bool:
        return bool(self.result.importance and self.result.importance.critical)

    def t(self, ko: str, en: str) -> str:
        return t(ko, en, self.lang)

    def reason(self, reason: Reason | None, *, cite: bool = False) -> str:
        if reason is None:
            return ""
        return render_reason(reason, self.lang, with_citation=cite)

    def meta(self) -> tuple[tuple[str, str], ...]:
        """The identifying lines printed under every document title."""
        return (
            (self.t("금융회사", "Institution"), self.portfolio.institution.name),
            (self.t("이용 업무", "Workload"), f"{self.workload.name} ({self.workload.id})"),
            (self.t("클라우드서비스 제공자", "Cloud provider"),
             f"{self.provider.name} ({self.provider.id}) · {self.workload.service_model} · {self.workload.region}"),
            (self.t("평가 기준일", "As of"), self.as_of.isoformat()),
            (self.t("적용 기준", "Catalog edition"), f"{self.catalog.edition.title} ({self.catalog.edition.id})"),
        )

    def footer(self, document: str) -> str:
        return f"{self.portfolio.institution.name} · {self.workload.id} · {document} · fincloud {self.as_of.isoformat()}"


def in_scope_ids(assessment: Assessment) -> list[str]:
    return [w.id for w in assessment.workloads if w.in_scope]


def build_context(portfolio: Portfolio, assessment: Assessment, catalog: Catalog, workload_id: str,
                  lang: Lang = "ko") -> Context:
    """The context of one in-scope workload; an unknown or out-of-scope id is the user's error."""
    allowed = in_scope_ids(assessment)
    if workload_id not in allowed:
        known = any(w.id == workload_id for w in assessment.workloads)
        why = "is not in scope (no report package)" if known else "is not a workload of this portfolio"
        raise InputError.single(f"workload '{workload_id}' {why}", field="workload", allowed=", ".join(allowed))
    workload = next(w for w in portfolio.workloads if w.id == workload_id)
    provider = next(p for p in portfolio.providers if p.id == workload.provider)
    return Context(portfolio, assessment, catalog, workload, assessment.workload(workload_id), provider, lang)
