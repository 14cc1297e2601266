"""Recognizers and the field registry.

In the manner of Presidio, a recognizer is a small independent object that finds candidate
items of one field in an article (patterns, context words, validation). A *field* names the
record list it fills, the span label it writes, and how its candidates become records
(``assemble``). Adding an entity type means one new module that registers a field and its
recognizers; the spaCy component, the record and the evaluation pick it up from here.
"""

from __future__ import annotations

import bisect

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel

from extractor.article import Article


@dataclass(slots=True)
class Candidate:
    """A recognizer's finding: a character range, its normalised value and attributes."""

    start: int
    end: int
    value: Any
    attrs: dict[str, Any] = field(default_factory=dict)
    recognizer: str = ""
    # when candidates overlap, the longer wins; equal lengths fall back to the higher priority
    priority: int = 0

    @property
    def length(self) -> int:
        return self.end - self.start


class Recognizer:
    """Finds candidates of one field. Subclasses set ``field`` and ``name`` and implement ``find``."""

    field: ClassVar[str]
    name: ClassVar[str]

    def find(self, article: Article, doc: Any) -> Iterable[Candidate]:  # doc: spacy.tokens.Doc
        raise NotImplementedError


Assembler = Callable[[list[Candidate], Article], list[BaseModel]]


@dataclass
class FieldSpec:
    name: str  # the ArticleRecord list it fills
    label: str  # the span label in doc.spans[name]
    assemble: Assembler
    recognizers: list[type[Recognizer]] = field(default_factory=list)


FIELD_REGISTRY: dict[str, FieldSpec] = {}


def register_field(name: str, label: str, assemble: Assembler) -> FieldSpec:
    spec = FIELD_REGISTRY.get(name)
    if spec is None:
        spec = FIELD_REGISTRY[name] = FieldSpec(name, label, assemble)
    else:
        spec.label, spec.assemble = label, assemble
    return spec


def register_recognizer(cls: type[Recognizer]) -> type[Recognizer]:
    """Class decorator: adds a recognizer to its field (the field must be registered first)."""
    spec = FIELD_REGISTRY[cls.field]
    if cls not in spec.recognizers:
        spec.recognizers.append(cls)
    return cls


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset: longest first, then priority, then leftmost; in text order."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start))
    kept: list[Candidate] = []
    starts: list[int] = []  # kept ranges never overlap, so sorted starts imply sorted ends
    ends: list[int] = []
    for cand in ranked:
        at = bisect.bisect_left(starts, cand.start)
        if at < len(starts) and starts[at] < cand.end:
            continue  # a kept range starts inside this one
        if at > 0 and ends[at - 1] > cand.start:
            continue  # the kept range before this one reaches into it
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        kept.append(cand)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


EVIDENCE_MAX = 1000  # characters; a longer sentence is quoted as a window around the item


def provenance(article: Article, start: int, end: int) -> dict[str, Any]:
    """The provenance keys every record item carries."""
    index = article.sentence_index(start)
    s_start, s_end = article.sentences[index] if article.sentences else (0, len(article.text))
    if s_end - s_start > EVIDENCE_MAX:
        # a run-on "sentence" (tables, pages without punctuation) would be copied into every item
        margin = max((EVIDENCE_MAX - (end - start)) // 2, 0)
        s_start, s_end = max(s_start, start - margin), min(s_end, end + margin)
    s_start, s_end = min(s_start, start), max(s_end, end)
    return {"start": start, "end": end, "sentence": index, "evidence": article.original_text[s_start:s_end]}
