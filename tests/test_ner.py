"""The shipped NER model: offline from the package, small, licensed, and a working component."""

from __future__ import annotations

import json

import spacy

from extractor.ner import MODEL_DIR, sentence_entities

SENTENCE = "Kepala Dinas PUPR Sleman, Taufiq Wahyudi, meninjau jembatan di Kecamatan Depok."


def test_the_model_ships_in_the_package_small_and_mit_licensed():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 5_000_000
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT" and sorted(meta["labels"]["ner"]) == ["LOC", "ORG", "PER"]


def test_entities_come_with_offsets_into_the_whole_text():
    text = "Judul berita.\n" + SENTENCE
    found = sentence_entities(text, [(14, len(text))])
    assert ("Taufiq Wahyudi", "PER") in [(text[s:e], label) for s, e, label in found]


def test_the_component_tags_only_sentences_with_its_cues():
    nlp = spacy.blank("id")
    nlp.add_pipe("id_sentences")
    nlp.add_pipe("id_ner", config={"cue_words": ["kepala"]})
    doc = nlp("Warga Budi Santoso datang ke pasar. " + SENTENCE)
    names = [span.text for span in doc.spans["ner"] if span.label_ == "PER"]
    assert "Taufiq Wahyudi" in names and not any("Budi" in name for name in names)
