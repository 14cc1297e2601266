"""The library entry point: a spaCy ``id`` pipeline of our components, and records from its Docs."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor import components, guards  # components registers every factory (and the Doc extensions)
from extractor.backends import BACKENDS
from extractor.inputs import ArticleInput, as_input, coerce_date
from extractor.limits import limit_setting, max_items_setting
from extractor.metadata import read_metadata
from extractor.tokenizer import TOKENIZER_NAME, SimpleTokenizer, split_words
from schemas import ArticleMetadata, RecordBase, field_names, record_model


def build_nlp(
    fields: Iterable[str] | None = None,
    backend: str = "spacy",
    stanza_dir: str | None = None,
    stanza_pipeline: Any = None,
    max_characters: int | None = None,
    max_items: int | None = None,
    tokenizer: str = "simple",
) -> Language:
    """A blank spaCy ``id`` pipeline with the sentence component and the components of the named
    fields (all the registered fields by default), in the order ``components.pipe_plan`` gives.

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
    known = components.extracted_fields()
    wanted = set(known if fields is None else fields)
    unknown = wanted - set(known)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    if backend == "stanza" and stanza_pipeline is None:
        from extractor.backends.stanza_backend import load_stanza

        stanza_pipeline = load_stanza(stanza_dir)  # first: without models, fail before building spaCy
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"unknown tokenizer {tokenizer!r}; known: {', '.join(TOKENIZERS)}")
    config = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}} if tokenizer == "simple" else {}
    nlp = spacy.blank("id", config=config)
    nlp.max_length = limit_setting(max_characters, MAX_CHARACTERS_ENV, MAX_CHARACTERS, "max_characters")
    max_items = max_items_setting(max_items)
    if backend == "stanza":
        from extractor.backends.stanza_backend import StanzaTokenizer

        nlp.tokenizer = StanzaTokenizer(nlp.vocab, stanza_pipeline=stanza_pipeline)
    nlp.add_pipe("id_sentences", config={"use_doc_sents": True} if backend == "stanza" else {})
    for stage in components.pipe_plan(wanted):
        nlp.add_pipe(stage.pipe, config={"max_items": max_items} if stage.is_field else {})
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


def _metadata_guarded(split, records, known) -> tuple[ArticleMetadata, list[str]]:
    """``read_metadata`` under the time guard; past its deadline, only what ``known`` says."""
    if split is None:
        return ArticleMetadata(), []
    deadline = guards.start(len(split.text))
    try:
        return read_metadata(split, records, known), []
    except TimeoutError:
        warning = guards.warning("article metadata", len(split.text), "metadata left empty")
        return known or ArticleMetadata(), [warning]
    finally:
        guards.stop(deadline)


def _anchor_warnings(split: Any, records: dict[str, list[Any]], published: dt.date | None) -> list[str]:
    """Where the input gives no date, relative dates count from the text's stated date (its
    first full weekday date; with none, they stay unresolved): said when that is not the
    publication date and some item was resolved against it (an item whose ``relative`` is true)."""
    if split is None or split.published is not None or split.stated_date is None or split.stated_date == published:
        return []
    resolved = (item for items in records.values() for item in items if getattr(item, "relative", None))
    if not any(item.value is not None for item in resolved):
        return []
    anchor = split.stated_date.isoformat()
    if published is None:
        return [f"no publication date: relative dates anchored on {anchor} found in the text"]
    return [f"relative dates anchored on {anchor} found in the text, not on the publication date {published.isoformat()}"]


def record_from_doc(doc: Doc, article: ArticleInput | None = None) -> RecordBase:
    """The validated record that a processed Doc carries (``schemas.record_model()``)."""
    found = doc._.records or {}
    split = doc._.article
    data: dict[str, Any] = {name: found.get(name, []) for name in field_names()}
    metadata, metadata_warnings = _metadata_guarded(split, data, article.known_metadata if article else None)
    stated = metadata.published_at
    # the text's (or page's) own date where the input gives none
    published = doc._.published or (stated.date() if isinstance(stated, dt.datetime) else stated)
    return record_model().model_validate(
        {
            "id": article.id if article else None,
            "source": article.source if article else None,
            "published": published,
            "article": metadata,
            "warnings": [
                *doc.user_data.get("warnings", []), *(split.warnings if split is not None else []), *metadata_warnings,
                *_anchor_warnings(split, data, published),
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
        self.fields = tuple(components.extracted_fields() if fields is None else fields)
        self.backend = backend
        self.batch_size = batch_size

    def has_every_field(self) -> bool:
        """Whether it extracts every field registered now."""
        return self.fields == components.extracted_fields()

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

    def __call__(self, text: str, published: Any = None, id: str | None = None, max_items: int | None = None) -> RecordBase:
        """The record of ``text``; ``max_items`` sets this article's item cap per field."""
        article = ArticleInput(text=text, id=id, published=coerce_date(published))
        if max_items is None:
            return self.process(article)
        doc = self.make_doc(article)
        doc.user_data["max_items"] = max_items_setting(max_items)
        return record_from_doc(self.nlp(doc), article)

    def process(self, article: ArticleInput) -> RecordBase:
        """The record of one article."""
        return record_from_doc(self.nlp(self.make_doc(article)), article)

    def pipe(self, articles: Iterable[Any]) -> Iterator[RecordBase]:
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
    """One full pipeline per process (spaCy's blank ``id`` takes seconds to build), built again
    when the registered fields have changed."""
    global _SHARED
    if _SHARED is None or not _SHARED.has_every_field():
        _SHARED = Pipeline()
    return _SHARED


def extract(text: str, published: Any = None, id: str | None = None, max_items: int | None = None) -> RecordBase:
    """Extract one article's record with the shared default pipeline (``max_items``: this
    article's item cap per field; README, "Limits")."""
    return shared_pipeline()(text, published=published, id=id, max_items=max_items)
