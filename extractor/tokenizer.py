"""The default tokenizer: words, punctuation marks and white space, by one compiled pattern.

No recognizer reads spaCy's tokens beyond span boundaries and sentence starts: they work on
characters. spaCy's rule tokenizer (its 16,000 Indonesian special cases, prefix, suffix and
infix rules) cost about half of the extraction time and most of the start-up, and is quadratic
on long runs without white space; this one is linear and gives the same records. Users who
want spaCy's own tokens build the pipeline with ``tokenizer="spacy"``; the stanza backend
brings Stanza's.

A token is a run of word characters, a single other non-space character, or white space;
one plain space after a token is that token's trailing space (``token.whitespace_``), as
in spaCy, so ``doc.text`` is the input, character for character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
TOKENIZER_NAME = "extractor.SimpleTokenizer.v1"


class SimpleTokenizer:
    """``text -> Doc`` by ``TOKEN``; serialises to nothing (it has no settings)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = split_words(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy saves and loads the tokenizer with the pipeline
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "SimpleTokenizer":
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> "SimpleTokenizer":
        return self


def split_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and trailing-space flags of ``text`` (``Doc(vocab, words, spaces)``)."""
    words: list[str] = []
    spaces: list[bool] = []
    for piece in TOKEN.findall(text):
        if piece[0] == " " and words and not spaces[-1] and not words[-1][0].isspace():
            spaces[-1] = True  # one plain space after a token belongs to it
            piece = piece[1:]
            if not piece:
                continue
        words.append(piece)
        spaces.append(False)
    return words, spaces


@registry.tokenizers(TOKENIZER_NAME)
def make_simple_tokenizer() -> Callable[[Any], SimpleTokenizer]:
    """The registered factory (``[nlp.tokenizer] @tokenizers = "extractor.SimpleTokenizer.v1"``),
    also a ``spacy_tokenizers`` entry point, so a saved pipeline loads without importing us."""

    def create(nlp: Any) -> SimpleTokenizer:
        return SimpleTokenizer(nlp.vocab)

    return create
