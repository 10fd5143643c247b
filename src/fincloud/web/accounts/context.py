"""Template context: the user's role and capabilities, so templates show only permitted actions
(the views check again; hiding a button is never the protection)."""

from fincloud.web.accounts.permissions import CAPABILITIES, profile_of


def role(request):
    profile = profile_of(getattr(request, "user", None))
    if profile is None:
        return {"role": None, "caps": {}}
    return {"role": profile.role, "role_label": profile.get_role_display(), "my_provider": profile.provider,
            "caps": {cap: profile.role in roles for cap, roles in CAPABILITIES.items()}}
