"""Public functions of the exits app."""

from __future__ import annotations

from fincloud.web.exits.models import ExitExecution


def exit_of(workload) -> ExitExecution | None:
    return ExitExecution.objects.filter(workload=workload).first()
