"""The stanza backend: a Stanza Document becomes the spaCy Doc our components read.

The Documents here are real stanza Documents, read by Stanza's own CoNLL-U reader from
sentences written for these tests (with ``start_char``/``end_char`` offsets into the text).
Stanza's models are never needed except by the integration test at the end, which is skipped
where they are absent; nothing here goes to the network.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import socket
import sys

import pytest

from extractor.backends import BackendUnavailable, check_backend
from extractor.sentences import split_article

needs_stanza = pytest.mark.skipif(importlib.util.find_spec("stanza") is None, reason="stanza is not installed")

# A multi-word token is (surface, [(word, upos), ...]); any other token is (surface, upos).
TEXT = (
    "JAKARTA - Kepala Dinas Sosial Ahmad Yani Mengatakan bantuannya disalurkan Rabu (25/9/2024).\n\n"
    "Ia berharap warga datang.  Acara selesai. kemudian warga pulang Kamis (26/9/2024).\n"
    "Baca juga: Rapat digelar Jumat (27/9/2024)\n"
)
SENTENCES = [
    [("JAKARTA", "PROPN"), ("-", "PUNCT"), ("Kepala", "NOUN"), ("Dinas", "NOUN"), ("Sosial", "ADJ"),
     ("Ahmad", "PROPN"), ("Yani", "PROPN"), ("Mengatakan", "VERB"),
     ("bantuannya", [("bantuan", "NOUN"), ("nya", "PRON")]), ("disalurkan", "VERB"), ("Rabu", "PROPN"),
     ("(", "PUNCT"), ("25/9/2024", "NUM"), (")", "PUNCT"), (".", "PUNCT")],
    [("Ia", "PRON"), ("berharap", "VERB"), ("warga", "NOUN"), ("datang", "VERB"), (".", "PUNCT")],
    # Stanza starts a sentence here where our punctuation rules would not (a lower-case word follows)
    [("Acara", "NOUN"), ("selesai", "VERB"), (".", "PUNCT")],
    [("kemudian", "ADV"), ("warga", "NOUN"), ("pulang", "VERB"), ("Kamis", "PROPN"), ("(", "PUNCT"),
     ("26/9/2024", "NUM"), (")", "PUNCT"), (".", "PUNCT")],
    [("Baca", "VERB"), ("juga", "ADV"), (":", "PUNCT"), ("Rapat", "NOUN"), ("digelar", "VERB"), ("Jumat", "PROPN"),
     ("(", "PUNCT"), ("27/9/2024", "NUM"), (")", "PUNCT")],
]


def conllu(text: str, sentences: list, tagged: bool = True) -> str:
    """CoNLL-U of ``sentences`` with each token's character offsets in ``text``."""
    lines: list[str] = []
    position = 0
    for sentence in sentences:
        index = 1
        for surface, tag in sentence:
            start = text.index(surface, position)
            end = position = start + len(surface)
            offsets = f"start_char={start}|end_char={end}"
            words = tag if isinstance(tag, list) else [(surface, tag)]
            if len(words) > 1:
                lines.append(f"{index}-{index + len(words) - 1}\t{surface}\t_\t_\t_\t_\t_\t_\t_\t{offsets}")
            for word, upos in words:
                misc = offsets if len(words) == 1 else "_"
                lines.append(f"{index}\t{word}\t_\t{upos if tagged else '_'}\t_\t_\t_\t_\t_\t{misc}")
                index += 1
        lines.append("")
    return "\n".join(lines) + "\n"


def stanza_document(text: str = TEXT, sentences: list = SENTENCES, tagged: bool = True):
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(input_str=conllu(text, sentences, tagged))


@functools.cache
def vocab():
    import spacy

    return spacy.blank("id").vocab  # seconds to build: once


def stanza_doc(text: str = TEXT, sentences: list = SENTENCES, tagged: bool = True):
    from extractor.backends.stanza_backend import doc_from_stanza

    return doc_from_stanza(vocab(), text, stanza_document(text, sentences, tagged))


class FakeStanza:
    """Stands for a loaded stanza.Pipeline: the Document of each known text."""

    def __init__(self, documents: dict[str, list]):
        self.documents = documents

    def __call__(self, text: str):
        return stanza_document(text, self.documents[text])


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the network was touched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# -- the adapter --------------------------------------------------------------------------------


@needs_stanza
def test_doc_text_is_the_input_character_for_character():
    text = "  Budi  hadir.\n\nIa pulang . \n"
    sentences = [[("Budi", "PROPN"), ("hadir", "VERB"), (".", "PUNCT")], [("Ia", "PRON"), ("pulang", "VERB"), (".", "PUNCT")]]
    doc = stanza_doc(text, sentences)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert words == ["Budi", "hadir", ".", "Ia", "pulang", "."]
    # every piece between two Stanza tokens that is not one space is a white-space token of its own
    assert [t.text for t in doc if t.is_space] == ["  ", "  ", "\n\n", " \n"]
    # one space is the token's trailing space
    assert [t.whitespace_ for t in doc if t.text in ("Ia", "pulang")] == [" ", " "]


@needs_stanza
def test_tokens_sentence_starts_and_pos_come_from_stanza():
    document = stanza_document()
    doc = stanza_doc()
    assert doc.text == TEXT
    stanza_tokens = [(t.start_char, t.end_char) for s in document.sentences for t in s.tokens]
    assert [(t.idx, t.idx + len(t)) for t in doc if not t.is_space] == stanza_tokens
    stanza_starts = [s.tokens[0].start_char for s in document.sentences]
    assert [t.idx for t in doc if t.is_sent_start] == stanza_starts
    tags = [t.words[0].upos for s in document.sentences for t in s.tokens]
    assert [t.pos_ for t in doc if not t.is_space] == tags
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)
    # a multi-word token stays one token, with its first word's tag
    (token,) = [t for t in doc if t.text == "bantuannya"]
    assert token.pos_ == "NOUN"


@needs_stanza
def test_untagged_document_gives_a_doc_without_pos():
    doc = stanza_doc(tagged=False)
    assert doc.text == TEXT
    assert not doc.has_annotation("POS")
    assert doc.has_annotation("SENT_START")


@needs_stanza
def test_document_without_offsets_is_refused():
    from stanza.utils.conll import CoNLL

    from extractor.backends.stanza_backend import doc_from_stanza

    document = CoNLL.conll2doc(input_str="1\tBudi\t_\tPROPN\t_\t_\t_\t_\t_\t_\n\n")
    with pytest.raises(ValueError, match="offsets"):
        doc_from_stanza(vocab(), "Budi", document)


# -- the hooks: sentences and names ---------------------------------------------------------------


def test_given_sentence_starts_replace_the_punctuation_rules():
    text = "KOTA BARU - Acara selesai. kemudian warga pulang.\nBaca juga: Banjir surut"
    own = split_article(text)
    given = split_article(text, sentence_starts=[text.index("Acara"), text.index("kemudian"), text.index("Baca")])
    assert [text[a:b] for a, b in own.sentences] == ["KOTA BARU -", "Acara selesai. kemudian warga pulang.", "Baca juga: Banjir surut"]
    # the dateline and the line break still cut; the boilerplate line is still excluded
    assert [text[a:b] for a, b in given.sentences] == ["KOTA BARU -", "Acara selesai.", "kemudian warga pulang.", "Baca juga: Banjir surut"]
    assert given.excluded == own.excluded == [(text.index("Baca"), len(text))]
    assert given.paragraphs == own.paragraphs


@needs_stanza
def test_pos_tags_end_a_name_at_a_verb():
    from extractor import names

    start = TEXT.index("Ahmad")
    untagged = names.not_name_starts(stanza_doc(tagged=False))
    assert untagged == frozenset()
    assert names.bound_name(TEXT, start, not_names=untagged) == (start, TEXT.index(" bantuannya"))  # by spelling alone
    tagged = names.not_name_starts(stanza_doc())
    assert names.bound_name(TEXT, start, not_names=tagged) == (start, TEXT.index(" Mengatakan"))  # "Mengatakan" is a VERB
    assert names.bound_name(TEXT, TEXT.index("Mengatakan"), not_names=tagged) is None


# -- the whole pipeline on Stanza's Docs ----------------------------------------------------------


@needs_stanza
def test_pipeline_records_on_a_stanza_doc():
    from extractor.pipeline import Pipeline

    pipeline = Pipeline(backend="stanza", stanza_pipeline=FakeStanza({TEXT: SENTENCES}))
    doc = pipeline.nlp(pipeline.make_doc(pipeline_input(TEXT)))
    assert doc.text == TEXT
    record = pipeline(TEXT, published="2024-09-20")

    dates = {d.text: d for d in record.dates}
    assert set(dates) == {"Rabu (25/9/2024)", "Kamis (26/9/2024)"}  # not the one in "Baca juga:"
    for item in dates.values():
        assert TEXT[item.start : item.end] == item.text
    kamis = dates["Kamis (26/9/2024)"]
    assert kamis.value == "2024-09-26"
    # Stanza's sentence: "Acara selesai." and "kemudian ..." are two (sentence 0 is the dateline)
    assert kamis.evidence == "kemudian warga pulang Kamis (26/9/2024)."
    assert kamis.sentence == 4

    (official,) = record.officials
    assert official.name == "Ahmad Yani"  # the tagger's VERB ends the name
    assert official.positions == ["Kepala Dinas Sosial"]
    (mention,) = official.mentions
    assert TEXT[mention.start : mention.end] == "Ahmad Yani"
    assert mention.sentence == 1


def pipeline_input(text: str):
    from extractor.inputs import ArticleInput

    return ArticleInput(text=text)


def test_spacy_backend_keeps_its_own_sentences(pipeline):
    record = pipeline(TEXT, published="2024-09-20")
    kamis = next(d for d in record.dates if d.text == "Kamis (26/9/2024)")
    assert kamis.evidence == "Acara selesai. kemudian warga pulang Kamis (26/9/2024)."


# -- failing early and clearly --------------------------------------------------------------------


@needs_stanza
def test_missing_models_fail_at_once_without_network(tmp_path, no_network):
    from extractor.backends.stanza_backend import StanzaModelsMissing, load_stanza
    from extractor.pipeline import Pipeline

    with pytest.raises(StanzaModelsMissing) as caught:
        load_stanza(tmp_path)
    message = str(caught.value)
    assert f"not found in {tmp_path}" in message
    assert "stanza.download" in message and "STANZA_RESOURCES_DIR" in message
    with pytest.raises(StanzaModelsMissing):
        Pipeline(backend="stanza", stanza_dir=str(tmp_path))
    with pytest.raises(BackendUnavailable):
        check_backend("stanza", str(tmp_path))


@needs_stanza
def test_incomplete_models_dir_fails_without_network(tmp_path, no_network):
    from extractor.backends.stanza_backend import StanzaModelsMissing, load_stanza

    (tmp_path / "resources.json").write_text(json.dumps({}), encoding="utf-8")
    (tmp_path / "id").mkdir()
    with pytest.raises(StanzaModelsMissing, match="not found in"):
        load_stanza(tmp_path)


@needs_stanza
def test_models_dir_from_the_environment(tmp_path, monkeypatch, no_network):
    from extractor.backends.stanza_backend import StanzaModelsMissing, load_stanza

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(StanzaModelsMissing, match=f"not found in {tmp_path}"):
        load_stanza()


def test_stanza_not_installed_names_the_extra(monkeypatch):
    from extractor.backends.stanza_backend import StanzaNotInstalled, import_stanza

    monkeypatch.setitem(sys.modules, "stanza", None)  # makes "import stanza" fail
    with pytest.raises(StanzaNotInstalled, match=r'pip install -e "\.\[stanza\]"'):
        import_stanza()


def test_unknown_backend_is_refused():
    from extractor.pipeline import Pipeline

    with pytest.raises(ValueError, match="unknown backend"):
        Pipeline(backend="udpipe")


@needs_stanza
@pytest.mark.parametrize("command", ["extract", "batch"])
def test_cli_reports_missing_models_in_one_line(command, tmp_path, capsys, no_network):
    from extractor.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Bupati Budi hadir.", encoding="utf-8")
    models = tmp_path / "models"
    models.mkdir()
    out = tmp_path / "out.jsonl"
    args = [command, str(article), "--backend", "stanza", "--stanza-dir", str(models)]
    if command == "batch":
        args += ["--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"extractor {command}: error: stanza models for Indonesian not found in {models}")
    assert "Traceback" not in err and err.count("\n") == 1
    assert not out.exists()


@needs_stanza
def test_batch_workers_build_the_chosen_backend(tmp_path, no_network):
    from extractor.backends.stanza_backend import StanzaModelsMissing
    from extractor.batch import engines
    from extractor.batch.inputs import Job
    from extractor.inputs import ArticleInput

    jobs = [Job(source="a.txt", line=None, article=ArticleInput(text="Bupati Budi hadir.", id="a"))]
    try:
        engines.set_pipeline_options(backend="stanza", stanza_dir=str(tmp_path))
        with pytest.raises(StanzaModelsMissing):
            list(engines.process_jobs(jobs, workers=1))
        with pytest.raises(StanzaModelsMissing):  # checked before any worker process starts
            list(engines.process_jobs(jobs, workers=2))
    finally:
        engines.set_pipeline_options()


# -- with Stanza's real models, where they are installed ------------------------------------------


def _real_models():
    pytest.importorskip("stanza")
    from extractor.backends.stanza_backend import has_models, resources_dir

    directory = resources_dir()
    if not has_models(directory):
        pytest.skip(f"no Stanza Indonesian models in {directory}")
    return directory


def test_real_stanza_models():
    directory = _real_models()
    from extractor.pipeline import Pipeline

    text = "Kepala Dinas Sosial Ahmad Yani mengatakan bantuan disalurkan Rabu (25/9/2024).\n\nIa berharap warga datang."
    pipeline = Pipeline(backend="stanza", stanza_dir=str(directory))
    doc = pipeline.nlp(pipeline.make_doc(pipeline_input(text)))
    assert doc.text == text
    assert doc.has_annotation("POS") and doc.has_annotation("SENT_START")
    record = pipeline(text, published="2024-09-20")
    assert [d.value for d in record.dates] == ["2024-09-25"]
    assert [o.name for o in record.officials] == ["Ahmad Yani"]
