"""The report to the FSS (guide 제8장): generated packages, submissions with their document
number, and when each §14-2⑤ attachment was last brought up to date (§14-2⑥)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportPackage(models.Model):
    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="report_packages")
    as_of = models.DateField()
    file = models.ForeignKey("workspace.StoredFile", on_delete=models.PROTECT, related_name="+")
    generated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    generated_at = models.DateTimeField(auto_now_add=True)
    presubmission = models.JSONField(default=list)

    class Meta:
        ordering = ["-generated_at", "-id"]


class Submission(models.Model):
    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="submissions")
    trigger = models.CharField(_("보고 사유"), max_length=60)
    event_date = models.DateField(null=True, blank=True)
    due = models.DateField(null=True, blank=True)
    submitted_on = models.DateField(_("제출일"))
    document_number = models.CharField(_("문서번호"), max_length=100)
    package = models.ForeignKey(ReportPackage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_on", "-id"]

    @property
    def on_time(self) -> bool | None:
        return None if self.due is None else self.submitted_on <= self.due


class AttachmentUpdate(models.Model):
    """§14-2⑥: the attachments are kept current; each update is one row (latest shown)."""

    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="attachment_updates")
    attachment = models.CharField(max_length=40)
    updated_on = models.DateField()
    note = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-updated_on", "-id"]
