"""The provider evaluation as people run it (guide 제4장): questionnaire → answers with evidence →
the institution's verification (확인평가) → deficiencies remediated to closure or accepted.

Which items a questionnaire holds is the engine's decision (the workload's evaluation plan),
snapshotted into ``items`` when the questionnaire is created so that a later change of plan is a
new version, never a silent edit of what the provider was asked.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Questionnaire(models.Model):
    STATUS = [("draft", _("작성 중")), ("sent", _("제공자 응답 중")), ("answered", _("응답 완료")),
              ("verifying", _("확인평가 중")), ("closed", _("평가 완료")),
              ("superseded", _("새 버전으로 대체"))]
    OPEN = ("draft", "sent", "answered", "verifying")
    KIND = [("comprehensive", _("종합평가")), ("regular", _("정기평가"))]
    METHOD = [("onsite", _("현장 확인")), ("document", _("서면 확인"))]

    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="questionnaires")
    provider = models.ForeignKey("workspace.Provider", on_delete=models.CASCADE, related_name="questionnaires")
    kind = models.CharField(max_length=20, choices=KIND)
    method = models.CharField(max_length=20, choices=METHOD)
    version = models.PositiveIntegerField(default=1)
    qid = models.CharField(max_length=80, unique=True)
    status = models.CharField(max_length=20, choices=STATUS, default="draft")
    items = models.JSONField(default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class Answer(models.Model):
    RESPONSE = [("yes", _("이행")), ("partial", _("부분 이행")), ("no", _("미이행")),
                ("not_applicable", _("해당 없음"))]
    VERDICT = [("conforms", _("적합")), ("deficient", _("미흡"))]

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=20)
    response = models.CharField(max_length=20, choices=RESPONSE, blank=True)
    comment = models.TextField(blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    verification_method = models.CharField(max_length=20, choices=Questionnaire.METHOD, blank=True)
    verdict = models.CharField(max_length=20, choices=VERDICT, blank=True)
    verification_note = models.TextField(blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)
    evidence = models.ManyToManyField("workspace.StoredFile", blank=True, related_name="answers")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["questionnaire", "item"], name="answer_item_unique")]
        ordering = ["id"]


class Deficiency(models.Model):
    """A shortfall found in verification. Closed by remediation, or accepted only with a risk
    analysis, a compensating control and a committee resolution (guide 제4장 확인평가)."""

    STATUS = [("open", _("조치 필요")), ("remediating", _("조치 중")), ("closed", _("조치 완료")),
              ("accepted", _("위험 수용"))]

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="deficiencies")
    item = models.CharField(max_length=20)
    description = models.TextField()
    status = models.CharField(max_length=20, choices=STATUS, default="open")
    remediation_plan = models.TextField(blank=True)
    due_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_note = models.TextField(blank=True)
    risk_analysis = models.TextField(blank=True)
    compensating_control = models.TextField(blank=True)
    resolution = models.ForeignKey("committee.Resolution", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="accepted_deficiencies")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
