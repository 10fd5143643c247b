"""정보보호위원회 (guide 제6장): members, meetings, attendance, an agenda compiled from the
workloads' engine results, votes, the resolution (의결) with its conditions, and the compliance
officer's review opinion (준법감시인 검토의견)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Member(models.Model):
    institution = models.ForeignKey("workspace.Institution", on_delete=models.CASCADE, related_name="committee")
    name = models.CharField(_("성명"), max_length=100)
    position = models.CharField(_("직위"), max_length=100, blank=True)
    is_chair = models.BooleanField(_("위원장"), default=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="committee_seats")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-is_chair", "name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    STATUS = [("planned", _("개최 예정")), ("held", _("개최")), ("closed", _("종료"))]

    institution = models.ForeignKey("workspace.Institution", on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("회의명"), max_length=200)
    held_on = models.DateField(_("개최일"))
    location = models.CharField(_("장소"), max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=STATUS, default="planned")
    minutes = models.TextField(_("회의록"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+")
    attachments = models.ManyToManyField("workspace.StoredFile", blank=True, related_name="meetings")

    class Meta:
        ordering = ["-held_on", "-id"]


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_unique")]


class AgendaItem(models.Model):
    """One workload on a meeting's agenda, with the engine's result as compiled for the meeting.

    ``subject`` says what is resolved: the use of the service (제6장; the resolution that opens the
    contract and report steps) or accepting open deficiencies of the provider evaluation with a risk
    analysis and compensating controls (제4장 2 가. 확인평가; catalog committee.yaml
    ``conditional_resolutions.accept_deficiencies``), which does not approve the use by itself."""

    SUBJECTS = [("use", _("클라우드서비스 이용 심의·의결")), ("accept_deficiencies", _("미흡사항 위험 수용 의결"))]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="agenda_items")
    subject = models.CharField(_("안건 유형"), max_length=30, choices=SUBJECTS, default="use")
    order = models.PositiveIntegerField(default=1)
    summary = models.JSONField(default=dict)
    compiled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]


class Vote(models.Model):
    CHOICES = [("approve", _("찬성")), ("reject", _("반대")), ("abstain", _("기권"))]

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(max_length=10, choices=CHOICES)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agenda_item", "member"], name="vote_unique")]


class Resolution(models.Model):
    DECISION = [("approved", _("원안 의결(승인)")), ("conditional", _("조건부 승인")), ("rejected", _("부결"))]

    agenda_item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="resolution")
    workload = models.ForeignKey("workspace.Workload", on_delete=models.PROTECT, related_name="resolutions")
    decision = models.CharField(max_length=20, choices=DECISION)
    conditions = models.TextField(_("조건"), blank=True)
    resolved_on = models.DateField()
    approvals = models.PositiveIntegerField(default=0)
    rejections = models.PositiveIntegerField(default=0)
    abstentions = models.PositiveIntegerField(default=0)
    members_total = models.PositiveIntegerField(_("재적위원 수"), default=0)
    members_present = models.PositiveIntegerField(_("출석위원 수"), default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-resolved_on", "-id"]

    @property
    def approves(self) -> bool:
        return self.decision in ("approved", "conditional")


class ComplianceOpinion(models.Model):
    CONCLUSION = [("no_objection", _("이견 없음")), ("with_conditions", _("조건부 의견")),
                  ("objection", _("이견 있음"))]

    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="compliance_opinions")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    conclusion = models.CharField(max_length=20, choices=CONCLUSION)
    opinion = models.TextField(_("검토의견"))
    given_on = models.DateField()

    class Meta:
        ordering = ["-given_on", "-id"]
