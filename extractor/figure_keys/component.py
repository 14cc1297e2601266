"""The ``id_figure_keys`` component: what each percentage and count measures (guidelines v1.2).

For every item of the fields whose items carry the figure keys (``schemas.figure_fields()``:
``doc._.records["percentages"]`` and ``["population_counts"]``) it sets
``subject``, ``period`` and ``place`` from the sentence that gives the figure, and writes the
items back (pydantic ``model_copy``). It reads, from the Doc only:

- ``doc._.article``: the sentences (the figure's sentence, cut again at sentence ends inside
  quotations) and the text the rules read;
- ``doc._.records["percentages"]``, ``["population_counts"]``: the figures (offsets, unit);
- ``doc._.records["dates"]``: the date items and their ISO values (a period is one of them, or
  the month or year a range of two shares); without a dates component, periods stay null;
- ``doc._.records["officials"]``: name and position mentions (never a place; an official
  named with a measure is the member: "skor kepuasan Menteri X"); optional.

So it runs after ``id_dates``, ``id_percentages``, ``id_population_counts`` and ``id_officials``
(declared in ``extractor.figure_keys``: ``reads``). The rules: ``subject`` and ``phrases`` (subject), ``period``,
``place``, ``words`` (the words and their classes, from ``lang/id/figure_keys/*.txt``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from spacy.tokens import Doc

from extractor import guards
from extractor.article import Article
from extractor.figure_keys import DATES, OFFICIALS
from extractor.figure_keys.period import find_period
from extractor.figure_keys.place import find_place
from extractor.figure_keys.subject import Spot, Subject, find_subject, restates
from extractor.figure_keys.words import Sentence, inner_sentences, mark, quotations, tokenize
from schemas import figure_fields


def _ranges(items: list[Any]) -> list[tuple[int, int]]:
    return [(item.start, item.end) for item in items if item.start is not None]


def _official_ranges(officials: list[Any]) -> list[tuple[int, int]]:
    ranges = []
    for official in officials:
        for mention in [*getattr(official, "mentions", ()), *getattr(official, "position_mentions", ())]:
            if mention.start is not None:
                ranges.append((mention.start, mention.end))
    return ranges


# a scope longer than this (a run-on "sentence": a table, a page without punctuation) is read
# only in a window around the figure, so that each figure costs a bounded amount of work
MAX_SCOPE = 2000
WINDOW = 700


class Scopes:
    """The part of the article's sentence that speaks about a figure: the quotation holding
    it, if any, cut again at sentence ends inside. Computed once per sentence and quotation."""

    def __init__(self, article: Article):
        self.article = article
        self._quotes: dict[int, list[tuple[int, int]]] = {}
        self._cuts: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def of(self, start: int, end: int) -> tuple[int, int]:
        article = self.article
        index = article.sentence_index(start)
        s_start, s_end = article.sentences[index] if article.sentences else (0, len(article.text))
        if index not in self._quotes:
            self._quotes[index] = quotations(article.text, s_start, s_end)
        region = next(((a, b) for a, b in self._quotes[index] if a <= start < b), (s_start, s_end))
        if region not in self._cuts:
            self._cuts[region] = inner_sentences(article.text, *region)
        low, high = next(((a, b) for a, b in self._cuts[region] if a <= start < b), region)
        if high - low > MAX_SCOPE:
            low, high = _word_edge(article.text, max(low, start - WINDOW), -1), _word_edge(article.text, min(high, end + WINDOW), 1)
        return low, high


def _word_edge(text: str, at: int, step: int) -> int:
    """``at`` moved to the nearest white space (at most 40 characters), so no word is cut."""
    for _ in range(40):
        if at <= 0 or at >= len(text) or text[at].isspace():
            break
        at += step
    return max(0, min(at, len(text)))


class FigureLinker:
    """Sets the v1.2 keys of the figures of one article (see the module docstring)."""

    def __init__(self, article: Article, records: dict[str, list[Any]]):
        self.article = article
        self.records = records
        dates = [d for d in records.get(DATES, []) if d.start is not None]
        dates.sort(key=lambda d: d.start)
        self.date_ranges = _ranges(dates)
        self.date_values = [d.value for d in dates]
        self.official_ranges = sorted(_official_ranges(records.get(OFFICIALS, [])))
        # every figure of the article: (start, end, field, index in its field's list)
        self.figures = sorted(
            (item.start, item.end, field, index)
            for field in figure_fields()
            for index, item in enumerate(records.get(field, []))
            if item.start is not None
        )

    def sentence(self, start: int, end: int) -> Sentence:
        sentence = tokenize(self.article.text, start, end)
        mark(sentence, self.date_ranges, "date")
        mark(sentence, [(a, b) for a, b, _, _ in self.figures], "figure")
        mark(sentence, self.official_ranges, "official", [True] * len(self.official_ranges))
        return sentence

    def keys(self) -> dict[tuple[str, int], dict[str, str | None]]:
        """{(field, index): {"subject": ..., "period": ..., "place": ...}} for every figure."""
        by_scope: dict[tuple[int, int], list[tuple[int, int, str, int]]] = defaultdict(list)
        scopes = Scopes(self.article)
        for figure in self.figures:
            guards.check()
            by_scope[scopes.of(figure[0], figure[1])].append(figure)
        found: dict[tuple[str, int], dict[str, str | None]] = {}
        for (start, end), figures in by_scope.items():
            sentence = self.sentence(start, end)
            previous: list[tuple[Spot, Subject]] = []
            last_period: str | None = None
            for f_start, f_end, field, index in figures:
                guards.check()
                item = self.records[field][index]
                first, last = sentence.span_words(f_start, f_end)
                spot = Spot(field, first, max(last, first + 1), getattr(item, "unit", None))
                subject = find_subject(sentence, spot, previous)
                period = find_period(sentence, spot, self.date_values)
                if period is None and previous and restates(sentence, previous[-1][0], spot):
                    period = last_period  # "... 2,5 persen sejak Rabu (25/9/2024), atau 1.250 jiwa"
                previous.append((spot, subject))
                last_period = period
                found[(field, index)] = {"subject": subject.text(), "period": period, "place": find_place(sentence, spot, subject)}
        return found


def link_figures(article: Article, records: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The percentages and population counts of ``records`` with their keys set."""
    keys = FigureLinker(article, records).keys()
    return {
        field: [item.model_copy(update=keys.get((field, index), {})) for index, item in enumerate(records.get(field, []))]
        for field in figure_fields()
        if field in records
    }


class FigureKeysComponent:
    """spaCy component ``id_figure_keys``: fills subject, period and place on the figures the
    field components put in ``doc._.records`` (see the module docstring for what it reads)."""

    def __init__(self, name: str):
        self.name = name
        self.strict = os.environ.get("EXTRACTOR_STRICT") == "1"

    def __call__(self, doc: Doc) -> Doc:
        records = doc._.records
        article = doc._.article
        if not records or article is None or not any(records.get(field) for field in figure_fields()):
            return doc
        ran, linked = guards.run_stage(
            article.warnings, len(article.text), "figure keys", "subject, period and place left empty", self.strict,
            link_figures, article, records,
        )
        if ran:
            records.update(linked)
        return doc
