"""The portfolio's facts as rows.

A provider's and a workload's portfolio fields live in ``spec`` (the dict the portfolio format
holds, validated by the same pydantic models the file loader uses) beside a few columns that
lists filter and sort on (key, name, provider, service model, region). ``bridge.py`` is the only
place that turns these rows into a :class:`fincloud.portfolio.model.Portfolio` and back, so the
web and the CLI see one model.

Decisions are never stored as facts: ``AssessmentCache`` holds the engine's output keyed by the
workspace revision, catalog edition and as-of date, and is recomputed when any key part changes.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

INSTITUTION_KINDS = [
    ("bank", _("은행")), ("securities", _("증권")), ("insurance", _("보험")), ("card", _("카드")),
    ("savings_bank", _("저축은행")), ("e_finance", _("전자금융업자")),
    ("foreign_branch_minor", _("외국금융회사 국내지점(중대한 영향 없음)")),
    ("pg_overseas_cybermall", _("국외 사이버몰 전자지급결제대행업자")),
]
SERVICE_MODELS = [("IaaS", "IaaS"), ("PaaS", "PaaS"), ("SaaS", "SaaS")]


class Institution(models.Model):
    """The 금융회사 running the procedure. ``revision`` grows with every change to its portfolio."""

    name = models.CharField(_("기관명"), max_length=200)
    kind = models.CharField(_("업권"), max_length=40, choices=INSTITUTION_KINDS)
    spec = models.JSONField(_("기타 포트폴리오 항목"), default=dict, blank=True)
    revision = models.PositiveBigIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("금융회사")
        verbose_name_plural = _("금융회사")

    def __str__(self) -> str:
        return self.name


class Provider(models.Model):
    """A cloud service provider (클라우드컴퓨팅서비스 제공자) as the institution knows it."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="providers")
    key = models.SlugField(_("제공자 ID"), max_length=100)
    name = models.CharField(_("제공자명"), max_length=200)
    spec = models.JSONField(default=dict, blank=True)
    soundness_notes = models.TextField(_("건전성 검토 의견"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("클라우드 제공자")
        verbose_name_plural = _("클라우드 제공자")
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["institution", "key"], name="provider_key_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class Workload(models.Model):
    """One use of a cloud service (업무). Workflow timestamps record people's confirmations."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="workloads")
    key = models.SlugField(_("업무 ID"), max_length=100)
    name = models.CharField(_("업무명"), max_length=200)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="workloads")
    service_model = models.CharField(_("서비스 유형"), max_length=4, choices=SERVICE_MODELS)
    region = models.CharField(_("리전"), max_length=100)
    spec = models.JSONField(default=dict, blank=True)
    scope_confirmed_at = models.DateTimeField(null=True, blank=True)
    importance_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("클라우드 이용 업무")
        verbose_name_plural = _("클라우드 이용 업무")
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["institution", "key"], name="workload_key_unique")]
        indexes = [models.Index(fields=["institution", "service_model"]),
                   models.Index(fields=["institution", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


class SafeguardStatus(models.Model):
    """Where the institution stands on one 제5장 requirement for one workload (workflow state)."""

    STATUS = [("todo", _("미착수")), ("in_progress", _("진행 중")), ("done", _("이행 완료")),
              ("not_applicable", _("해당 없음"))]
    workload = models.ForeignKey(Workload, on_delete=models.CASCADE, related_name="safeguard_statuses")
    requirement = models.CharField(max_length=40)
    status = models.CharField(max_length=20, choices=STATUS, default="todo")
    note = models.TextField(blank=True)
    evidence = models.ForeignKey("workspace.StoredFile", on_delete=models.SET_NULL, null=True, blank=True)
    updated_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workload", "requirement"], name="safeguard_unique")]


class StoredFile(models.Model):
    """An uploaded file: validated by content, stored under a random name, served only by a view
    that checks the reader's permission on ``workload`` / ``provider``."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="files")
    workload = models.ForeignKey(Workload, on_delete=models.CASCADE, null=True, blank=True, related_name="files")
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, null=True, blank=True, related_name="files")
    purpose = models.CharField(max_length=40)
    file = models.FileField(upload_to="evidence/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class AssessmentCache(models.Model):
    """The engine's result for one workload, valid only for ``cache_key``; never edited by people."""

    workload = models.OneToOneField(Workload, on_delete=models.CASCADE, primary_key=True, related_name="cached")
    cache_key = models.CharField(max_length=120)
    in_scope = models.BooleanField()
    critical = models.BooleanField(null=True)
    score = models.FloatField(null=True)
    blockers = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    due_soon = models.PositiveIntegerField(default=0)
    next_due = models.DateField(null=True)
    data = models.JSONField()
    digest = models.CharField(max_length=40, default="")  # SHA-1 of ``data``: only changed rows are rewritten

    class Meta:
        indexes = [models.Index(fields=["cache_key", "in_scope", "critical"])]


class PortfolioCache(models.Model):
    """Portfolio-wide engine results (concentration, obligations) for one ``cache_key``."""

    institution = models.OneToOneField(Institution, on_delete=models.CASCADE, primary_key=True,
                                       related_name="cached")
    cache_key = models.CharField(max_length=120)
    computed_at = models.DateTimeField(auto_now=True)
    data = models.JSONField()
