"""A user's role in the workspace and, for provider respondents, the provider they answer for."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("기관 관리자")
    ASSESSOR = "assessor", _("평가 담당자")
    COMMITTEE = "committee", _("정보보호위원")
    COMPLIANCE = "compliance", _("준법감시인")
    AUDITOR = "auditor", _("감사인(읽기 전용)")
    PROVIDER = "provider", _("제공자 응답자")


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    institution = models.ForeignKey("workspace.Institution", on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=20, choices=Role.choices)
    provider = models.ForeignKey("workspace.Provider", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="respondents")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        constraints = [models.CheckConstraint(
            condition=(models.Q(role="provider", provider__isnull=False)
                       | (~models.Q(role="provider") & models.Q(provider__isnull=True))),
            name="provider_role_has_provider")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str) -> tuple[ApiToken, str]:
        token = "fct_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, prefix=token[4:12], digest=cls.digest_of(token)), token
