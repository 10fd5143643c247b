"""Read-only admin of the workspace app (see fincloud.web.readonly_admin)."""

from fincloud.web.readonly_admin import register
from fincloud.web.workspace.models import (
    AssessmentCache,
    Institution,
    PortfolioCache,
    Provider,
    SafeguardStatus,
    StoredFile,
    Workload,
)

register(Institution, Provider, Workload, SafeguardStatus, StoredFile, AssessmentCache, PortfolioCache)
