"""Sign-in, the user's own page (API tokens) and invitations (admin only).

An invitation creates an inactive-password account and e-mails a one-time link (Django's password
reset token) to set the password; in development the e-mail goes to the console.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.forms import InviteForm, TokenForm
from fincloud.web.accounts.models import ApiToken, Profile
from fincloud.web.accounts.permissions import providers_for, require
from fincloud.web.audit import trail


def after_login(request):
    """Where a user lands after signing in: provider respondents on their self-check portal, everyone
    else on the dashboard (a provider respondent may not see the institution's dashboard)."""
    from fincloud.web.accounts.permissions import can

    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if can(request.user, "view"):
        return redirect("workspace:dashboard")
    if can(request.user, "portal"):
        return redirect("evaluations:portal")
    return redirect("accounts:me")


@require("view")
def users(request):
    members = Profile.objects.filter(institution=request.institution).select_related("user", "provider")
    return render(request, "accounts/users.html", {"members": members})


@require("manage_users")
def invite(request):
    form = InviteForm(request.POST or None, providers=providers_for(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            user = User.objects.create_user(username=data["email"], email=data["email"], first_name=data["name"])
            user.set_unusable_password()
            user.save()
            profile = Profile.objects.create(user=user, institution=request.institution, role=data["role"],
                                             provider=data["provider"], invited_by=request.user)
            trail.record(request.user, "user.invite", profile,
                         after={"user": user.username, "role": profile.role,
                                "provider": data["provider"].key if data["provider"] else None})
        link = request.build_absolute_uri(reverse("accounts:accept", args=[
            urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]))
        send_mail(_("[fincloud] 초대장"), _("%(inst)s에서 fincloud에 초대했습니다. 아래 링크에서 비밀번호를 정하세요.\n%(link)s")
                  % {"inst": request.institution.name, "link": link}, None, [user.email])
        messages.success(request, _("%(email)s에게 초대 메일을 보냈습니다.") % {"email": user.email})
        return redirect("accounts:users")
    return render(request, "accounts/invite.html", {"form": form})


def me(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    tokens = ApiToken.objects.filter(user=request.user, revoked=False)
    return render(request, "accounts/me.html", {"tokens": tokens, "form": TokenForm(), "new_token": None})


@require_POST
def token_create(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    form = TokenForm(request.POST)
    new = None
    if form.is_valid():
        with transaction.atomic():
            token, new = ApiToken.issue(request.user, form.cleaned_data["name"])
            trail.record(request.user, "token.create", token, after={"name": token.name, "prefix": token.prefix})
    tokens = ApiToken.objects.filter(user=request.user, revoked=False)
    return render(request, "accounts/me.html", {"tokens": tokens, "form": TokenForm(), "new_token": new})


@require_POST
def token_revoke(request, pk: int):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    with transaction.atomic():
        token.revoked = True
        token.save(update_fields=["revoked"])
        trail.record(request.user, "token.revoke", token, before={"revoked": False}, after={"revoked": True})
    return redirect("accounts:me")
