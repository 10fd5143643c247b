"""Web tests are written around a few named people (the healthchecks way), so permission tests read
like sentences: the assessor may edit, the auditor may only look, provider A's respondent never sees
provider B's questionnaire."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from fincloud.web.accounts.models import Profile, Role
from fincloud.web.workspace.demo_data import seed_demo

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def demo(db):
    """The demo institution (13 workloads, 4 providers) with one user per role, all with PASSWORD."""
    inst, _users = seed_demo(passwords={username: PASSWORD for username in PEOPLE.values()})
    return inst


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


# The named people: fixture name -> demo user. provider_a answers for the demo's first provider,
# provider_b for its second.
PEOPLE = {
    "admin": "admin@demo.example", "assessor": "assessor@demo.example",
    "committee_member": "committee@demo.example", "chair": "chair@demo.example",
    "compliance": "compliance@demo.example", "auditor": "auditor@demo.example",
    "provider_a": "provider@demo.example", "provider_b": "provider2@demo.example",
}


def _person(username: str):
    @pytest.fixture
    def signed_in(demo) -> Client:
        return _client(username)

    signed_in.__doc__ = f"A test client signed in as {username}."
    return signed_in


for _name, _username in PEOPLE.items():
    globals()[_name] = _person(_username)


@pytest.fixture
def stranger(db):
    """Signed in, but no role in any institution."""
    user = User.objects.create_user("stranger@example.com", password=PASSWORD)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def anonymous():
    return Client()


def profile(username: str) -> Profile:
    return Profile.objects.select_related("provider").get(user__username=username)


ROLES = [r.value for r in Role]
