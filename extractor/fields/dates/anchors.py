"""Dates: the days that relative words count from (used by the resolver, resolve.py).

A relative word ("kemarin", "besok", "hari ini") counts from the day of its own statement:

- the reference date (``Article.reference_date``: published, else the text's stated date),
  unless the text opens with a header line that dates it ("Kendari, 20 September 2021",
  "Senin, 13 November 2021 ...", written up to some weeks before a later crawl date): the
  header's date wins (``reference_date``);
- a weekday date the text states for the statement (``Anchors``), where a date that only says
  when a source was quoted ("dilansir detikJatim, Selasa (13/2/2024)") dates the quote it closes
  and nothing after it.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.fields.dates.candidate import DateCandidate

_H = r"[ \t]"

# quoted speech: "..." or “...” (a straight quote pairs with the next one in its paragraph);
# a tweet or a caption is often quoted in single quotes: ‘...’, or '...' opening on a capital
# (an apostrophe inside a word, "Jum'at", opens none)
_QUOTE = regex.compile(
    r'“[^”\r\n]*”|"[^"\r\n]*"|‘[^’\r\n]*’'
    r"|(?<![\p{L}\d])'(?=\p{Lu})[^'\r\n]{1,400}'(?![\p{L}\d])"
)
# what may stand between a dated lead-in and the quote it opens: "tulisnya, Jumat (25/8): '..."
_LEAD_GAP = regex.compile(r"[ \t]*[.:,]?[ \t\r\n]*\Z")
# the lead-in is a statement: a verb of saying or writing before its date
_STATEMENT_VERB = regex.compile(
    rf"(?<!\p{{L}})(?:{scan.trie_alternation(lexicon.words('dates/statement_verbs'))})(?!\p{{L}})", regex.IGNORECASE
)

# "dilansir detikJatim, Selasa (13/2/2024)", "seperti dikutip dari Antara, Sabtu (6/5)": the day
# a source was quoted, written right before the date
_CITED = regex.compile(
    rf"(?<!\p{{L}})(?:{scan.trie_alternation(lexicon.words('dates/citation_verbs'))})"
    rf"(?:{_H}*(?:dari|oleh))?{_H}*[\p{{L}}\d.&'’-]+(?:{_H}+[\p{{L}}\d.&'’-]+){{0,3}}{_H}*,?{_H}*\Z",
    regex.IGNORECASE,
)

# a header line: the date alone on the text's first line, after a place name at most
# ("Kendari, 20 September 2021"), or a weekday date opening the text ("Senin, 13 November 2021 ...")
_HEADER_PLACE = regex.compile(r"[ \t]*(?:\p{Lu}[\p{L}.'-]*(?:[ \t]+\p{Lu}[\p{L}.'-]*){0,3}[ \t]*,[ \t]*)?")
HEADER_MAX_DAYS = 45  # a header this many days before the crawl date still dates the text


def header_date(kept: list[DateCandidate], text: str) -> dt.date | None:
    """The date a header line gives the article, if its text opens with one."""
    first_line_start = len(text) - len(text.lstrip())
    line_end = text.find("\n", first_line_start)
    line_end = len(text) if line_end == -1 else line_end
    for cand in kept:
        if cand.start >= line_end:
            return None
        if cand.kind != "date" or cand.gran != "day" or cand.year is None or cand.month is None:
            return None
        if not _HEADER_PLACE.fullmatch(text, first_line_start, cand.start):
            return None
        if text[cand.end : line_end].strip(" \t\r.,") and not cand.with_weekday:
            return None
        try:
            return dt.date(cand.year, cand.month, cand.day)
        except ValueError:
            return None
    return None


def reference_date(kept: list[DateCandidate], article: Article) -> dt.date | None:
    """The reference date the resolver counts from: the article's (``Article.reference_date``),
    unless the text opens with a header date written shortly before it, which then dates the
    text (a crawl date may come weeks after the writing)."""
    ref = article.reference_date
    header = header_date(kept, article.text)
    if header is not None and ref is not None and 0 < (ref - header).days <= HEADER_MAX_DAYS:
        return header
    return ref


def mark_citations(kept: list[DateCandidate], text: str) -> None:
    """Flag the weekday dates that only say when a source was quoted."""
    for cand in kept:
        if cand.with_weekday and cited_before(text, cand.start):
            cand.citation = True


def cited_before(text: str, start: int) -> bool:
    """Whether the text right before ``start`` says a source was quoted ("dilansir
    detikJatim, ", "seperti dikutip dari Antara, ")."""
    return _CITED.search(text, max(0, start - 60), start) is not None


class Anchors:
    """Weekday dates the text states, for relative words said on that day.

    A relative word counts from the weekday date of its own statement: one in the same
    sentence; for a word inside a quote, one in the attribution that closes the quote
    (""... besok ...," kata X, Selasa (23/1)") or in the lead-in that opens it ("..., tulisnya
    pada Jumat (25/8). 'Sampai jumpa besok'"); else the last one stated before it (the
    narrative and its quotes go on from that day) unless the text has since moved on to a
    later day ("hilang Rabu (10/5) ... melapor kemarin (11/5) ... kata Y, kemarin malam" no
    longer counts from Rabu). Otherwise it counts from the article's today: the day the text
    calls "hari ini, Senin (20/10/2025)", else the article's date. A date that says when a
    source was quoted dates only the quote it closes: the narrative does not go on from it.
    """

    WINDOW = 2  # days an anchor may lie from the article's date: further, it dates another event
    # an attribution dates its quote however far back (a statement of June quoted in October),
    # but not after the article's date: that is a slip ("ujar X, Kamis (6/7/2018)" in 2017)
    SAID_AFTER = 1

    def __init__(self, kept: list[DateCandidate], article: Article, today: dt.date | None, ref: dt.date | None):
        self.article = article
        text = article.text
        self.points = [
            (c.start, c.date)
            for c in kept
            if c.with_weekday and c.date is not None and not c.citation
            and (ref is None or abs((c.date - ref).days) <= self.WINDOW)
        ]
        self.starts = [p for p, _ in self.points]
        # a quote's attribution dates the words quoted, however far from the reference date
        # (""... kemarin ...," kata X, Senin (15/9/2025)" in an article of the 20th)
        said = [
            c for c in kept
            if c.with_weekday and c.date is not None
            and (ref is None or (c.date - ref).days <= self.SAID_AFTER)
        ]
        self.said = [(c.start, c.date) for c in said]
        self.said_starts = [p for p, _ in self.said]
        self.said_ends = {c.start: c.end for c in said}
        # every stated day, to see whether the narrative has moved past an anchor
        self.days = [(c.start, c.date) for c in kept if c.date is not None and not c.citation]
        self.day_starts = [p for p, _ in self.days]
        self.latest = ref or dt.date.max
        if today is None or (ref is not None and abs((today - ref).days) > self.WINDOW):
            today = ref
        self.today = today
        self.quotes = [m.span() for m in _QUOTE.finditer(text, timeout=guards.remaining())] if self.said else []

    def _in_range(self, lo: int, hi: int, offset: int, *, said: bool = False) -> dt.date | None:
        points, starts = (self.said, self.said_starts) if said else (self.points, self.starts)
        at, stop = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        if at == stop:
            return None
        return min(points[at:stop], key=lambda p: abs(p[0] - offset))[1]

    def _moved_on(self, anchor_start: int, anchor: dt.date, offset: int) -> bool:
        """Whether a later day up to the reference date is stated between the anchor and
        ``offset`` (a coming date, "laga 15 April nanti", does not move the narrative)."""
        at = bisect.bisect_right(self.day_starts, anchor_start)
        stop = bisect.bisect_left(self.day_starts, offset)
        return any(anchor < day <= self.latest for _, day in self.days[at:stop])

    def _quote_day(self, offset: int) -> dt.date | None:
        """For a word inside a quote: the date of the attribution that closes the quote, or of
        the lead-in that ends right where the quote opens."""
        text = self.article.text
        at = bisect.bisect_right(self.quotes, (offset, len(text))) - 1
        if at < 0 or not self.quotes[at][0] < offset < self.quotes[at][1]:
            return None
        opening, close = self.quotes[at]
        attribution_end = self.article.sentence_span(close)[1] if close < len(text) else close
        if (day := self._in_range(close, attribution_end, offset, said=True)) is not None:
            return day
        # the last date stated before the quote opens, if nothing but punctuation lies between
        # and its sentence is a statement ("..., tulisnya pada Jumat (25/8). '...")
        lead = bisect.bisect_left(self.said_starts, opening) - 1
        if lead >= 0:
            start, day = self.said[lead]
            if _LEAD_GAP.match(text, self.said_ends[start], opening) and _STATEMENT_VERB.search(
                text, self.article.sentence_span(start)[0], start
            ):
                return day
        return None

    def day_for(self, offset: int) -> dt.date | None:
        """The anchor of the statement holding ``offset``, else the article's today."""
        if not self.said:
            return self.today
        s_start, s_end = self.article.sentence_span(offset)
        if (day := self._in_range(s_start, s_end, offset)) is not None:
            return day
        if (day := self._quote_day(offset)) is not None:
            return day
        # the narrative goes on from the day dated before, until it moves on to a later one
        at = bisect.bisect_left(self.starts, offset)
        if at > 0 and not self._moved_on(*self.points[at - 1], offset):
            return self.points[at - 1][1]
        return self.today
