"""The library entry point: a spaCy ``id`` pipeline of our components, and records from its Docs."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor import components  # noqa: F401  (registers the factories and Doc extensions)
from extractor.components import PIPE_NAMES, coerce_date
from schemas import FIELDS, ArticleRecord


@dataclass(slots=True)
class ArticleInput:
    """One article to process: its text and what is known about it."""

    text: str
    id: str | None = None
    published: dt.date | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other input keys, carried through


def as_input(article: Any, index: int | None = None) -> ArticleInput:
    """An ArticleInput from a string, a mapping or an object with ``text`` (and ``id``, ``published``)."""
    if isinstance(article, ArticleInput):
        return article
    if isinstance(article, str):
        return ArticleInput(text=article, id=None if index is None else str(index))
    get = article.get if isinstance(article, dict) else lambda key, default=None: getattr(article, key, default)
    text = get("text")
    if not isinstance(text, str):
        raise TypeError(f"article {get('id', index)!r} has no text string")
    ident = get("id")
    ident = str(ident) if ident is not None else (None if index is None else str(index))
    try:
        published = coerce_date(get("published"))
    except (TypeError, ValueError) as error:
        raise ValueError(f"article {ident}: {error}") from None
    meta = {k: v for k, v in article.items() if k not in _INPUT_KEYS} if isinstance(article, dict) else {}
    return ArticleInput(text=text, id=ident, published=published, source=get("source"), meta=meta)


_INPUT_KEYS = frozenset({"text", "id", "published", "source"})


def build_nlp(fields: Iterable[str] | None = None) -> Language:
    """A blank spaCy ``id`` pipeline with the sentence component and the named field components."""
    nlp = spacy.blank("id")
    wanted = set(FIELDS if fields is None else fields)
    unknown = wanted - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}")
    for pipe in PIPE_NAMES:
        if pipe == "id_sentences" or pipe.removeprefix("id_") in wanted:
            nlp.add_pipe(pipe)
    return nlp


# spaCy's tokenizer takes quadratic time on a long run of characters without white space
# (thousands of brackets or quotes: seconds to minutes); such texts are tokenised simply
LONG_RUN = regex.compile(r"\S{300}")
SIMPLE_TOKEN = regex.compile(r"\w+|\s+|[^\w\s]")


def make_doc_guarded(nlp: Language, text: str) -> tuple[Doc, str | None]:
    """A Doc of ``text``; (doc, warning) where the tokenizer guard fired."""
    if not LONG_RUN.search(text):
        return nlp.make_doc(text), None
    # white space stays as tokens of its own, so that doc.text is the text, character for character
    words = SIMPLE_TOKEN.findall(text)
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    return doc, "tokenizer guard: a run of 300+ characters without white space; tokenised simply"


def record_from_doc(doc: Doc, article: ArticleInput | None = None) -> ArticleRecord:
    """The validated record that a processed Doc carries."""
    found = doc._.records or {}
    split = doc._.article
    data: dict[str, Any] = {name: found.get(name, []) for name in FIELDS}
    return ArticleRecord.model_validate(
        {
            "id": article.id if article else None,
            "source": article.source if article else None,
            "published": doc._.published,
            "warnings": [*doc.user_data.get("warnings", []), *(split.warnings if split is not None else [])],
            "meta": article.meta if article else {},
            **data,
        },
        context={"text": split.text if split is not None else doc.text},
    )


class Pipeline:
    """Load once, reuse: ``Pipeline().pipe(articles)`` yields one ArticleRecord per article."""

    def __init__(self, fields: Iterable[str] | None = None, batch_size: int = 64):
        self.nlp = build_nlp(fields)
        self.batch_size = batch_size

    def make_doc(self, article: ArticleInput) -> Doc:
        doc, warning = make_doc_guarded(self.nlp, article.text)
        doc._.published = article.published
        doc._.source_text = article.text
        if warning:
            doc.user_data["warnings"] = [warning]
        return doc

    def __call__(self, text: str, published: Any = None, id: str | None = None) -> ArticleRecord:
        return self.process(ArticleInput(text=text, id=id, published=coerce_date(published)))

    def process(self, article: ArticleInput) -> ArticleRecord:
        """The record of one article."""
        return record_from_doc(self.nlp(self.make_doc(article)), article)

    def pipe(self, articles: Iterable[Any]) -> Iterator[ArticleRecord]:
        inputs = (as_input(a, i) for i, a in enumerate(articles))
        pending: deque[ArticleInput] = deque()

        def docs() -> Iterator[Doc]:
            for article in inputs:
                pending.append(article)
                yield self.make_doc(article)

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield record_from_doc(doc, pending.popleft())


_SHARED: Pipeline | None = None


def shared_pipeline() -> Pipeline:
    """One full pipeline per process (spaCy's blank ``id`` takes seconds to build)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Pipeline()
    return _SHARED


def extract(text: str, published: Any = None, id: str | None = None) -> ArticleRecord:
    """Extract one article's record with the shared default pipeline."""
    return shared_pipeline()(text, published=published, id=id)
