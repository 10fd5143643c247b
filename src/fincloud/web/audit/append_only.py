"""Database triggers that refuse UPDATE and DELETE on the audit trail (SQLite and PostgreSQL), so
that an append-only log stays append-only even for code that bypasses ``AuditEvent.save`` /
``delete`` (queryset ``update()``/``delete()``, raw SQL through the application's connection).

The chain check (``verify_audit``) still catches what the triggers cannot stop (someone with the
database owner's rights dropping them, or editing the file). PostgreSQL's ``TRUNCATE`` is not a
row operation and is left to the database's privileges; Django's ``flush`` (used between
transactional tests) empties the table on purpose, see ``management/commands/flush.py``.
"""

from __future__ import annotations

TABLE = "audit_auditevent"
MESSAGE = "audit events are append-only"

SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_REMOVE = ["DROP TRIGGER IF EXISTS audit_event_no_update", "DROP TRIGGER IF EXISTS audit_event_no_delete"]

POSTGRES_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege'; END; $$ LANGUAGE plpgsql",
    f"DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE}",
    f"CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
]
POSTGRES_REMOVE = [f"DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE}",
                   "DROP FUNCTION IF EXISTS audit_event_append_only()"]

INSTALL = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRES_INSTALL}
REMOVE = {"sqlite": SQLITE_REMOVE, "postgresql": POSTGRES_REMOVE}


def _run(connection, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for sql in statements.get(connection.vendor, []):
            cursor.execute(sql)


def install(connection) -> None:
    _run(connection, INSTALL)


def remove(connection) -> None:
    _run(connection, REMOVE)


def installed(connection) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_event_append_only'")
        else:
            return False
        return cursor.fetchone()[0] > 0
