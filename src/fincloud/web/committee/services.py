"""Public functions of the committee app (other apps call these, never its tables)."""

from __future__ import annotations

from fincloud.web.committee.models import ComplianceOpinion, Resolution


def latest_resolution(workload) -> Resolution | None:
    return Resolution.objects.filter(workload=workload).order_by("-resolved_on", "-id").first()


def approving_resolution(workload) -> Resolution | None:
    """The latest resolution on the workload, if it approves (a later rejection withdraws approval)."""
    latest = latest_resolution(workload)
    return latest if latest is not None and latest.approves else None


def latest_compliance_opinion(workload) -> ComplianceOpinion | None:
    return ComplianceOpinion.objects.filter(workload=workload).order_by("-given_on", "-id").first()
