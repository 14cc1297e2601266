"""Percentages: a number given as a percent (%, persen)."""

from __future__ import annotations

import regex

from extractor.article import Article
from extractor.numbers import NUMBER, parse_number
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import PercentageItem


def assemble(candidates: list[Candidate], article: Article) -> list[PercentageItem]:
    return [
        PercentageItem(text=article.text[c.start : c.end], value=c.value, **provenance(article, c.start, c.end))
        for c in resolve_overlaps(candidates)
    ]


register_field("percentages", "PERCENT", assemble)


@register_recognizer
class DigitPercentRecognizer(Recognizer):
    field = "percentages"
    name = "digit_percent"
    pattern = regex.compile(rf"(?<![\d.,])({NUMBER})\s*(?:%|persen\b)")

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            yield Candidate(m.start(), m.end(), parse_number(m.group(1)))
