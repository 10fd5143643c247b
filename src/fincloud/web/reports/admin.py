"""Read-only admin of the reports app (see fincloud.web.readonly_admin)."""

from fincloud.web.readonly_admin import register
from fincloud.web.reports.models import AttachmentUpdate, ReportPackage, Submission

register(ReportPackage, Submission, AttachmentUpdate)
