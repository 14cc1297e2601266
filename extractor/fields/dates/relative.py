"""Dates: the recognizers of dates counted from a day: relative words ("kemarin", "tahun lalu",
"5 tahun silam", "bulan sebelumnya"), weekdays named alone ("Sabtu", "Rabu mendatang") and
days counted from Lebaran ("H-7 Lebaran"; with Lebaran itself, holidays.py).

A recognizer yields what a mention says; the resolver (resolve.py) finds the day it counts
from. Not dates: durations ("dua hari ini"), habits ("setiap Senin"), names ("salat Jumat").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.numbers import spelled_number
from extractor.fields.dates.candidate import DateCandidate, DateRecognizer
from extractor.fields.dates.holidays import IDUL_FITRI, holiday_days
from extractor.fields.dates.lexicons import PLACES, RELATIVE_WORDS, weekday_number
from extractor.fields.dates.patterns import (
    COUNT_BEFORE,
    FUTURE_CUE,
    RECURRING_BEFORE,
    SPELLED_DAY_ANY_CASE,
    TITLE_WORD_AFTER,
    WEEKDAY,
    WEEKDAY_CUE,
    WEEKDAY_CUE_AFTER,
    WEEKDAY_CUE_BEFORE,
    WEEKDAY_LIST_AFTER,
    WEEKDAY_LIST_BEFORE,
    H,
    alternation_of,
    any_case,
    cue_words,
)
from extractor.fields.dates.text_checks import lowered, starts_word


@functools.cache
def _phrases_by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[int, str]]]:
    """First word -> (rank in ``phrases``, phrase) of the phrases that start with it."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for rank, phrase in enumerate(phrases):
        groups.setdefault(phrase.split(" ")[0], []).append((rank, phrase))
    return groups


def _find_phrases(text: str, phrases: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """Every whole-word occurrence of the lower-case ``phrases`` in ``text`` (any case), phrase
    by phrase in the order given."""
    low = lowered(text)
    if len(low) != len(text):  # a rare character changed length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found = []
    # one look-up per distinct first word ("akhir", "tahun" ...), not one per phrase
    for first, group in _phrases_by_first_word(phrases).items():
        at = low.find(first)
        while at != -1:
            for rank, phrase in group:
                end = at + len(phrase)
                if low.startswith(phrase, at) and starts_word(text, at) and (end == len(text) or not text[end].isalnum()):
                    found.append((rank, at, end, phrase))
            at = low.find(first, at + 1)
    found.sort()
    for _, at, end, phrase in found:
        yield at, end, phrase


class RelativeRecognizer(DateRecognizer):
    """"kemarin", "hari ini", "tahun lalu", "pekan depan", "bulan sebelumnya", "5 tahun silam",
    "4-5 tahun lalu" (two)."""

    name = "relative"
    # the phrases are found with str.find on the lower-cased text: much quicker than a regex
    # alternation that would be tried at every lower-case letter
    phrases = tuple(sorted(RELATIVE_WORDS, key=len, reverse=True))
    # "N tahun lalu" is found from its last word, then read backwards in a short window
    ago = regex.compile(r"(?:lalu|silam)(?!\p{L})")
    ago_cue = scan.Cue(["lalu", "silam"], lower=True)
    counted = regex.compile(
        rf"(?P<n>\d{{1,3}}|{SPELLED_DAY_ANY_CASE})(?:{H}*(?:-|–|{cue_words('years_ago_links')}){H}*(?P<n2>\d{{1,3}}|{SPELLED_DAY_ANY_CASE}))?"
        rf"{H}+(?P<unit>{cue_words('ago_units')}){H}+(?:yang{H}+)?(?:lalu|silam)\Z"
    )
    units = {"tahun": "year", "thn": "year", "bulan": "month", "bln": "month", "pekan": "week", "minggu": "week", "mgg": "week", "hari": "day"}
    # what after "awal/akhir tahun" or "bulan" names another year or month than the current one
    part_of_stated = regex.compile(
        rf"{H}+(?:\d|\p{{Lu}}|{cue_words('period_year_followers')})"
    )

    # "Jatim hari ini, yang ...", "generasi hari ini adalah ...": "today's X" describes X now
    vague_after = regex.compile(rf"{H}*,?{H}*{cue_words('vague_today_followers')}(?!\p{{L}})")
    vague_before = regex.compile(rf"(?<!\p{{L}})(?:{alternation_of('dates/vague_today_heads')}|{scan.trie_alternation(PLACES)}){H}+\Z")

    # "semalam" is also "for one night": "dalam semalam", "menginap semalam", "semalam suntuk"
    one_night_before = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/one_night_before')}{H}+\Z")
    one_night_after = regex.compile(rf"{H}+{cue_words('whole_night_followers')}(?!\p{{L}})")
    # "hari esok", "masa esok": the future; "hari ini dan esok": now and in time to come
    the_future_before = regex.compile(rf"(?<!\p{{L}})(?:{any_case('hari|masa|dunia')}|{any_case('hari ini')}{H}+{any_case('dan|atau|maupun')}){H}+\Z")

    def vague_today(self, text: str, start: int, end: int) -> bool:
        return bool(self.vague_after.match(text, end)) and bool(self.vague_before.search(text, max(0, start - 40), start))

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        for start, end, phrase in _find_phrases(text, self.phrases):
            guards.check()
            if start and text[start - 1] == "-":
                continue  # "bertahun-tahun lalu" is vague
            if COUNT_BEFORE.search(text, max(0, start - 25), start):
                continue  # "dua hari ini", "beberapa tahun lalu"
            if phrase.endswith(("tahun", "bulan")) and self.part_of_stated.match(text, end):
                continue  # "akhir tahun 2024", "awal bulan Mei", "akhir tahun pertama"
            if RECURRING_BEFORE.search(text, max(0, start - 25), start):
                continue  # "setiap akhir bulan"
            unit, offset, anaphoric, stated_year, strict = RELATIVE_WORDS[phrase]
            if phrase == "esok" and self.the_future_before.search(text, max(0, start - 20), start):
                continue  # "hari esok", "masa esok": the future, not tomorrow
            if phrase == "semalam" and (
                self.one_night_before.search(text, max(0, start - 25), start) or self.one_night_after.match(text, end)
            ):
                continue  # "dalam semalam", "menginap semalam", "semalam suntuk": one night long
            if phrase == "hari ini" and self.vague_today(text, start, end):
                continue  # "Jatim hari ini, yang ...": today's Jatim, a vague present
            yield DateCandidate.relative_word(
                start, end, unit, offset=offset, anaphoric=anaphoric, stated_year=stated_year, strict=strict,
                last_night=unit == "day" and offset == -1 and "malam" in phrase,
            )
        for ago in scan.cued_finditer(self.ago, text, self.ago_cue):
            m = self.counted.search(text, max(0, ago.start() - 50), ago.end())
            if m is None or not starts_word(text, m.start(), ".,"):
                continue
            unit = self.units[m["unit"].casefold()]
            n = self._count(m["n"])
            if n is None:
                continue
            n2 = self._count(m["n2"]) if m["n2"] else None
            if n2 is not None and n < n2:
                yield DateCandidate.relative_word(m.start(), m.end("n"), unit, offset=-n)
                yield DateCandidate.relative_word(m.start("n2"), m.end(), unit, offset=-n2)
            else:
                yield DateCandidate.relative_word(m.start(), m.end(), unit, offset=-n)

    @staticmethod
    def _count(text: str) -> int | None:
        value = int(text) if text.isdigit() else spelled_number(regex.sub(r"\s+", " ", text).casefold())
        return value if value is not None and 0 < value < 200 else None


class WeekdayRecognizer(DateRecognizer):
    """A weekday alone: "Sabtu" (the nearest Saturday), "Rabu mendatang", "Kamis lalu",
    "Rabu pekan depan"; not "setiap Senin", "salat Jumat", "Senin-Jumat"."""

    name = "weekday"
    pattern = regex.compile(
        rf"(?P<wd>{WEEKDAY})(?![\p{{L}}\d'’\-])(?!{H}*,?{H}*\(?{H}*\d)"
        rf"(?:{H}+(?P<week>pekan|minggu){H}+(?P<wmod>lalu|depan|ini|kemarin)(?!\p{{L}})"
        rf"|{H}+(?:yang{H}+)?(?P<mod>lalu|kemarin|mendatang|depan|nanti|ini|besok|esok)(?!\p{{L}}))?"
    )
    # a weekday right after a verb, in running text: "terluka Jumat dalam ...", "dilakukan
    # Sabtu untuk ..." (a verb's prefix marks it; a capitalised word before is a name: "Pasar Minggu")
    verb_before = regex.compile(rf"(?<!\p{{L}})(?:di|ter|me|ber)\p{{Ll}}{{3,}}{H}+\Z")
    lower_after = regex.compile(rf"{H}+\p{{Ll}}")

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        text = article.text
        for m in scan.cued_finditer(self.pattern, text, WEEKDAY_CUE):
            start, end = m.span()
            if not starts_word(text, start, "'’-"):
                continue
            mod = (m["mod"] or "").casefold()
            if m["wd"].casefold() == "minggu" and mod in ("lalu", "ini", "depan", "kemarin"):
                continue  # "Minggu lalu" is last week (a relative phrase)
            before = text[max(0, start - 40) : start]
            if RECURRING_BEFORE.search(before) or WEEKDAY_LIST_BEFORE.search(before) or WEEKDAY_LIST_AFTER.match(text, end):
                continue
            if not mod and not m["week"]:
                if TITLE_WORD_AFTER.match(text, end):
                    continue  # "Jumat Berkah", "Rabu Abu"
                if not (
                    WEEKDAY_CUE_BEFORE.search(before) or WEEKDAY_CUE_AFTER.match(text, end)
                    or (self.verb_before.search(before) and self.lower_after.match(text, end))
                ):
                    continue
            week_offset = None
            if m["week"]:
                week_offset = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[m["wmod"]]
            direction = "past" if mod in ("lalu", "kemarin") else "future" if mod in ("mendatang", "depan", "nanti") else None
            sentence_start = article.sentence_span(start)[0]
            # "Rabu besok": the coming Wednesday, today's if the text is dated that Wednesday
            ahead = mod in ("besok", "esok") or FUTURE_CUE.search(text, sentence_start, start) is not None
            yield DateCandidate.lone_weekday(
                start, end, weekday_number(m["wd"]), direction=direction, week_offset=week_offset, ahead=ahead, priority=-1
            )


class LebaranDayRecognizer(DateRecognizer):
    """"H-7 Lebaran", "H+4", "H-90 sebelum Idul Fitri": a day counted from the Idul Fitri
    nearest the reference date, only in an article about Lebaran (elsewhere "H-1" may count
    to an election); and the day itself where a word of time frames it ("setelah Lebaran
    mendatang", holidays.py)."""

    name = "lebaran_day"
    cue = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/lebaran_cues')}(?!\p{{L}})", regex.IGNORECASE)
    # the cue is looked for only where one of its words occurs (most articles have none)
    cue_scan = scan.Cue(lexicon.words("dates/lebaran_cues"), lower=True)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\d])H{H}?(?P<sign>[+\-−–]){H}?(?P<n>\d{{1,3}})(?![\d.,]?\d)"
        rf"(?:{H}+(?i:(?:sebelum|setelah|sesudah){H}+)?(?i:lebaran|idul{H}?fitri|idulfitri)(?!\p{{L}}))?"
    )

    def find(self, article: Article, doc: Any) -> Iterator[DateCandidate]:
        yield from holiday_days(article)  # "setelah Lebaran mendatang": the day itself
        text, ref = article.text, article.reference_date
        if ref is None or "H" not in text or next(scan.cued_finditer(self.cue, text, self.cue_scan), None) is None:
            return
        years = [IDUL_FITRI[y] for y in (ref.year - 1, ref.year, ref.year + 1) if y in IDUL_FITRI]
        if not years:
            return
        lebaran = min(years, key=lambda day: abs((day - ref).days))
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            n = int(m["n"])
            day = lebaran + dt.timedelta(days=n if m["sign"] == "+" else -n)
            yield DateCandidate.stated(m.start(), m.end(), "day", year=day.year, month=day.month, day=day.day, lebaran=True)


