"""Executing a workload's exit strategy (guide 제9장). Each step is also written into the
workload's portfolio events (exit_started, exit_completed, data_destroyed, provider_change) so
that the engine sees it; this model keeps what the events cannot hold (notes, certificate)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExitExecution(models.Model):
    workload = models.OneToOneField("workspace.Workload", on_delete=models.CASCADE, related_name="exit_execution")
    reason = models.TextField(_("종료 사유"))
    started_on = models.DateField(_("종료 착수일"))
    target_provider = models.ForeignKey("workspace.Provider", on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+")
    migration_log = models.TextField(_("이관 기록"), blank=True)
    migrated_on = models.DateField(_("이관 완료일"), null=True, blank=True)
    destroyed_on = models.DateField(_("데이터 파기일"), null=True, blank=True)
    destruction_certificate = models.ForeignKey("workspace.StoredFile", on_delete=models.PROTECT, null=True,
                                                blank=True, related_name="+")
    change_report_submitted_on = models.DateField(_("제공자 변경 보고일"), null=True, blank=True)
    change_report_number = models.CharField(_("보고 문서번호"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
