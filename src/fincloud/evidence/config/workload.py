"""What the scan needs to know about a workload, taken from the engine's assessment.

Multi-AZ applies to critical workloads (중요업무, 감독규정 제14조의2 and the importance
rubric of 부록1), and the information classes decide which resources must stay in Korea and
which need customer-managed keys. These are engine decisions; the scan only reads them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fincloud.errors import InputError
from fincloud.evidence.config.model import ScanContext


def context_for_workload(portfolio_path: str | Path, workload_id: str, as_of: dt.date | None = None) -> ScanContext:
    """Assess the portfolio and return the workload's criticality and information classes."""
    from fincloud.catalog import load_catalog
    from fincloud.engine.assess import assess
    from fincloud.portfolio.loader import load_portfolio

    portfolio = load_portfolio(portfolio_path)
    workloads = {w.id: w for w in portfolio.workloads}
    if workload_id not in workloads:
        raise InputError.single(f"no workload {workload_id!r} in the portfolio", file=str(portfolio_path),
                                field="workloads", allowed=", ".join(workloads) or "(none)")
    as_of = as_of or portfolio.institution.as_of or dt.date.today()
    assessment = assess(portfolio, load_catalog(), as_of)
    result = next(w for w in assessment.workloads if w.id == workload_id)
    information = frozenset(workloads[workload_id].information)
    if not result.in_scope or result.importance is None:
        return ScanContext(workload=workload_id, critical=False, information=information,
                           critical_reason="out of scope of 제14조의2")
    imp = result.importance
    relation = "≥" if imp.critical else "<"
    return ScanContext(workload=workload_id, critical=imp.critical, information=information,
                       critical_reason=f"importance score {imp.score} {relation} threshold {imp.threshold}")
