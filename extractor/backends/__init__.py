"""Tokenizer backends: how an article's text becomes the spaCy ``Doc`` our components read.

- ``spacy`` (the default): spaCy's blank Indonesian tokenizer; ``id_sentences`` splits the
  sentences itself.
- ``stanza``: Stanza's neural Indonesian tokenizer, sentence splitter and POS tagger make the
  Doc (``stanza_backend``); ``id_sentences`` takes its sentences, and the POS tags help bound
  personal names. Needs the ``stanza`` extra and Stanza's Indonesian models on disk.
"""

from __future__ import annotations

BACKENDS: tuple[str, ...] = ("spacy", "stanza")


class BackendUnavailable(RuntimeError):
    """A backend cannot run here (its package or its models are missing): reported as one line."""


def check_backend(backend: str = "spacy", stanza_dir: str | None = None) -> None:
    """Raises BackendUnavailable at once where ``backend`` cannot run here (loads no model)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; known: {', '.join(BACKENDS)}")
    if backend == "stanza":
        from extractor.backends.stanza_backend import check_stanza

        check_stanza(stanza_dir)
