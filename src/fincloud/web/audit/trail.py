"""Recording and checking the audit trail.

Call :func:`record` inside the transaction that makes the change (``transaction.atomic``): the
event and the change commit together or not at all. The head row is locked with
``select_for_update`` so that two writers cannot both append after the same link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from fincloud.web.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def canonical(value: Any) -> Any:
    """JSON-safe, order-stable form of ``value`` (dates as ISO text)."""
    return json.loads(json.dumps(value, sort_keys=True, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return str(value)


def _event_bytes(event: AuditEvent) -> bytes:
    body = {"seq": event.seq, "at": event.at.isoformat(), "actor": event.actor, "action": event.action,
            "object_type": event.object_type, "object_id": event.object_id,
            "workload_key": event.workload_key, "before": event.before, "after": event.after}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + _event_bytes(event)).hexdigest()


def record(actor: Any, action: str, obj: Any = None, *, before: Any = None, after: Any = None,
           object_type: str | None = None, object_id: str | None = None, workload_key: str = "") -> AuditEvent:
    """Append one event. ``actor`` is a user (or a name for commands such as an import)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the change it records")
    name = getattr(actor, "username", None) or str(actor or "system")
    head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    event = AuditEvent(
        seq=last + 1, at=timezone.now().replace(microsecond=0), actor=name, action=action,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=object_id or (str(obj.pk) if obj is not None else ""), workload_key=workload_key,
        before=canonical(before), after=canonical(after), prev_hash=head.last_hash)
    event.hash = _hash(head.last_hash, event)
    event.save(force_insert=True)
    head.last_hash = event.hash
    head.save(update_fields=["last_hash"])
    return event


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    broken_at: int | None = None
    problem: str = ""


def verify_chain(batch: int = 2000) -> ChainCheck:
    """Walk the chain in order; name the first event whose link or hash does not hold."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=batch):
        count += 1
        if event.seq != expected_seq:
            return ChainCheck(False, count, expected_seq, f"event {expected_seq} is missing (next is {event.seq})")
        if event.prev_hash != prev:
            return ChainCheck(False, count, event.seq, "prev_hash does not match the previous event's hash")
        if _hash(prev, event) != event.hash:
            return ChainCheck(False, count, event.seq, "hash does not match the event's content")
        prev = event.hash
        expected_seq += 1
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and head.last_hash != prev:
        return ChainCheck(False, count, expected_seq, "the chain's head does not match its last event "
                                                     "(events were removed from the end)")
    return ChainCheck(True, count)
