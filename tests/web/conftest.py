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
    passwords = {u: PASSWORD for u in (
        "admin@demo.example", "assessor@demo.example", "committee@demo.example", "chair@demo.example",
        "compliance@demo.example", "auditor@demo.example", "provider@demo.example", "provider2@demo.example")}
    inst, _users = seed_demo(passwords=passwords)
    return inst


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def admin(demo):
    return _client("admin@demo.example")


@pytest.fixture
def assessor(demo):
    return _client("assessor@demo.example")


@pytest.fixture
def committee_member(demo):
    return _client("committee@demo.example")


@pytest.fixture
def chair(demo):
    return _client("chair@demo.example")


@pytest.fixture
def compliance(demo):
    return _client("compliance@demo.example")


@pytest.fixture
def auditor(demo):
    return _client("auditor@demo.example")


@pytest.fixture
def provider_a(demo):
    """Respondent of the demo's first provider."""
    return _client("provider@demo.example")


@pytest.fixture
def provider_b(demo):
    """Respondent of the demo's second provider."""
    return _client("provider2@demo.example")


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
