"""Read-only admin of the accounts app (see fincloud.web.readonly_admin)."""

from fincloud.web.accounts.models import ApiToken, Profile
from fincloud.web.readonly_admin import register

register(Profile, ApiToken)
