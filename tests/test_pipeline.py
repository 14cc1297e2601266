"""The library call and the spaCy components."""

import datetime as dt
from dataclasses import dataclass

import spacy

import extractor
from schemas import ArticleRecord

TEXT = (
    "Pj Wali Kota Mojokerto Moh. Ali Kuncoro menyampaikan capaian 85,7% pada Rabu (14/8/2024). "
    "Sebanyak 141.790 penduduk terdaftar."
)


def test_extract_returns_a_validated_record():
    record = extractor.extract(TEXT, published="2024-08-15")
    assert isinstance(record, ArticleRecord)
    assert record.published == dt.date(2024, 8, 15)
    assert [p.value for p in record.percentages] == [85.7]
    for item in (*record.dates, *record.percentages, *record.population_counts):
        assert TEXT[item.start : item.end] == item.text
        assert item.evidence is not None and item.text in item.evidence
        assert item.sentence is not None


def test_pipeline_pipe_accepts_strings_dicts_and_objects(pipeline):
    @dataclass
    class Row:
        id: str
        text: str
        published: str

    articles = [TEXT, {"id": "b", "text": "Naik 5 persen.", "published": "2024-01-02"}, Row("c", "Turun 2%.", "2024-01-03")]
    records = list(pipeline.pipe(articles))
    assert [r.id for r in records] == ["0", "b", "c"]
    assert [r.published for r in records] == [None, dt.date(2024, 1, 2), dt.date(2024, 1, 3)]
    assert [[p.value for p in r.percentages] for r in records] == [[85.7], [5.0], [2.0]]


def test_pipeline_exposes_the_spacy_language(pipeline):
    assert isinstance(pipeline.nlp, spacy.language.Language)
    assert pipeline.nlp.lang == "id"
    assert pipeline.nlp.pipe_names[0] == "id_sentences"
    doc = pipeline.nlp(TEXT)
    assert [s.text for s in doc.spans["percentages"]] == ["85,7%"]
    assert len(list(doc.sents)) == 2
    assert doc._.records["percentages"][0].value == 85.7


def test_components_drop_into_any_spacy_pipeline():
    nlp = spacy.blank("id")
    nlp.add_pipe("id_percentages")
    doc = nlp("Inflasi 2,5 persen dan 3%.")
    assert [round(i.value, 2) for i in doc._.records["percentages"]] == [2.5, 3.0]
    assert nlp.config["components"]["id_percentages"]["factory"] == "id_percentages"


def test_pipeline_with_a_subset_of_fields():
    only = extractor.Pipeline(fields=["percentages"])
    # (the figure keys come with the percentages they describe)
    assert only.nlp.pipe_names == ["id_sentences", "id_percentages", "id_figure_keys"]
    record = only(TEXT)
    assert record.dates == [] and len(record.percentages) == 1


def test_unknown_field_is_refused():
    import pytest

    with pytest.raises(ValueError, match="unknown field"):
        extractor.Pipeline(fields=["dates", "prices"])


def test_a_failing_recognizer_becomes_a_warning_not_a_crash():
    from extractor.fields import FIELD_REGISTRY, Recognizer

    class Broken(Recognizer):
        field = "percentages"
        name = "broken"

        def find(self, article, doc):
            raise RuntimeError("boom")

    only = extractor.Pipeline(fields=["percentages"])
    component = only.nlp.get_pipe("id_percentages")
    component.strict = False  # the library's default; the test suite runs strict
    component.recognizers.append(Broken())
    record = only("Naik 5 persen.")
    assert [p.value for p in record.percentages] == [5.0]
    assert record.warnings == ["percentages/broken failed: RuntimeError: boom"]
    assert Broken not in FIELD_REGISTRY["percentages"].recognizers


def test_no_warnings_on_the_seed_corpus(pipeline):
    from tests.conftest import SEED

    for path in sorted((SEED / "articles").glob("*.txt")):
        assert pipeline(path.read_text(encoding="utf-8")).warnings == [], path.name


def test_components_serialise_and_load_through_entry_points(tmp_path):
    """A saved pipeline loads in a fresh interpreter without importing extractor first."""
    import subprocess
    import sys

    nlp = spacy.blank("id")
    for name in ("id_sentences", "id_dates", "id_percentages"):
        nlp.add_pipe(name)
    nlp.to_disk(tmp_path / "nlp")
    script = (
        "import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp('Naik 5 persen pada Rabu (25/9/2024).')\n"
        "print(nlp.pipe_names, [s.text for s in doc.spans['percentages']], [d.value for d in doc._.records['dates']])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "nlp")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['id_sentences', 'id_dates', 'id_percentages'] ['5 persen'] ['2024-09-25']"


def test_tokenizer_guard_keeps_the_text_and_says_so():
    """spaCy's rule tokenizer (tokenizer="spacy") is quadratic on a long run without white
    space: such a text is tokenised simply, and the record says so."""
    from extractor.inputs import ArticleInput
    from extractor.pipeline import Pipeline

    spacy_rules = Pipeline(tokenizer="spacy")
    text = "Rapat Rabu (25/9/2024) naik 5 persen.\n" + "(" * 2000 + "x" + ")" * 2000 + "\n  akhir"
    doc = spacy_rules.make_doc(ArticleInput(text=text))
    assert doc.text == text
    record = spacy_rules(text, published="2024-09-26")
    assert [d.value for d in record.dates] == ["2024-09-25"]
    assert [p.value for p in record.percentages] == [5.0]
    assert record.warnings and record.warnings[0].startswith("tokenizer guard")
    # ordinary text takes spaCy's own tokenizer and carries no warning
    assert spacy_rules("Naik 5 persen.").warnings == []


def test_the_default_tokenizer_needs_no_guard(pipeline):
    text = "Naik 5 persen.\n" + "(" * 2000 + "x" + ")" * 2000
    record = pipeline(text)
    assert record.warnings == [] and [p.value for p in record.percentages] == [5.0]