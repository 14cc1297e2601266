"""`extractor evaluate` on hostile gold files: one line naming file and JSON path, exit 2.

Covers what issue 12 found giving a traceback or passing silently: integers too long to
convert, nesting too deep to parse, offsets outside the article or not matching its text, and
lone surrogates (which could not be written back out with ``--predictions-dir``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main

ARTICLE = "Rapat pada 25/9/2024 dihadiri 1.200 warga."
GOLD = {"id": "a", "officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}
DATE = {"text": "25/9/2024", "value": "2024-09-25"}


def corpus(tmp_path: Path, gold_json: str) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(gold_json, encoding="utf-8")
    return tmp_path


def one_line_error(capsys, root: Path, *extra: str) -> str:
    assert main(["evaluate", "--corpus", str(root), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("extractor evaluate: error: ") and str(root / "gold" / "a.json") in err
    return err


@pytest.mark.parametrize(
    ("gold_json", "message"),
    [
        (json.dumps(GOLD)[:-1] + ', "x": ' + "9" * 5000 + "}", "invalid JSON: Exceeds the limit"),
        ("[" * 50000 + "]" * 50000, "invalid JSON: nested too deeply"),
        ('{"a": ' * 50000 + "1" + "}" * 50000, "invalid JSON: nested too deeply"),
        (json.dumps({**GOLD, "dates": [{**DATE, "start": 60, "end": 69}]}), "$.dates[0]: Value error, offsets 60:69 lie outside"),
        (json.dumps({**GOLD, "dates": [{**DATE, "start": 0, "end": 9}]}), "$.dates[0]: Value error, text '25/9/2024' is not what stands"),
        (json.dumps({**GOLD, "source": "\udfff"}), "$.source: a string holds a lone surrogate"),
        (json.dumps({**GOLD, "officials": [{"name": "A\ud800", "positions": []}]}), "$.officials[0].name: a string holds a lone surrogate"),
    ],
)
def test_hostile_gold_is_one_line_and_exit_2(capsys, tmp_path, gold_json, message):
    err = one_line_error(capsys, corpus(tmp_path, gold_json))
    assert message in err


def test_gold_offsets_that_fit_the_text_are_accepted(capsys, tmp_path):
    gold = {**GOLD, "dates": [{**DATE, "start": 11, "end": 20}]}
    root = corpus(tmp_path, json.dumps(gold))
    assert main(["evaluate", "--corpus", str(root), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dates"]["tp"] == 1


def test_a_surrogate_in_gold_never_reaches_the_predictions_dir(capsys, tmp_path):
    root = corpus(tmp_path / "c", json.dumps({**GOLD, "source": "x\udfffy"}))
    one_line_error(capsys, root, "--predictions-dir", str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()
