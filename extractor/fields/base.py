"""What a field's rules are made of: recognizers, their candidates, and the helpers of assembly.

In the manner of Presidio, a recognizer is a small independent object that finds candidate
items of one field in an article (patterns, context words, validation); the field's
``assemble`` turns the candidates into validated items. A field package lists its
recognizers and its assemble function in its registry entry (``extractor.fields.registry``).
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
