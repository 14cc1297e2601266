"""Dates: calendar arithmetic (days that exist, months and ISO weeks counted, the year a
yearless day most likely has)."""

from __future__ import annotations

import datetime as dt


def calendar_date(y: int, m: int, d: int) -> dt.date | None:
    """The day, or None where the calendar has no such day (31 February)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after month ``m`` of year ``y``."""
    index = y * 12 + (m - 1) + k
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """The ISO week of ``day``, as the records write it ("2026-W01")."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


# news reports the past months far more than it announces the coming ones: a yearless date
# ahead of the reference date counts this many times its distance when choosing its year
FUTURE_WEIGHT = 3


def nearest_day(ref: dt.date, m: int | None, d: int) -> dt.date | None:
    """Day ``d`` of month ``m`` (of a month next to ref's when None) in the year nearest ``ref``,
    a past day preferred over a future one ("Sabtu (11/4)" written in November is last April)."""
    if m is None:
        options = [calendar_date(*add_months(ref.year, ref.month, k), d) for k in (-1, 0, 1)]
        weight = 1
    else:
        options = [calendar_date(ref.year + k, m, d) for k in (-1, 0, 1)]
        weight = FUTURE_WEIGHT
    options = [o for o in options if o is not None]
    return min(options, key=lambda o: (o - ref).days * weight if o > ref else (ref - o).days) if options else None


def weekday_swapped(wd: int, d: int, m: int, y: int | None, ref: dt.date | None) -> bool:
    """Whether "Sabtu (11/4)" means 4 November: the day/month reading falls on no such weekday
    in the plausible years, but the month/day one does, near the reference date (a crawl or a
    writer swapped the two numbers; further from it, the weekday is more likely the slip)."""
    if ref is None or d > 12 or d == m:
        return False
    years = (y,) if y is not None else (ref.year - 1, ref.year, ref.year + 1)
    if any((day := calendar_date(year, m, d)) is not None and day.isoweekday() == wd for year in years):
        return False
    swapped = calendar_date(y, d, m) if y is not None else nearest_day(ref, d, m)
    # a weekday date dates a statement of the last days: the swapped reading must be one
    return swapped is not None and swapped.isoweekday() == wd and -14 <= (swapped - ref).days <= 7


def year_of(text: str, first: int | None = None) -> int:
    """A four-digit year; a two-digit one is read in the century of ``first`` (or 2000)."""
    if len(text) == 4:
        return int(text)
    century = (first // 100 * 100) if first else 2000
    return century + int(text)
