"""Reading a corpus: clear errors naming the file, the JSON path and the reason."""

import json
import shutil

import pytest

from evaluation import CorpusError, read_corpus, read_gold
from tests.conftest import SEED

EMPTY = {"id": "a", "officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}


def make_corpus(root, articles, golds):
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    for ident, text in articles.items():
        (root / "articles" / f"{ident}.txt").write_bytes(text if isinstance(text, bytes) else text.encode())
    for ident, gold in golds.items():
        body = gold if isinstance(gold, str) else json.dumps(gold)
        (root / "gold" / f"{ident}.json").write_text(body)
    return root


def test_seed_corpus_reads():
    corpus = read_corpus(SEED)
    assert [a.id for a in corpus.articles] == ["seed-000", "seed-002"]
    assert corpus.articles[1].gold.published.isoformat() == "2024-08-14"
    assert corpus.unlabelled == []


@pytest.mark.parametrize(
    ("gold", "json_path", "reason"),
    [
        ({**EMPTY, "dates": {"text": "x"}}, "$.dates", "valid list"),
        ({k: v for k, v in EMPTY.items() if k != "awards"}, "$.awards", "Field required"),
        ({**EMPTY, "dates": [{"text": "x", "value": "2024-13-01"}]}, "$.dates[0]", "'2024-13-01' is not a calendar day"),
        ({**EMPTY, "population_counts": [{"text": "x", "value": "many", "unit": "orang"}]}, "$.population_counts[0].value", "valid integer"),
        ({**EMPTY, "officials": [{"name": "Ali", "positions": ["Bupati"], "rank": 1}]}, "$.officials[0].rank", "Extra inputs"),
        ({**EMPTY, "id": "b"}, "$.id", "does not match the file name"),
    ],
)
def test_malformed_gold_names_file_path_and_reason(tmp_path, gold, json_path, reason):
    root = make_corpus(tmp_path / "c", {"a": "teks"}, {"a": gold})
    with pytest.raises(CorpusError) as error:
        read_corpus(root)
    message = str(error.value)
    assert str(root / "gold" / "a.json") in message
    assert json_path in message
    assert reason in message


def test_invalid_json_names_line_and_column(tmp_path):
    root = make_corpus(tmp_path / "c", {"a": "teks"}, {"a": '{"id": "a",\n "dates": [}'})
    with pytest.raises(CorpusError, match=r"a\.json: line 2 column .*invalid JSON"):
        read_corpus(root)


def test_article_without_gold_is_reported_not_scored(tmp_path):
    root = make_corpus(tmp_path / "c", {"a": "teks", "b": "lain"}, {"a": EMPTY})
    corpus = read_corpus(root)
    assert [a.id for a in corpus.articles] == ["a"]
    assert corpus.unlabelled == ["b"]


def test_gold_without_article_is_an_error(tmp_path):
    root = make_corpus(tmp_path / "c", {}, {"a": EMPTY})
    with pytest.raises(CorpusError, match="no article a.txt"):
        read_corpus(root)


def test_article_that_is_not_utf8(tmp_path):
    root = make_corpus(tmp_path / "c", {"a": b"caf\xe9"}, {"a": EMPTY})
    with pytest.raises(CorpusError, match=r"a\.txt: not UTF-8 at byte 3"):
        read_corpus(root)


def test_missing_directories(tmp_path):
    with pytest.raises(CorpusError, match="missing directory"):
        read_corpus(tmp_path)


def test_read_gold_of_seed(tmp_path):
    shutil.copy(SEED / "gold" / "seed-000.json", tmp_path / "seed-000.json")
    gold = read_gold(tmp_path / "seed-000.json")
    assert gold.officials[0].name == "Moh. Ali Kuncoro"
