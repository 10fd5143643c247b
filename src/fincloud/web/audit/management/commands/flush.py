"""``manage.py flush`` that may empty the append-only audit trail.

Django's ``flush`` (also run between transactional tests and by the browser tests' live server)
empties every table; on SQLite it does so with ``DELETE``, which the audit trail's trigger refuses.
Emptying the whole database is a deliberate administrative act, so this command lifts the
triggers for the flush and puts them back afterwards (PostgreSQL's flush uses ``TRUNCATE``, which
the row triggers do not see).
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from fincloud.web.audit import append_only


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        lifted = connection.vendor == "sqlite" and append_only.installed(connection)
        if lifted:
            append_only.remove(connection)
        try:
            return super().handle(**options)
        finally:
            if lifted:
                append_only.install(connection)
