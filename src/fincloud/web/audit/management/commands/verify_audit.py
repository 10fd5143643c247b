"""``manage.py verify_audit``: check the audit chain; exit 1 naming the first broken link."""

from django.core.management.base import BaseCommand, CommandError

from fincloud.web.audit.trail import verify_chain


class Command(BaseCommand):
    help = "Verify the hash-chained audit trail and report the first broken link."

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"audit chain broken at event {result.broken_at}: {result.problem} "
                               f"({result.events} events read)")
        self.stdout.write(f"audit chain intact: {result.events} events")
