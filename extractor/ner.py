"""The trained NER: PER, ORG and LOC spans from a small CPU model shipped in the package.

The model (``extractor/models/ner``, 2.4 MB) is a spaCy ``ner`` pipe with its own hash-embedding
CNN tok2vec, trained by ``tools/train_ner.py`` on the MIT-licensed idner-news-2k corpus (test
F1 84.2; README, "The trained NER"). It loads offline from the package, once per process.

``id_ner`` is a component that runs the model on the sentences that need it, those holding
one of its ``cue_words`` (all sentences when none are given), and writes the entities to the
span group ``doc.spans["ner"]`` with character offsets of the whole text. It is not in the
default pipeline: the field recognizers that use entities ask for it (``sentence_entities``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractor import tokenizer  # noqa: F401  (registers the tokenizer the model's config names)

MODEL_DIR = Path(__file__).resolve().parent / "models" / "ner"
LABELS = ("PER", "ORG", "LOC")


@functools.cache
def load_ner() -> Language:
    """The shipped NER pipeline (our tokenizer, the trained ``ner`` pipe)."""
    return spacy.load(MODEL_DIR)


def sentence_entities(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of every entity the model finds in the character ``ranges`` of
    ``text`` (each range is tagged on its own, as the model was trained on sentences)."""
    nlp = load_ner()
    ranges = list(ranges)
    found = []
    for (start, _), doc in zip(ranges, nlp.pipe(text[s:e] for s, e in ranges)):
        found.extend((start + ent.start_char, start + ent.end_char, ent.label_) for ent in doc.ents)
    return found


class NerComponent:
    def __init__(self, name: str, cue_words: list[str]):
        self.name = name
        self.cues = tuple(word.lower() for word in cue_words)

    def __call__(self, doc: Doc) -> Doc:
        from extractor.doc_article import doc_text, ensure_article

        text = doc_text(doc)
        article = ensure_article(doc)
        wanted = [(s, e) for s, e in article.sentences if not self.cues or any(c in text[s:e].lower() for c in self.cues)]
        spans = []
        for start, end, label in sentence_entities(text, wanted):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["ner"] = spans
        return doc


@Language.factory("id_ner", default_config={"cue_words": []})
def make_ner(nlp: Language, name: str, cue_words: list[str]) -> NerComponent:
    return NerComponent(name, cue_words)
