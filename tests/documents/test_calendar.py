"""의무일정.ics parses, has all-day events with a 30-day alarm and UIDs that survive regeneration."""

from __future__ import annotations

import dataclasses
import datetime as dt

from icalendar import Calendar

from fincloud.documents.calendar_ics import build_calendar
from fincloud.documents.labels import FILES


def _replace(obligation, **changes):
    """Copy an engine result record (a frozen dataclass, or a pydantic model in older engines)."""
    if dataclasses.is_dataclass(obligation):
        return dataclasses.replace(obligation, **changes)
    return obligation.model_copy(update=changes)


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_calendar_parses_and_holds_every_dated_obligation_as_an_all_day_event(demo_package, demo):
    out, _ = demo_package
    _, assessment, _ = demo
    parsed = events((out / "wl-crm" / FILES["calendar"]).read_bytes())
    dated = [o for o in assessment.workload("wl-crm").obligations if o.due]
    assert len(parsed) == len(dated)
    for event in parsed:
        start = event.decoded("dtstart")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        alarm = next(c for c in event.walk() if c.name == "VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(days=-30)


def test_root_calendar_covers_all_workloads_of_the_package(demo_package):
    out, _ = demo_package
    summaries = [str(e.get("summary")) for e in events((out / FILES["calendar"]).read_bytes())]
    assert any("해외 SaaS" in s for s in summaries) and any("마케팅" in s for s in summaries)


def test_uids_are_stable_when_a_due_date_moves(demo):
    _, assessment, _ = demo
    obligations = [o for o in assessment.workload("wl-internet-banking").obligations if o.due]
    first = build_calendar(obligations, "한빛은행", assessment.as_of)
    moved = [_replace(o, due=o.due + dt.timedelta(days=10)) for o in obligations]
    second = build_calendar(moved, "한빛은행", assessment.as_of)
    assert [str(e["uid"]) for e in events(first)] == [str(e["uid"]) for e in events(second)]
    assert len({str(e["uid"]) for e in events(first)}) == len(obligations)
