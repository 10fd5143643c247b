"""Read-only admin of the committee app (see fincloud.web.readonly_admin)."""

from fincloud.web.committee.models import (
    AgendaItem,
    Attendance,
    ComplianceOpinion,
    Meeting,
    Member,
    Resolution,
    Vote,
)
from fincloud.web.readonly_admin import register

register(Member, Meeting, Attendance, AgendaItem, Vote, Resolution, ComplianceOpinion)
