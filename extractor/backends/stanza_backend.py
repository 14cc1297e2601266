"""The stanza backend: Stanza's Indonesian tokenizer, sentence splitter and POS tagger make the Doc.

Stanza never goes to the network here: the models are read from a directory (``stanza_dir``,
else ``$STANZA_RESOURCES_DIR``, else Stanza's default) with ``download_method=None``; where
they are missing, ``StanzaModelsMissing`` says at once how to fetch them on another machine.

``doc_from_stanza`` turns a Stanza ``Document`` into a spaCy ``Doc`` of the same text,
character for character:

- one spaCy token per Stanza token (a multi-word token such as "bukunya" stays one token and
  carries its first word's UPOS);
- the text between two tokens becomes the first one's trailing space when it is one space, and
  a token of its own otherwise (line breaks, runs of spaces), as ``make_doc_guarded`` does;
- ``token.is_sent_start`` from Stanza's sentences; ``token.pos_`` from Stanza's UPOS when it
  tagged the words (white-space tokens are ``SPACE``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.backends import BackendUnavailable

LANG = "id"
# Stanza adds "mwt" by itself where the Indonesian tokenizer package comes with one
PROCESSORS = "tokenize,pos"
INSTALL_HINT = 'pip install -e ".[stanza]"'


class StanzaNotInstalled(BackendUnavailable):
    """The stanza backend was asked for, but the package is not installed."""


class StanzaModelsMissing(BackendUnavailable):
    """Stanza's Indonesian models are not in the resources directory (nothing is downloaded)."""


def models_missing_message(directory: Path | str) -> str:
    return (
        f"stanza models for Indonesian not found in {directory}; on a machine with internet run: "
        f"python -c 'import stanza; stanza.download(\"{LANG}\", model_dir=\"{directory}\", processors=\"{PROCESSORS}\")' "
        f"and copy {directory} here, or set STANZA_RESOURCES_DIR / --stanza-dir to the directory that has them"
    )


def import_stanza() -> Any:
    try:
        import stanza
    except ImportError:
        raise StanzaNotInstalled(f"the stanza backend needs Stanza, which is not installed: {INSTALL_HINT}") from None
    return stanza


def resources_dir(stanza_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where the models are: ``stanza_dir``, else $STANZA_RESOURCES_DIR, else Stanza's default."""
    if stanza_dir:
        return Path(stanza_dir).expanduser()
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"]).expanduser()
    import_stanza()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def has_models(directory: Path) -> bool:
    """Whether ``directory`` looks like a Stanza resources directory with Indonesian models."""
    return (directory / "resources.json").is_file() and (directory / LANG).is_dir()


def check_stanza(stanza_dir: str | os.PathLike[str] | None = None) -> Path:
    """The models directory; StanzaNotInstalled or StanzaModelsMissing where Stanza cannot run."""
    import_stanza()
    directory = resources_dir(stanza_dir)
    if not has_models(directory):
        raise StanzaModelsMissing(models_missing_message(directory))
    return directory


def load_stanza(stanza_dir: str | os.PathLike[str] | None = None, processors: str = PROCESSORS) -> Any:
    """A ``stanza.Pipeline`` for Indonesian from local models only; StanzaModelsMissing without them."""
    stanza = import_stanza()
    directory = check_stanza(stanza_dir)
    try:
        return stanza.Pipeline(LANG, dir=str(directory), processors=processors, download_method=None, logging_level="ERROR")
    except (FileNotFoundError, ValueError, KeyError) as error:
        # resources.json is there but a model file it lists is not (or names another version)
        raise StanzaModelsMissing(f"{models_missing_message(directory)} ({type(error).__name__}: {error})") from None


def doc_from_stanza(vocab: Vocab, text: str, document: Any) -> Doc:
    """A spaCy Doc of ``text`` with the tokens, sentence starts and UPOS tags of Stanza's ``document``."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    tags: list[str | None] = []
    tagged = False  # whether Stanza tagged its words (a "pos" processor ran)

    def add_gap(start: int, end: int) -> None:
        """The text between two Stanza tokens (or before the first, after the last)."""
        if start >= end:
            return
        piece = text[start:end]
        if piece == " " and words:
            spaces[-1] = True
            return
        words.append(piece)
        spaces.append(False)
        sent_starts.append(False)
        tags.append("SPACE" if piece.isspace() else "X")

    position = 0
    for sentence in document.sentences:
        first = True
        for token in sentence.tokens:
            start, end = token.start_char, token.end_char
            if start is None or end is None:
                raise ValueError("the stanza Document has no character offsets (start_char/end_char)")
            if start < position or end > len(text):
                raise ValueError(f"stanza token {token.text!r} at {start}-{end} does not fit the text")
            if start == end:
                continue
            add_gap(position, start)
            words.append(text[start:end])
            spaces.append(False)
            sent_starts.append(first)
            tags.append(token.words[0].upos if token.words else None)
            tagged = tagged or tags[-1] is not None
            first = False
            position = end
    add_gap(position, len(text))
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        sent_starts=sent_starts,
        pos=[tag or "X" for tag in tags] if tagged else None,
    )


class StanzaTokenizer:
    """A spaCy tokenizer (``nlp.tokenizer``) that makes each Doc with a Stanza pipeline.

    The Stanza pipeline is loaded once, here: that takes seconds, and fails at once with
    StanzaNotInstalled or StanzaModelsMissing.
    """

    def __init__(self, vocab: Vocab, stanza_dir: str | os.PathLike[str] | None = None, stanza_pipeline: Any = None):
        self.vocab = vocab
        self.stanza = stanza_pipeline if stanza_pipeline is not None else load_stanza(stanza_dir)

    def __call__(self, text: str) -> Doc:
        return doc_from_stanza(self.vocab, text, self.stanza(text))
