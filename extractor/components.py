"""spaCy components: the ``Doc`` carries the article, the spans and the records.

- ``id_sentences`` splits sentences (``token.is_sent_start``) and puts the ``Article``
  (sentences, paragraphs, excluded ranges, reference date) on ``doc._.article``.
- ``id_<field>`` runs the field's recognizers, writes ``doc.spans[<field>]`` (overlaps allowed
  across fields) and the validated items to ``doc._.records[<field>]``.

Each factory is registered with spaCy (and as a ``spacy_factories`` entry point), so
``spacy.blank("id").add_pipe("id_dates")`` works in any pipeline; a field component run
without ``id_sentences`` before it splits the article itself.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor import guards
from extractor.article import Article
from extractor.recognizers import FIELD_REGISTRY, load_fields
from extractor.recognizers.base import Candidate
from extractor.sentences import split_article

# source_text: the input string, kept so that components need not rebuild doc.text (a join
# over every token) each time they look at the text
for _name, _default in (("article", None), ("published", None), ("records", None), ("source_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def coerce_date(value: Any) -> dt.date | None:
    """A reference date from a date, a datetime or an ISO string (date part kept)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(f"published date must be a date or an ISO string, not {type(value).__name__}")


def ensure_article(doc: Doc) -> Article:
    """The doc's Article, split now if no sentence component ran before."""
    article = doc._.article
    if article is None:
        article = split_article(doc_text(doc), coerce_date(doc._.published))
        doc._.article = article
    return article


def doc_text(doc: Doc) -> str:
    """The doc's text: the input string when the Pipeline kept it, else ``doc.text``."""
    text = doc._.source_text
    return text if text is not None else doc.text


def _mark_sentences(doc: Doc, article: Article) -> None:
    """Token sentence starts from the article's sentence offsets, set as one array.

    (Setting ``token.is_sent_start`` one by one re-checks the whole doc each time.)
    """
    if not len(doc):
        return
    token_starts = doc.to_array(IDX)
    # spaCy stores "not a sentence start" as -1, which an unsigned array holds as its maximum
    marks = numpy.full((len(doc), 1), numpy.iinfo(numpy.uint64).max, dtype=numpy.uint64)
    first_tokens = numpy.searchsorted(token_starts, [start for start, _ in article.sentences], side="right") - 1
    marks[numpy.clip(first_tokens, 0, None), 0] = 1
    marks[0, 0] = 1
    doc.from_array([SENT_START], marks)


class SentenceSplitter:
    def __init__(self, name: str, mark_tokens: bool = True):
        self.name = name
        self.mark_tokens = mark_tokens

    def __call__(self, doc: Doc) -> Doc:
        article = split_article(doc_text(doc), coerce_date(doc._.published))
        doc._.article = article
        if self.mark_tokens:
            _mark_sentences(doc, article)
        return doc


class FieldComponent:
    """Runs one field's recognizers over the doc and records what they find."""

    def __init__(self, name: str, field: str):
        load_fields()
        self.name = name
        # strict: a recognizer's exception propagates (the test suite sets EXTRACTOR_STRICT=1,
        # so that a bug cannot hide behind the guard as a mere warning)
        self.strict = os.environ.get("EXTRACTOR_STRICT") == "1"
        self.spec = FIELD_REGISTRY[field]
        self.recognizers = [cls() for cls in self.spec.recognizers]

    def __call__(self, doc: Doc) -> Doc:
        article = ensure_article(doc)
        candidates: list[Candidate] = []
        for recognizer in self.recognizers:
            deadline = guards.start(len(article.text))
            try:
                found = list(recognizer.find(article, doc))
            except TimeoutError:
                # the time guard fired (pathological text): even in strict mode this is a
                # finding about the input, not a bug
                article.warnings.append(
                    f"time guard: {self.spec.name}/{recognizer.name} stopped after "
                    f"{guards.budget_for(len(article.text)):.1f} s on {len(article.text)} characters; its findings dropped"
                )
                continue
            except Exception as error:  # noqa: BLE001
                # one failing recognizer must not cost the article its other fields: the
                # record says what failed
                if self.strict:
                    raise
                article.warnings.append(f"{self.spec.name}/{recognizer.name} failed: {type(error).__name__}: {error}")
                continue
            finally:
                guards.stop(deadline)
            for cand in found:
                if not article.is_excluded(cand.start, cand.end):
                    cand.recognizer = cand.recognizer or recognizer.name
                    candidates.append(cand)
        try:
            items = self.spec.assemble(candidates, article)
        except Exception as error:  # noqa: BLE001
            if self.strict:
                raise
            article.warnings.append(f"{self.spec.name} assembly failed: {type(error).__name__}: {error}")
            items = []
        if doc._.records is None:
            doc._.records = {}
        doc._.records[self.spec.name] = items
        spans = []
        for start, end in _item_ranges(items):
            span = doc.char_span(start, end, label=self.spec.label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spec.name] = spans
        return doc


def _item_ranges(items: list[Any]) -> list[tuple[int, int]]:
    """Character ranges of items: their own offsets, or those of their mentions."""
    ranges = []
    for item in items:
        if getattr(item, "start", None) is not None:
            ranges.append((item.start, item.end))
        for mention in getattr(item, "mentions", ()) or ():
            if mention.start is not None:
                ranges.append((mention.start, mention.end))
    return ranges


@Language.factory("id_sentences", default_config={"mark_tokens": True})
def make_sentence_splitter(nlp: Language, name: str, mark_tokens: bool) -> SentenceSplitter:
    return SentenceSplitter(name, mark_tokens)


def _field_factory(field: str):
    """Registers ``id_<field>`` with spaCy; the returned function is its entry point."""

    def make(nlp: Language, name: str) -> FieldComponent:
        return FieldComponent(name, field)

    make.__name__ = make.__qualname__ = f"make_{field}"
    return Language.factory(f"id_{field}")(make)


make_dates = _field_factory("dates")
make_percentages = _field_factory("percentages")
make_population_counts = _field_factory("population_counts")
make_officials = _field_factory("officials")
make_awards = _field_factory("awards")


# order matters: awards before dates (years inside award names are not dates) and before
# officials; each later component may read the spans the earlier ones wrote
PIPE_NAMES: tuple[str, ...] = (
    "id_sentences",
    "id_awards",
    "id_officials",
    "id_dates",
    "id_percentages",
    "id_population_counts",
)
