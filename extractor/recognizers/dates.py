"""Dates: every calendar reference, normalised to ISO at its own granularity (first pass)."""

from __future__ import annotations

import datetime as dt

import regex

from extractor import lexicon
from extractor.article import Article
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import DateItem


def assemble(candidates: list[Candidate], article: Article) -> list[DateItem]:
    return [
        DateItem(
            text=article.text[c.start : c.end],
            value=c.value,
            granularity=c.attrs.get("granularity"),
            relative=c.attrs.get("relative", False),
            **provenance(article, c.start, c.end),
        )
        for c in resolve_overlaps(candidates)
    ]


register_field("dates", "DATE", assemble)

_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"


def _months() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in lexicon.table("months").items()}


@register_recognizer
class NumericDateRecognizer(Recognizer):
    field = "dates"
    name = "numeric_date"
    pattern = regex.compile(rf"(?:{_WEEKDAY},?\s*)?\((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{2,4}}))?\)|\b(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})\b")

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            ref = article.reference_date
            if year is None:
                if ref is None:
                    continue
                y = ref.year
            else:
                y = int(year) + (2000 if len(year) == 2 else 0)
            try:
                value = dt.date(y, int(month), int(day)).isoformat()
            except ValueError:
                continue
            yield Candidate(m.start(), m.end(), value, {"granularity": "day", "relative": year is None})


@register_recognizer
class NamedMonthDateRecognizer(Recognizer):
    field = "dates"
    name = "named_month_date"

    def __init__(self):
        self.months = _months()
        month = lexicon.alternation(tuple(lexicon.table("months")))
        self.pattern = regex.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:(\d{{1,2}})\s+)?({month})\.?\s+(\d{{4}})\b", regex.IGNORECASE
        )

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            month = self.months[m.group(2).lower()]
            year = int(m.group(3))
            if m.group(1):
                try:
                    value, gran = dt.date(year, month, int(m.group(1))).isoformat(), "day"
                except ValueError:
                    continue
            else:
                value, gran = f"{year:04d}-{month:02d}", "month"
            yield Candidate(m.start(), m.end(), value, {"granularity": gran})


@register_recognizer
class YearRecognizer(Recognizer):
    field = "dates"
    name = "year"
    pattern = regex.compile(r"\b(?:(?:tahun|pada|sejak|hingga)\s+)?((?:19|20)\d{2})\b(?![.,]\d)", regex.IGNORECASE)

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            yield Candidate(m.start(), m.end(), m.group(1), {"granularity": "year"}, priority=-1)
