"""Read-only admin of the exits app (see fincloud.web.readonly_admin)."""

from fincloud.web.exits.models import ExitExecution
from fincloud.web.readonly_admin import register

register(ExitExecution)
