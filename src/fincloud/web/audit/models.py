"""The audit trail: one row per change, chained by SHA-256 so that an edit or a deletion shows.

``hash = sha256(prev_hash || canonical_event)`` where ``canonical_event`` is the event's fields as
JSON with sorted keys and no spaces. Rows refuse updates and deletes through the ORM; the chain
check (``manage.py verify_audit``) catches changes made behind the ORM's back.
"""

from __future__ import annotations

from django.db import models


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(primary_key=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=100)
    workload_key = models.CharField(max_length=100, blank=True, db_index=True)
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit events are append-only")


class AuditHead(models.Model):
    """A single row locked while appending, so that concurrent writers extend one chain."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_hash = models.CharField(max_length=64, default="0" * 64)
