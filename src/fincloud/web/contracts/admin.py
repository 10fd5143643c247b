"""Read-only admin of the contracts app (see fincloud.web.readonly_admin)."""

from fincloud.web.contracts.models import ClauseFinding, ContractDocument
from fincloud.web.readonly_admin import register

register(ContractDocument, ClauseFinding)
