"""A new field, registered in one place, reaches every output (README, "Adding a field").

The toy field ``hashtags`` is one item class, one recognizer, an assemble function, one
examples file (tests/data/toy_field/hashtags.jsonl) and one registry entry (``HASHTAGS``).
Registered, it is in the Pipeline's record, the JSONL and CSV output of ``batch``, the page
of ``show`` and the scores of ``evaluate``; unregistered afterwards, it is gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import regex
from pydantic import Field

from extractor import guards
from extractor.article import Article
from extractor.cli import main
from extractor.fields import Candidate, FieldSpec, Recognizer, provenance, register_field, resolve_overlaps, unregister_field
from extractor.pipeline import Pipeline
from schemas import Provenance, field_names, record_model
from schemas.fields import SPAN_COLUMNS, ByValue, Column, FieldSchema
from tests.conftest import ROOT
from tests.test_examples import check_example, field_examples

DATA = ROOT / "tests" / "data" / "toy_field"
TEXT = (DATA / "corpus" / "articles" / "toy-001.txt").read_text(encoding="utf-8")


class Hashtag(Provenance):
    """A hashtag: its text and the tag, lower-cased, without "#"."""

    text: str = Field(min_length=1)
    value: str = Field(min_length=1)


class HashtagRecognizer(Recognizer):
    field = "hashtags"
    name = "hashtag"
    pattern = regex.compile(r"(?<!\w)#(\w+)")

    def find(self, article: Article, doc) -> Iterator[Candidate]:
        for m in self.pattern.finditer(article.text, timeout=guards.remaining()):
            yield Candidate(m.start(), m.end(), m.group(1).lower())


def assemble(candidates: list[Candidate], article: Article) -> list[Hashtag]:
    return [
        Hashtag(text=article.text[c.start : c.end], value=c.value, **provenance(article, c.start, c.end))
        for c in resolve_overlaps(candidates)
    ]


HASHTAGS = FieldSpec(
    FieldSchema(
        name="hashtags",
        item=Hashtag,
        item_name="hashtag",
        columns=(Column("value"), *SPAN_COLUMNS),
        label="HASHTAG",
        colour="#2ec4b6",
        describe=lambda item: f"tag {item.value}",
        scoring=(ByValue(lambda item: item.value, lambda item: f"{item.value} {item.text!r}"),),
    ),
    recognizers=(HashtagRecognizer,),
    assemble=assemble,
    examples=DATA / "hashtags.jsonl",
)


@pytest.fixture(scope="module")
def toy_pipeline():
    register_field(HASHTAGS)
    try:
        yield Pipeline()
    finally:
        unregister_field("hashtags")
    assert "hashtags" not in field_names() and "hashtags" not in record_model().model_fields
    assert not hasattr(Pipeline(fields=["dates"])("Naik pada 2024."), "hashtags")


def test_the_record_has_the_field_after_the_others(toy_pipeline):
    record = toy_pipeline(TEXT)
    assert [(tag.text, tag.value) for tag in record.hashtags] == [
        ("#SlemanSehat", "slemansehat"), ("#JKNUntukSemua", "jknuntuksemua"), ("#Sleman", "sleman")
    ]
    assert "id_hashtags" in toy_pipeline.nlp.pipe_names
    keys = list(json.loads(record.model_dump_json()))
    assert keys.index("hashtags") == keys.index("awards") + 1 and keys[-3:] == ["warnings", "meta", "article"]


def test_the_examples_file_passes(toy_pipeline):
    examples = list(field_examples(HASHTAGS))
    assert len(examples) == 3
    for _, example in examples:
        check_example(toy_pipeline, "hashtags", example)


def test_batch_writes_the_field_to_jsonl_and_csv(toy_pipeline, tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "--out", str(tmp_path / "records.jsonl")]) == 0
    record = json.loads((tmp_path / "records.jsonl").read_text(encoding="utf-8"))
    assert [tag["value"] for tag in record["hashtags"]] == ["slemansehat", "jknuntuksemua", "sleman"]

    assert main(["batch", str(source), "--out", str(tmp_path / "tables"), "--format", "csv"]) == 0
    rows = (tmp_path / "tables" / "hashtags.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "article_id,value,text,start,end,sentence,evidence"
    assert rows[1].startswith("a1,slemansehat,#SlemanSehat,42,54,0,")
    articles = (tmp_path / "tables" / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert articles[0].endswith(",n_awards,n_hashtags") and articles[1].endswith(",3")


def test_show_highlights_the_field(toy_pipeline, tmp_path):
    article = tmp_path / "a1.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["show", str(article), "--html", str(tmp_path / "a1.html")]) == 0
    page = (tmp_path / "a1.html").read_text(encoding="utf-8")
    assert '[data-field="hashtags"] { background: #2ec4b6; }' in page
    assert '<span data-count="hashtags">hashtags 3</span>' in page
    assert "HASHTAG (hashtags)" in page
    for tag in ("slemansehat", "jknuntuksemua", "sleman"):
        assert f'data-field="hashtags" title="tag {tag}"' in page
    assert '<span class="extractor-label">HASHTAG</span>' in page


def test_evaluate_scores_the_field(toy_pipeline, capsys):
    corpus = str(DATA / "corpus")
    assert main(["evaluate", "--corpus", corpus, "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["hashtags"] == {"tp": 2, "pred": 3, "gold": 3, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
    assert scores["total"]["gold"] == 3
    assert main(["evaluate", "--corpus", corpus]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:] if line.strip() and not line.startswith("-")]
    # fields scored by value come first: the toy field after the counts, before the officials
    assert rows == [
        "dates", "percentages", "population_counts", "hashtags", "officials", "officials+position", "awards", "awards~relaxed", "total",
    ]
