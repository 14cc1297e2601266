"""Population counts: a number of people with a people noun."""

from __future__ import annotations

import regex

from extractor import lexicon
from extractor.article import Article
from extractor.numbers import NUMBER, parse_number, scale
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import PopulationCountItem


def assemble(candidates: list[Candidate], article: Article) -> list[PopulationCountItem]:
    return [
        PopulationCountItem(
            text=article.text[c.start : c.end], value=c.value, unit=c.attrs["unit"], **provenance(article, c.start, c.end)
        )
        for c in resolve_overlaps(candidates)
    ]


register_field("population_counts", "POPULATION", assemble)


@register_recognizer
class DigitCountRecognizer(Recognizer):
    field = "population_counts"
    name = "digit_count"

    def __init__(self):
        nouns = lexicon.alternation(lexicon.words("people_nouns"))
        scales = lexicon.alternation(tuple(lexicon.table("number_scales")))
        self.pattern = regex.compile(rf"(?<![\d.,])({NUMBER})(?:\s+({scales}))?\s+({nouns})\b", regex.IGNORECASE)

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            value = parse_number(m.group(1)) * (scale(m.group(2)) if m.group(2) else 1)
            yield Candidate(m.start(), m.end(), int(round(value)), {"unit": m.group(3).lower()})
