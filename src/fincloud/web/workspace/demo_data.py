"""The demo workspace: the CLI's demo portfolio, one user per role, a committee.

Passwords are random per run (printed once by ``seed_demo``), never in the repository.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from importlib.resources import files

from django.contrib.auth.models import User
from django.db import transaction

from fincloud.portfolio.loader import loads_portfolio
from fincloud.web.accounts.models import Profile, Role
from fincloud.web.committee.models import Member
from fincloud.web.workspace.bridge import import_portfolio
from fincloud.web.workspace.models import Institution

DEMO_USERS = [
    ("admin@demo.example", "김관리", Role.ADMIN, None),
    ("assessor@demo.example", "이평가", Role.ASSESSOR, None),
    ("committee@demo.example", "박위원", Role.COMMITTEE, None),
    ("chair@demo.example", "최위원장", Role.COMMITTEE, None),
    ("compliance@demo.example", "정준법", Role.COMPLIANCE, None),
    ("auditor@demo.example", "한감사", Role.AUDITOR, None),
    ("provider@demo.example", "A클라우드 담당자", Role.PROVIDER, 0),
    ("provider2@demo.example", "B클라우드 담당자", Role.PROVIDER, 1),
]


@dataclass
class DemoUser:
    username: str
    role: str
    password: str
    provider: str | None


def demo_portfolio_text() -> str:
    return files("fincloud.demo").joinpath("demo-portfolio.yaml").read_text(encoding="utf-8")


@transaction.atomic
def seed_demo(*, passwords: dict[str, str] | None = None) -> tuple[Institution, list[DemoUser]]:
    """Create (or refresh) the demo institution and its users; returns the users with passwords."""
    portfolio = loads_portfolio(demo_portfolio_text(), "demo-portfolio.yaml")
    inst = Institution.objects.filter(name=portfolio.institution.name).first()
    inst = import_portfolio(portfolio, actor="seed_demo", institution=inst)
    providers = list(inst.providers.order_by("id"))
    created: list[DemoUser] = []
    for username, name, role, provider_index in DEMO_USERS:
        password = (passwords or {}).get(username) or secrets.token_urlsafe(12)
        user, _ = User.objects.get_or_create(username=username, defaults={"email": username, "first_name": name})
        user.set_password(password)
        user.is_staff = role == Role.ADMIN
        user.save()
        provider = providers[provider_index] if provider_index is not None else None
        Profile.objects.update_or_create(user=user, defaults={"institution": inst, "role": role, "provider": provider})
        created.append(DemoUser(username, role, password, provider.key if provider else None))
        if role == Role.COMMITTEE:
            Member.objects.get_or_create(institution=inst, user=user, defaults={
                "name": name, "position": "위원장" if "chair" in username else "위원",
                "is_chair": "chair" in username})
    for name, position in (("윤정보", "CISO"), ("서리스크", "리스크관리부장")):
        Member.objects.get_or_create(institution=inst, name=name, defaults={"position": position})
    return inst, created
