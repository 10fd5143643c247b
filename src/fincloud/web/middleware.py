"""Refuse request bodies larger than the upload limit before Django reads them (413), so an oversized
upload never fills the disk or memory; views still check each file's own size and type."""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("잘못된 Content-Length 입니다."), status=400, content_type="text/plain; charset=utf-8")
        limit = settings.FINCLOUD_UPLOAD_MAX_BYTES + 1024 * 1024  # room for the form's other fields
        if length > limit:
            return HttpResponse(_("요청이 너무 큽니다 (최대 %(mb)d MB).") % {"mb": settings.FINCLOUD_UPLOAD_MAX_BYTES // 2**20},
                                status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class SessionIdleRefreshMiddleware:
    """Idle expiry without a database write on every page: the session's expiry is pushed forward
    (SESSION_COOKIE_AGE from now) at most once per FINCLOUD_SESSION_REFRESH_SECONDS, so a session
    idle for the whole cookie age ends, and a busy one is written a few times an hour, not per click."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key and request.user.is_authenticated:
            now = int(time.time())
            last = session.get("_fincloud_seen", 0)
            if now - last >= settings.FINCLOUD_SESSION_REFRESH_SECONDS:
                session["_fincloud_seen"] = now  # marks the session modified: saved with a fresh expiry
        return self.get_response(request)
