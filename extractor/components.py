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
import re
from typing import Any

import numpy
from pydantic import BaseModel
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractor import guards
from extractor.article import Article, scan_form
from extractor.fields import FIELD_REGISTRY, load_fields
from extractor.fields.base import Candidate
from extractor.sentences import split_article
from schemas import Provenance

# source_text: the input string, kept so that components need not rebuild doc.text (a join
# over every token) each time they look at the text
for _name, _default in (("article", None), ("published", None), ("records", None), ("source_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def coerce_date(value: Any) -> dt.date | None:
    """A reference date from a date, a datetime or a string: ISO (date part kept), or any
    written date dateparser reads ("14 Agustus 2024", "Rabu, 14/08/2024 20:47 WIB")."""
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
            pass
        from extractor.published import parse_published  # any other way of writing a date

        found = parse_published(value) if len(value) <= 100 else None
        if found is None:
            raise ValueError(f"published date {value!r} names no day, month and year (e.g. 2024-08-14 or 14 Agustus 2024)")
        return found
    raise TypeError(f"published date must be a date or a string, not {type(value).__name__}")


def ensure_article(doc: Doc) -> Article:
    """The doc's Article, split now if no sentence component ran before."""
    article = doc._.article
    if article is None:
        article = split_guarded(doc_text(doc), coerce_date(doc._.published))
        doc._.article = article
    return article


def guard_warning(what: str, length: int, consequence: str) -> str:
    return f"time guard: {what} stopped after {guards.budget_for(length):.1f} s on {length} characters; {consequence}"


# the standard ``re`` engine: a line scan that cannot itself run into the time guard
_PLAIN_LINE = re.compile(r"[^\r\n]+")


def split_guarded(text: str, published: dt.date | None, sentence_starts: list[int] | None = None) -> Article:
    """``split_article`` under the time guard; past its deadline, one sentence per line."""
    source, text = text, scan_form(text)
    deadline = guards.start(len(text))
    try:
        article = split_article(text, published, sentence_starts=sentence_starts)
    except TimeoutError:
        lines = [m.span() for m in _PLAIN_LINE.finditer(text) if not m.group().isspace()]
        sentences = []
        for start, end in lines:
            while text[start].isspace():
                start += 1
            while text[end - 1].isspace():
                end -= 1
            sentences.append((start, end))
        article = Article(text=text, published=published, sentences=sentences, paragraphs=lines)
        article.warnings.append(guard_warning("sentence splitting", len(text), "one sentence per line, no boilerplate excluded"))
    finally:
        guards.stop(deadline)
    if source is not text:
        article.source = source
    return article


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


def doc_text(doc: Doc) -> str:
    """The doc's text: the input string when the Pipeline kept it, else ``doc.text``."""
    text = doc._.source_text
    return text if text is not None else doc.text


# spaCy stores "not a sentence start" as -1, which an unsigned array holds as its maximum
_NOT_SENT_START = numpy.iinfo(numpy.uint64).max


def _mark_sentences(doc: Doc, article: Article) -> None:
    """Token sentence starts from the article's sentence offsets, set as one array.

    (Setting ``token.is_sent_start`` one by one re-checks the whole doc each time.)
    """
    if not len(doc):
        return
    token_starts = doc.to_array(IDX)
    marks = numpy.full((len(doc), 1), _NOT_SENT_START, dtype=numpy.uint64)
    first_tokens = numpy.searchsorted(token_starts, [start for start, _ in article.sentences], side="right") - 1
    marks[numpy.maximum(first_tokens, 0), 0] = 1
    marks[0, 0] = 1
    doc.from_array([SENT_START], marks)


class SentenceSplitter:
    """Puts the Article on the doc. ``use_doc_sents``: the sentences start where the Doc's tokens
    say (a tokenizer that splits sentences: the stanza backend), not by our punctuation rules."""

    def __init__(self, name: str, mark_tokens: bool = True, use_doc_sents: bool = False):
        self.name = name
        self.mark_tokens = mark_tokens
        self.use_doc_sents = use_doc_sents

    def __call__(self, doc: Doc) -> Doc:
        starts = _doc_sentence_starts(doc) if self.use_doc_sents else None
        article = split_guarded(doc_text(doc), coerce_date(doc._.published), sentence_starts=starts)
        doc._.article = article
        if self.mark_tokens:
            _mark_sentences(doc, article)
        return doc


def _doc_sentence_starts(doc: Doc) -> list[int] | None:
    """Character offsets of the tokens marked as sentence starts; None when none are marked."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return None
    marks = doc.to_array([SENT_START, IDX])
    return marks[marks[:, 0] == 1, 1].tolist()


class FieldComponent:
    """Runs one field's recognizers over the doc and records what they find.

    ``max_items``: the field's item cap (``max_items_setting``); a Doc may set its own in
    ``doc.user_data["max_items"]``.
    """

    def __init__(self, name: str, field: str, max_items: int | None = None):
        load_fields()
        self.name = name
        self.max_items = max_items_setting(max_items)
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
                    guard_warning(f"{self.spec.name}/{recognizer.name}", len(article.text), "its findings dropped")
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
        deadline = guards.start(len(article.text))
        try:
            items = self.spec.assemble(candidates, article)
        except TimeoutError:
            article.warnings.append(guard_warning(f"{self.spec.name} assembly", len(article.text), "the field left empty"))
            items = []
        except Exception as error:  # noqa: BLE001
            if self.strict:
                raise
            article.warnings.append(f"{self.spec.name} assembly failed: {type(error).__name__}: {error}")
            items = []
        finally:
            guards.stop(deadline)
        limit = max_items_setting(doc.user_data.get("max_items", self.max_items))
        items, dropped, total = cap_items(items, limit)
        if dropped:
            unit = "mentions" if _has_mentions(items[0]) else "items"
            article.warnings.append(
                f"item cap: {self.spec.name} kept the first {limit} of {total} {unit}; {dropped} dropped"
            )
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


# ------------------------------------------------------------------ the per-field item cap

DEFAULT_MAX_ITEMS = 2000
MAX_ITEMS_ENV = "EXTRACTOR_MAX_ITEMS"
_MENTION_LISTS = ("mentions", "position_mentions")


def limit_setting(value: Any, env: str, default: int, what: str) -> int:
    """A limit: ``value``, else the environment variable ``env``, else ``default``."""
    if value is None:
        raw = os.environ.get(env, "").strip()
        if not raw:
            return default
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            raise ValueError(f"{env}={raw!r} is not a whole number") from None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a whole number of at least 1, not {value!r}")
    return value


def max_items_setting(value: Any = None) -> int:
    """The per-field item cap: ``value``, else the environment's $EXTRACTOR_MAX_ITEMS, else 2,000."""
    return limit_setting(value, MAX_ITEMS_ENV, DEFAULT_MAX_ITEMS, "the item cap (max_items)")


def _has_mentions(item: BaseModel) -> bool:
    return any(name in type(item).model_fields for name in _MENTION_LISTS)


def _size(item: BaseModel) -> int:
    """What an item counts against the cap: 1, or for officials and awards their mentions."""
    if not _has_mentions(item):
        return 1
    return max(1, sum(len(getattr(item, name, ())) for name in _MENTION_LISTS))


def cap_items(items: list[Any], limit: int) -> tuple[list[Any], int, int]:
    """The field's first items within ``limit``: (kept, dropped, total), counted in items, or for
    officials and awards in mentions (name and position mentions), so that the cap bounds the
    offsets and evidence a record holds. The item that reaches the cap keeps its first mentions."""
    sizes = [_size(item) for item in items]
    total = sum(sizes)
    if total <= limit:
        return items, 0, total
    kept, room = [], limit
    for item, size in zip(items, sizes):
        if room <= 0:
            break
        if size > room:
            update, left = {}, room
            for name in _MENTION_LISTS:
                if name in type(item).model_fields:
                    update[name] = getattr(item, name)[:left]
                    left -= len(update[name])
            item, size = item.model_copy(update=update), room
        kept.append(item)
        room -= size
    return kept, total - (limit - room), total


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


@Language.factory("id_sentences", default_config={"mark_tokens": True, "use_doc_sents": False})
def make_sentence_splitter(nlp: Language, name: str, mark_tokens: bool, use_doc_sents: bool) -> SentenceSplitter:
    return SentenceSplitter(name, mark_tokens, use_doc_sents)


def _field_factory(field: str):
    """Registers ``id_<field>`` with spaCy; the returned function is its entry point."""

    def make(nlp: Language, name: str, max_items: int | None) -> FieldComponent:
        return FieldComponent(name, field, max_items)

    make.__name__ = make.__qualname__ = f"make_{field}"
    return Language.factory(f"id_{field}", default_config={"max_items": None})(make)


make_dates = _field_factory("dates")
make_percentages = _field_factory("percentages")
make_population_counts = _field_factory("population_counts")
make_officials = _field_factory("officials")
make_awards = _field_factory("awards")


@Language.factory("id_figure_keys")
def make_figure_keys(nlp: Language, name: str):
    """What each percentage and count measures (subject, period, place): extractor.figure_keys.component."""
    from extractor.figure_keys.component import FigureKeysComponent

    return FigureKeysComponent(name)


# order matters: awards before dates (years inside award names are not dates) and before
# officials; each later component may read the spans the earlier ones wrote
PIPE_NAMES: tuple[str, ...] = (
    "id_sentences",
    "id_awards",
    "id_officials",
    "id_dates",
    "id_percentages",
    "id_population_counts",
    "id_figure_keys",  # after the figures and dates it reads
)
# components that fill no field of their own: added when one of these fields is wanted
PIPE_NEEDS: dict[str, tuple[str, ...]] = {"id_figure_keys": ("percentages", "population_counts")}
