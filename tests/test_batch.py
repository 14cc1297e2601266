"""extractor batch: inputs, order, errors, resume after a kill, workers."""

import json
import signal
import subprocess
import sys
import time

import pytest

from extractor.batch import done_ids, load_records, read_inputs, run_batch
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
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 10:
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
