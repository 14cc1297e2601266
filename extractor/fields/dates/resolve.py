"""Dates: from the recognizers' findings to the records (``assemble``), on the whole article.

1. overlaps are resolved (the longest mention wins: "Agustus 2024" over "2024");
2. a range's open end borrows the year (and month) of the other end ("15-16 Juli 2025",
   "awal September hingga 13 Oktober 2025");
3. without a published date, the text's own stated date (its first full weekday date) becomes
   the reference date (``Article.stated_date``); a header line dated shortly before the
   reference date dates the text instead (anchors.py);
4. values are computed: a missing year comes from the reference date; relative words count
   from a *local anchor* -- a weekday date stated in the same sentence, or the nearest one
   before it, when it lies within a few days of the reference date ("..., ujar X, Jumat
   (16/2/2024)" dates the "hari ini" of that quote) -- and otherwise from the article's today
   (the day the text calls "hari ini, Senin (20/10/2025)", else the reference date); a bracketed
   gloss ("Besok (hari ini)") is read in the article's today and merges with the word before;
   "tahun/bulan sebelumnya" count from the date just mentioned;
5. adjacent forms that name the same day merge into one mention ("Kamis (24/7) kemarin").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from extractor.article import Article
from extractor.fields.base import provenance, resolve_overlaps
from extractor.fields.dates.anchors import Anchors, mark_citations, reference_date
from extractor.fields.dates.calendar import add_months, calendar_date, iso_week, nearest_day
from extractor.fields.dates.candidate import DateCandidate
from extractor.fields.dates.patterns import (
    ADJACENT_GAP,
    ALSO_GAP,
    CLOSE_PAREN,
    GLOSS_GAP,
    MONTH_LIST_GAP,
    NIGHT_AFTER,
    RANGE_GAP,
    YEAR_OF_LIST_GAP,
)
from schemas import DateItem


def _carry_range_ends(kept: list[DateCandidate], text: str) -> None:
    """The open first end of a range takes the year (and month) the other end states; months
    listed take the year stated after the list ("September, Oktober, November di 2020")."""
    for left, right in reversed(list(zip(kept, kept[1:]))):  # right to left: along a list
        if left.kind != "date" or right.kind != "date" or left.year is not None or right.year is None:
            continue
        months = left.gran == "month" and right.gran in ("month", "year")
        if not (
            RANGE_GAP.fullmatch(text, left.end, right.start)
            or (months and right.gran == "month" and MONTH_LIST_GAP.fullmatch(text, left.end, right.start))
            or (months and right.gran == "year" and YEAR_OF_LIST_GAP.fullmatch(text, left.end, right.start))
        ):
            continue
        left.year = right.year
        if left.gran == "day" and left.month is None:
            left.month = right.month
        left.carried = True


def _stated_date(kept: list[DateCandidate]) -> dt.date | None:
    """The text's own date: its first full weekday date (a header line or the lead's)."""
    for cand in kept:
        if cand.kind == "date" and cand.gran == "day" and cand.with_weekday and cand.year and cand.month:
            return calendar_date(cand.year, cand.month, cand.day)
    return None


def _stated_value(cand: DateCandidate, ref: dt.date | None) -> tuple[str | None, bool]:
    """Value of a stated date (parts from the text, a missing year from ``ref``) and whether
    it needed ``ref``."""
    y, gran = cand.year, cand.gran
    implied = y is None and not cand.carried
    if gran == "day":
        if cand.month is None or y is None:
            if ref is None:
                return None, True
            day = nearest_day(ref, cand.month, cand.day) if y is None else calendar_date(y, ref.month, cand.day)
            return (day.isoformat() if day else None), True
        day = calendar_date(y, cand.month, cand.day)
        return (day.isoformat() if day else None), implied
    if y is None:
        if ref is None:
            return None, True
        y = ref.year + cand.year_offset
        if gran == "month" and cand.direction == "past" and cand.month > ref.month:
            y -= 1
        elif gran == "month" and cand.direction == "future" and cand.month < ref.month:
            y += 1
        implied = True
    elif gran == "month":
        y += cand.year_offset
    if gran == "month":
        return f"{y:04d}-{cand.month:02d}", implied
    if gran == "quarter":
        return f"{y:04d}-Q{cand.period}", implied
    if gran == "half":
        return f"{y:04d}-H{cand.period}", implied
    return f"{y:04d}", implied


def _resolve_stated(kept: list[DateCandidate], article: Article, ref: dt.date | None) -> None:
    """Values of the stated dates; a day without a month takes the month just named
    ("akhir Oktober lalu, tepatnya tanggal 28") or the first day's ("tanggal 28-29")."""
    previous: DateCandidate | None = None
    previous_end = -1
    for cand in kept:
        if cand.kind == "date":
            cand.value, cand.relative = _stated_value(cand, ref)
            if (
                cand.gran == "day" and cand.month is None and cand.year is None and not cand.coordinated
                and previous is not None and previous.gran == "month" and previous.value
                and 0 <= cand.start - previous_end <= 40
                and article.sentence_span(cand.start)[0] <= previous_end
            ):
                day = calendar_date(int(previous.value[:4]), int(previous.value[5:7]), cand.day)
                cand.value = day.isoformat() if day else cand.value
            if cand.coordinated and previous is not None and previous.date:
                day = calendar_date(previous.date.year, previous.date.month, cand.day)
                cand.value = day.isoformat() if day else cand.value
            if cand.gran == "day" and cand.value:
                cand.date = dt.date.fromisoformat(cand.value)
        previous, previous_end = cand, cand.end


def _article_today(kept: list[DateCandidate], text: str) -> dt.date | None:
    """The day the text itself calls today: "hari ini, Senin (20/10/2025)" (first such pair)."""
    for left, right in zip(kept, kept[1:]):
        pair = (left, right)
        deictic = [c for c in pair if c.kind == "relative" and c.gran == "day" and c.offset == 0 and not c.anaphoric]
        stated = [c for c in pair if c.kind == "date" and c.with_weekday and c.date]
        if deictic and stated and ADJACENT_GAP.fullmatch(text, left.end, right.start) and right.start - left.end <= 16:
            return stated[0].date
    return None


def _mark_glosses(kept: list[DateCandidate], text: str) -> None:
    """A relative word in brackets right after another one is the writer's gloss, in the
    article's own time: "Besok (hari ini) ..." quoted from yesterday names today."""
    for left, right in zip(kept, kept[1:]):
        if (
            left.kind in ("relative", "weekday") and right.kind == "relative"
            and left.gran == "day" == right.gran
            and GLOSS_GAP.fullmatch(text, left.end, right.start)
        ):
            right.gloss = True


def _antecedent(kept: list[DateCandidate], index: int, article: Article, unit: str) -> str | None:
    """For "tahun/bulan/hari sebelumnya": the value of the date stated just before, in the same
    sentence (or, for years and months, earlier in the paragraph); for "hari itu", "tahun yang
    sama" (strict forms, which only point back), earlier in the paragraph whatever the unit."""
    cand = kept[index]
    sentence = article.sentence_span(cand.start)
    paragraph = article.paragraph_span(cand.start)
    scope = sentence if unit in ("day", "week") and not cand.strict else paragraph
    wanted = {"year": ("day", "month", "quarter", "half", "year"), "month": ("day", "month"), "week": ("day",), "day": ("day",)}[unit]
    for other in reversed(kept[:index]):
        if other.start < scope[0]:
            break
        if other.kind == "date" and other.gran in wanted and other.value:
            return other.value
    return None


def _sentence_year(kept: list[DateCandidate], index: int, article: Article) -> int | None:
    """The year of the last date stated before ``kept[index]`` in its sentence ("tahun 2018,
    ... sampai akhir tahun")."""
    sentence_start = article.sentence_span(kept[index].start)[0]
    for other in reversed(kept[:index]):
        if other.start < sentence_start:
            break
        # a bare year may name an event ("Asian Games 2018"); "tahun 2018", "pada 2018" is a time
        if other.kind == "date" and other.value and (other.gran != "year" or other.year_cued):
            return int(other.value[:4])
    return None


def _anaphoric_value(kept: list[DateCandidate], index: int, article: Article, ref: dt.date | None) -> str | None:
    """"tahun sebelumnya", "hari itu": counted from the date stated just before."""
    cand = kept[index]
    unit, offset = cand.gran, cand.offset
    base = _antecedent(kept, index, article, unit)
    if base is None:
        if unit in ("day", "week") or ref is None or cand.strict:
            return None
        base = ref.isoformat()
    if unit == "year":
        return f"{int(base[:4]) + offset:04d}"
    if unit == "month":
        y, m = add_months(int(base[:4]), int(base[5:7]), offset)
        return f"{y:04d}-{m:02d}"
    day = dt.date.fromisoformat(base) + dt.timedelta(days=offset * (7 if unit == "week" else 1))
    return iso_week(day) if unit == "week" else day.isoformat()


def _relative_value(
    index: int, kept: list[DateCandidate], article: Article, anchors: Anchors, ref: dt.date | None
) -> str | None:
    cand = kept[index]
    unit, offset = cand.gran, cand.offset
    if cand.anaphoric:
        return _anaphoric_value(kept, index, article, ref)
    if cand.stated_year and (year := _sentence_year(kept, index, article)) is not None:
        return f"{year:04d}"
    if ref is None:
        return None
    if unit == "year":
        return f"{ref.year + offset:04d}"
    if unit == "month":
        y, m = add_months(ref.year, ref.month, offset)
        return f"{y:04d}-{m:02d}"
    base = anchors.today if cand.gloss else anchors.day_for(cand.start)
    if base is None:
        return None
    if cand.last_night and _night_just_named(kept, index, article, base):
        return base.isoformat()
    if unit == "week":
        return iso_week(base + dt.timedelta(weeks=offset))
    return (base + dt.timedelta(days=offset)).isoformat()


def _night_just_named(kept: list[DateCandidate], index: int, article: Article, base: dt.date) -> bool:
    """Whether "semalam"/"tadi malam" names the night the text has just dated: "banjir sejak
    Selasa (9/9) malam. Hujan mengguyur semalam ..." is that Tuesday night, not Monday's."""
    cand = kept[index]
    previous_sentence = article.sentence_span(max(0, article.sentence_span(cand.start)[0] - 1))[0]
    for other in reversed(kept[:index]):
        if other.start < previous_sentence:
            return False
        if other.date is not None:
            return other.date == base and NIGHT_AFTER.match(article.text, other.end) is not None
    return False


def weekday_value(cand: DateCandidate, ref: dt.date | None) -> str | None:
    """The day a weekday named alone names: the last such day (or today), the coming one when
    said ahead, else as its direction or its week says."""
    if ref is None:
        return None
    wd = cand.weekday
    if cand.week_offset is not None:
        monday = ref - dt.timedelta(days=ref.isoweekday() - 1)
        return (monday + dt.timedelta(weeks=cand.week_offset, days=wd - 1)).isoformat()
    delta = (wd - ref.isoweekday()) % 7  # 0..6 days ahead
    if cand.direction == "past":
        delta = delta - 7 if delta else -7
    elif cand.direction == "future":
        delta = delta or 7
    elif delta and not cand.ahead:
        delta -= 7  # news reports what happened: a lone weekday is the last such day (or today)
    return (ref + dt.timedelta(days=delta)).isoformat()


def _resolve_counted(kept: list[DateCandidate], article: Article, ref: dt.date | None) -> None:
    """Values of the relative words and the weekdays named alone (the stated dates resolved)."""
    text = article.text
    mark_citations(kept, text)
    anchors = Anchors(kept, article, _article_today(kept, text), ref)
    _mark_glosses(kept, text)
    for index, cand in enumerate(kept):
        if cand.kind == "relative":
            cand.value, cand.relative = _relative_value(index, kept, article, anchors, ref), True
        elif cand.kind == "weekday":
            cand.value, cand.relative = weekday_value(cand, ref), True


def _merge_same_day(kept: list[DateCandidate], text: str) -> list[DateCandidate]:
    """Adjacent forms naming one day are one mention ("hari ini, Kamis (18/9)", "hari Jumat,
    hari ini"); the stated date gives the value."""
    merged: list[DateCandidate] = []
    for cand in kept:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.gran == "day" == cand.gran
            and prev.value is not None and cand.value is not None
            and (
                ADJACENT_GAP.fullmatch(text, prev.end, cand.start)
                or ((prev.lebaran or cand.lebaran) and ALSO_GAP.fullmatch(text, prev.end, cand.start))
            )
            and cand.start - prev.end <= 16
        ):
            # a Lebaran-relative day is deictic too: "H+4 atau pada Jumat (29/6)" is one day
            deictic = [c for c in (prev, cand) if c.kind != "date" or c.lebaran]
            stated = [c for c in (prev, cand) if c.kind == "date" and not c.lebaran]
            if deictic and (len(stated) == 1 or prev.value == cand.value or cand.gloss):
                keep = stated[0] if stated else cand if cand.gloss else prev
                end = cand.end
                if cand.gloss and (close := CLOSE_PAREN.match(text, end)):
                    end = close.end()  # "Besok (hari ini)" with its bracket
                merged[-1] = dataclasses.replace(keep, start=prev.start, end=end)
                continue
        merged.append(cand)
    return merged


def assemble(candidates: list[DateCandidate], article: Article) -> list[DateItem]:
    kept = resolve_overlaps(candidates)
    text = article.text
    _carry_range_ends(kept, text)
    if article.published is None and article.stated_date is None:
        article.stated_date = _stated_date(kept)
    ref = reference_date(kept, article)  # a header line's date wins over a later crawl date
    _resolve_stated(kept, article, ref)
    _resolve_counted(kept, article, ref)
    items = []
    for cand in _merge_same_day(kept, text):
        if cand.value is None and cand.kind == "date" and ref is not None:
            continue  # a stated date that does not exist is dropped; one without a year stays unresolved
        if cand.value is None and cand.strict:
            continue  # "hari itu" with no day named before it points at nothing
        items.append(
            DateItem(
                text=text[cand.start : cand.end],
                value=cand.value,
                granularity=cand.gran if cand.value is not None else None,
                relative=cand.relative,
                **provenance(article, cand.start, cand.end),
            )
        )
    return items
