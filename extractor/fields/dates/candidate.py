"""Dates: what a dates recognizer finds (``DateCandidate``) and the base of those recognizers.

A recognizer records what a mention *states* (a day, a month, a relative word, a weekday ...);
the resolver (resolve.py) computes its value from the reference date and the mentions around
it, and fills in the attributes of the last group below as it goes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from extractor.fields.base import Candidate, Recognizer

# "date": a stated date, whole or in parts ("25/9/2024", "Mei lalu", "triwulan II");
# "relative": a word counting from a day ("kemarin", "tahun lalu", "bulan sebelumnya");
# "weekday": a weekday named alone ("Sabtu", "Rabu mendatang")
Kind = Literal["date", "relative", "weekday"]
# the value's granularity; for a relative word also the unit it counts in
Granularity = Literal["day", "week", "month", "quarter", "half", "year"]
Direction = Literal["past", "future"]


@dataclass(slots=True)
class DateCandidate(Candidate):
    """A date mention: what it states, and what resolving it found out."""

    kind: Kind = "date"
    gran: Granularity = "day"

    # -- what a stated date says (kind "date")
    year: int | None = None
    month: int | None = None
    day: int | None = None
    period: int | None = None  # the quarter's or the half-year's number
    with_weekday: bool = False  # a weekday goes with the date ("Rabu (25/9/2024)")
    year_cued: bool = False  # "tahun 2018", "pada 2018": a bare year read as a time, not a name
    coordinated: bool = False  # the second day of "tanggal 28-29", in the first one's month
    year_offset: int = 0  # "Mei tahun lalu": -1
    lebaran: bool = False  # a day counted from Lebaran ("H-7 Lebaran"): deictic, like a relative word

    # -- what a relative word says (kind "relative"; it counts in units of ``gran``)
    offset: int = 0  # "kemarin": -1, "tahun depan": +1
    anaphoric: bool = False  # counts from the date just mentioned ("tahun sebelumnya")
    stated_year: bool = False  # "akhir tahun": the year stated earlier in the sentence, if any
    strict: bool = False  # only points back ("hari itu"): nothing without a date before it
    last_night: bool = False  # "semalam", "tadi malam"

    # -- what a weekday alone says (kind "weekday")
    weekday: int | None = None  # ISO weekday, Monday 1
    week_offset: int | None = None  # "Rabu pekan depan": +1
    ahead: bool = False  # a coming day ("Rabu besok", "akan digelar Rabu")

    # -- "Mei lalu" (kind "date", month), "Rabu mendatang" (kind "weekday")
    direction: Direction | None = None

    # -- found out while resolving
    carried: bool = False  # the year (and month) come from the range's other end
    citation: bool = False  # the weekday date only says when a source was quoted
    gloss: bool = False  # "(hari ini)" after "Besok": read in the article's own time
    date: dt.date | None = None  # the day the value names, for a day
    relative: bool = False  # the value needed the reference date (the record's ``relative``)

    @classmethod
    def stated(cls, start: int, end: int, gran: Granularity, *, priority: int = 0, **parts) -> DateCandidate:
        """A stated date (kind "date") with the parts the text gives."""
        return cls(start, end, None, priority=priority, kind="date", gran=gran, **parts)

    @classmethod
    def relative_word(cls, start: int, end: int, unit: Granularity, **parts) -> DateCandidate:
        """A relative word counting ``offset`` ``unit``s."""
        return cls(start, end, None, kind="relative", gran=unit, **parts)

    @classmethod
    def lone_weekday(cls, start: int, end: int, weekday: int, *, priority: int = 0, **parts) -> DateCandidate:
        return cls(start, end, None, priority=priority, kind="weekday", gran="day", weekday=weekday, **parts)


class DateRecognizer(Recognizer):
    """A recognizer of the dates field: it yields ``DateCandidate``s."""

    field = "dates"
