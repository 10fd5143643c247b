"""Deadlines: 민법 제157조 (초일 불산입), 제160조 (역에 의한 계산, 말일), 제161조 (토요일·공휴일)."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fincloud.engine.deadlines import deadline, is_non_working_day, period_end

DATES = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


def test_contract_signed_2026_10_01_reported_by_2027_01_04() -> None:
    """Issue example: 3 months end 2027-01-01 (신정), then Sat 01-02 and Sun 01-03 roll to Mon 2027-01-04."""
    assert period_end(dt.date(2026, 10, 1), months=3) == dt.date(2027, 1, 1)
    assert deadline(dt.date(2026, 10, 1), months=3) == dt.date(2027, 1, 4)


def test_period_ends_the_day_before_the_corresponding_day() -> None:
    """제160조②: 최후의 월에서 그 기산일에 해당한 날의 전일로 만료 (start 07-16 → end 10-15)."""
    assert period_end(dt.date(2026, 7, 15), months=3) == dt.date(2026, 10, 15)


def test_month_without_corresponding_day_ends_on_its_last_day() -> None:
    """제160조③: 최종의 월에 해당일이 없는 때에는 그 월의 말일로 만료 (start 11-29 → 2027-02-28)."""
    assert period_end(dt.date(2026, 11, 28), months=3) == dt.date(2027, 2, 28)
    assert period_end(dt.date(2026, 11, 30), months=3) == dt.date(2027, 2, 28)
    assert period_end(dt.date(2027, 11, 28), months=3) == dt.date(2028, 2, 28)  # start 11-29 → Feb 29 exists (leap)


def test_saturday_and_public_holidays_roll_forward() -> None:
    """제161조: 기간의 말일이 토요일 또는 공휴일에 해당한 때에는 그 익일로 만료 (추석 2026-09-24~26, 대체공휴일)."""
    assert deadline(dt.date(2026, 6, 23), months=3) == dt.date(2026, 9, 23)  # a working Wednesday: no roll
    assert is_non_working_day(dt.date(2026, 9, 25))  # 추석
    assert deadline(dt.date(2026, 6, 24), months=3) == dt.date(2026, 9, 28)  # 09-24 추석 연휴 → Mon 09-28
    assert deadline(dt.date(2024, 3, 10), years=3) == dt.date(2027, 3, 10)


@given(DATES, st.integers(min_value=1, max_value=36))
def test_deadline_is_a_working_day_at_or_after_the_period_end(event: dt.date, months: int) -> None:
    """Property: the due date is never a Saturday, Sunday or public holiday and never before the period end."""
    end = period_end(event, months=months)
    due = deadline(event, months=months)
    assert not is_non_working_day(due)
    assert due >= end
    assert all(is_non_working_day(end + dt.timedelta(days=d)) for d in range((due - end).days))


@given(DATES, st.integers(min_value=1, max_value=36))
def test_period_end_is_in_the_final_month_or_the_day_before_its_corresponding_day(event: dt.date, months: int) -> None:
    """Property of 제157조/제160조: the end lies in the month ``months`` after the day after the event, or the day
    before it when that corresponding day is the 1st."""
    start = event + dt.timedelta(days=1)
    end = period_end(event, months=months)
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day <= last:
        assert end == dt.date(year, month, start.day) - dt.timedelta(days=1)
    else:
        assert end == dt.date(year, month, last)
