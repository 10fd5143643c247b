"""``manage.py create_admin EMAIL --institution NAME --kind KIND``: the first institution admin of a
production workspace (the password is read from FINCLOUD_ADMIN_PASSWORD or asked for, and checked
by the password validators)."""

from __future__ import annotations

import getpass
import os

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fincloud.web.accounts.models import Profile, Role
from fincloud.web.audit import trail
from fincloud.web.workspace.models import INSTITUTION_KINDS, Institution


class Command(BaseCommand):
    help = "Create an institution admin (and the institution, if it does not exist yet)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--institution", required=True, help="institution name (기관명)")
        parser.add_argument("--kind", choices=[k for k, _ in INSTITUTION_KINDS],
                            help="업권, needed when the institution is created")

    def handle(self, *args, email, institution, kind, **options):
        password = os.environ.get("FINCLOUD_ADMIN_PASSWORD") or getpass.getpass("password: ")
        user = User(username=email, email=email)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("password rejected: " + " ".join(exc.messages)) from None
        if User.objects.filter(username__iexact=email).exists():
            raise CommandError(f"{email}: a user with this name exists already")
        with transaction.atomic():
            inst = Institution.objects.filter(name=institution).first()
            if inst is None:
                if not kind:
                    raise CommandError(f"institution {institution!r} does not exist: give --kind to create it")
                inst = Institution.objects.create(name=institution, kind=kind)
                trail.record("create_admin", "institution.create", inst, after={"name": institution, "kind": kind})
            user.set_password(password)
            user.save()
            profile = Profile.objects.create(user=user, institution=inst, role=Role.ADMIN)
            trail.record("create_admin", "user.create", profile, after={"user": email, "role": "admin"})
        self.stdout.write(f"admin {email} created for {inst.name}")
