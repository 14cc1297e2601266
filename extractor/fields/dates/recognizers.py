"""Dates: every calendar reference, normalised to ISO 8601 at its own granularity.

Recognizers find the *parts* a mention states (day, month, year, quarter, half, a weekday, a
relative offset) with a few anchored regexes; ``assemble`` then works on the whole article:

1. overlaps are resolved (the longest mention wins: "Agustus 2024" over "2024");
2. a range's open end borrows the year (and month) of the other end ("15-16 Juli 2025",
   "awal September hingga 13 Oktober 2025");
3. without a published date, the article's own date line (its first full weekday date)
   becomes the reference date;
4. values are computed: a missing year comes from the reference date; relative words count
   from a *local anchor* -- a weekday date stated in the same sentence, or the nearest one
   before it, when it lies within a few days of the reference date ("..., ujar X, Jumat
   (16/2/2024)" dates the "hari ini" of that quote) -- and otherwise from the article's today
   (the day the text calls "hari ini, Senin (20/10/2025)", else the reference date); a bracketed
   gloss ("Besok (hari ini)") is read in the article's today and merges with the word before;
   "tahun/bulan sebelumnya" count from the date just mentioned;
5. adjacent forms that name the same day merge into one mention ("Kamis (24/7) kemarin").

Not dates (nothing is produced): durations, ages, clock times, decades, years inside law
identifiers and award names, amounts and counts, Hijri years alone, URLs and phone numbers.

Sibling modules: dates_anchors.py (the days relative words count from: header dates, quote
attributions and lead-ins, citation dates), dates_awards.py (years of award ceremonies and
pageant titles), dates_holidays.py (Lebaran as a day).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.numbers import spelled_number
from extractor.fields.base import (
    Candidate,
    Recognizer,
    provenance,
    resolve_overlaps,
)
from extractor.fields.dates.anchors import Anchors, article_date, mark_citations
from extractor.fields.dates.award_years import award_event_year
from extractor.fields.dates.holidays import holiday_days
from schemas import DateItem

# ---------------------------------------------------------------------------- lexicons

_MONTHS = {k.casefold(): int(v) for k, v in lexicon.table("dates/months").items()}
_WEEKDAYS = {k: int(v) for k, v in lexicon.table("dates/weekdays").items()}
_PERIODS = {k.casefold(): v for k, v in lexicon.table("dates/periods").items()}
_ORDINALS = dict(lexicon.table("dates/ordinals").items())


def _relative_table() -> dict[str, tuple[str, int, bool, bool, bool]]:
    table = {}
    for phrase, spec in lexicon.table("dates/relative_dates").items():
        unit, offset, *flags = spec.split()
        table[phrase.casefold()] = (unit, int(offset), "anaphoric" in flags, "stated_year" in flags, "strict" in flags)
    return table


_RELATIVE = _relative_table()
# places (from the shared region list) and nouns that "hari ini" can describe as "today's X"
_PLACES = tuple(name for name in lexicon.table("places/regions") if name[:1].isupper())


def _ci(entries: tuple[str, ...] | list[str] | str, *, lower: bool = True) -> str:
    """A case-tolerant alternation (lower, Capitalised, Title and UPPER forms of each entry).

    Spelled out rather than ``(?i:...)``: a case-insensitive alternation is many times slower
    to scan with, and these patterns run over every article; built as a trie, which the regex
    engine tries many times quicker than a flat alternation (same matches: extractor.scan).
    """
    if isinstance(entries, str):
        entries = entries.split("|")
    forms: set[str] = set()
    for entry in entries:
        forms |= {entry, entry[:1].upper() + entry[1:], entry.title(), entry.upper()}
        if lower:
            forms.add(entry.lower())
    return scan.trie_alternation(forms)


def _cue(name: str) -> str:
    """The cue words ``name`` of lang/id/dates/cue_words.tsv as a case-tolerant alternation."""
    return _ci(lexicon.table("dates/cue_words")[name])


def _alt(name: str, *, tsv: bool = False, lower: bool = True) -> str:
    return _ci(tuple(lexicon.table(name)) if tsv else lexicon.words(name), lower=lower)


# ---------------------------------------------------------------------------- regex pieces
# Each pattern starts with a literal or a digit (context before a match is checked in code):
# the regex engine then skips quickly to candidate positions, which keeps the field cheap.

_H = r"[ \t]"  # horizontal space: a mention never spans a line break
# lower-case full names are matched too, and kept only beside a day number or a year (in code)
_MONTH_LOWER = frozenset(lexicon.words("dates/month_lower_forms"))
_MONTH_CAPITALISED = rf"{_alt('dates/months', tsv=True, lower=False)}(?!\p{{L}})"
_MON = rf"(?:{_alt('dates/months', tsv=True, lower=False)}|{scan.trie_alternation(_MONTH_LOWER)})(?!\p{{L}})"


class _MonthCue:
    """Where a month name may start: a capitalised or upper-case form (one ``re`` scan), or a
    lower-case full name (``str.find`` on the lower-cased text: a scan for lower-case first
    letters would stop at most letters of a text)."""

    def __init__(self) -> None:
        forms = lexicon.table("dates/months")
        self.capitalised = scan.Cue({f for m in forms for f in (m, m[:1].upper() + m[1:], m.title(), m.upper())})
        self.lower = scan.Cue(_MONTH_LOWER, lower=True)
        self.positions = functools.lru_cache(maxsize=4)(self._positions)

    def _positions(self, text: str) -> list[int] | None:
        capitalised, lower = self.capitalised.positions(text), self.lower.positions(text)
        if capitalised is None or lower is None:
            return None
        return sorted(set(capitalised) | {at for at in lower if text[at].islower()})


# the patterns that start with a month name are tried only where one occurs (extractor.scan)
_MONTH_CUE = _MonthCue()
_WD = _alt("dates/weekdays", tsv=True, lower=False)
_WEEKDAY_CUE = scan.Cue(
    {form for day in lexicon.table("dates/weekdays") for form in (day, day[:1].upper() + day[1:], day.title(), day.upper())}
)
_YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"
_SPELLED_WORD = scan.trie_alternation(lexicon.words("dates/spelled_days"))
# spelled days are lower-case: "Sebelas Maret" is a university, "satu Agustus 2024" a date
_SPELLED = rf"{_SPELLED_WORD}(?:{_H}+{_SPELLED_WORD}){{0,3}}"
_SPELLED_ANY = rf"{_alt('dates/spelled_days')}(?:{_H}+{_SPELLED_WORD}){{0,3}}"
_DAY = rf"(?:\d{{1,2}}(?![\d.,]\d)|{_SPELLED})"
_ORD = (
    r"(?:" + scan.trie_alternation([k for k in _ORDINALS if not k.islower()])
    + r"|" + _ci([k for k in _ORDINALS if k.islower()]) + r")(?![\p{L}\d])"
)
_PERIOD = _alt("dates/periods", tsv=True)
# what joins the two ends of a range or a coordination
_LINK = rf"(?:-|–|—|s\.?d\.?|s/d|&|{_cue('range_links')})"
_RANGE_GAP = regex.compile(rf"{_H}*(?:{_LINK}|ke){_H}*(?:{_cue('day_words')}{_H}+)?")
# a clock time after a date drops out of the value ("Rabu, 14 Agu 2024 20:47 WIB")
_TIME = rf"(?:{_H}*,?{_H}*(?:{_ci('pukul')}{_H}*)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:{_H}*(?:WIB|WITA|WIT))?(?!\d))"
# a deictic word right after a stated date adds nothing ("Kamis (24/7) kemarin", "2026 mendatang")
# ("2017 kemarin malam (31/3)": "kemarin malam" is a mention of its own)
_TRAIL = rf"(?:{_H}+(?:kemarin(?!{_H}+{_ci('malam|sore|siang|pagi')})|lalu|mendatang|nanti|ini|esok)(?!\p{{L}}))?"
_TRAIL_AFTER = regex.compile(_TRAIL)
_CLOSE_PAREN = regex.compile(rf"{_H}*\)")
# "Rabu, " / "Rabu (" / "tanggal " right before a date belongs to the mention
_PART_OF_DAY = _ci("dini hari|pagi|siang|sore|petang|malam")
_WEEKDAY_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?P<wd>{_WD})(?:{_H}+{_PART_OF_DAY})?{_H}*,?{_H}*(?P<paren>\(?){_H}*\Z"
)
_TANGGAL_BEFORE = regex.compile(rf"(?<!\p{{L}}){_cue('day_words')}{_H}+\Z")
_MONTH_PART_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{_cue('period_parts')}{_H}+)?(?:{_ci('bulan')}{_H}+)?\Z")
_MONTH_PAST_CUE = regex.compile(rf"(?<!\p{{L}}){_alt('dates/month_past_cues')}(?!\p{{L}})")
_MONTH_CUE_BEFORE = regex.compile(rf"(?<!\p{{L}}){_alt('dates/month_cues')}{_H}+(?:{_ci('bulan')}{_H}+)?\Z")

_BLOCKED_GENERAL = regex.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|(?:\+62|\(0\d{2,3}\)|0\d{2,3})[ .-]?\d{3,4}[ .-]?\d{3,5}(?!\d)"  # phone numbers
)
# e-mail addresses and bare domains ("detik.com/2024/...") are found by their "@" or ending and
# widened in code: a pattern that starts at every word and looks for a dot later is slow
_EMAIL_OR_DOMAIN = regex.compile(r"@[\w-]+\.[\w.-]+|\.(?:com|net|org|id)(?![\w])")
_EMAIL_OR_DOMAIN_CUE = scan.Cue(["@", ".com", ".net", ".org", ".id"])
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")
# a year closes a law identifier ("UU Nomor 23 Tahun 2014", "PP No. 40 Tahun 2025", "Keputusan
# Presiden RI No 28 / P Tahun 2024") or an award name ("Mandaya Awards 2025"): both are read
# backwards from the year, in a short window
# the number itself may carry a letter prefix and dots ("nomor PM.26", "No. KEP-12/MEN")
_ID_NUMBER = r"(?:\p{L}{1,8}[.\-]?)?\d[\w.\-]*"
_NOMOR = rf"{_cue('number_words')}\.?{_H}*:?{_H}*{_ID_NUMBER}(?:{_H}*/{_H}*[\w.\-]+){{0,4}}"
# short regulation names are built on "Per-"/"Kep-" ("Permenhub", "Pergub", "Kepmenkes")
_REGULATION_HEAD = rf"(?:{_alt('dates/regulation_heads')}|(?:Perm|Kepm|Perg|Kepg|Perb|Kepb|Perw|Perk)\p{{Ll}}{{2,}})"
# (REVERSE, here and below: a pattern anchored at the window's end is tried from that end, many
# times quicker; only whether it matches is used, which the direction does not change)
_LAW_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?:{_REGULATION_HEAD}\.?{_H}+(?:{_NOMOR}|{_ID_NUMBER}(?:{_H}*/{_H}*[\w.\-]+){{0,4}})|{_NOMOR})"
    rf"{_H}+{_ci('tahun')}{_H}+\Z"
    rf"|(?<!\p{{L}})(?:UUD|{_ci('Undang-Undang Dasar')})(?:{_H}+(?:NRI|{_ci('Negara Republik Indonesia')}))?{_H}+(?:{_ci('tahun')}{_H}+)?\Z",
    regex.REVERSE,
)
# the year belongs to an award name when the word before it is capitalised (checked in code)
# and no break word ("pada", "tahun") stands between the head word and the year
_AWARD_BEFORE = regex.compile(
    rf"(?<!\p{{L}}){_alt('dates/award_heads')}"
    rf"(?:{_H}+(?!{_alt('dates/award_breaks')}(?!\p{{L}}))(?!{_MON})(?P<word>[\p{{L}}\d][\p{{L}}\d'’&.\-]*)){{0,6}}"
    rf"{_H}+\Z"
)
# where the award head words stand: most years have none in the window before them
_AWARD_HEAD_CUE = scan.Cue(lexicon.words("dates/award_heads"), lower=True)
_QUANTITY_BEFORE = regex.compile(rf"(?:^|[^\p{{L}}$]){_alt('dates/quantity_prefixes')}\.?{_H}*\Z")
_COUNT_AFTER = regex.compile(
    rf"{_H}*{_ci(lexicon.words('dates/quantity_nouns') + lexicon.words('population_counts/people_nouns'))}(?![\p{{L}}\d])"
)
_YEAR_CUE_BEFORE = regex.compile(rf"(?:TA|{_cue('year_cues_before')}){_H}+\Z", regex.REVERSE)
# "hingga"/"sampai" also mean "up to" before an amount
_UP_TO_BEFORE = regex.compile(rf"(?<!\p{{L}}){_cue('up_to')}{_H}+\Z")
_TAHUN_BEFORE = regex.compile(rf"(?:{_cue('year_words')}|TA){_H}+\Z")
_NAME_BEFORE = regex.compile(rf"(?<!\p{{L}}){_alt('dates/name_prefixes')}\.?{_H}*\Z")
_RECURRING_BEFORE = regex.compile(rf"(?<!\p{{L}}){_alt('dates/recurring_words')}{_H}+(?:{_ci('hari')}{_H}+)?\Z")
_WEEKDAY_LIST_AFTER = regex.compile(rf"{_H}*(?:{_LINK}|/){_H}*{_WD}(?!\p{{L}})")
_WEEKDAY_LIST_BEFORE = regex.compile(rf"{_WD}{_H}*(?:{_LINK}|/|,){_H}*\Z")
# context that makes a lone weekday a date: "kata X, Sabtu.", "pada Rabu malam", "Kamis lalu"
_WEEKDAY_CUE_BEFORE = regex.compile(
    rf"(?:[,(]|(?<!\p{{L}}){_cue('weekday_cues_before')}){_H}*\Z"
)
_WEEKDAY_CUE_AFTER = regex.compile(
    rf"(?:{_H}*(?:[,.;:)!?\"”]|(?=[\r\n])|\Z)|{_H}+{_cue('weekday_cues_after')}(?!\p{{L}}))"
)
_TITLE_WORD_AFTER = regex.compile(rf"{_H}+\p{{Lu}}\p{{Ll}}")
_GLOSS_GAP = regex.compile(rf"{_H}*\({_H}*")
_ADJACENT_GAP = regex.compile(rf"[ \t,()]*(?:{_PART_OF_DAY}[ \t,()]*)?")
# "selama dua hari ini" counts days (a duration), it does not name today
# "H+4 atau pada Jumat (29/6)", "28 Juni (H+2)": another name for the same day
_ALSO_GAP = regex.compile(rf"[ \t,()]*(?:{_cue('same_day_links')}{_H}+)?(?:{_cue('same_day_preps')}{_H}+)?[ \t(]*")
# (not a year, "Rakor 2025 hari ini", nor an ordinal, "Gelar TTG ke-22 tahun ini")
_COUNT_BEFORE = regex.compile(
    rf"(?:(?<![\d.,])(?<!ke-)(?<!ke)(?<!ke{_H})\d{{1,3}}(?:,\d{{1,2}})?|{_SPELLED_ANY}|{_cue('count_words')}){_H}+\Z", regex.REVERSE
)
# words that put a lone weekday in the future ("akan digelar Rabu"); otherwise it is the last one
_FUTURE_CUE = regex.compile(rf"(?<!\p{{L}}){_cue('future_cues')}(?!\p{{L}})")


# ---------------------------------------------------------------------------- small helpers


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + k
    return index // 12, index % 12 + 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


# news reports the past months far more than it announces the coming ones: a yearless date
# ahead of the reference date counts this many times its distance when choosing its year
_FUTURE_WEIGHT = 3


def _nearest_day(ref: dt.date, m: int | None, d: int) -> dt.date | None:
    """Day ``d`` of month ``m`` (of a month next to ref's when None) in the year nearest ``ref``,
    a past day preferred over a future one ("Sabtu (11/4)" written in November is last April)."""
    if m is None:
        options = [_date(*_add_months(ref.year, ref.month, k), d) for k in (-1, 0, 1)]
        weight = 1
    else:
        options = [_date(ref.year + k, m, d) for k in (-1, 0, 1)]
        weight = _FUTURE_WEIGHT
    options = [o for o in options if o is not None]
    return min(options, key=lambda o: (o - ref).days * weight if o > ref else (ref - o).days) if options else None


def _weekday_swapped(wd: int, d: int, m: int, y: int | None, ref: dt.date | None) -> bool:
    """Whether "Sabtu (11/4)" means 4 November: the day/month reading falls on no such weekday
    in the plausible years, but the month/day one does, near the reference date (a crawl or a
    writer swapped the two numbers; further from it, the weekday is more likely the slip)."""
    if ref is None or d > 12 or d == m:
        return False
    years = (y,) if y is not None else (ref.year - 1, ref.year, ref.year + 1)
    if any((day := _date(year, m, d)) is not None and day.isoweekday() == wd for year in years):
        return False
    swapped = _date(y, d, m) if y is not None else _nearest_day(ref, d, m)
    # a weekday date dates a statement of the last days: the swapped reading must be one
    return swapped is not None and swapped.isoweekday() == wd and -14 <= (swapped - ref).days <= 7


def _year_of(text: str, first: int | None = None) -> int:
    """A four-digit year; a two-digit one is read in the century of ``first`` (or 2000)."""
    if len(text) == 4:
        return int(text)
    century = (first // 100 * 100) if first else 2000
    return century + int(text)


def _ordinal(text: str) -> int | None:
    value = _ORDINALS.get(text) or _ORDINALS.get(text.casefold())
    return int(value) if value else None


def _day_number(text: str) -> int | None:
    value = int(text) if text.isdigit() else spelled_number(regex.sub(r"\s+", " ", text))
    return value if value is not None and 1 <= value <= 31 else None


def _month_number(text: str, *, lower: bool = False) -> int | None:
    # month names are capitalised in news; "mar" or "des" in running text is not a month, and
    # a lower-case full name ("januari") only with a day number or a year (``lower``)
    if text[:1].isupper() or (lower and text in _MONTH_LOWER):
        return _MONTHS.get(text.rstrip(".").casefold())
    return None


def _any_within(offsets: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of offsets holds one in [start, end)."""
    at = bisect.bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def _inside(ranges: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in ranges)


@functools.lru_cache(maxsize=4)
def _general_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """URLs, e-mail addresses, bare domains and phone numbers: no date inside them."""
    blocks = [m.span() for m in _BLOCKED_GENERAL.finditer(text, timeout=guards.remaining()) if m.group()[0] != "0" or _starts_word(text, m.start(), ".,")]
    for m in scan.cued_finditer(_EMAIL_OR_DOMAIN, text, _EMAIL_OR_DOMAIN_CUE):
        start, end = m.span()
        while start > 0 and text[start - 1] in _DOMAIN_CHARS:
            start -= 1
        if end < len(text) and text[end] == "/":
            while end < len(text) and not text[end].isspace():
                end += 1
        blocks.append((start, end))
    return tuple(blocks)


def _part(kind: str, gran: str, **parts: Any) -> dict[str, Any]:
    """Candidate attributes: what the mention states; values are computed in ``assemble``."""
    return {"kind": kind, "gran": gran, **parts}


# ---------------------------------------------------------------------------- recognizers


def _starts_word(text: str, index: int, also: str = "") -> bool:
    """Whether ``index`` begins a word: no letter or digit (or one of ``also``) right before it."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in also)


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    return text.lower()


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
    lowered = _lowered(text)
    if len(lowered) != len(text):  # a rare character changed length when lower-cased
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found = []
    # one look-up per distinct first word ("akhir", "tahun" ...), not one per phrase
    for first, group in _phrases_by_first_word(phrases).items():
        at = lowered.find(first)
        while at != -1:
            for rank, phrase in group:
                end = at + len(phrase)
                if lowered.startswith(phrase, at) and _starts_word(text, at) and (end == len(text) or not text[end].isalnum()):
                    found.append((rank, at, end, phrase))
            at = lowered.find(first, at + 1)
    found.sort()
    for _, at, end, phrase in found:
        yield at, end, phrase


def _weekday_before(text: str, start: int) -> regex.Match[str] | None:
    return _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)


class _DateRecognizer(Recognizer):
    field = "dates"


class NumericDateRecognizer(_DateRecognizer):
    """"Rabu (25/9/2024)", "(7/11)", "Senin (6/10/25)", "Selasa (23/1/2018" (bracket left open
    at a line end), "25/9/2024", "Jumat 16/2", "2024-08-14", "Selasa,(03.03.2020)"."""

    name = "numeric_date"
    pattern = regex.compile(
        rf"(?|\({_H}*(?P<d>\d{{1,2}}){_H}*/{_H}*(?P<m>\d{{1,2}})(?:{_H}*/{_H}*(?P<y>\d{{4}}|\d{{2}}))?{_H}*(?:\)|(?=[\r\n]|\Z))"
        rf"|(?P<d>\d{{1,2}})(?P<sep>[/\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/])"
        # "(03.03.2020)", "03.03.2020": dotted, with a four-digit year only ("3.5" is a number)
        rf"|(?:\({_H}*)?(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})(?![\d.,]?\d)(?:{_H}*\))?"
        rf"|(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])"
        rf"|(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d\-]))"
        rf"{_TIME}?{_TRAIL}"
    )
    # "(7/5-9/5)": a range of two day/month dates in one bracket (two mentions)
    bracket_range = regex.compile(
        rf"\({_H}*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_H}*(?:-|–|{_cue('numeric_range_links')}){_H}*"
        rf"(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})(?:/(?P<y>\d{{4}}))?{_H}*\)"
    )
    # a news agency's date line: "Jeddah, 27/11 (Antara) -" at the start of a line
    dateline = regex.compile(
        rf"(?<![^\r\n])\p{{Lu}}[\p{{L}}.]*(?:{_H}+\p{{Lu}}[\p{{L}}.]*){{0,3}},{_H}*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?=[ \t]*[(\-–—])"
    )

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        yield from self._numeric(article)
        text = article.text
        for m in self.bracket_range.finditer(text, timeout=guards.remaining()):
            year = int(m["y"]) if m["y"] else None
            ends = [(int(m["d"]), int(m["m"])), (int(m["d2"]), int(m["m2"]))]
            if not all(1 <= d <= 31 and 1 <= mo <= 12 for d, mo in ends) or ends[0][::-1] >= ends[1][::-1]:
                continue
            yield Candidate(m.start(), m.end("m"), None, _part("date", "day", y=year, m=ends[0][1], d=ends[0][0], weekday=False))
            yield Candidate(m.start("d2"), m.end(), None, _part("date", "day", y=year, m=ends[1][1], d=ends[1][0], weekday=False))
        for m in self.dateline.finditer(text, timeout=guards.remaining()):
            day, month = int(m["d"]), int(m["m"])
            if 1 <= day <= 31 and 1 <= month <= 12:
                yield Candidate(m.start("d"), m.end(), None, _part("date", "day", y=None, m=month, d=day, weekday=False))

    def _numeric(self, article: Article) -> Iterator[Candidate]:
        text = article.text
        blocks = _general_blocks(text)
        ref = article.reference_date
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            guards.check()  # the regex timeout covers the scan, not the work between matches
            start, end = m.span()
            paren = text[start] == "("
            if not paren and not _starts_word(text, start, "/.,-"):
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
                ref is None or abs(_year_of(m["y"]) - ref.year) > 2
                or _QUANTITY_BEFORE.search(text, max(0, start - 30), start)
            ):
                continue
            day, month = int(m["d"]), int(m["m"])
            year = _year_of(m["y"]) if m["y"] else None
            if not (1 <= month <= 12 and 1 <= day <= 31) or _inside(blocks, start, end):
                continue
            if year is not None and _date(year, month, day) is None:
                continue
            if wd:
                start = wd.start()
                if _weekday_swapped(_WEEKDAYS[wd["wd"].title() if wd["wd"].isupper() else wd["wd"]], day, month, year, ref):
                    day, month = month, day
            yield Candidate(start, end, None, _part("date", "day", y=year, m=month, d=day, weekday=bool(wd)))


class NamedDateRecognizer(_DateRecognizer):
    """"14 Agu 2024", "Selasa, 21 Oktober 2025 20:47 WIB", "satu Agustus 2024", "23 Mei",
    "15-16 Juli 2025" (two mentions), "tanggal 14"."""

    name = "named_date"
    # found from the month name (a capitalised word, quick to scan for), then read backwards
    # for the day and forwards for the year
    pattern = regex.compile(rf"(?P<mon>{_MON})\.?(?:{_H}*,?{_H}*(?:{_ci('tahun')}{_H}+)?(?P<y>{_YEAR})(?!\d))?{_TIME}?")
    day_before = regex.compile(
        rf"(?:(?P<d1>{_DAY}){_H}*{_LINK}{_H}*)?(?P<d>{_DAY}){_H}+(?:{_ci('bulan')}{_H}+)?\Z"
    )
    # "tanggal 14": a day of the reference month
    # "tanggal 23 atau 24", "tanggal 23-24": a second day of the same month is its own mention
    _day_alone = rf"\d{{1,2}}(?![\d/]|[.,]\d|{_H}*(?:{_MON}|/))"
    day_only = regex.compile(
        rf"{_cue('day_words')}{_H}+(?P<d>{_day_alone})(?:{_H}*{_LINK}{_H}*(?P<d2>{_day_alone}))?(?P<trail>{_TRAIL})"
    )
    day_word_cue = scan.Cue(lexicon.table("dates/cue_words")["day_words"].split("|"), lower=True)

    # "Oktober 23-24", "Mei 5, 2024": the day after the month (English order), not a count
    # ("Mei 5 orang"), a span ("Januari 2 tahun lalu") or a clock time
    day_after = regex.compile(
        rf"{_H}+(?P<d>\d{{1,2}})(?:{_H}*[-–]{_H}*(?P<d2>\d{{1,2}}))?(?:{_H}*,{_H}*(?P<y>{_YEAR}))?"
        rf"(?![\d.,:/]\d|\d|{_H}+(?:{_cue('units_after_number')}|[\p{{L}}]+{_H}+(?:{_cue('count_nouns_after_number')}))(?!\p{{L}}))"
        rf"(?!{_COUNT_AFTER.pattern})"
    )

    def _month_first(self, m: regex.Match[str], after: regex.Match[str], month: int) -> Iterator[Candidate]:
        year = int(after["y"]) if after["y"] else None
        day = int(after["d"])
        second = int(after["d2"]) if after["d2"] else None
        if not 1 <= day <= 31 or (year is not None and _date(year, month, day) is None):
            return
        if second is not None and day < second <= 31:
            yield Candidate(m.start(), after.end("d"), None, _part("date", "day", y=year, m=month, d=day, weekday=False))
            yield Candidate(after.start("d2"), after.end(), None, _part("date", "day", y=year, m=month, d=second, weekday=False))
        elif second is None and year is not None:
            # without a year, "Desember 22" is as often a two-digit year (a citation) as a day
            yield Candidate(m.start(), after.end(), None, _part("date", "day", y=year, m=month, d=day, weekday=False))

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        blocks = _general_blocks(text)
        for m in scan.cued_finditer(self.pattern, text, _MONTH_CUE):
            month = _month_number(m["mon"], lower=True)
            if month is None or not _starts_word(text, m.start()):
                continue
            lower = m["mon"][:1].islower()
            days = self.day_before.search(text, max(0, m.start() - 60), m.start())
            if days is None:
                if not lower and not m["y"] and (after := self.day_after.match(text, m.end())) and _starts_word(text, m.start()):
                    yield from self._month_first(m, after, month)
                continue
            if lower and not (days["d"].isdigit() or m["y"]):
                continue  # "dua maret": a lower-case month needs a day in digits or a year
            start, end = days.start(), m.end()
            if not _starts_word(text, start, "/.,") or _inside(blocks, start, end):
                continue
            day = _day_number(days["d"])
            if day is None:
                continue
            if _NAME_BEFORE.search(text, max(0, start - 30), start):
                continue  # "Jalan 17 Agustus", "Universitas 17 Agustus 1945"
            year = int(m["y"]) if m["y"] else None
            if year is not None and _date(year, month, day) is None:
                continue
            if tanggal := _TANGGAL_BEFORE.search(text, max(0, start - 12), start):
                start = tanggal.start()
            wd = _weekday_before(text, start)
            if wd:
                start = wd.start()
                if wd["paren"]:
                    close = _CLOSE_PAREN.match(text, end)
                    if close is None:
                        start, wd = days.start(), None
                    else:
                        end = close.end()
            end = _TRAIL_AFTER.match(text, end).end()
            if days["d1"] and (first := _day_number(days["d1"])) is not None and first < day:
                # "15-16 Juli 2025": the first end is its own mention, with month and year carried
                yield Candidate(start, days.end("d1"), None, _part("date", "day", y=year, m=month, d=first, weekday=bool(wd)))
                yield Candidate(days.start("d"), end, None, _part("date", "day", y=year, m=month, d=day, weekday=False))
                continue
            yield Candidate(start, end, None, _part("date", "day", y=year, m=month, d=day, weekday=bool(wd)))
        for m in scan.cued_finditer(self.day_only, text, self.day_word_cue):
            day = _day_number(m["d"])
            if day is None or not _starts_word(text, m.start()):
                continue
            second = _day_number(m["d2"]) if m["d2"] else None
            if second is None or second <= day:
                end = m.end() if m["d2"] is None else m.end("d")
                yield Candidate(m.start(), end, None, _part("date", "day", y=None, m=None, d=day, weekday=False), priority=-1)
                continue
            yield Candidate(m.start(), m.end("d"), None, _part("date", "day", y=None, m=None, d=day, weekday=False), priority=-1)
            yield Candidate(m.start("d2"), m.end(), None, _part("date", "day", y=None, m=None, d=second, weekday=False, coordinated=True), priority=-1)


class MonthRecognizer(_DateRecognizer):
    """"Agustus 2024", "Januari-Maret 2024" (two), "Mei tahun lalu", "pertengahan November",
    "Mei lalu", "bulan Mei"."""

    name = "month"
    with_year = regex.compile(
        rf"(?P<m1>{_MON})\.?(?:{_H}*(?:{_LINK}|/){_H}*(?:{_ci('bulan')}{_H}+)?(?P<m2>{_MON})\.?)?{_H}*,?{_H}*"
        rf"(?:(?:{_ci('tahun')}{_H}+)?(?P<y>{_YEAR})(?!\d)|{_ci('tahun')}{_H}+(?P<yrel>{_cue('year_relative_words')})(?!\p{{L}}))"
        rf"{_TRAIL}"
    )
    without_year = regex.compile(
        rf"(?P<mon>{_MON})(?!\.?{_H}*\d)(?:{_H}+(?P<mod>{_cue('month_relative_words')})(?!\p{{L}}))?"
    )

    # "September dan Oktober", "Agustus hingga Desember ini": two month names joined are dates
    list_after = regex.compile(rf"\.?{_H}*(?:{_LINK}|,){_H}*(?:{_ci('bulan')}{_H}+)?{_MONTH_CAPITALISED}")
    list_before = regex.compile(rf"(?<!\p{{L}}){_MONTH_CAPITALISED}\.?{_H}*(?:{_LINK}|,){_H}*(?:{_ci('bulan')}{_H}+)?\Z")
    bulan_before = regex.compile(rf"(?<!\p{{L}}){_ci('bulan')}{_H}+\Z")
    every_year = regex.compile(rf"(?<!\p{{L}}){_alt('dates/recurring_words')}{_H}+{_ci('tahun|tahunnya')}(?!\p{{L}})")

    def listed(self, text: str, start: int, end: int) -> bool:
        return bool(self.list_after.match(text, end) or self.list_before.search(text, max(0, start - 30), start))

    range_to_date = regex.compile(
        rf"{_H}*(?:-|–|{_cue('month_range_links')}){_H}*"
        rf"(?:(?:{_cue('period_parts')}){_H}+)?(?:\d{{1,2}}{_H}+)?{_MON}\.?{_H}*,?{_H}*{_YEAR}"
    )

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        for m in scan.cued_finditer(self.with_year, text, _MONTH_CUE):
            start = m.start()
            if not _starts_word(text, start):
                continue
            month = _month_number(m["m2"] or m["m1"], lower=m["y"] is not None)
            if month is None or (m["m2"] and _month_number(m["m1"], lower=m["y"] is not None) is None):
                continue
            start = _MONTH_PART_BEFORE.search(text, max(0, start - 25), start).start()
            year = int(m["y"]) if m["y"] else None
            offset = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}.get((m["yrel"] or "").casefold(), 0)
            attrs = dict(y=year, m=month, year_offset=offset)
            first = _month_number(m["m1"], lower=m["y"] is not None) if m["m2"] else None
            if first is not None and first < month:
                yield Candidate(start, m.end("m1"), None, _part("date", "month", **{**attrs, "m": first}))
                yield Candidate(m.start("m2"), m.end(), None, _part("date", "month", **attrs))
            else:
                yield Candidate(start, m.end(), None, _part("date", "month", **attrs))
        for m in scan.cued_finditer(self.without_year, text, _MONTH_CUE):
            start = m.start()
            month = _month_number(m["mon"], lower=bool(self.bulan_before.search(text, max(0, start - 8), start)))
            if month is None or not _starts_word(text, start):
                continue
            cue = _MONTH_CUE_BEFORE.search(text, max(0, start - 25), start)
            mod = (m["mod"] or "").casefold()
            if not cue and not mod and not self.range_to_date.match(text, m.end()) and not self.listed(text, start, m.end()):
                continue  # a month name alone may be a person's name ("Mei"); it needs a cue,
                # a range on to a date ("Januari hingga 15 Maret 2019": its year carries over)
                # or another month joined to it ("digelar September dan Oktober")
            if self.every_year.search(text, article.sentence_span(start)[0], start):
                continue  # "setiap tahun di bulan Januari, Februari ...": a month of any year
            start = _MONTH_PART_BEFORE.search(text, max(0, start - 25), start).start()
            direction = "past" if mod in ("lalu", "kemarin") else "future" if mod in ("mendatang", "depan", "nanti") else None
            if direction is None and cue and _MONTH_PAST_CUE.match(text, cue.start()):
                direction = "past"
            yield Candidate(start, m.end(), None, _part("date", "month", y=None, m=month, direction=direction), priority=-1)


class PeriodRecognizer(_DateRecognizer):
    """"triwulan II 2024", "kuartal III" (year from the reference date), "semester I 2024",
    "Semester I dan II 2024" (two), "Q3 2025"."""

    name = "period"
    pattern = regex.compile(
        rf"(?|(?P<kind>{_PERIOD}){_H}+(?:ke-?{_H}*)?(?P<n>{_ORD})"
        rf"(?:{_H}*(?:{_LINK}|,){_H}*(?:{_PERIOD}{_H}+)?(?:ke-?{_H}*)?(?P<n2>{_ORD}))?"
        rf"(?:{_H}*[/,\-]?{_H}*(?:{_cue('year_words')}{_H}+)?(?P<y>{_YEAR})(?!\d))?"
        rf"|(?P<kind>Q)(?P<n>[1-4]){_H}*[/\-]?{_H}*(?P<y>{_YEAR})(?!\d))"
    )

    words = tuple(_PERIODS)

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        lowered = _lowered(text)
        if not any(word in lowered for word in self.words) and "Q" not in text:
            return  # most articles name no quarter or half-year: skip the scan
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            if not _starts_word(text, m.start()):
                continue
            unit = "Q" if m["kind"] == "Q" else _PERIODS[m["kind"].casefold()]
            limit = 4 if unit == "Q" else 2
            first = _ordinal(m["n"])
            second = _ordinal(m["n2"]) if m["n2"] else None
            year = int(m["y"]) if m["y"] else None
            if first is None or first > limit or (second is not None and not first < second <= limit):
                continue
            if year is None and unit == "H":
                continue  # "semester 2" without a year is as often a school term
            gran = "quarter" if unit == "Q" else "half"
            if second is None:
                yield Candidate(m.start(), m.end(), None, _part("date", gran, y=year, n=first))
            else:
                yield Candidate(m.start(), m.end("n"), None, _part("date", gran, y=year, n=first))
                yield Candidate(m.start("n2"), m.end(), None, _part("date", gran, y=year, n=second))


class YearRecognizer(_DateRecognizer):
    """"tahun 2017", "APBD 2024", "pada 2023", "2019-2024" (two), "2021/22", "1446 H/2025 M"
    (2025); not years in law identifiers, award names, amounts and counts."""

    name = "year"
    pattern = regex.compile(
        rf"(?P<y1>{_YEAR})"
        rf"(?:{_H}*[\-–—/]{_H}*(?P<y2>{_YEAR}|\d{{2}})(?!\d))?"
        rf"(?![\p{{L}}\d]|[.,]\d|-?an(?!\p{{L}}))(?P<trail>{_TRAIL})"
    )
    # "152/2019" is a regulation number, "1446 H/2025 M" a Hijri year then the Gregorian one
    # and "37 P/HUM/2017" or "VI/MPR/2002" (a chain of coded parts) an identifier too; one
    # Roman numeral alone numbers an event ("PON XIX/2016" is a date)
    number_slash = regex.compile(rf"(?:\d[^\s/]*|\p{{Lu}}[^\s/]*/[^\s/]*)(?:/[^\s/]*)*/{_H}?\Z")

    @staticmethod
    def _names_part(text: str, start: int, end: int) -> bool:
        """Whether the year at ``start`` closes a law identifier or an award name."""
        if _LAW_BEFORE.search(text, max(0, start - 80), start) or award_event_year(text, start, end):
            return True
        heads = _AWARD_HEAD_CUE.positions(text)
        if heads is not None and not _any_within(heads, max(0, start - 120), start):
            return False  # no award head word in the window: the pattern below cannot match
        award = _AWARD_BEFORE.search(text, max(0, start - 120), start)
        return award is not None and (not award.captures("word") or not award.captures("word")[-1][0].islower())

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        blocks = list(_general_blocks(text))
        if doc is not None and "awards" in getattr(doc, "spans", {}):
            blocks += [(span.start_char, span.end_char) for span in doc.spans["awards"]]
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            guards.check()
            start, end = m.span()
            if not _starts_word(text, start, ".,-") or self.number_slash.search(text, max(0, start - 30), start):
                continue
            if _inside(blocks, m.start("y1"), m.end("y1")) or self._names_part(text, start, m.end("y1")):
                continue
            before = text[max(0, start - 30) : start]
            cued = _YEAR_CUE_BEFORE.search(before) is not None
            if _QUANTITY_BEFORE.search(before):
                continue  # "Rp 2024", "sebanyak 2024", "No. 2019"
            counted = not m["y2"] and not m["trail"] and _COUNT_AFTER.match(text, m.end("y1"))
            if counted and (not cued or _UP_TO_BEFORE.search(before)):
                continue  # "2024 orang", "2000 meter", "hingga 1870 tahanan" (up to a count)
            if tahun := _TAHUN_BEFORE.search(before):
                start -= len(tahun.group())
            first = int(m["y1"])
            second = _year_of(m["y2"], first) if m["y2"] else None
            if second is not None and second > first:
                yield Candidate(start, m.end("y1"), None, _part("date", "year", y=first))
                yield Candidate(m.start("y2"), end, None, _part("date", "year", y=second))
            else:
                yield Candidate(start, m.end("y1") if second is not None else end, None, _part("date", "year", y=first, cued=cued))


class RelativeRecognizer(_DateRecognizer):
    """"kemarin", "hari ini", "tahun lalu", "pekan depan", "bulan sebelumnya", "5 tahun silam",
    "4-5 tahun lalu" (two)."""

    name = "relative"
    # the phrases are found with str.find on the lower-cased text: much quicker than a regex
    # alternation that would be tried at every lower-case letter
    phrases = tuple(sorted(_RELATIVE, key=len, reverse=True))
    # "N tahun lalu" is found from its last word, then read backwards in a short window
    ago = regex.compile(r"(?:lalu|silam)(?!\p{L})")
    ago_cue = scan.Cue(["lalu", "silam"], lower=True)
    counted = regex.compile(
        rf"(?P<n>\d{{1,3}}|{_SPELLED_ANY})(?:{_H}*(?:-|–|{_cue('years_ago_links')}){_H}*(?P<n2>\d{{1,3}}|{_SPELLED_ANY}))?"
        rf"{_H}+(?P<unit>{_cue('ago_units')}){_H}+(?:yang{_H}+)?(?:lalu|silam)\Z"
    )
    units = {"tahun": "year", "thn": "year", "bulan": "month", "bln": "month", "pekan": "week", "minggu": "week", "mgg": "week", "hari": "day"}
    # what after "awal/akhir tahun" or "bulan" names another year or month than the current one
    part_of_stated = regex.compile(
        rf"{_H}+(?:\d|\p{{Lu}}|{_cue('period_year_followers')})"
    )

    # "Jatim hari ini, yang ...", "generasi hari ini adalah ...": "today's X" describes X now
    vague_after = regex.compile(rf"{_H}*,?{_H}*{_cue('vague_today_followers')}(?!\p{{L}})")
    vague_before = regex.compile(rf"(?<!\p{{L}})(?:{_alt('dates/vague_today_heads')}|{scan.trie_alternation(_PLACES)}){_H}+\Z")

    # "semalam" is also "for one night": "dalam semalam", "menginap semalam", "semalam suntuk"
    one_night_before = regex.compile(rf"(?<!\p{{L}}){_alt('dates/one_night_before')}{_H}+\Z")
    one_night_after = regex.compile(rf"{_H}+{_cue('whole_night_followers')}(?!\p{{L}})")
    # "hari esok", "masa esok": the future; "hari ini dan esok": now and in time to come
    the_future_before = regex.compile(rf"(?<!\p{{L}})(?:{_ci('hari|masa|dunia')}|{_ci('hari ini')}{_H}+{_ci('dan|atau|maupun')}){_H}+\Z")

    def vague_today(self, text: str, start: int, end: int) -> bool:
        return bool(self.vague_after.match(text, end)) and bool(self.vague_before.search(text, max(0, start - 40), start))

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        for start, end, phrase in _find_phrases(text, self.phrases):
            guards.check()
            if start and text[start - 1] == "-":
                continue  # "bertahun-tahun lalu" is vague
            if _COUNT_BEFORE.search(text, max(0, start - 25), start):
                continue  # "dua hari ini", "beberapa tahun lalu"
            if phrase.endswith(("tahun", "bulan")) and self.part_of_stated.match(text, end):
                continue  # "akhir tahun 2024", "awal bulan Mei", "akhir tahun pertama"
            if _RECURRING_BEFORE.search(text, max(0, start - 25), start):
                continue  # "setiap akhir bulan"
            unit, offset, anaphoric, stated_year, strict = _RELATIVE[phrase]
            if phrase == "esok" and self.the_future_before.search(text, max(0, start - 20), start):
                continue  # "hari esok", "masa esok": the future, not tomorrow
            if phrase == "semalam" and (
                self.one_night_before.search(text, max(0, start - 25), start) or self.one_night_after.match(text, end)
            ):
                continue  # "dalam semalam", "menginap semalam", "semalam suntuk": one night long
            if phrase == "hari ini" and self.vague_today(text, start, end):
                continue  # "Jatim hari ini, yang ...": today's Jatim, a vague present
            yield Candidate(
                start, end, None,
                _part(
                    "relative", unit, unit=unit, offset=offset, anaphoric=anaphoric, stated_year=stated_year, strict=strict,
                    last_night=unit == "day" and offset == -1 and "malam" in phrase,
                ),
            )
        for ago in scan.cued_finditer(self.ago, text, self.ago_cue):
            m = self.counted.search(text, max(0, ago.start() - 50), ago.end())
            if m is None or not _starts_word(text, m.start(), ".,"):
                continue
            unit = self.units[m["unit"].casefold()]
            n = self._count(m["n"])
            if n is None:
                continue
            n2 = self._count(m["n2"]) if m["n2"] else None
            if n2 is not None and n < n2:
                yield Candidate(m.start(), m.end("n"), None, _part("relative", unit, unit=unit, offset=-n, anaphoric=False))
                yield Candidate(m.start("n2"), m.end(), None, _part("relative", unit, unit=unit, offset=-n2, anaphoric=False))
            else:
                yield Candidate(m.start(), m.end(), None, _part("relative", unit, unit=unit, offset=-n, anaphoric=False))

    @staticmethod
    def _count(text: str) -> int | None:
        value = int(text) if text.isdigit() else spelled_number(regex.sub(r"\s+", " ", text).casefold())
        return value if value is not None and 0 < value < 200 else None


class WeekdayRecognizer(_DateRecognizer):
    """A weekday alone: "Sabtu" (the nearest Saturday), "Rabu mendatang", "Kamis lalu",
    "Rabu pekan depan"; not "setiap Senin", "salat Jumat", "Senin-Jumat"."""

    name = "weekday"
    pattern = regex.compile(
        rf"(?P<wd>{_WD})(?![\p{{L}}\d'’\-])(?!{_H}*,?{_H}*\(?{_H}*\d)"
        rf"(?:{_H}+(?P<week>pekan|minggu){_H}+(?P<wmod>lalu|depan|ini|kemarin)(?!\p{{L}})"
        rf"|{_H}+(?:yang{_H}+)?(?P<mod>lalu|kemarin|mendatang|depan|nanti|ini|besok|esok)(?!\p{{L}}))?"
    )
    # a weekday right after a verb, in running text: "terluka Jumat dalam ...", "dilakukan
    # Sabtu untuk ..." (a verb's prefix marks it; a capitalised word before is a name: "Pasar Minggu")
    verb_before = regex.compile(rf"(?<!\p{{L}})(?:di|ter|me|ber)\p{{Ll}}{{3,}}{_H}+\Z")
    lower_after = regex.compile(rf"{_H}+\p{{Ll}}")

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        text = article.text
        for m in scan.cued_finditer(self.pattern, text, _WEEKDAY_CUE):
            start, end = m.span()
            if not _starts_word(text, start, "'’-"):
                continue
            mod = (m["mod"] or "").casefold()
            if m["wd"].casefold() == "minggu" and mod in ("lalu", "ini", "depan", "kemarin"):
                continue  # "Minggu lalu" is last week (a relative phrase)
            before = text[max(0, start - 40) : start]
            if _RECURRING_BEFORE.search(before) or _WEEKDAY_LIST_BEFORE.search(before) or _WEEKDAY_LIST_AFTER.match(text, end):
                continue
            if not mod and not m["week"]:
                if _TITLE_WORD_AFTER.match(text, end):
                    continue  # "Jumat Berkah", "Rabu Abu"
                if not (
                    _WEEKDAY_CUE_BEFORE.search(before) or _WEEKDAY_CUE_AFTER.match(text, end)
                    or (self.verb_before.search(before) and self.lower_after.match(text, end))
                ):
                    continue
            week_offset = None
            if m["week"]:
                week_offset = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[m["wmod"]]
            direction = "past" if mod in ("lalu", "kemarin") else "future" if mod in ("mendatang", "depan", "nanti") else None
            sentence_start = article.sentence_span(start)[0]
            # "Rabu besok": the coming Wednesday, today's if the text is dated that Wednesday
            ahead = mod in ("besok", "esok") or _FUTURE_CUE.search(text, sentence_start, start) is not None
            weekday = _WEEKDAYS[m["wd"].title() if m["wd"].isupper() else m["wd"]]
            yield Candidate(
                start, end, None,
                _part("weekday", "day", wd=weekday, direction=direction, week_offset=week_offset, ahead=ahead),
                priority=-1,
            )


_IDUL_FITRI = {int(y): dt.date.fromisoformat(d) for y, d in lexicon.table("dates/idul_fitri").items()}


class LebaranDayRecognizer(_DateRecognizer):
    """"H-7 Lebaran", "H+4", "H-90 sebelum Idul Fitri": a day counted from the Idul Fitri
    nearest the reference date, only in an article about Lebaran (elsewhere "H-1" may count
    to an election); and the day itself where a word of time frames it ("setelah Lebaran
    mendatang", dates_holidays.py)."""

    name = "lebaran_day"
    cue = regex.compile(rf"(?<!\p{{L}}){_alt('dates/lebaran_cues')}(?!\p{{L}})", regex.IGNORECASE)
    # the cue is looked for only where one of its words occurs (most articles have none)
    cue_words = scan.Cue(lexicon.words("dates/lebaran_cues"), lower=True)
    pattern = regex.compile(
        rf"(?<![\p{{L}}\d])H{_H}?(?P<sign>[+\-−–]){_H}?(?P<n>\d{{1,3}})(?![\d.,]?\d)"
        rf"(?:{_H}+(?i:(?:sebelum|setelah|sesudah){_H}+)?(?i:lebaran|idul{_H}?fitri|idulfitri)(?!\p{{L}}))?"
    )

    def find(self, article: Article, doc: Any) -> Iterator[Candidate]:
        yield from holiday_days(article)  # "setelah Lebaran mendatang": the day itself
        text, ref = article.text, article.reference_date
        if ref is None or "H" not in text or next(scan.cued_finditer(self.cue, text, self.cue_words), None) is None:
            return
        years = [_IDUL_FITRI[y] for y in (ref.year - 1, ref.year, ref.year + 1) if y in _IDUL_FITRI]
        if not years:
            return
        lebaran = min(years, key=lambda day: abs((day - ref).days))
        for m in self.pattern.finditer(text, timeout=guards.remaining()):
            n = int(m["n"])
            day = lebaran + dt.timedelta(days=n if m["sign"] == "+" else -n)
            yield Candidate(
                m.start(), m.end(), None,
                _part("date", "day", y=day.year, m=day.month, d=day.day, weekday=False, lebaran=True),
            )


# ---------------------------------------------------------------------------- assembling


_MONTH_LIST_GAP = regex.compile(rf"{_H}*,{_H}*(?:{_LINK}{_H}+)?")
_YEAR_OF_LIST_GAP = regex.compile(rf"{_H}*,?{_H}*(?:di|pada|tahun){_H}+")


def _carry_range_ends(kept: list[Candidate], text: str) -> None:
    """The open first end of a range takes the year (and month) the other end states; months
    listed take the year stated after the list ("September, Oktober, November di 2020")."""
    for left, right in reversed(list(zip(kept, kept[1:]))):  # right to left: along a list
        a, b = left.attrs, right.attrs
        if a["kind"] != "date" or b["kind"] != "date" or a.get("y") is not None or b.get("y") is None:
            continue
        months = a["gran"] == "month" and b["gran"] in ("month", "year")
        if not (
            _RANGE_GAP.fullmatch(text, left.end, right.start)
            or (months and b["gran"] == "month" and _MONTH_LIST_GAP.fullmatch(text, left.end, right.start))
            or (months and b["gran"] == "year" and _YEAR_OF_LIST_GAP.fullmatch(text, left.end, right.start))
        ):
            continue
        a["y"] = b["y"]
        if a["gran"] == "day" and a.get("m") is None:
            a["m"] = b.get("m")
        a["carried"] = True


def _dateline(kept: list[Candidate]) -> dt.date | None:
    """The article's own date: its first full weekday date (a header line or the lead's)."""
    for cand in kept:
        a = cand.attrs
        if a["kind"] == "date" and a["gran"] == "day" and a.get("weekday") and a.get("y") and a.get("m"):
            return _date(a["y"], a["m"], a["d"])
    return None


def _stated_value(a: dict[str, Any], ref: dt.date | None) -> tuple[str | None, bool]:
    """Value of a stated date (parts from the text, a missing year from ``ref``) and whether
    it needed ``ref``."""
    y, gran = a.get("y"), a["gran"]
    implied = y is None and not a.get("carried")
    if gran == "day":
        if a.get("m") is None or y is None:
            if ref is None:
                return None, True
            day = _nearest_day(ref, a.get("m"), a["d"]) if y is None else _date(y, ref.month, a["d"])
            return (day.isoformat() if day else None), True
        day = _date(y, a["m"], a["d"])
        return (day.isoformat() if day else None), implied
    if y is None:
        if ref is None:
            return None, True
        y = ref.year + a.get("year_offset", 0)
        month = a.get("m")
        if gran == "month" and a.get("direction") == "past" and month > ref.month:
            y -= 1
        elif gran == "month" and a.get("direction") == "future" and month < ref.month:
            y += 1
        implied = True
    elif gran == "month":
        y += a.get("year_offset", 0)
    if gran == "month":
        return f"{y:04d}-{a['m']:02d}", implied
    if gran == "quarter":
        return f"{y:04d}-Q{a['n']}", implied
    if gran == "half":
        return f"{y:04d}-H{a['n']}", implied
    return f"{y:04d}", implied


def _article_today(kept: list[Candidate], text: str) -> dt.date | None:
    """The day the text itself calls today: "hari ini, Senin (20/10/2025)" (first such pair)."""
    for left, right in zip(kept, kept[1:]):
        pair = (left.attrs, right.attrs)
        deictic = [a for a in pair if a["kind"] == "relative" and a["unit"] == "day" and a["offset"] == 0 and not a["anaphoric"]]
        stated = [a for a in pair if a["kind"] == "date" and a.get("weekday") and a.get("date")]
        if deictic and stated and _ADJACENT_GAP.fullmatch(text, left.end, right.start) and right.start - left.end <= 16:
            return stated[0]["date"]
    return None


def _mark_glosses(kept: list[Candidate], text: str) -> None:
    """A relative word in brackets right after another one is the writer's gloss, in the
    article's own time: "Besok (hari ini) ..." quoted from yesterday names today."""
    for left, right in zip(kept, kept[1:]):
        if (
            left.attrs["kind"] in ("relative", "weekday") and right.attrs["kind"] == "relative"
            and left.attrs["gran"] == "day" == right.attrs["gran"]
            and _GLOSS_GAP.fullmatch(text, left.end, right.start)
        ):
            right.attrs["gloss"] = True


def _antecedent(kept: list[Candidate], index: int, article: Article, unit: str) -> Any:
    """For "tahun/bulan/hari sebelumnya": the date stated just before, in the same sentence
    (or, for years and months, earlier in the paragraph); for "hari itu", "tahun yang sama"
    (strict forms, which only point back), earlier in the paragraph whatever the unit."""
    cand = kept[index]
    sentence = article.sentence_span(cand.start)
    paragraph = article.paragraph_span(cand.start)
    scope = sentence if unit in ("day", "week") and not cand.attrs.get("strict") else paragraph
    wanted = {"year": ("day", "month", "quarter", "half", "year"), "month": ("day", "month"), "week": ("day",), "day": ("day",)}[unit]
    for other in reversed(kept[:index]):
        if other.start < scope[0]:
            break
        a = other.attrs
        if a["kind"] == "date" and a["gran"] in wanted and a.get("value"):
            return a["value"]
    return None


def _sentence_year(kept: list[Candidate], index: int, article: Article) -> int | None:
    """The year of the last date stated before ``kept[index]`` in its sentence ("tahun 2018,
    ... sampai akhir tahun")."""
    sentence_start = article.sentence_span(kept[index].start)[0]
    for other in reversed(kept[:index]):
        if other.start < sentence_start:
            break
        a = other.attrs
        # a bare year may name an event ("Asian Games 2018"); "tahun 2018", "pada 2018" is a time
        if a["kind"] == "date" and a.get("value") and (a["gran"] != "year" or a.get("cued")):
            return int(a["value"][:4])
    return None


def _relative_value(
    cand: Candidate, index: int, kept: list[Candidate], article: Article, anchors: Anchors, ref: dt.date | None
) -> str | None:
    a = cand.attrs
    unit, offset = a["unit"], a["offset"]
    if a["anaphoric"]:
        base = _antecedent(kept, index, article, unit)
        if base is None:
            if unit in ("day", "week") or ref is None or a.get("strict"):
                return None
            base = ref.isoformat()
        if unit == "year":
            return f"{int(base[:4]) + offset:04d}"
        if unit == "month":
            y, m = _add_months(int(base[:4]), int(base[5:7]), offset)
            return f"{y:04d}-{m:02d}"
        day = dt.date.fromisoformat(base) + dt.timedelta(days=offset * (7 if unit == "week" else 1))
        return _iso_week(day) if unit == "week" else day.isoformat()
    if a.get("stated_year") and (year := _sentence_year(kept, index, article)) is not None:
        return f"{year:04d}"
    if ref is None:
        return None
    if unit == "year":
        return f"{ref.year + offset:04d}"
    if unit == "month":
        y, m = _add_months(ref.year, ref.month, offset)
        return f"{y:04d}-{m:02d}"
    base = anchors.today if a.get("gloss") else anchors.day_for(cand.start)
    if base is None:
        return None
    if a.get("last_night") and _night_just_named(kept, index, article, base):
        return base.isoformat()
    if unit == "week":
        return _iso_week(base + dt.timedelta(weeks=offset))
    return (base + dt.timedelta(days=offset)).isoformat()


_NIGHT_AFTER = regex.compile(rf"{_H}*{_cue('night_words')}(?!\p{{L}})")


def _night_just_named(kept: list[Candidate], index: int, article: Article, base: dt.date) -> bool:
    """Whether "semalam"/"tadi malam" names the night the text has just dated: "banjir sejak
    Selasa (9/9) malam. Hujan mengguyur semalam ..." is that Tuesday night, not Monday's."""
    cand = kept[index]
    previous_sentence = article.sentence_span(max(0, article.sentence_span(cand.start)[0] - 1))[0]
    for other in reversed(kept[:index]):
        if other.start < previous_sentence:
            return False
        if other.attrs.get("date") is not None:
            return other.attrs["date"] == base and _NIGHT_AFTER.match(article.text, other.end) is not None
    return False


def _weekday_value(a: dict[str, Any], ref: dt.date | None) -> str | None:
    if ref is None:
        return None
    wd = a["wd"]
    if a.get("week_offset") is not None:
        monday = ref - dt.timedelta(days=ref.isoweekday() - 1)
        return (monday + dt.timedelta(weeks=a["week_offset"], days=wd - 1)).isoformat()
    delta = (wd - ref.isoweekday()) % 7  # 0..6 days ahead
    if a.get("direction") == "past":
        delta = delta - 7 if delta else -7
    elif a.get("direction") == "future":
        delta = delta or 7
    elif delta and not a.get("ahead"):
        delta -= 7  # news reports what happened: a lone weekday is the last such day (or today)
    return (ref + dt.timedelta(days=delta)).isoformat()


def _merge_same_day(kept: list[Candidate], text: str) -> list[Candidate]:
    """Adjacent forms naming one day are one mention ("hari ini, Kamis (18/9)", "hari Jumat,
    hari ini"); the stated date gives the value."""
    merged: list[Candidate] = []
    for cand in kept:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.attrs["gran"] == "day" == cand.attrs["gran"]
            and prev.value is not None and cand.value is not None
            and (
                _ADJACENT_GAP.fullmatch(text, prev.end, cand.start)
                or ((prev.attrs.get("lebaran") or cand.attrs.get("lebaran")) and _ALSO_GAP.fullmatch(text, prev.end, cand.start))
            )
            and cand.start - prev.end <= 16
        ):
            # a Lebaran-relative day is deictic too: "H+4 atau pada Jumat (29/6)" is one day
            deictic = [c for c in (prev, cand) if c.attrs["kind"] != "date" or c.attrs.get("lebaran")]
            stated = [c for c in (prev, cand) if c.attrs["kind"] == "date" and not c.attrs.get("lebaran")]
            if deictic and (len(stated) == 1 or prev.value == cand.value or cand.attrs.get("gloss")):
                keep = stated[0] if stated else cand if cand.attrs.get("gloss") else prev
                end = cand.end
                if cand.attrs.get("gloss") and (close := _CLOSE_PAREN.match(text, end)):
                    end = close.end()  # "Besok (hari ini)" with its bracket
                merged[-1] = Candidate(prev.start, end, keep.value, keep.attrs, keep.recognizer, keep.priority)
                continue
        merged.append(cand)
    return merged


def assemble(candidates: list[Candidate], article: Article) -> list[DateItem]:
    kept = resolve_overlaps(candidates)
    text = article.text
    _carry_range_ends(kept, text)
    if article.published is None and article.dateline is None:
        article.dateline = _dateline(kept)
    ref = article_date(kept, article)  # a header line's date wins over a later crawl date
    previous: dict[str, Any] = {}
    previous_end = -1
    for cand in kept:
        a = cand.attrs
        if a["kind"] == "date":
            a["value"], a["relative"] = _stated_value(a, ref)
            if (
                a["gran"] == "day" and a.get("m") is None and a.get("y") is None and not a.get("coordinated")
                and previous.get("gran") == "month" and previous.get("value") and 0 <= cand.start - previous_end <= 40
                and article.sentence_span(cand.start)[0] <= previous_end
            ):
                # "akhir Oktober lalu, tepatnya tanggal 28": the day is in the month just named
                day = _date(int(previous["value"][:4]), int(previous["value"][5:7]), a["d"])
                a["value"] = day.isoformat() if day else a["value"]
            if a.get("coordinated") and previous.get("date"):
                # "tanggal 28-29": the second day is in the first one's month
                day = _date(previous["date"].year, previous["date"].month, a["d"])
                a["value"] = day.isoformat() if day else a["value"]
            if a["gran"] == "day" and a["value"]:
                a["date"] = dt.date.fromisoformat(a["value"])
        previous, previous_end = a, cand.end
    mark_citations(kept, text)
    anchors = Anchors(kept, article, _article_today(kept, text), ref)
    _mark_glosses(kept, text)
    for index, cand in enumerate(kept):
        a = cand.attrs
        if a["kind"] == "relative":
            a["value"], a["relative"] = _relative_value(cand, index, kept, article, anchors, ref), True
        elif a["kind"] == "weekday":
            a["value"], a["relative"] = _weekday_value(a, ref), True
        cand.value = a["value"]
    items = []
    for cand in _merge_same_day(kept, text):
        if cand.value is None and cand.attrs["kind"] == "date" and ref is not None:
            continue  # a stated date that does not exist is dropped; one without a year stays unresolved
        if cand.value is None and cand.attrs.get("strict"):
            continue  # "hari itu" with no day named before it points at nothing
        items.append(
            DateItem(
                text=text[cand.start : cand.end],
                value=cand.value,
                granularity=cand.attrs["gran"] if cand.value is not None else None,
                relative=bool(cand.attrs.get("relative")),
                **provenance(article, cand.start, cand.end),
            )
        )
    return items


