"""Who is calling the API: a bearer token (``Authorization: Bearer fct_...``) checked against
:class:`~fincloud.web.accounts.models.ApiToken` (only its SHA-256 is stored; revoked tokens and
inactive users are refused), or the browser's session (ninja's ``SessionAuth`` checks CSRF for
unsafe methods). What the caller may then do is decided by ``accounts.permissions`` exactly as on
the pages (:func:`capability`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from fincloud.web.accounts.models import ApiToken
from fincloud.web.accounts.permissions import CAPABILITIES, can, profile_of

TOKEN_PREFIX = "fct_"


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        if not token or not token.startswith(TOKEN_PREFIX):
            return None
        row = (ApiToken.objects.select_related("user", "user__profile")
               .filter(digest=ApiToken.digest_of(token), revoked=False, user__is_active=True).first())
        if row is None:
            return None
        now = timezone.now()
        # One small UPDATE, at most once a minute per token, so reads stay cheap.
        if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        return row.user


AUTH = [BearerToken(), SessionAuth()]


def capability(name: str) -> Callable:
    """Declare an endpoint's capability (the same names as the pages' ``require``): an authenticated
    caller without it gets 403. Sets ``request.profile`` and ``request.institution``."""
    if name not in CAPABILITIES:
        raise ValueError(f"unknown capability {name!r}")

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.auth
            if not can(user, name):
                raise HttpError(403, "You do not have permission to use this endpoint.")
            request.user = user
            request.profile = profile_of(user)
            request.institution = request.profile.institution
            return view(request, *args, **kwargs)

        wrapped.capability = name
        return wrapped

    return decorate
