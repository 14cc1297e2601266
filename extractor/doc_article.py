"""The Article on the Doc: the Doc extensions the components share, and ``id_sentences``.

- ``doc._.article``: the ``Article`` (sentences, paragraphs, excluded ranges, reference date),
  put there by the sentence component, or split by the first component that needs it;
- ``doc._.published``: the reference date, set before the components run;
- ``doc._.records``: the validated items of each field, by field name;
- ``doc._.source_text``: the input string (see below).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from extractor import guards
from extractor.article import Article, scan_form
from extractor.inputs import coerce_date
from extractor.sentences import split_article

# source_text: the input string, kept so that components need not rebuild doc.text (a join
# over every token) each time they look at the text
for _name, _default in (("article", None), ("published", None), ("records", None), ("source_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def doc_text(doc: Doc) -> str:
    """The doc's text: the input string when the Pipeline kept it, else ``doc.text``."""
    text = doc._.source_text
    return text if text is not None else doc.text


def ensure_article(doc: Doc) -> Article:
    """The doc's Article, split now if no sentence component ran before."""
    article = doc._.article
    if article is None:
        article = split_guarded(doc_text(doc), coerce_date(doc._.published))
        doc._.article = article
    return article


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
        article.warnings.append(guards.warning("sentence splitting", len(text), "one sentence per line, no boilerplate excluded"))
    finally:
        guards.stop(deadline)
    if source is not text:
        article.source = source
    return article


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


