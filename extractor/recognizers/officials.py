"""Officials: a person with the positions the article gives them (first pass: title + name)."""

from __future__ import annotations

import regex

from extractor import lexicon
from extractor.article import Article
from extractor.recognizers.base import Candidate, Recognizer, register_field, register_recognizer
from schemas import Mention, Official


def _key(name: str) -> list[str]:
    return regex.sub(r"[^\p{L}\s]", "", name).lower().split()


def assemble(candidates: list[Candidate], article: Article) -> list[Official]:
    people: list[dict] = []
    for c in sorted(candidates, key=lambda c: c.start):
        tokens = _key(c.value)
        for person in people:
            known = _key(person["name"])
            if tokens and (tokens[-1] in known or known[-1] in tokens):
                break
        else:
            person = {"name": c.value, "positions": [], "mentions": []}
            people.append(person)
        if len(c.value) > len(person["name"]):
            person["name"] = c.value
        if c.attrs["position"] not in person["positions"]:
            person["positions"].append(c.attrs["position"])
        s, e = c.attrs["name_span"]
        person["mentions"].append(Mention(text=article.text[s:e], start=s, end=e, sentence=article.sentence_index(s)))
    return [Official(**p) for p in people]


register_field("officials", "OFFICIAL", assemble)


@register_recognizer
class TitleNameRecognizer(Recognizer):
    field = "officials"
    name = "title_name"

    def __init__(self):
        titles = lexicon.alternation(lexicon.words("office_titles"))
        acting = lexicon.alternation(lexicon.words("acting_prefixes"))
        self.pattern = regex.compile(
            rf"(?<!\p{{L}})((?:{acting}\s+)?{titles}(?:\s+(?:\p{{Lu}}[\p{{L}}]*|RI|DPRD|DPR)){{0,3}})\s+"
            rf"((?:\p{{Lu}}[\p{{Ll}}']+)(?:\s+\p{{Lu}}[\p{{Ll}}']+){{1,3}})"
        )

    def find(self, article, doc):
        for m in self.pattern.finditer(article.text):
            yield Candidate(m.start(2), m.end(2), m.group(2), {"position": m.group(1), "name_span": m.span(2)})
