"""The spaCy component of a field: runs its recognizers, assembles the items, caps them, and
writes ``doc.spans[<field>]`` (overlaps allowed across fields) and ``doc._.records[<field>]``.

One component per registered field (``id_<field>``, made by ``extractor.fields.registry``).
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel
from spacy.tokens import Doc

from extractor import guards
from extractor.article import Article
from extractor.doc_article import ensure_article
from extractor.fields.base import Candidate
from extractor.limits import cap_items, has_mentions, max_items_setting
from schemas import Provenance


class FieldComponent:
    """Runs one field's recognizers over the doc and records what they find.

    ``max_items``: the field's item cap (``max_items_setting``); a Doc may set its own in
    ``doc.user_data["max_items"]``.
    """

    def __init__(self, name: str, spec: Any, max_items: int | None = None):
        self.name = name
        self.max_items = max_items_setting(max_items)
        # strict: a recognizer's exception propagates (the test suite sets EXTRACTOR_STRICT=1,
        # so that a bug cannot hide behind the guard as a mere warning)
        self.strict = os.environ.get("EXTRACTOR_STRICT") == "1"
        self.spec = spec  # the field's FieldSpec (extractor.fields.registry)
        self.recognizers = [cls() for cls in self.spec.recognizers]

    def __call__(self, doc: Doc) -> Doc:
        article = ensure_article(doc)
        items = self._assemble(self._candidates(article, doc), article)
        items = self._capped(items, article, doc.user_data.get("max_items", self.max_items))
        if article.source is not None:
            items = [quote_source(item, article.source) for item in items]
        records = doc._.records  # (each doc._ access builds an object: read it once)
        if records is None:
            records = doc._.records = {}
        records[self.spec.name] = items
        spans = []
        for start, end in _item_ranges(items):
            span = doc.char_span(start, end, label=self.spec.label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spec.name] = spans
        return doc

    def _candidates(self, article: Article, doc: Doc) -> list[Candidate]:
        """What every recognizer finds outside the excluded ranges, each under the time guard."""
        candidates: list[Candidate] = []
        for recognizer in self.recognizers:
            what = f"{self.spec.name}/{recognizer.name}"
            ran, found = guards.run_stage(
                article.warnings, len(article.text), what, "its findings dropped", self.strict, _find_all, recognizer, article, doc
            )
            if not ran:
                continue
            for cand in found:
                if not article.is_excluded(cand.start, cand.end):
                    cand.recognizer = cand.recognizer or recognizer.name
                    candidates.append(cand)
        return candidates

    def _assemble(self, candidates: list[Candidate], article: Article) -> list[Any]:
        """The field's items, under the time guard; none where assembly failed."""
        what = f"{self.spec.name} assembly"
        _, items = guards.run_stage(
            article.warnings, len(article.text), what, "the field left empty", self.strict, self.spec.assemble, candidates, article
        )
        return items or []

    def _capped(self, items: list[Any], article: Article, max_items: Any) -> list[Any]:
        limit = max_items_setting(max_items)
        items, dropped, total = cap_items(items, limit)
        if dropped:
            unit = "mentions" if has_mentions(items[0]) else "items"
            article.warnings.append(f"item cap: {self.spec.name} kept the first {limit} of {total} {unit}; {dropped} dropped")
        return items


def quote_source(item: BaseModel, source: str) -> BaseModel:
    """``item`` with the ``text`` of every item and mention inside it quoted from ``source``
    (the rules read odd spaces as " "; a record's texts are the input's own characters)."""
    update: dict[str, Any] = {}
    if isinstance(item, Provenance) and item.start is not None and getattr(item, "text", None) is not None:
        update["text"] = source[item.start : item.end]
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [quote_source(v, source) for v in value]
    return item.model_copy(update=update) if update else item



def _item_ranges(items: list[Any]) -> list[tuple[int, int]]:
    """Character ranges of items: their own offsets, or those of their mentions."""
    ranges = []
    for item in items:
        # a pydantic model keeps its fields in __dict__: a look-up there is far quicker than
        # getattr for a field the model lacks (pydantic raises and catches AttributeError)
        fields = getattr(item, "__dict__", None) or {"start": getattr(item, "start", None), "mentions": getattr(item, "mentions", ())}
        if fields.get("start") is not None:
            ranges.append((item.start, item.end))
        for mention in fields.get("mentions") or ():
            if mention.start is not None:
                ranges.append((mention.start, mention.end))
    return ranges


def _find_all(recognizer: Any, article: Article, doc: Doc) -> list[Candidate]:
    return list(recognizer.find(article, doc))
