"""의무일정.ics — the obligations with a due date as all-day calendar events.

Deadlines of 제14조의2 (reports within 3 months, evaluations, yearly checks) are missed in
practice because they live in a document nobody opens; an iCalendar file puts them in the
calendars of the people who owe them. Each event has an alarm 30 days before, and a UID built
from the institution, workload and obligation only, so importing a regenerated file updates
the event (a moved due date moves it) instead of duplicating it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from fincloud.documents.labels import STATUS, Lang, pick, t
from fincloud.engine.result import Obligation
from fincloud.messages import render_reason

ALARM_DAYS = 30
OBLIGATION_NAMES = {
    "comprehensive_evaluation": ("클라우드서비스 제공자 종합평가", "comprehensive provider evaluation"),
    "regular_evaluation": ("클라우드서비스 제공자 정기평가", "regular provider evaluation"),
    "bcp_annual_check": ("업무지속성 확보대책 연 1회 점검", "yearly continuity plan check"),
    "emergency_drill_annual": ("비상대응훈련(연 1회)", "yearly emergency drill"),
    "vulnerability_assessment_annual": ("취약점 분석·평가(연 1회)", "yearly vulnerability assessment"),
    "vulnerability_assessment_homepage": ("홈페이지 취약점 분석·평가(6개월)", "half-yearly homepage assessment"),
    "documents_current": ("보고 첨부서류 최신화", "update the report documents"),
}


def obligation_name(obligation: Obligation, lang: Lang) -> str:
    return obligation_id_name(obligation.id, lang)


def obligation_id_name(obligation_id: str, lang: Lang) -> str:
    """An obligation's name from its id alone (the web pages have only the id in cached JSON)."""
    if obligation_id.startswith("report_"):
        return t("금융감독원 보고", "report to the FSS", lang) + f" ({obligation_id.removeprefix('report_')})"
    pair = OBLIGATION_NAMES.get(obligation_id)
    return (pair[0] if lang == "ko" else pair[1]) if pair else obligation_id


def uid(institution: str, obligation: Obligation) -> str:
    scope = f"{institution}|{obligation.workload or ''}|{obligation.provider or ''}|{obligation.id}"
    return hashlib.sha256(scope.encode()).hexdigest()[:32] + "@fincloud"


def build_calendar(obligations: Iterable[Obligation], institution: str, as_of: dt.date,
                   names: dict[str, str] | None = None, lang: Lang = "ko") -> bytes:
    """iCalendar bytes of every obligation with a due date (undated ones have no day to show)."""
    names = names or {}
    calendar = Calendar()
    calendar.add("prodid", "-//fincloud//report package//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{institution} " + t("클라우드 이용 의무일정", "cloud obligations", lang))
    stamp = dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)
    seen: set[str] = set()
    for obligation in obligations:
        if obligation.due is None:
            continue
        event_uid = uid(institution, obligation)
        if event_uid in seen:
            continue
        seen.add(event_uid)
        workload = names.get(obligation.workload or "", obligation.workload or "")
        summary = obligation_name(obligation, lang) + (f" — {workload}" if workload else "")
        description = [f"{t('상태', 'Status', lang)}: {pick(STATUS, obligation.status, lang)}"]
        if obligation.reason:
            description.append(render_reason(obligation.reason, lang))
        if obligation.citation:
            description.append(f"{t('근거', 'Basis', lang)}: {obligation.citation}")
        if obligation.last_done:
            description.append(f"{t('최근 실시', 'Last done', lang)}: {obligation.last_done.isoformat()}")
        event = Event()
        event.add("uid", event_uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", obligation.due)
        event.add("dtend", obligation.due + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", "\n".join(description))
        event.add("categories", ["fincloud", obligation.status])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-ALARM_DAYS))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
