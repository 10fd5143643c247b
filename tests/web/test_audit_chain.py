"""The audit trail (issue 4 "Audit trail"; WORKSPACE.md "Audit trail"): every change is recorded
(who, when, what, before/after) in the same transaction, the log is append-only (the ORM and the
database refuse updates and deletes), and ``verify_audit`` names the first broken link of the hash
chain when a row is changed or removed behind the application's back."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from fincloud.web.audit import append_only, trail
from fincloud.web.audit.management.commands.verify_audit import Command as VerifyAudit
from fincloud.web.audit.models import AuditEvent
from fincloud.web.workspace import bridge
from fincloud.web.workspace.models import Workload


def _edit_some(demo, n: int = 3) -> None:
    for w in demo.workloads.order_by("id")[:n]:
        data = bridge.workload_data(w)
        data["name"] = w.name + " (개정)"
        bridge.save_workload(w, data, actor="assessor@demo.example", action="workload.update")


def test_triggers_are_installed_by_the_migrations(db):
    assert append_only.installed(connection)


def test_every_bridge_edit_records_who_what_before_and_after(demo):
    w = demo.workloads.order_by("id").first()
    before = bridge.workload_data(w)
    n = AuditEvent.objects.count()
    data = dict(before, name="이름 변경")
    bridge.save_workload(w, data, actor="assessor@demo.example", action="workload.update")
    event = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == n + 1
    assert (event.actor, event.action, event.workload_key) == ("assessor@demo.example", "workload.update", w.key)
    assert event.before["name"] == before["name"] and event.after["name"] == "이름 변경"
    assert event.object_type == "workspace.workload" and event.object_id == str(w.pk)

    p = demo.providers.order_by("id").first()
    pdata = bridge.provider_data(p)
    bridge.save_provider(p, dict(pdata, name="새 제공자명"), actor="admin@demo.example", action="provider.update")
    event = AuditEvent.objects.order_by("-seq").first()
    assert (event.action, event.before["name"], event.after["name"]) == ("provider.update", pdata["name"], "새 제공자명")


def test_a_refused_edit_records_nothing_and_changes_nothing(demo):
    w = demo.workloads.order_by("id").first()
    n = AuditEvent.objects.count()
    with pytest.raises(bridge.SpecError):
        bridge.save_workload(w, dict(bridge.workload_data(w), service_model="XaaS"), actor="x", action="workload.update")
    assert AuditEvent.objects.count() == n
    assert Workload.objects.get(pk=w.pk).service_model == w.service_model


def test_intact_chain_verifies(demo):
    _edit_some(demo)
    check = trail.verify_chain()
    assert check.ok and check.events == AuditEvent.objects.count()
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "intact" in out.getvalue()


def _tamper(sql: str, params: list) -> None:
    """What someone with database access could do: lift the triggers, change rows with raw SQL.
    (The test's transaction is rolled back afterwards, triggers included.)"""
    append_only.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_a_row_changed_with_raw_sql_is_named_as_the_first_broken_link(demo):
    _edit_some(demo)
    last = AuditEvent.objects.order_by("-seq").first().seq
    target = last - 2
    _tamper("UPDATE audit_auditevent SET actor = %s WHERE seq = %s", ["mallory", target])
    check = trail.verify_chain()
    assert not check.ok and check.broken_at == target
    with pytest.raises(CommandError, match=f"event {target}\\b") as exc:
        call_command("verify_audit")
    assert exc.value.returncode != 0


def test_verify_audit_exits_non_zero_from_the_command_line(demo):
    _edit_some(demo)
    _tamper("UPDATE audit_auditevent SET action = %s WHERE seq = %s", ["nothing.happened", 1])
    with pytest.raises(SystemExit) as exc:
        VerifyAudit(stdout=StringIO(), stderr=StringIO()).run_from_argv(["fincloud-web", "verify_audit"])
    assert exc.value.code == 1


def test_a_forged_link_is_detected_too(demo):
    """Recomputing the tampered row's own hash does not help: the next row's prev_hash breaks."""
    _edit_some(demo)
    target = AuditEvent.objects.order_by("-seq").first().seq - 1
    event = AuditEvent.objects.get(seq=target)
    event.actor = "mallory"
    forged = trail._hash(event.prev_hash, event)
    _tamper("UPDATE audit_auditevent SET actor = %s, hash = %s WHERE seq = %s", ["mallory", forged, target])
    check = trail.verify_chain()
    assert not check.ok and check.broken_at == target + 1


def test_deleting_the_last_row_is_detected_by_the_head(demo):
    _edit_some(demo)
    last = AuditEvent.objects.order_by("-seq").first().seq
    _tamper("DELETE FROM audit_auditevent WHERE seq = %s", [last])
    check = trail.verify_chain()
    assert not check.ok and check.broken_at == last and "head" in check.problem
    with pytest.raises(CommandError, match=f"event {last}\\b"):
        call_command("verify_audit")


def test_deleting_a_middle_row_is_detected_as_a_gap(demo):
    _edit_some(demo)
    _tamper("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    check = trail.verify_chain()
    assert not check.ok and check.broken_at == 2 and "missing" in check.problem


def test_orm_refuses_to_update_or_delete_events(demo):
    event = AuditEvent.objects.order_by("seq").first()
    event.actor = "mallory"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


@pytest.mark.parametrize("operation", [
    lambda: AuditEvent.objects.filter(seq=1).update(actor="mallory"),
    lambda: AuditEvent.objects.all().delete(),
    lambda: connection.cursor().execute("UPDATE audit_auditevent SET actor = 'mallory'"),
    lambda: connection.cursor().execute("DELETE FROM audit_auditevent"),
], ids=["queryset-update", "queryset-delete", "raw-update", "raw-delete"])
def test_the_database_refuses_updates_and_deletes_that_bypass_the_model(demo, operation):
    n = AuditEvent.objects.count()
    with pytest.raises(DatabaseError), transaction.atomic():
        operation()
    assert AuditEvent.objects.count() == n
    assert not AuditEvent.objects.filter(actor="mallory").exists()
    assert trail.verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_trail_and_puts_the_triggers_back(demo):
    """``flush`` (also run between transactional tests, e.g. the browser tests' live server) may
    empty the log; the guard stays."""
    assert AuditEvent.objects.exists()
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    assert append_only.installed(connection)


def test_audit_log_page_shows_the_first_broken_link(auditor, demo):
    _edit_some(demo)
    response = auditor.get("/audit/?verify=1")
    assert response.status_code == 200 and response.context["check"].ok
    _tamper("UPDATE audit_auditevent SET actor = %s WHERE seq = %s", ["mallory", 3])
    response = auditor.get("/audit/?verify=1")
    assert response.context["check"].broken_at == 3
    assert "3번 기록에서 체인 손상" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_recording_outside_the_change_transaction_is_refused():
    """An event must commit with its change or not at all (WORKSPACE.md "Audit trail")."""
    with pytest.raises(RuntimeError, match="inside the transaction"):
        trail.record("someone", "nothing.changed")
    assert not AuditEvent.objects.exists()
