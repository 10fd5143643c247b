"""Uploaded contracts, the machine review of each required clause, and a person's confirmation.

The machine finding (``machine_*``) is kept as produced; the person's status and location are
separate fields so that a correction never overwrites what the reviewer said, and the pair is
exported as evidence for tuning the clause concepts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CLAUSE_STATUS = [("satisfied", _("충족")), ("partly", _("일부 충족")), ("missing", _("누락")),
                 ("contradicted", _("위배(부정·제한)"))]


class ContractDocument(models.Model):
    workload = models.ForeignKey("workspace.Workload", on_delete=models.CASCADE, related_name="contract_documents")
    file = models.ForeignKey("workspace.StoredFile", on_delete=models.PROTECT, related_name="+")
    signed_on = models.DateField(_("계약 체결일"), null=True, blank=True)
    review = models.JSONField(null=True, blank=True)
    review_error = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class ClauseFinding(models.Model):
    document = models.ForeignKey(ContractDocument, on_delete=models.CASCADE, related_name="findings")
    clause = models.CharField(max_length=40)
    machine_status = models.CharField(max_length=20, choices=CLAUSE_STATUS)
    machine_location = models.CharField(max_length=200, blank=True)
    machine_excerpt = models.TextField(blank=True)
    confidence = models.FloatField(null=True)
    status = models.CharField(max_length=20, choices=CLAUSE_STATUS, blank=True)
    location = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "clause"], name="clause_finding_unique")]
        ordering = ["id"]

    @property
    def effective_status(self) -> str:
        return self.status or self.machine_status

    @property
    def corrected(self) -> bool:
        return bool(self.status) and self.status != self.machine_status
