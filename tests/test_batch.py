"""extractor batch: inputs, order, errors, resume after a kill, workers, CSV tables, Dask."""

import json
import signal
import subprocess
import sys
import time

import pytest

from extractor.batch import BatchError, done_ids, load_records, read_csv_table, read_inputs, run_batch
from extractor.cli import main
from tests.conftest import SEED

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((SEED / "articles").glob("*.txt"))]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def articles(n):
    return [{"id": f"a{i:04d}", "text": SEED_TEXTS[i % 2], "published": "2024-08-14", "url": f"http://x/{i}"} for i in range(n)]


def test_inputs_of_every_kind_in_order(tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "b.txt").write_text("Naik 2 persen.")
    (folder / "a.txt").write_text("Naik 1 persen.")
    jsonl = write_jsonl(tmp_path / "in.jsonl", [{"id": "j1", "text": "Naik 3 persen.", "title": "T"}, {"text": "Naik 4 persen."}])
    single = tmp_path / "c.txt"
    single.write_text("Naik 5 persen.")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(jsonl), str(folder), str(single)], out)
    records = load_records(out)
    assert [r.id for r in records] == ["j1", "in:2", "a", "b", "c"]
    assert [r.percentages[0].value for r in records] == [3, 4, 1, 2, 5]
    assert records[0].meta == {"title": "T"}
    assert summary.articles == 5 and summary.errors == 0


def test_bad_lines_go_to_the_errors_file_and_the_run_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "ok1", "text": "Naik 1 persen."}\n'
        b'{"id": "broken", "text": \n'
        b'["not", "an", "object"]\n'
        b'{"id": "notext"}\n'
        b'{"id": "baddate", "text": "x", "published": "kemarin"}\n'
        b'{"id": "latin1", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Naik 2 persen."}\n'
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = main(["batch", str(src), str(tmp_path / "missing.txt"), "--out", str(out), "--errors", str(errors)])
    assert status == 1
    assert [r.id for r in load_records(out)] == ["ok1", "ok2"]
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(f["line"], f["id"]) for f in failures] == [(2, None), (3, None), (4, "notext"), (5, "baddate"), (6, None), (None, None)]
    assert all(set(f) == {"source", "line", "id", "error"} for f in failures)
    assert "malformed JSON" in failures[0]["error"] and failures[0]["source"] == str(src)
    assert "no such file" in failures[-1]["error"]
    err = capsys.readouterr().err
    assert f"{src}:2: malformed JSON" in err
    assert "2 articles" in err and "6 errors" in err


def test_resume_skips_done_articles_and_drops_a_cut_off_line(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", articles(6))
    full = tmp_path / "full.jsonl"
    run_batch([str(src)], full)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2], encoding="utf-8")
    assert done_ids(partial) == {"a0000", "a0001", "a0002"}
    summary = run_batch([str(src)], partial, resume=True)
    assert summary.skipped == 3 and summary.articles == 3
    assert partial.read_bytes() == full.read_bytes()


def test_killed_run_resumed_gives_the_same_output(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", articles(120))
    reference = tmp_path / "reference.jsonl"
    run_batch([str(src)], reference)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "extractor", "batch", str(src), "--out", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(4800):  # polls, not a clock: at most about four minutes of 0.05 s naps
        if proc.poll() is not None or (out.exists() and out.read_bytes().count(b"\n") >= 10):
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the batch run ended before it could be killed half way")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    assert 10 <= written < 120
    assert subprocess.run([*command, "--resume"], capture_output=True, check=False).returncode == 0
    assert out.read_bytes() == reference.read_bytes()


def test_two_workers_give_the_same_output_as_one(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", articles(10))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([str(src)], one, workers=1)
    run_batch([str(src)], two, workers=2)
    assert one.read_bytes() == two.read_bytes()


def test_read_inputs_reports_unsupported_files(tmp_path):
    odd = tmp_path / "a.pdf"
    odd.write_bytes(b"%PDF")
    (failure,) = list(read_inputs([odd]))
    assert "unsupported input" in failure.error


def test_batch_refuses_bad_arguments(capsys, tmp_path):
    assert main(["batch", str(tmp_path), "--out", str(tmp_path), "--workers", "1"]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "o.jsonl"), "--workers", "0"]) == 2


# ---------------------------------------------------------------- CSV tables


def test_csv_tables_hold_every_item_with_its_attributes(tmp_path):
    text = "Bupati Ahmad Santoso menyebut kemiskinan turun 2,5 persen sejak Rabu (25/9/2024), atau 1.250 jiwa."
    rows = [{"id": "mine", "text": text, "published": "2024-10-01", "source": "koran"}, *articles(2)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    run_batch([str(src)], tmp_path / "records.jsonl")
    tables = tmp_path / "tables"
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv"]) == 0
    assert sorted(p.name for p in tables.iterdir()) == [
        "articles.csv", "awards.csv", "dates.csv", "facts.csv", "officials.csv", "percentages.csv",
        "population_counts.csv",
    ]

    (percent,) = [r for r in read_csv_table(tables / "percentages.csv") if r["article_id"] == "mine"]
    start, end = text.index("2,5 persen"), text.index("2,5 persen") + len("2,5 persen")
    assert percent == {
        "article_id": "mine", "value": "2.5", "text": "2,5 persen", "start": str(start), "end": str(end),
        "sentence": "0", "evidence": text, "subject": "kemiskinan", "period": "2024-09-25", "place": "",
    }
    # facts.csv: every percentage and count of the article in text order, with what it measures
    facts = [r for r in read_csv_table(tables / "facts.csv") if r["article_id"] == "mine"]
    assert facts == [
        {"article_id": "mine", "field": "percentage", "value": "2.5", "unit": "%", "subject": "kemiskinan",
         "period": "2024-09-25", "place": "", "text": "2,5 persen", "evidence": text},
        {"article_id": "mine", "field": "population_count", "value": "1250", "unit": "jiwa", "subject": "jiwa",
         "period": "2024-09-25", "place": "", "text": "1.250 jiwa", "evidence": text},
    ]
    (day,) = [r for r in read_csv_table(tables / "dates.csv") if r["article_id"] == "mine"]
    assert (day["value"], day["text"], day["granularity"], day["relative"]) == ("2024-09-25", "Rabu (25/9/2024)", "day", "false")
    (people,) = [r for r in read_csv_table(tables / "population_counts.csv") if r["article_id"] == "mine"]
    assert (people["value"], people["unit"]) == ("1250", "jiwa")
    mine = read_csv_table(tables / "articles.csv")[0]
    assert (mine["id"], mine["source"], mine["published"], mine["n_percentages"], mine["n_dates"]) == ("mine", "koran", "2024-10-01", "1", "1")

    # every table row is one item of the JSONL record, in order, with the same values
    records = load_records(tmp_path / "records.jsonl")
    assert [a["id"] for a in read_csv_table(tables / "articles.csv")] == [r.id for r in records]
    for name in ("dates", "percentages", "population_counts", "officials", "awards"):
        table = read_csv_table(tables / f"{name}.csv")
        items = [(r.id, item) for r in records for item in getattr(r, name)]
        assert len(table) == len(items), name
        for row, (ident, item) in zip(table, items):
            first = item.mentions[0] if name in ("officials", "awards") else item
            assert row["article_id"] == ident
            assert (row["text"], int(row["start"]), int(row["end"]), int(row["sentence"])) == (first.text, first.start, first.end, first.sentence)
            if name == "officials":
                assert row["positions"].split(" | ") == item.positions and row["name"] == item.name
                assert row["name_variants"] == " | ".join(item.name_variants) and row["acting"] == (item.acting or "")
            if name == "awards":
                assert (row["name"], row["recipient"], row["giver"]) == (item.name, item.recipient or "", item.giver or "")
            if name in ("percentages", "population_counts"):
                assert [row[key] for key in ("subject", "period", "place")] == [
                    getattr(item, key) or "" for key in ("subject", "period", "place")
                ]
    assert any(read_csv_table(tables / "officials.csv")), "the seed articles name officials"
    facts = read_csv_table(tables / "facts.csv")
    figures = [
        (r.id, item) for r in records
        for item in sorted([*r.percentages, *r.population_counts], key=lambda item: item.start)
    ]
    assert [(row["article_id"], row["text"], row["subject"]) for row in facts] == [
        (ident, item.text, item.subject or "") for ident, item in figures
    ]


def _cut_in_half(path, keep_rows):
    """Keep the header and ``keep_rows`` rows of a CSV table, then half of the next row (if any)."""
    rows = list(_complete_rows(path))
    data = path.read_bytes()
    end = rows[keep_rows][1] if keep_rows < len(rows) else len(data)
    following = rows[keep_rows + 1][1] if keep_rows + 1 < len(rows) else end
    path.write_bytes(data[: end + (following - end) // 2])


def _complete_rows(path):
    from extractor.batch.writers import _complete_csv_rows

    return _complete_csv_rows(path, path.read_bytes().split(b"\r\n", 1)[0].count(b",") + 1)


def test_csv_resume_after_a_cut_off_row_gives_the_same_tables(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", articles(6))
    full, partial = tmp_path / "full", tmp_path / "partial"
    run_batch([str(src)], full, format="csv")
    run_batch([str(src)], partial, format="csv")
    # killed while writing article 3: its articles.csv row half written, its item rows partly
    _cut_in_half(partial / "articles.csv", keep_rows=2)
    for name in ("officials", "dates", "percentages", "population_counts", "awards", "facts"):
        table = partial / f"{name}.csv"
        ids = [row[0] for row, _ in _complete_rows(table)][1:]
        _cut_in_half(table, keep_rows=sum(1 for ident in ids if ident in ("a0000", "a0001", "a0002")))
    assert partial.joinpath("articles.csv").read_bytes() != full.joinpath("articles.csv").read_bytes()
    summary = run_batch([str(src)], partial, format="csv", resume=True)
    assert summary.skipped == 2 and summary.articles == 4
    for table in sorted(full.iterdir()):
        assert (partial / table.name).read_bytes() == table.read_bytes(), table.name


def test_cut_off_csv_rows_are_recognised_at_every_byte(tmp_path):
    import csv

    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["id", "text"], ["a", "dua\nbaris, \"kutip\""], ["b", "Rp 1.000 — é"], ["c", "x\r\ny"]])
    data = path.read_bytes()
    ends = [end for _, end in _complete_rows(path)]
    assert ends[-1] == len(data) and len(ends) == 4
    for cut in range(len(data) + 1):
        path.write_bytes(data[:cut])
        assert [end for _, end in _complete_rows(path)] == [end for end in ends if end <= cut]


# ---------------------------------------------------------------- Dask


def test_engine_dask_without_dask_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    src = write_jsonl(tmp_path / "in.jsonl", articles(1))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--out", str(out), "--engine", "dask"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'pip install -e ".[dask]"' in err
    assert not out.exists()
    with pytest.raises(BatchError, match="not installed"):
        run_batch([str(src)], out, engine="dask")


def test_dask_cluster_gives_the_same_output_as_one_process(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    import extractor.batch.engines

    monkeypatch.setattr(extractor.batch.engines, "DASK_PARTITION_SIZE", 2)  # several tasks over both workers
    src = write_jsonl(tmp_path / "in.jsonl", articles(7))
    with src.open("a") as handle:
        handle.write('{"id": "broken", \n')
    local, remote = tmp_path / "local", tmp_path / "dask"
    for out in (local, remote):
        out.mkdir()
    run_batch([str(src)], local / "out.jsonl", errors=local / "errors.jsonl")
    run_batch([str(src)], local / "tables", format="csv")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        summary = run_batch([str(src)], remote / "out.jsonl", errors=remote / "errors.jsonl", engine="dask", scheduler=cluster.scheduler_address)
        run_batch([str(src)], remote / "tables", format="csv", engine="dask", scheduler=cluster.scheduler_address)
        assert len(cluster.workers) == 2
    assert summary.articles == 7 and summary.errors == 1
    for name in ("out.jsonl", "errors.jsonl", *(f"tables/{t.name}" for t in (local / "tables").iterdir())):
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
