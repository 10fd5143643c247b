"""Read-only admin of the audit app (see fincloud.web.readonly_admin)."""

from fincloud.web.audit.models import AuditEvent, AuditHead
from fincloud.web.readonly_admin import register

register(AuditEvent, AuditHead)
