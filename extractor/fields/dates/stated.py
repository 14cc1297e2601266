"""Dates: the recognizers of dates the text states, whole or in parts: numeric ("Rabu
(25/9/2024)", "25/9/2024"), named ("14 Agu 2024", "tanggal 14"), months ("Agustus 2024", "Mei
lalu"), quarters and half-years ("triwulan II 2024"), years ("tahun 2017").

A recognizer yields what a mention states; the resolver (resolve.py) computes the values. Not
dates (nothing is yielded): clock times, years inside law identifiers and award names, amounts
and counts, URLs and phone numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.fields.dates.award_years import award_event_year
from extractor.fields.dates.calendar import calendar_date, weekday_swapped, year_of
from extractor.fields.dates.candidate import DateCandidate, DateRecognizer
from extractor.fields.dates.lexicons import PERIODS, day_number, month_number, ordinal, weekday_number
from extractor.fields.dates.needs import award_spans
from extractor.fields.dates.patterns import (
    AWARD_BEFORE,
    AWARD_HEAD_CUE,
    CLOSE_PAREN,
    COUNT_AFTER,
    DAY,
    LAW_BEFORE,
    LINK,
    MONTH,
    MONTH_CAPITALISED,
    MONTH_CUE,
    MONTH_CUE_BEFORE,
    MONTH_PAST_CUE,
    MONTH_PART_BEFORE,
    NAME_BEFORE,
    ORDINAL,
    PERIOD,
    QUANTITY_BEFORE,
    TAHUN_BEFORE,
    TANGGAL_BEFORE,
    TIME,
    TRAIL,
    TRAIL_AFTER,
    UP_TO_BEFORE,
    WEEKDAY_BEFORE,
    YEAR,
    YEAR_CUE_BEFORE,
    H,
    alternation_of,
    any_case,
    cue_words,
)
from extractor.fields.dates.text_checks import any_within, general_blocks, inside, lowered, starts_word


def _weekday_before(text: str, start: int) -> regex.Match[str] | None:
    return WEEKDAY_BEFORE.search(text, max(0, start - 16), start)


class NumericDateRecognizer(DateRecognizer):
    """"Rabu (25/9/2024)", "(7/11)", "Senin (6/10/25)", "Selasa (23/1/2018" (bracket left open
    at a line end), "25/9/2024", "Jumat 16/2", "2024-08-14", "Selasa,(03.03.2020)"."""

    name = "numeric_date"
    pattern = regex.compile(
        rf"(?|\({H}*(?P<d>\d{{1,2}}){H}*/{H}*(?P<m>\d{{1,2}})(?:{H}*/{H}*(?P<y>\d{{4}}|\d{{2}}))?{H}*(?:\)|(?=[\r\n]|\Z))"
        rf"|(?P<d>\d{{1,2}})(?P<sep>[/\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/])"
        # "(03.03.2020)", "03.03.2020": dotted, with a four-digit year only ("3.5" is a number)
        rf"|(?:\({H}*)?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR})(?![\d.,]?\d)(?:{H}*\))?"
        rf"|(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])"
        rf"|(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d\-]))"
        rf"{TIME}?{TRAIL}"
    )
    # "(7/5-9/5)": a range of two day/month dates in one bracket (two mentions)
    bracket_range = regex.compile(
        rf"\({H}*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){H}*(?:-|–|{cue_words('numeric_range_links')}){H}*"
        rf"(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})(?:/(?P<y>\d{{4}}))?{H}*\)"
    )
    # a news agency's opening, place and date: "Jeddah, 27/11 (Antara) -" at the start of a line
    agency_opening = regex.compile(
        rf"(?<![^\r\n])\p{{Lu}}[\p{{L}}.]*(?:{H}+\p{{Lu}}[\p{{L}}.]*){{0,3}},{H}*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?=[ \t]*[(\-–—])"
    )

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        yield from self._numeric(article)
        text = article.text
        for m in self.bracket_range.finditer(text, timeout=guards.remaining()):
            year = int(m["y"]) if m["y"] else None
            ends = [(int(m["d"]), int(m["m"])), (int(m["d2"]), int(m["m2"]))]
            if not all(1 <= d <= 31 and 1 <= mo <= 12 for d, mo in ends) or ends[0][::-1] >= ends[1][::-1]:
                continue
            yield DateCandidate.stated(m.start(), m.end("m"), "day", year=year, month=ends[0][1], day=ends[0][0])
            yield DateCandidate.stated(m.start("d2"), m.end(), "day", year=year, month=ends[1][1], day=ends[1][0])
        for m in self.agency_opening.finditer(text, timeout=guards.remaining()):
            day, month = int(m["d"]), int(m["m"])
            if 1 <= day <= 31 and 1 <= month <= 12:
                yield DateCandidate.stated(m.start("d"), m.end(), "day", year=None, month=month, day=day)

    def _numeric(self, article: Article) -> Iterator[DateCandidate]:
        text = article.text
        blocks = general_blocks(text)
        ref = article.reference_date
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            guards.check()  # the regex timeout covers the scan, not the work between matches
            start, end = m.span()
            paren = text[start] == "("
            if not paren and not starts_word(text, start, "/.,-"):
                continue
            wd = _weekday_before(text, start)
            if wd and wd["paren"] and not paren:
                wd = None
            # without brackets, a day/month needs a year or a weekday before it: "3/4" alone may
            # be a fraction or a score; a two-digit year ("18/11/15") must lie near the
            # article's own year, and not close a numbered identifier ("No 12/10/15")
            if not paren and not wd and m["y"] is None:
                continue
            if not paren and not wd and len(m["y"]) == 2 and (
                ref is None or abs(year_of(m["y"]) - ref.year) > 2
                or QUANTITY_BEFORE.search(text, max(0, start - 30), start)
            ):
                continue
            day, month = int(m["d"]), int(m["m"])
            year = year_of(m["y"]) if m["y"] else None
            if not (1 <= month <= 12 and 1 <= day <= 31) or inside(blocks, start, end):
                continue
            if year is not None and calendar_date(year, month, day) is None:
                continue
            if wd:
                start = wd.start()
                if weekday_swapped(weekday_number(wd["wd"]), day, month, year, ref):
                    day, month = month, day
            yield DateCandidate.stated(start, end, "day", year=year, month=month, day=day, with_weekday=bool(wd))


class NamedDateRecognizer(DateRecognizer):
    """"14 Agu 2024", "Selasa, 21 Oktober 2025 20:47 WIB", "satu Agustus 2024", "23 Mei",
    "15-16 Juli 2025" (two mentions), "tanggal 14"."""

    name = "named_date"
    # found from the month name (a capitalised word, quick to scan for), then read backwards
    # for the day and forwards for the year
    pattern = regex.compile(rf"(?P<mon>{MONTH})\.?(?:{H}*,?{H}*(?:{any_case('tahun')}{H}+)?(?P<y>{YEAR})(?!\d))?{TIME}?")
    day_before = regex.compile(
        rf"(?:(?P<d1>{DAY}){H}*{LINK}{H}*)?(?P<d>{DAY}){H}+(?:{any_case('bulan')}{H}+)?\Z"
    )
    # "tanggal 14": a day of the reference month
    # "tanggal 23 atau 24", "tanggal 23-24": a second day of the same month is its own mention
    _day_alone = rf"\d{{1,2}}(?![\d/]|[.,]\d|{H}*(?:{MONTH}|/))"
    day_only = regex.compile(
        rf"{cue_words('day_words')}{H}+(?P<d>{_day_alone})(?:{H}*{LINK}{H}*(?P<d2>{_day_alone}))?(?P<trail>{TRAIL})"
    )
    day_word_cue = scan.Cue(lexicon.table("dates/cue_words")["day_words"].split("|"), lower=True)

    # "Oktober 23-24", "Mei 5, 2024": the day after the month (English order), not a count
    # ("Mei 5 orang"), a span ("Januari 2 tahun lalu") or a clock time
    day_after = regex.compile(
        rf"{H}+(?P<d>\d{{1,2}})(?:{H}*[-–]{H}*(?P<d2>\d{{1,2}}))?(?:{H}*,{H}*(?P<y>{YEAR}))?"
        rf"(?![\d.,:/]\d|\d|{H}+(?:{cue_words('units_after_number')}|[\p{{L}}]+{H}+(?:{cue_words('count_nouns_after_number')}))(?!\p{{L}}))"
        rf"(?!{COUNT_AFTER.pattern})"
    )

    def _month_first(self, m: regex.Match[str], after: regex.Match[str], month: int) -> Iterator[DateCandidate]:
        year = int(after["y"]) if after["y"] else None
        day = int(after["d"])
        second = int(after["d2"]) if after["d2"] else None
        if not 1 <= day <= 31 or (year is not None and calendar_date(year, month, day) is None):
            return
        if second is not None and day < second <= 31:
            yield DateCandidate.stated(m.start(), after.end("d"), "day", year=year, month=month, day=day)
            yield DateCandidate.stated(after.start("d2"), after.end(), "day", year=year, month=month, day=second)
        elif second is None and year is not None:
            # without a year, "Desember 22" is as often a two-digit year (a citation) as a day
            yield DateCandidate.stated(m.start(), after.end(), "day", year=year, month=month, day=day)

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        blocks = general_blocks(text)
        for m in scan.cued_finditer(self.pattern, text, MONTH_CUE):
            month = month_number(m["mon"], lower=True)
            if month is None or not starts_word(text, m.start()):
                continue
            lower = m["mon"][:1].islower()
            days = self.day_before.search(text, max(0, m.start() - 60), m.start())
            if days is None:
                if not lower and not m["y"] and (after := self.day_after.match(text, m.end())) and starts_word(text, m.start()):
                    yield from self._month_first(m, after, month)
                continue
            if lower and not (days["d"].isdigit() or m["y"]):
                continue  # "dua maret": a lower-case month needs a day in digits or a year
            start, end = days.start(), m.end()
            if not starts_word(text, start, "/.,") or inside(blocks, start, end):
                continue
            day = day_number(days["d"])
            if day is None:
                continue
            if NAME_BEFORE.search(text, max(0, start - 30), start):
                continue  # "Jalan 17 Agustus", "Universitas 17 Agustus 1945"
            year = int(m["y"]) if m["y"] else None
            if year is not None and calendar_date(year, month, day) is None:
                continue
            if tanggal := TANGGAL_BEFORE.search(text, max(0, start - 12), start):
                start = tanggal.start()
            wd = _weekday_before(text, start)
            if wd:
                start = wd.start()
                if wd["paren"]:
                    close = CLOSE_PAREN.match(text, end)
                    if close is None:
                        start, wd = days.start(), None
                    else:
                        end = close.end()
            end = TRAIL_AFTER.match(text, end).end()
            if days["d1"] and (first := day_number(days["d1"])) is not None and first < day:
                # "15-16 Juli 2025": the first end is its own mention, with month and year carried
                yield DateCandidate.stated(start, days.end("d1"), "day", year=year, month=month, day=first, with_weekday=bool(wd))
                yield DateCandidate.stated(days.start("d"), end, "day", year=year, month=month, day=day)
                continue
            yield DateCandidate.stated(start, end, "day", year=year, month=month, day=day, with_weekday=bool(wd))
        for m in scan.cued_finditer(self.day_only, text, self.day_word_cue):
            day = day_number(m["d"])
            if day is None or not starts_word(text, m.start()):
                continue
            second = day_number(m["d2"]) if m["d2"] else None
            if second is None or second <= day:
                end = m.end() if m["d2"] is None else m.end("d")
                yield DateCandidate.stated(m.start(), end, "day", year=None, month=None, day=day, priority=-1)
                continue
            yield DateCandidate.stated(m.start(), m.end("d"), "day", year=None, month=None, day=day, priority=-1)
            yield DateCandidate.stated(m.start("d2"), m.end(), "day", year=None, month=None, day=second, coordinated=True, priority=-1)


class MonthRecognizer(DateRecognizer):
    """"Agustus 2024", "Januari-Maret 2024" (two), "Mei tahun lalu", "pertengahan November",
    "Mei lalu", "bulan Mei"."""

    name = "month"
    with_year = regex.compile(
        rf"(?P<m1>{MONTH})\.?(?:{H}*(?:{LINK}|/){H}*(?:{any_case('bulan')}{H}+)?(?P<m2>{MONTH})\.?)?{H}*,?{H}*"
        rf"(?:(?:{any_case('tahun')}{H}+)?(?P<y>{YEAR})(?!\d)|{any_case('tahun')}{H}+(?P<yrel>{cue_words('year_relative_words')})(?!\p{{L}}))"
        rf"{TRAIL}"
    )
    without_year = regex.compile(
        rf"(?P<mon>{MONTH})(?!\.?{H}*\d)(?:{H}+(?P<mod>{cue_words('month_relative_words')})(?!\p{{L}}))?"
    )

    # "September dan Oktober", "Agustus hingga Desember ini": two month names joined are dates
    list_after = regex.compile(rf"\.?{H}*(?:{LINK}|,){H}*(?:{any_case('bulan')}{H}+)?{MONTH_CAPITALISED}")
    list_before = regex.compile(rf"(?<!\p{{L}}){MONTH_CAPITALISED}\.?{H}*(?:{LINK}|,){H}*(?:{any_case('bulan')}{H}+)?\Z")
    bulan_before = regex.compile(rf"(?<!\p{{L}}){any_case('bulan')}{H}+\Z")
    every_year = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/recurring_words')}{H}+{any_case('tahun|tahunnya')}(?!\p{{L}})")

    def listed(self, text: str, start: int, end: int) -> bool:
        return bool(self.list_after.match(text, end) or self.list_before.search(text, max(0, start - 30), start))

    range_to_date = regex.compile(
        rf"{H}*(?:-|–|{cue_words('month_range_links')}){H}*"
        rf"(?:(?:{cue_words('period_parts')}){H}+)?(?:\d{{1,2}}{H}+)?{MONTH}\.?{H}*,?{H}*{YEAR}"
    )

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        for m in scan.cued_finditer(self.with_year, text, MONTH_CUE):
            start = m.start()
            if not starts_word(text, start):
                continue
            month = month_number(m["m2"] or m["m1"], lower=m["y"] is not None)
            if month is None or (m["m2"] and month_number(m["m1"], lower=m["y"] is not None) is None):
                continue
            start = MONTH_PART_BEFORE.search(text, max(0, start - 25), start).start()
            year = int(m["y"]) if m["y"] else None
            offset = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}.get((m["yrel"] or "").casefold(), 0)
            first = month_number(m["m1"], lower=m["y"] is not None) if m["m2"] else None
            if first is not None and first < month:
                yield DateCandidate.stated(start, m.end("m1"), "month", year=year, month=first, year_offset=offset)
                yield DateCandidate.stated(m.start("m2"), m.end(), "month", year=year, month=month, year_offset=offset)
            else:
                yield DateCandidate.stated(start, m.end(), "month", year=year, month=month, year_offset=offset)
        for m in scan.cued_finditer(self.without_year, text, MONTH_CUE):
            start = m.start()
            month = month_number(m["mon"], lower=bool(self.bulan_before.search(text, max(0, start - 8), start)))
            if month is None or not starts_word(text, start):
                continue
            cue = MONTH_CUE_BEFORE.search(text, max(0, start - 25), start)
            mod = (m["mod"] or "").casefold()
            if not cue and not mod and not self.range_to_date.match(text, m.end()) and not self.listed(text, start, m.end()):
                continue  # a month name alone may be a person's name ("Mei"); it needs a cue,
                # a range on to a date ("Januari hingga 15 Maret 2019": its year carries over)
                # or another month joined to it ("digelar September dan Oktober")
            if self.every_year.search(text, article.sentence_span(start)[0], start):
                continue  # "setiap tahun di bulan Januari, Februari ...": a month of any year
            start = MONTH_PART_BEFORE.search(text, max(0, start - 25), start).start()
            direction = "past" if mod in ("lalu", "kemarin") else "future" if mod in ("mendatang", "depan", "nanti") else None
            if direction is None and cue and MONTH_PAST_CUE.match(text, cue.start()):
                direction = "past"
            yield DateCandidate.stated(start, m.end(), "month", year=None, month=month, direction=direction, priority=-1)


class PeriodRecognizer(DateRecognizer):
    """"triwulan II 2024", "kuartal III" (year from the reference date), "semester I 2024",
    "Semester I dan II 2024" (two), "Q3 2025"."""

    name = "period"
    pattern = regex.compile(
        rf"(?|(?P<kind>{PERIOD}){H}+(?:ke-?{H}*)?(?P<n>{ORDINAL})"
        rf"(?:{H}*(?:{LINK}|,){H}*(?:{PERIOD}{H}+)?(?:ke-?{H}*)?(?P<n2>{ORDINAL}))?"
        rf"(?:{H}*[/,\-]?{H}*(?:{cue_words('year_words')}{H}+)?(?P<y>{YEAR})(?!\d))?"
        rf"|(?P<kind>Q)(?P<n>[1-4]){H}*[/\-]?{H}*(?P<y>{YEAR})(?!\d))"
    )

    words = tuple(PERIODS)

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        low = lowered(text)
        if not any(word in low for word in self.words) and "Q" not in text:
            return  # most articles name no quarter or half-year: skip the scan
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            if not starts_word(text, m.start()):
                continue
            unit = "Q" if m["kind"] == "Q" else PERIODS[m["kind"].casefold()]
            limit = 4 if unit == "Q" else 2
            first = ordinal(m["n"])
            second = ordinal(m["n2"]) if m["n2"] else None
            year = int(m["y"]) if m["y"] else None
            if first is None or first > limit or (second is not None and not first < second <= limit):
                continue
            if year is None and unit == "H":
                continue  # "semester 2" without a year is as often a school term
            gran = "quarter" if unit == "Q" else "half"
            if second is None:
                yield DateCandidate.stated(m.start(), m.end(), gran, year=year, period=first)
            else:
                yield DateCandidate.stated(m.start(), m.end("n"), gran, year=year, period=first)
                yield DateCandidate.stated(m.start("n2"), m.end(), gran, year=year, period=second)


class YearRecognizer(DateRecognizer):
    """"tahun 2017", "APBD 2024", "pada 2023", "2019-2024" (two), "2021/22", "1446 H/2025 M"
    (2025); not years in law identifiers, award names, amounts and counts."""

    name = "year"
    pattern = regex.compile(
        rf"(?P<y1>{YEAR})"
        rf"(?:{H}*[\-–—/]{H}*(?P<y2>{YEAR}|\d{{2}})(?!\d))?"
        rf"(?![\p{{L}}\d]|[.,]\d|-?an(?!\p{{L}}))(?P<trail>{TRAIL})"
    )
    # "152/2019" is a regulation number, "1446 H/2025 M" a Hijri year then the Gregorian one
    # and "37 P/HUM/2017" or "VI/MPR/2002" (a chain of coded parts) an identifier too; one
    # Roman numeral alone numbers an event ("PON XIX/2016" is a date)
    number_slash = regex.compile(rf"(?:\d[^\s/]*|\p{{Lu}}[^\s/]*/[^\s/]*)(?:/[^\s/]*)*/{H}?\Z")

    @staticmethod
    def _names_part(text: str, start: int, end: int) -> bool:
        """Whether the year at ``start`` closes a law identifier or an award name."""
        if LAW_BEFORE.search(text, max(0, start - 80), start) or award_event_year(text, start, end):
            return True
        heads = AWARD_HEAD_CUE.positions(text)
        if heads is not None and not any_within(heads, max(0, start - 120), start):
            return False  # no award head word in the window: the pattern below cannot match
        award = AWARD_BEFORE.search(text, max(0, start - 120), start)
        return award is not None and (not award.captures("word") or not award.captures("word")[-1][0].islower())

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        blocks = [*general_blocks(text), *award_spans(doc)]  # a year inside an award's name is none
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            guards.check()
            start, end = m.span()
            if not starts_word(text, start, ".,-") or self.number_slash.search(text, max(0, start - 30), start):
                continue
            if inside(blocks, m.start("y1"), m.end("y1")) or self._names_part(text, start, m.end("y1")):
                continue
            before = text[max(0, start - 30) : start]
            cued = YEAR_CUE_BEFORE.search(before) is not None
            if QUANTITY_BEFORE.search(before):
                continue  # "Rp 2024", "sebanyak 2024", "No. 2019"
            counted = not m["y2"] and not m["trail"] and COUNT_AFTER.match(text, m.end("y1"))
            if counted and (not cued or UP_TO_BEFORE.search(before)):
                continue  # "2024 orang", "2000 meter", "hingga 1870 tahanan" (up to a count)
            if tahun := TAHUN_BEFORE.search(before):
                start -= len(tahun.group())
            first = int(m["y1"])
            second = year_of(m["y2"], first) if m["y2"] else None
            if second is not None and second > first:
                yield DateCandidate.stated(start, m.end("y1"), "year", year=first)
                yield DateCandidate.stated(m.start("y2"), end, "year", year=second)
            else:
                yield DateCandidate.stated(start, m.end("y1") if second is not None else end, "year", year=first, year_cued=cued)


