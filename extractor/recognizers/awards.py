"""Awards: named recognitions (first pass: the name after penghargaan/predikat/anugerah)."""

from __future__ import annotations

import regex

from extractor.article import Article
from extractor.recognizers.base import Candidate, Recognizer, register_field, register_recognizer
from schemas import Award, Mention


def assemble(candidates: list[Candidate], article: Article) -> list[Award]:
    awards: dict[str, Award] = {}
    for c in sorted(candidates, key=lambda c: c.start):
        key = c.value.lower()
        award = awards.setdefault(key, Award(name=c.value))
        award.mentions.append(Mention(text=article.text[c.start : c.end], start=c.start, end=c.end, sentence=article.sentence_index(c.start)))
    return list(awards.values())


register_field("awards", "AWARD", assemble)


@register_recognizer
class CueNameRecognizer(Recognizer):
    field = "awards"
    name = "cue_name"
    pattern = regex.compile(r"\b(?:penghargaan|predikat|anugerah)\s+((?:\p{Lu}[\p{L}&]*|&)(?:\s+(?:\p{Lu}[\p{L}&]*|&|\(\p{Lu}+\)))*)")

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            yield Candidate(m.start(1), m.end(1), m.group(1))
