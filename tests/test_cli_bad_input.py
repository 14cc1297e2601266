"""Bad gold files and bad arguments, through the command line: one line, exit status 2.

(test_corpus.py and test_cli.py cover wrong types, missing lists, unknown item keys, misfit
values and bad dates; these are the cases they leave out.)
"""

from __future__ import annotations

import json

import pytest

from extractor.cli import main

GOLD = {"id": "a", "officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}


@pytest.mark.parametrize(
    ("gold", "where"),
    [
        ({**GOLD, "quotes": []}, "$.quotes: Extra inputs are not permitted"),
        ([GOLD], "$: a gold file holds a JSON object, not list"),
        ({**GOLD, "officials": [{"name": 5, "positions": "Bupati"}]}, "$.officials[0].name: Input should be a valid string"),
    ],
)
def test_evaluate_names_the_bad_gold_file_and_path_in_one_line(capsys, tmp_path, gold, where):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("teks", encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["evaluate", "--corpus", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{tmp_path / 'gold' / 'a.json'}: {where}" in err


def test_evaluate_reports_articles_without_gold(capsys, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Naik 5 persen.", encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text("Naik 6 persen.", encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert main(["evaluate", "--corpus", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "note: 1 article(s) without a gold file are not scored: b" in captured.err
    assert json.loads(captured.out)["percentages"]["pred"] == 1  # a is scored, b is not


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nonsense"],
        ["extract"],
        ["evaluate", "--corpus"],
        ["batch", "in.jsonl", "--out", "o.jsonl", "--format", "xml"],
        ["batch", "in.jsonl", "--out", "o.jsonl", "--workers", "two"],
        ["extract", "a.txt", "--no-such-option"],
    ],
)
def test_bad_arguments_are_a_usage_line_and_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: extractor") and "error:" in err and "Traceback" not in err
