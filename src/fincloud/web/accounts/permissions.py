"""Who may see and do what: the one place (WORKSPACE.md "Who may do what").

Every view and API endpoint states its capability with :func:`require`; object-level rules are the
querysets below, so a provider respondent's questionnaires are filtered by provider in the query,
never only hidden on the page. tests/web/test_permissions_matrix.py walks every URL pattern for
every role against :data:`CAPABILITIES`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from fincloud.web.accounts.models import Profile, Role

INTERNAL = frozenset({Role.ADMIN, Role.ASSESSOR, Role.COMMITTEE, Role.COMPLIANCE, Role.AUDITOR})

# capability -> roles that hold it. Auditors hold only the view capabilities.
CAPABILITIES: dict[str, frozenset[str]] = {
    "view": INTERNAL,                                              # the institution's internal pages
    "edit": frozenset({Role.ADMIN, Role.ASSESSOR}),                # workloads, providers, evidence, contract, report
    "manage_users": frozenset({Role.ADMIN}),                       # invitations, roles, API tokens of others
    "run_committee": frozenset({Role.ADMIN, Role.ASSESSOR}),       # meetings, agenda, attendance, minutes
    "vote": frozenset({Role.COMMITTEE}),                           # cast one's own vote
    "resolve": frozenset({Role.ADMIN, Role.COMMITTEE}),            # record the 의결 after the vote
    "compliance": frozenset({Role.COMPLIANCE}),                    # 준법감시인 검토의견
    "verify": frozenset({Role.ADMIN, Role.ASSESSOR}),              # 확인평가 of provider answers
    "answer": frozenset({Role.PROVIDER}),                          # the provider's self-check portal
    "portal": INTERNAL | {Role.PROVIDER},                          # questionnaire pages, file downloads
}


def profile_of(user) -> Profile | None:
    """The user's profile with its institution and provider, read once per request (one query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_fincloud_profile", False)
    if cached is not False:
        return cached
    profile = Profile.objects.select_related("institution", "provider").filter(user_id=user.pk).first()
    user._fincloud_profile = profile
    return profile


def role_of(user) -> str | None:
    profile = profile_of(user)
    return profile.role if profile else None


def can(user, capability: str) -> bool:
    role = role_of(user)
    return role is not None and role in CAPABILITIES[capability]


def require(capability: str) -> Callable:
    """Decorator for function views: anonymous → login page; wrong role → 403."""
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, capability):
                raise PermissionDenied
            request.profile = profile_of(request.user)
            request.institution = request.profile.institution
            return view(request, *args, **kwargs)

        wrapped.capability = capability  # read by the permission-matrix test
        return wrapped

    return decorate


def institution_of(user):
    profile = profile_of(user)
    if profile is None:
        raise PermissionDenied
    return profile.institution


def workloads_for(user) -> QuerySet:
    from fincloud.web.workspace.models import Workload

    profile = profile_of(user)
    if profile is None or profile.role not in INTERNAL:
        return Workload.objects.none()
    return Workload.objects.filter(institution=profile.institution)


def workload_or_404(user, key: str):
    """One workload by its key, through the user's permission-filtered queryset (404 otherwise), with
    the provider and institution every workload page shows."""
    return get_or_404(workloads_for(user).select_related("provider", "institution"), key=key)


def providers_for(user) -> QuerySet:
    from fincloud.web.workspace.models import Provider

    profile = profile_of(user)
    if profile is None:
        return Provider.objects.none()
    qs = Provider.objects.filter(institution=profile.institution)
    if profile.role == Role.PROVIDER:
        return qs.filter(pk=profile.provider_id)
    return qs


def questionnaires_for(user) -> QuerySet:
    """Provider respondents see their own provider's questionnaires once sent, nothing else."""
    from fincloud.web.evaluations.models import Questionnaire

    profile = profile_of(user)
    if profile is None:
        return Questionnaire.objects.none()
    qs = Questionnaire.objects.filter(workload__institution=profile.institution)
    if profile.role == Role.PROVIDER:
        return qs.filter(provider_id=profile.provider_id).exclude(status="draft")
    return qs


def files_for(user) -> QuerySet:
    """Stored files a user may download: internal roles all of their institution's; a provider
    respondent only files attached to their own provider's questionnaire answers."""
    from fincloud.web.workspace.models import StoredFile

    profile = profile_of(user)
    if profile is None:
        return StoredFile.objects.none()
    qs = StoredFile.objects.filter(institution=profile.institution)
    if profile.role == Role.PROVIDER:
        return qs.filter(provider_id=profile.provider_id, purpose="answer_evidence")
    return qs


def get_or_404(qs: QuerySet, **lookup):
    """Object-level lookup through a permission-filtered queryset: someone else's object is a 404,
    so its existence is not revealed."""
    try:
        return qs.get(**lookup)
    except qs.model.DoesNotExist:
        raise Http404 from None
