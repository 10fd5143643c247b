"""``manage.py seed_demo``: load the demo portfolio and create one user per role (passwords printed)."""

from django.core.management.base import BaseCommand

from fincloud.web.workspace.demo_data import seed_demo


class Command(BaseCommand):
    help = "Load the demo portfolio into the workspace and create a demo user per role, printing passwords."

    def handle(self, *args, **options):
        inst, users = seed_demo()
        self.stdout.write(f"데모 기관 / demo institution: {inst.name} "
                          f"(제공자 {inst.providers.count()}, 업무 {inst.workloads.count()})")
        self.stdout.write("데모 사용자 / demo users (이번 실행에서만 표시 / shown once):")
        for u in users:
            extra = f" provider={u.provider}" if u.provider else ""
            self.stdout.write(f"  {u.role:<11} {u.username:<28} {u.password}{extra}")
