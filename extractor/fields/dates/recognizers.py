"""Dates: every calendar reference, normalised to ISO 8601 at its own granularity.

The field's recognizers, in the order they run, and its assembly:

- stated.py: dates the text states, whole or in parts (numeric, named, months, quarters and
  half-years, years); award_years.py: years that belong to an award's name;
- relative.py: dates counted from a day (relative words, weekdays named alone, days counted
  from Lebaran); holidays.py: Lebaran itself;
- resolve.py: ``assemble``, from the findings to the records, with anchors.py (the days
  relative words count from);
- candidate.py (what a recognizer finds), patterns.py, lexicons.py, calendar.py,
  text_checks.py (what they share); needs.py (what the field reads from other fields: the
  awards' spans).

Not dates (nothing is produced): durations, ages, clock times, decades, years inside law
identifiers and award names, amounts and counts, Hijri years alone, URLs and phone numbers.
"""

from __future__ import annotations

from extractor.fields.dates.relative import LebaranDayRecognizer, RelativeRecognizer, WeekdayRecognizer
from extractor.fields.dates.resolve import assemble
from extractor.fields.dates.stated import (
    MonthRecognizer,
    NamedDateRecognizer,
    NumericDateRecognizer,
    PeriodRecognizer,
    YearRecognizer,
)

# the order matters where two findings tie (same span and priority): the first one's is kept
RECOGNIZERS = (
    NumericDateRecognizer,
    NamedDateRecognizer,
    MonthRecognizer,
    PeriodRecognizer,
    YearRecognizer,
    RelativeRecognizer,
    WeekdayRecognizer,
    LebaranDayRecognizer,
)

__all__ = [
    "RECOGNIZERS",
    "LebaranDayRecognizer",
    "MonthRecognizer",
    "NamedDateRecognizer",
    "NumericDateRecognizer",
    "PeriodRecognizer",
    "RelativeRecognizer",
    "WeekdayRecognizer",
    "YearRecognizer",
    "assemble",
]
