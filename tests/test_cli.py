"""The command line, run in-process through extractor.cli.main and once as a real process."""

import json
import subprocess
import sys

import pytest

from extractor.cli import main
from schemas.export import SCHEMA_FILES, render
from tests.conftest import ROOT, SEED


def test_evaluate_prints_the_table(capsys):
    assert main(["evaluate", "--corpus", str(SEED)]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == ["field", "gold", "pred", "tp", "P", "R", "F1"]
    for row in ("dates", "percentages", "population_counts", "officials", "officials+position", "awards", "awards~relaxed", "total"):
        assert any(line.split()[0] == row for line in out.splitlines() if line.strip()), row


def test_evaluate_json_counts_agree_with_the_gold(capsys):
    assert main(["evaluate", "--corpus", str(SEED), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["percentages"]["gold"] == 11  # 2 in seed-000, 9 in seed-002
    assert scores["dates"]["gold"] == 10
    assert scores["total"]["gold"] == sum(scores[f]["gold"] for f in ("dates", "percentages", "population_counts", "officials", "awards"))
    for row in scores.values():
        assert set(row) == {"tp", "pred", "gold", "precision", "recall", "f1"}
        assert 0 <= row["tp"] <= min(row["pred"], row["gold"])


def test_evaluate_per_article_and_predictions_dir(capsys, tmp_path):
    out_dir = tmp_path / "pred"
    assert main(["evaluate", "--corpus", str(SEED), "--per-article", "--predictions-dir", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in out_dir.iterdir()) == ["seed-000.json", "seed-002.json"]
    record = json.loads((out_dir / "seed-002.json").read_text())
    assert record["id"] == "seed-002" and record["published"] == "2024-08-14"
    assert ("== seed-" in out) or ("no misses and no false hits" in out)


def test_evaluate_unusable_corpus_exits_2(capsys, tmp_path):
    assert main(["evaluate", "--corpus", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "missing directory" in err and "Traceback" not in err


def test_evaluate_bad_gold_names_file_and_path(capsys, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("teks")
    (tmp_path / "gold" / "a.json").write_text(json.dumps({"officials": [], "dates": [{"text": "x", "value": 5}], "percentages": [], "population_counts": [], "awards": []}))
    assert main(["evaluate", "--corpus", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "a.json: $.dates[0].value" in err


def test_extract_prints_a_record(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Capaian program mencapai 85,7% pada Rabu (14/8/2024).", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2024-08-15"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "a"
    assert [p["value"] for p in record["percentages"]] == [85.7]
    assert [d["value"] for d in record["dates"]] == ["2024-08-14"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "/no/such/file.txt"], "cannot read"),
        (["extract", "{article}", "--published", "Agustus 2024"], "names no day, month and year"),
    ],
)
def test_extract_bad_input_is_one_line(capsys, tmp_path, argv, message):
    article = tmp_path / "a.txt"
    article.write_text("teks")
    assert main([a.format(article=article) for a in argv]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_bad_arguments_get_usage_not_traceback(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "--corpus" in err and "Traceback" not in err


def test_committed_json_schemas_are_up_to_date():
    for name in SCHEMA_FILES:
        committed = (ROOT / "schemas" / "json" / name).read_text(encoding="utf-8")
        assert committed == render(name), f"schemas/json/{name} is stale: run `extractor schema --out schemas/json`"


def test_python_dash_m_runs():
    done = subprocess.run([sys.executable, "-m", "extractor", "evaluate", "--corpus", str(SEED), "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "dates" in json.loads(done.stdout)
