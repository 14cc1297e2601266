"""Dates: holidays that fix a day of the year (found by the Lebaran recognizer of relative.py).

Only a holiday the project has a table for is a date: Lebaran (Idul Fitri), from
lang/id/dates/idul_fitri.tsv. "setelah Lebaran mendatang", "sudah selesai sejak sebelum lebaran",
"usai Idul Fitri" name the day of the Idul Fitri nearest the article's date (the coming one
after "mendatang"/"nanti", the last one after "lalu"/"kemarin"). The holiday is a day only
where a word of time frames it; not in a name ("mudik Lebaran", "THR Lebaran", "Lebaran
Ketupat"), not for another day counted from it ("tiga hari sebelum Lebaran"), not in a habit
("setiap tahun jelang Lebaran"), and not with a year of its own ("Lebaran 2024": the year is
read as a year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from extractor import guards, lexicon, numbers, scan
from extractor.article import Article
from extractor.fields.dates.calendar import FUTURE_WEIGHT
from extractor.fields.dates.candidate import DateCandidate

_H = r"[ \t]"
IDUL_FITRI = {int(y): dt.date.fromisoformat(d) for y, d in lexicon.table("dates/idul_fitri").items()}
_HOLIDAY = rf"(?:idul{_H}?fitri|idulfitri|lebaran)"
# "Hari Raya Idul Fitri": the name's first words, read backwards from "Idul"
_HARI_RAYA = regex.compile(rf"(?<!\p{{L}})hari{_H}+raya{_H}+\Z", regex.IGNORECASE)
_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?P<cue>{scan.trie_alternation(lexicon.words('dates/holiday_cues_before'))}){_H}+\Z",
    regex.IGNORECASE,
)
_AFTER = regex.compile(
    rf"{_H}+(?:yang{_H}+)?(?P<mod>{scan.trie_alternation(lexicon.words('dates/holiday_cues_after'))})(?!\p{{L}})"
    # "libur Lebaran lalu menaikkan harga": "lalu" is "then" before a verb
    rf"(?!{_H}+(?:me|di|ber|ter)\p{{Ll}}{{3,}})",
    regex.IGNORECASE,
)
# a capitalised word right before: the holiday is part of a name ("Posko Angkutan Lebaran ini")
_NAME_BEFORE = regex.compile(rf"\p{{Lu}}[\p{{L}}.]*{_H}+\Z")
_NOT_THE_DAY_AFTER = regex.compile(
    rf"{_H}*(?:{scan.trie_alternation(lexicon.words('dates/holiday_other_names'))}|\d|{_H}tahun)(?!\p{{L}})",
    regex.IGNORECASE,
)
# "tiga hari sebelum Lebaran", "H-1 menjelang Lebaran": another day, counted from the holiday
_COUNTED_BEFORE = regex.compile(
    rf"(?:\d+|{numbers.SPELLED}|beberapa|se|H[+\-−–]?\d*){_H}*"
    rf"(?:hari|pekan|minggu|bulan)?{_H}*\Z",
    regex.IGNORECASE,
)
_HABIT = regex.compile(rf"(?<!\p{{L}})(?:{scan.trie_alternation(lexicon.words('dates/habit_words'))})(?!\p{{L}})", regex.IGNORECASE)
_PATTERN = regex.compile(rf"(?<!\p{{L}}){_HOLIDAY}(?!\p{{L}})", regex.IGNORECASE)
_CUE = scan.Cue(["lebaran", "idul", "idulfitri"], lower=True)
_PAST = {"lalu", "kemarin"}
_FUTURE = {"mendatang", "nanti"}


def _holiday(ref: dt.date, direction: str | None) -> dt.date | None:
    days = [IDUL_FITRI[y] for y in (ref.year - 1, ref.year, ref.year + 1) if y in IDUL_FITRI]
    if direction == "past":
        days = [d for d in days if d <= ref]
    elif direction == "future":
        days = [d for d in days if d >= ref]
    # news reports the past more than it announces: a coming holiday counts FUTURE_WEIGHT times
    # its distance when choosing the nearest one (as a yearless date does, calendar.py)
    return min(days, key=lambda d: (d - ref).days * FUTURE_WEIGHT if d > ref else (ref - d).days) if days else None


def holiday_days(article: Article) -> Iterator[DateCandidate]:
    """"setelah Lebaran mendatang", "sebelum lebaran", "usai Hari Raya Idul Fitri" (found by
    the Lebaran recognizer of relative.py, with the days counted from Lebaran)."""
    text, ref = article.text, article.reference_date
    if ref is None:
        return
    for m in scan.cued_finditer(_PATTERN, text, _CUE):
        guards.check()
        start, end = m.span()
        if hari_raya := _HARI_RAYA.search(text, max(0, start - 12), start):
            start = hari_raya.start()
        if _NOT_THE_DAY_AFTER.match(text, end):
            continue  # "Lebaran Ketupat", "Lebaran 2024", "Lebaran tahun lalu"
        before = _BEFORE.search(text, max(0, start - 20), start)
        after = _AFTER.match(text, end)
        if before is None and (after is None or _NAME_BEFORE.search(text, max(0, start - 30), start)):
            continue  # "mudik Lebaran", "THR Lebaran": no word of time frames the day
        counted_to = before.start() if before is not None else start
        if _COUNTED_BEFORE.search(text, max(0, counted_to - 20), counted_to):
            continue
        if _HABIT.search(text, *article.sentence_span(start)):
            continue  # "setiap tahun jelang Lebaran", "biasanya saat Lebaran", "... yang biasa terjadi"
        mod = after["mod"].casefold() if after else ""
        direction = "past" if mod in _PAST else "future" if mod in _FUTURE else None
        day = _holiday(ref, direction)
        if day is None:
            continue
        span_start = before.start() if before else start
        span_end = after.end() if after else end
        yield DateCandidate.stated(span_start, span_end, "day", year=day.year, month=day.month, day=day.day)
