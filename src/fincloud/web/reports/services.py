"""Public functions of the reports app."""

from __future__ import annotations

from fincloud.web.reports.models import Submission


def latest_submission(workload) -> Submission | None:
    return Submission.objects.filter(workload=workload).order_by("-submitted_on", "-id").first()
