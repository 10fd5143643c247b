"""Deadlines by the Korean Civil Act (민법) rules on periods.

- 제157조: a period counted in days, weeks, months or years starts the day after the event (the
  first day is not counted, the event not being at 0시).
- 제160조: a period in months or years is counted by the calendar; it ends on the day before the
  day in the final month that corresponds to the starting day; where the final month has no such
  day, it ends on that month's last day.
- 제161조: a period whose last day is a Saturday or a public holiday ends on the next day (and on
  the next working day when that is one too).

Public holidays come from the ``holidays`` package (KR, public category, which includes Sundays
only implicitly: Sunday is a 공휴일 under 관공서의 공휴일에 관한 규정, so it is rolled too).
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import holidays


@cache
def _kr_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("KR", years=year, categories=("public",)).keys())


def is_non_working_day(day: dt.date) -> bool:
    """Saturday, Sunday or a Korean public holiday (민법 제161조)."""
    return day.weekday() >= 5 or day in _kr_holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    while is_non_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_months_calendar(day: dt.date, months: int) -> dt.date | None:
    """The day corresponding to ``day`` ``months`` later, or None when that month has no such day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if day.day > calendar.monthrange(year, month)[1]:
        return None
    return day.replace(year=year, month=month)


@cache
def period_end(event: dt.date, *, months: int = 0, years: int = 0) -> dt.date:
    """Last day of a period of ``months``/``years`` from ``event`` (민법 제157조, 제160조), unrolled."""
    start = event + dt.timedelta(days=1)  # 제157조: 초일 불산입
    total = months + 12 * years
    corresponding = add_months_calendar(start, total)
    if corresponding is None:  # 제160조제3항: 해당일이 없으면 그 월의 말일
        total_m = start.month - 1 + total
        year, month = start.year + total_m // 12, total_m % 12 + 1
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return corresponding - dt.timedelta(days=1)  # 제160조제2항: 해당일의 전일


@cache
def deadline(event: dt.date, *, months: int = 0, years: int = 0) -> dt.date:
    """Due date of a period from ``event``: 민법 제157조, 제160조, then 제161조 rolling."""
    return next_working_day(period_end(event, months=months, years=years))


def status_for(due: dt.date | None, as_of: dt.date, *, done: bool = False, soon_days: int = 90) -> str:
    """``ok`` / ``due`` (within ``soon_days``) / ``overdue`` for an obligation not yet done."""
    if done:
        return "ok"
    if due is None:
        return "required_before_use"
    if as_of > due:
        return "overdue"
    if (due - as_of).days <= soon_days:
        return "due"
    return "ok"
