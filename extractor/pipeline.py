"""The library entry point: a spaCy ``id`` pipeline of our components, and records from its Docs."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor import components, guards  # components registers the factories and Doc extensions
from extractor.backends import BACKENDS
from extractor.components import PIPE_NAMES, coerce_date
from extractor.metadata import read_metadata
from extractor.tokenizer import TOKENIZER_NAME, SimpleTokenizer, split_words
from schemas import FIELDS, ArticleMetadata, ArticleRecord


@dataclass(slots=True)
class ArticleInput:
    """One article to process: its text and what is known about it."""

    text: str
    id: str | None = None
    published: dt.date | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other input keys, carried through
    # what the page says about the article (HTML metadata): fills what the text's own lines do not
    known_metadata: ArticleMetadata | None = None


def as_input(article: Any, index: int | None = None) -> ArticleInput:
    """An ArticleInput from a string, a mapping or an object with ``text`` (and ``id``, ``published``)."""
    if isinstance(article, ArticleInput):
        return article
    if isinstance(article, str):
        return ArticleInput(text=article, id=None if index is None else str(index))
    if isinstance(article, dict) and "html" in article and "text" not in article:
        from extractor.html_input import input_from_row

        return input_from_row(article, index)
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


def build_nlp(
    fields: Iterable[str] | None = None,
    backend: str = "spacy",
    stanza_dir: str | None = None,
    stanza_pipeline: Any = None,
    max_characters: int | None = None,
    max_items: int | None = None,
    tokenizer: str = "simple",
) -> Language:
    """A blank spaCy ``id`` pipeline with the sentence component and the named field components.

    ``tokenizer``: "simple" (the default, ``extractor.tokenizer``: linear, and the special-case
    table of spaCy's Indonesian tokenizer is never loaded) or "spacy" (spaCy's rule tokenizer,
    for users who want its tokens; the records are the same). The stanza backend brings its own.

    Limits (README, "Limits"): ``max_characters`` (else $EXTRACTOR_MAX_CHARACTERS, else
    ``MAX_CHARACTERS``) is the longest text taken (``nlp.max_length``); ``max_items`` (else
    $EXTRACTOR_MAX_ITEMS, else 2,000) the item cap of each field component.

    ``backend="stanza"``: Stanza tokenizes, splits sentences and tags POS (``nlp.tokenizer``);
    the sentence component keeps its sentences. The Stanza pipeline is loaded from ``stanza_dir``
    (BackendUnavailable without Stanza or its models), or given as ``stanza_pipeline`` (any
    callable from a text to a stanza Document).
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; known: {', '.join(BACKENDS)}")
    wanted = set(FIELDS if fields is None else fields)
    unknown = wanted - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}")
    if backend == "stanza" and stanza_pipeline is None:
        from extractor.backends.stanza_backend import load_stanza

        stanza_pipeline = load_stanza(stanza_dir)  # first: without models, fail before building spaCy
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"unknown tokenizer {tokenizer!r}; known: {', '.join(TOKENIZERS)}")
    config = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}} if tokenizer == "simple" else {}
    nlp = spacy.blank("id", config=config)
    nlp.max_length = components.limit_setting(max_characters, MAX_CHARACTERS_ENV, MAX_CHARACTERS, "max_characters")
    max_items = components.max_items_setting(max_items)
    if backend == "stanza":
        from extractor.backends.stanza_backend import StanzaTokenizer

        nlp.tokenizer = StanzaTokenizer(nlp.vocab, stanza_pipeline=stanza_pipeline)
    for pipe in PIPE_NAMES:
        if pipe in components.PIPE_NEEDS:
            if wanted & set(components.PIPE_NEEDS[pipe]):
                nlp.add_pipe(pipe)
        elif pipe == "id_sentences" or pipe.removeprefix("id_") in wanted:
            if pipe != "id_sentences":
                nlp.add_pipe(pipe, config={"max_items": max_items})
            else:
                nlp.add_pipe(pipe, config={"use_doc_sents": True} if backend == "stanza" else {})
    return nlp


TOKENIZERS = ("simple", "spacy")

# spaCy's own limit (1,000,000 characters) is set for the memory a parser or NER needs; this
# pipeline has neither and takes about 60 bytes a character (300 MB for a 5 MB text). Longer
# texts are refused before any work on them: 50 MB once ran past 8 minutes and 3 GB.
MAX_CHARACTERS = 5_000_000
MAX_CHARACTERS_ENV = "EXTRACTOR_MAX_CHARACTERS"

# spaCy's tokenizer takes quadratic time on a long run of characters without white space
# (thousands of brackets or quotes: seconds to minutes); such texts are tokenised simply
# (the standard re engine scans for it three times quicker; the class is the regex module's \S
# exactly: re's \s also takes \x1c-\x1f)
LONG_RUN = re.compile(r"[^\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{300}")
_SPLIT_ONLY_SPACE = re.compile(r"[\x1c-\x1f]")


def has_long_run(text: str) -> bool:
    """Whether ``LONG_RUN`` occurs in ``text``. ``str.split`` (quicker still) cuts at the same
    white space plus \x1c-\x1f: its longest piece answers when the text holds none of those."""
    if len(text) < 300:
        return False
    if _SPLIT_ONLY_SPACE.search(text):
        return LONG_RUN.search(text) is not None
    return max(map(len, text.split())) >= 300




def make_doc_guarded(nlp: Language, text: str) -> tuple[Doc, str | None]:
    """A Doc of ``text``; (doc, warning) where the tokenizer guard fired."""
    if len(text) > nlp.max_length:
        raise ValueError(f"text of {len(text):,} characters is longer than the {nlp.max_length:,} the pipeline takes")
    if isinstance(nlp.tokenizer, SimpleTokenizer) or not has_long_run(text):
        return nlp.make_doc(text), None  # the simple tokenizer is linear on any text
    words, spaces = split_words(text)  # the default tokenizer's split: linear on any text
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc, "tokenizer guard: a run of 300+ characters without white space; tokenised simply"


def _metadata_guarded(split, dates, known) -> tuple[ArticleMetadata, list[str]]:
    """``read_metadata`` under the time guard; past its deadline, only what ``known`` says."""
    if split is None:
        return ArticleMetadata(), []
    deadline = guards.start(len(split.text))
    try:
        return read_metadata(split, dates, known), []
    except TimeoutError:
        warning = components.guard_warning("article metadata", len(split.text), "metadata left empty")
        return known or ArticleMetadata(), [warning]
    finally:
        guards.stop(deadline)


def _anchor_warnings(split: Any, dates: list[Any], published: dt.date | None) -> list[str]:
    """Where the input gives no date, relative dates count from the text's stated date (its
    first full weekday date; with none, they stay unresolved): said when that is not the
    publication date."""
    if split is None or split.published is not None or split.stated_date is None or split.stated_date == published:
        return []
    if not any(item.relative and item.value is not None for item in dates):
        return []
    anchor = split.stated_date.isoformat()
    if published is None:
        return [f"no publication date: relative dates anchored on {anchor} found in the text"]
    return [f"relative dates anchored on {anchor} found in the text, not on the publication date {published.isoformat()}"]


def record_from_doc(doc: Doc, article: ArticleInput | None = None) -> ArticleRecord:
    """The validated record that a processed Doc carries."""
    found = doc._.records or {}
    split = doc._.article
    data: dict[str, Any] = {name: found.get(name, []) for name in FIELDS}
    metadata, metadata_warnings = _metadata_guarded(split, data["dates"], article.known_metadata if article else None)
    stated = metadata.published_at
    # the text's (or page's) own date where the input gives none
    published = doc._.published or (stated.date() if isinstance(stated, dt.datetime) else stated)
    return ArticleRecord.model_validate(
        {
            "id": article.id if article else None,
            "source": article.source if article else None,
            "published": published,
            "article": metadata,
            "warnings": [
                *doc.user_data.get("warnings", []), *(split.warnings if split is not None else []), *metadata_warnings,
                *_anchor_warnings(split, data["dates"], published),
            ],
            "meta": article.meta if article else {},
            **data,
        },
        context={"text": split.original_text if split is not None else doc.text},
    )


class Pipeline:
    """Load once, reuse: ``Pipeline().pipe(articles)`` yields one ArticleRecord per article.

    ``backend``: "spacy" (the default) or "stanza" (tokens, sentences and POS from Stanza; see
    ``build_nlp`` and extractor.backends).
    """

    def __init__(
        self,
        fields: Iterable[str] | None = None,
        batch_size: int = 64,
        backend: str = "spacy",
        stanza_dir: str | None = None,
        stanza_pipeline: Any = None,
        max_characters: int | None = None,
        max_items: int | None = None,
        tokenizer: str = "simple",
    ):
        self.nlp = build_nlp(fields, backend, stanza_dir, stanza_pipeline, max_characters, max_items, tokenizer)
        self.backend = backend
        self.batch_size = batch_size

    def make_doc(self, article: ArticleInput) -> Doc:
        if self.backend == "stanza":
            # the guard is for spaCy's rule tokenizer; a simple tokenisation would drop Stanza's
            # sentences and tags for the whole article
            doc, warning = self.nlp.make_doc(article.text), None
        else:
            doc, warning = make_doc_guarded(self.nlp, article.text)
        doc._.published = article.published
        doc._.source_text = article.text
        if warning:
            doc.user_data["warnings"] = [warning]
        return doc

    def __call__(self, text: str, published: Any = None, id: str | None = None, max_items: int | None = None) -> ArticleRecord:
        """The record of ``text``; ``max_items`` sets this article's item cap per field."""
        article = ArticleInput(text=text, id=id, published=coerce_date(published))
        if max_items is None:
            return self.process(article)
        doc = self.make_doc(article)
        doc.user_data["max_items"] = components.max_items_setting(max_items)
        return record_from_doc(self.nlp(doc), article)

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


def extract(text: str, published: Any = None, id: str | None = None, max_items: int | None = None) -> ArticleRecord:
    """Extract one article's record with the shared default pipeline (``max_items``: this
    article's item cap per field; README, "Limits")."""
    return shared_pipeline()(text, published=published, id=id, max_items=max_items)
