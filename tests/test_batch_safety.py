"""extractor batch on hostile input (issue 12): nothing lost, nothing outside --out touched,
one-line errors naming file, line and id; exit 0 ok, 1 articles failed, 2 unusable, 3 output
unwritable. Every input here is invented."""

import errno
import io
import json
import pathlib
import re
import threading
import time
import traceback
from pathlib import Path

import pytest

from extractor.batch import OutputError, load_records, read_csv_table, run_batch
from extractor.batch.inputs import Job
from extractor.cli import main
from extractor.inputs import ArticleInput
from tests.conftest import SEED


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def short_articles(n, start=0):
    return [
        {"id": f"b{i:04d}", "text": f"Angka kemiskinan turun {i % 90 + 1} persen pada Rabu (25/9/2024) kemarin.", "published": "2024-09-26"}
        for i in range(start, start + n)
    ]


def err_lines(capsys):
    return capsys.readouterr().err.strip().splitlines()


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- 4: never replace by mistake


def test_an_existing_output_is_refused_without_resume_or_overwrite(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(3))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--out", str(out)]) == 0
    before = out.read_bytes()
    write_jsonl(src, short_articles(1))
    capsys.readouterr()
    assert main(["batch", str(src), "--out", str(out)]) == 2
    assert err_lines(capsys) == [
        f"extractor batch: error: {out} exists and holds 3 records; pass --resume to continue it or --overwrite to replace it"
    ]
    assert out.read_bytes() == before
    assert main(["batch", str(src), "--out", str(out), "--resume", "--overwrite"]) == 2
    assert out.read_bytes() == before
    assert main(["batch", str(src), "--out", str(out), "--overwrite"]) == 0
    assert [r.id for r in load_records(out)] == ["b0000"]


def test_an_existing_csv_output_is_refused_too(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(2))
    tables = tmp_path / "tables"
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv"]) == 0
    before = snapshot(tables)
    capsys.readouterr()
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv"]) == 2
    assert err_lines(capsys) == [
        f"extractor batch: error: {tables} exists and holds 2 records; pass --resume to continue it or --overwrite to replace it"
    ]
    assert snapshot(tables) == before
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv", "--overwrite"]) == 0
    assert snapshot(tables) == before


def test_a_non_record_file_is_refused_and_an_empty_or_device_output_is_not(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(1))
    notes = tmp_path / "notes.jsonl"
    notes.write_text("my notes\n")
    assert main(["batch", str(src), "--out", str(notes)]) == 2
    assert "--overwrite" in err_lines(capsys)[0] and notes.read_text() == "my notes\n"
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert main(["batch", str(src), "--out", str(empty)]) == 0
    if Path("/dev/null").exists():
        assert main(["batch", str(src), "--out", "/dev/null"]) == 0


@pytest.mark.parametrize("layout", ["same file", "through a symlink", "inside an input directory", "errors is the input",
                                    "errors is the output", "errors inside an input directory", "csv inside an input directory"])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path, capsys, layout):
    data = tmp_path / "data"
    data.mkdir()
    src = write_jsonl(data / "in.jsonl", short_articles(2))
    (data / "a.txt").write_text("Naik 3 persen.")
    (tmp_path / "link.jsonl").symlink_to(src)
    argv = {
        "same file": [str(src), "--out", str(src)],
        "through a symlink": [str(src), "--out", str(tmp_path / "link.jsonl")],
        "inside an input directory": [str(data), "--out", str(data / "records.jsonl")],
        "errors is the input": [str(src), "--out", str(tmp_path / "o.jsonl"), "--errors", str(src)],
        "errors is the output": [str(src), "--out", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "o.jsonl")],
        "errors inside an input directory": [str(data), "--out", str(tmp_path / "o.jsonl"), "--errors", str(data / "e.jsonl")],
        "csv inside an input directory": [str(data), "--out", str(data / "tables"), "--format", "csv"],
    }[layout]
    before = snapshot(tmp_path)
    for extra in ([], ["--resume"], ["--overwrite"]):
        assert main(["batch", *argv, *extra]) == 2, extra
        (line,) = err_lines(capsys)
        assert "the run would read what it writes" in line or "give the errors their own file" in line
        assert snapshot(tmp_path) == before and not (tmp_path / "o.jsonl").exists()


def test_resume_into_a_file_that_is_not_a_record_file_is_refused_not_truncated(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(2))
    for content in (b"line one\nline two\n", b"no line end", b'{"id": "x"}\n', b"\xff\xfe binary"):
        out = tmp_path / "out.jsonl"
        out.write_bytes(content)
        assert main(["batch", str(src), "--out", str(out), "--resume"]) == 2, content
        (line,) = err_lines(capsys)
        assert "not a record line" in line and f"{out}:1" in line
        assert out.read_bytes() == content
    # the errors file too
    out = tmp_path / "fresh.jsonl"
    errors = tmp_path / "errors.jsonl"
    errors.write_bytes(b"keep me\n")
    assert main(["batch", str(src), "--out", str(out), "--errors", str(errors), "--resume"]) == 2
    assert "not an error line" in err_lines(capsys)[0] and errors.read_bytes() == b"keep me\n"


def test_csv_resume_into_a_directory_that_is_not_a_csv_output_is_refused(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(2))
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8 jpeg")
    assert main(["batch", str(src), "--out", str(other), "--format", "csv", "--resume"]) == 2
    assert "not a CSV output directory" in err_lines(capsys)[0]
    assert sorted(p.name for p in other.iterdir()) == ["cat.jpg"]
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "articles.csv").write_bytes(b"whatever this is")
    (garbage / "dates.csv").write_bytes(b"id,value\r\nx,1\r\n")
    before = snapshot(garbage)
    assert main(["batch", str(src), "--out", str(garbage), "--format", "csv", "--resume"]) == 2
    assert "cannot resume into it" in err_lines(capsys)[0]
    assert snapshot(garbage) == before


# ---------------------------------------------------------------- 5: one bad line fails alone

HOSTILE_LINES = [
    '{"id": "ok1", "text": "Naik 1 persen."}',
    '{"id": "a", "text": "Naik 2 persen.", "x": "\\udfff"}',  # a lone surrogate, as a JSON escape
    '{"id": "\\udfff", "text": "Naik 3 persen."}',
    '{"id": "big", "text": "Naik 4 persen.", "n": ' + "7" * 5000 + "}",
    '{"id": "deep", "text": "Naik 5 persen.", "m": ' + "[" * 50000 + "]" * 50000 + "}",
    "[" * 50000 + "]" * 50000,
    '{"id": "deep150", "text": "Naik 6 persen.", "m": ' + "[" * 150 + "]" * 150 + "}",
    '{"id": "emoji", "text": "Naik 7 persen \\ud83d\\ude00.", "title": "\\ud83d\\ude00"}',  # a pair is fine
    '{"id": "ok2", "text": "Naik 8 persen."}',
]


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster


def test_hostile_jsonl_lines_fail_alone_alike_with_every_engine(tmp_path, dask_cluster):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    runs = {
        "one": {"workers": 1},
        "two": {"workers": 2},
        "dask": {"engine": "dask", "scheduler": dask_cluster.scheduler_address},
    }
    for name, options in runs.items():
        summary = run_batch([str(src)], tmp_path / f"{name}.jsonl", errors=tmp_path / f"{name}.errors.jsonl", **options)
        assert (summary.articles, summary.errors) == (3, 6), name
    records = load_records(tmp_path / "one.jsonl")
    assert [r.id for r in records] == ["ok1", "emoji", "ok2"]
    assert records[1].meta == {"title": "\U0001f600"}
    failures = [json.loads(line) for line in (tmp_path / "one.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(f["line"], f["id"]) for f in failures] == [(2, "a"), (3, "\udfff"), (4, None), (5, None), (6, None), (7, "deep150")]
    assert "lone surrogate" in failures[0]["error"] and "'x'" in failures[0]["error"]
    assert "digits" in failures[2]["error"] and "nested" in failures[3]["error"] and "nested" in failures[5]["error"]
    for name in ("two", "dask"):
        assert (tmp_path / f"{name}.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes(), name
        assert (tmp_path / f"{name}.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes(), name


def _jobs_with_unserialisable_articles():
    def job(ident, **meta):
        return Job(ArticleInput(text=f"Naik {len(ident)} persen.", id=ident, meta=meta), "mem.jsonl", len(ident))

    # made in code, not read from JSONL: the record itself cannot be serialised
    return [job("ok"), job("surrogate", x="\udfff"), job("ok-again"), job("unpicklable", lock=threading.Lock()), job("last")]


def test_serialising_a_record_fails_that_article_only_in_every_engine(dask_cluster, monkeypatch):
    from extractor.batch import engines

    def outcome(results):
        return [(json.loads(r)["id"] if r else None, f.id if f else None) for r, _, f in results]

    expected = [("ok", None), (None, "surrogate"), ("ok-again", None), (None, "unpicklable"), ("last", None)]
    assert outcome(engines.process_jobs(_jobs_with_unserialisable_articles(), 1)) == expected
    assert outcome(engines.process_jobs(_jobs_with_unserialisable_articles(), 2)) == expected
    monkeypatch.setattr(engines, "DASK_PARTITION_SIZE", 16)  # all five in one partition
    dask = list(engines.process_jobs_dask(_jobs_with_unserialisable_articles(), scheduler=dask_cluster.scheduler_address))
    assert outcome(dask) == expected
    local = list(engines.process_jobs(_jobs_with_unserialisable_articles(), 1))
    assert [r for r, _, _ in dask] == [r for r, _, _ in local]


# ---------------------------------------------------------------- 6: resume by position


def _duplicated_input(tmp_path, bad_lines=(51, 252)):
    rows = short_articles(300)
    rows += [dict(rows[k], text=rows[k]["text"] + " Lagi.") for k in (0, 150, 299)]  # 303 articles, 3 ids twice
    lines = [json.dumps(r) for r in rows]
    for number in bad_lines:
        lines.insert(number - 1, '{"id": "broken", "text": ')  # failures between the records
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def test_resume_with_duplicate_ids_gives_the_uninterrupted_output(tmp_path):
    src = _duplicated_input(tmp_path)
    full, full_errors = tmp_path / "full.jsonl", tmp_path / "full.errors.jsonl"
    assert run_batch([str(src)], full, errors=full_errors).articles == 303
    records = full.read_bytes().splitlines(keepends=True)
    errors = full_errors.read_bytes().splitlines(keepends=True)
    assert len(records) == 303 and len(errors) == 2
    # killed at input line 260: 258 records and both failures written, the next record half written
    for kept_records, kept_errors, tail in ((258, 2, records[258][:40]), (301, 2, b""), (50, 0, b""), (0, 0, b'{"i')):
        out, out_errors = tmp_path / "out.jsonl", tmp_path / "out.errors.jsonl"
        out.write_bytes(b"".join(records[:kept_records]) + tail)
        out_errors.write_bytes(b"".join(errors[:kept_errors]))
        summary = run_batch([str(src)], out, errors=out_errors, resume=True)
        assert summary.skipped == kept_records + kept_errors and summary.failed_before == kept_errors
        assert out.read_bytes() == full.read_bytes(), kept_records
        assert out_errors.read_bytes() == full_errors.read_bytes(), kept_records
    # without an errors file, an article that failed before is recognised by the record after it
    out = tmp_path / "no-errors.jsonl"
    out.write_bytes(b"".join(records[:258]))
    summary = run_batch([str(src)], out, resume=True)
    assert summary.skipped == 260 and summary.failed_before == 2
    assert out.read_bytes() == full.read_bytes()


def _cut_tables(folder, complete):
    """As if killed while writing article ``complete + 1``: articles.csv cut inside its row,
    every table with the rows of the complete articles and one row more (where there is one)."""
    from extractor.batch.writers import _complete_csv_rows, article_columns, csv_columns

    header = article_columns()

    articles = list(_complete_csv_rows(folder / "articles.csv", len(header)))
    data = (folder / "articles.csv").read_bytes()
    (folder / "articles.csv").write_bytes(data[: articles[complete][1] + 10])
    for name, columns in csv_columns().items():
        rows = list(_complete_csv_rows(folder / f"{name}.csv", len(columns)))
        keep = sum(int(row[header.index(f"n_{name}")]) for row, _ in articles[1 : complete + 1])
        end = rows[min(keep + 1, len(rows) - 1)][1]
        (folder / f"{name}.csv").write_bytes((folder / f"{name}.csv").read_bytes()[:end])


def test_csv_resume_with_duplicate_ids_gives_the_uninterrupted_tables(tmp_path):
    src = _duplicated_input(tmp_path, bad_lines=())
    full, partial = tmp_path / "full", tmp_path / "partial"
    run_batch([str(src)], full, format="csv")
    run_batch([str(src)], partial, format="csv")
    _cut_tables(partial, complete=301)  # the article cut off is the second b0150
    assert snapshot(partial) != snapshot(full)
    summary = run_batch([str(src)], partial, format="csv", resume=True)
    assert summary.skipped == 301 and summary.articles == 2
    assert snapshot(partial) == snapshot(full)


def test_resume_refuses_inputs_that_changed(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(6))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    run_batch([str(src)], out, errors=errors)
    out.write_bytes(b"".join(out.read_bytes().splitlines(keepends=True)[:3]))
    before = out.read_bytes()
    write_jsonl(src, [short_articles(1, start=40)[0], *short_articles(6)])
    assert main(["batch", str(src), "--out", str(out), "--errors", str(errors), "--resume"]) == 2
    (line,) = err_lines(capsys)
    assert "cannot resume" in line and f"{src}:1 (id b0040)" in line
    assert out.read_bytes() == before


# ---------------------------------------------------------------- 7: publication dates


def test_published_option_dates_txt_files_and_jsonl_rows_keep_their_own(tmp_path, capsys):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("Rapat digelar kemarin di balai kota.", encoding="utf-8")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "own", "text": "Rapat digelar kemarin.", "published": "2024-01-10"}])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), str(src), "--out", str(out), "--published", "2024-09-26"]) == 0
    a, own = load_records(out)
    assert str(a.published) == "2024-09-26" and [d.value for d in a.dates] == ["2024-09-25"]
    assert str(own.published) == "2024-01-10" and [d.value for d in own.dates] == ["2024-01-09"]
    assert a.warnings == [] and own.warnings == []
    capsys.readouterr()
    assert main(["batch", str(folder), "--out", str(tmp_path / "x.jsonl"), "--published", "bulan depan"]) == 2
    (line,) = err_lines(capsys)
    assert "--published" in line and "names no day, month and year" in line and not (tmp_path / "x.jsonl").exists()


def test_relative_dates_without_a_publication_date(tmp_path):
    rows = [
        # nothing dates the article: relative dates stay unresolved, no warning
        {"id": "undated", "text": "Rapat digelar kemarin. Anggaran naik bulan depan."},
        # a weekday date in the text anchors them: said in a warning
        {"id": "anchored", "text": "Rapat digelar kemarin. Sebelumnya pada Rabu (25/9/2024) ada rapat. Anggaran naik bulan depan."},
        {"id": "published", "text": "Rapat digelar kemarin. Sebelumnya pada Rabu (25/9/2024) ada rapat.", "published": "2024-09-26"},
    ]
    out = tmp_path / "out.jsonl"
    run_batch([str(write_jsonl(tmp_path / "in.jsonl", rows))], out)
    undated, anchored, published = load_records(out)
    assert [d.value for d in undated.dates if d.relative] == [None, None] and undated.warnings == []
    assert [d.value for d in anchored.dates if d.relative] == ["2024-09-24", "2024-10"]
    assert anchored.published is None
    assert anchored.warnings == ["no publication date: relative dates anchored on 2024-09-25 found in the text"]
    assert published.warnings == [] and [d.value for d in published.dates if d.relative] == ["2024-09-25"]


# ---------------------------------------------------------------- 8: disk full


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_disk_full_on_dev_full_is_one_line_and_exit_3(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(3))
    assert main(["batch", str(src), "--out", "/dev/full"]) == 3
    assert err_lines(capsys) == ["extractor batch: error: cannot write /dev/full: No space left on device"]


class _FullDisk(io.RawIOBase):
    """A file on a full disk: every write fails with ENOSPC."""

    def writable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=0):
        return 0

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


def _disk_fills_up(monkeypatch, under, after_bytes=0):
    """Files opened for writing under ``under`` take ``after_bytes`` bytes, then the disk is full."""
    real_open = pathlib.Path.open

    def open_(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        if not self.resolve().is_relative_to(under.resolve()) or not set(mode) & set("wa"):
            return handle
        real_write, budget = handle.write, [after_bytes]

        def write(text):
            if len(text) > budget[0]:
                raise OSError(errno.ENOSPC, "No space left on device")
            budget[0] -= len(text)
            return real_write(text)

        if after_bytes:
            handle.write = write
            return handle
        handle.close()
        return io.TextIOWrapper(io.BufferedWriter(_FullDisk()), encoding=kwargs.get("encoding"), newline=kwargs.get("newline"))

    monkeypatch.setattr(pathlib.Path, "open", open_)


@pytest.mark.parametrize("format", ["jsonl", "csv"])
def test_disk_full_is_one_line_and_exit_3(tmp_path, capsys, monkeypatch, format):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(3))
    full = tmp_path / "full"
    full.mkdir()
    out = full / ("out.jsonl" if format == "jsonl" else "tables")
    _disk_fills_up(monkeypatch, full)
    assert main(["batch", str(src), "--out", str(out), "--format", format]) == 3
    assert err_lines(capsys) == [f"extractor batch: error: cannot write {out}: No space left on device"]
    with pytest.raises(OutputError) as raised:
        run_batch([str(src)], out, format=format, overwrite=True)
    text = "".join(traceback.format_exception(raised.value))
    assert text.count("Traceback") == 1 and "During handling" not in text and "direct cause" not in text


def test_a_run_stopped_by_a_full_disk_resumes_to_the_same_output(tmp_path, monkeypatch, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(8))
    reference = tmp_path / "reference.jsonl"
    run_batch([str(src)], reference)
    disk = tmp_path / "disk"
    disk.mkdir()
    out = disk / "out.jsonl"
    _disk_fills_up(monkeypatch, disk, after_bytes=len(reference.read_bytes()) // 2)
    assert main(["batch", str(src), "--out", str(out)]) == 3
    monkeypatch.undo()
    assert 0 < out.read_bytes().count(b"\n") < 8
    assert main(["batch", str(src), "--out", str(out), "--resume"]) == 0
    assert out.read_bytes() == reference.read_bytes()


# ---------------------------------------------------------------- 11: CSV formulas

FORMULA_ID = '=HYPERLINK("http://x")'
FORMULA_TEXT = "+cmd|' /C calc'!A0 naik 2,5 persen."


def test_csv_cells_that_start_a_formula_are_neutralised(tmp_path):
    rows = [{"id": FORMULA_ID, "text": FORMULA_TEXT, "source": "@SUM(A1)", "published": "2024-09-26", "note": "-1.5"}]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    run_batch([str(src)], tmp_path / "safe", format="csv")
    (article,) = read_csv_table(tmp_path / "safe" / "articles.csv")
    assert article["id"] == "'" + FORMULA_ID and article["source"] == "'@SUM(A1)"
    assert article["meta"] == '{"note": "-1.5"}' and article["n_percentages"] == "1"
    (percent,) = read_csv_table(tmp_path / "safe" / "percentages.csv")
    assert percent["article_id"] == "'" + FORMULA_ID and percent["evidence"] == "'" + FORMULA_TEXT
    assert percent["value"] == "2.5" and percent["text"] == "2,5 persen"
    run_batch([str(src)], tmp_path / "raw", format="csv", csv_raw=True)
    (raw,) = read_csv_table(tmp_path / "raw" / "percentages.csv")
    assert raw["article_id"] == FORMULA_ID and raw["evidence"] == FORMULA_TEXT


def test_numbers_stay_numbers_and_resume_reads_neutralised_ids(tmp_path):
    from extractor.batch.writers import _cell

    assert _cell(-1.5) == -1.5 and _cell(-3) == -3 and _cell("-3") == "'-3" and _cell("\tx") == "'\tx"
    rows = [{"id": f"={i}", "text": FORMULA_TEXT} for i in range(4)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    full, partial = tmp_path / "full", tmp_path / "partial"
    run_batch([str(src)], full, format="csv")
    run_batch([str(src)], partial, format="csv")
    _cut_tables(partial, complete=2)
    assert run_batch([str(src)], partial, format="csv", resume=True).skipped == 2
    assert snapshot(partial) == snapshot(full)


# ---------------------------------------------------------------- 13: small things


def test_no_articles_at_all_is_exit_2(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n")
    for inputs in ([str(empty)], [str(blank)], [str(empty), str(blank)]):
        assert main(["batch", *inputs, "--out", str(tmp_path / "out.jsonl")]) == 2
        (line,) = err_lines(capsys)
        assert "no articles found in " + inputs[0] in line
    assert not (tmp_path / "out.jsonl").exists()


def test_csv_output_named_like_a_file_is_refused(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(1))
    assert main(["batch", str(src), "--out", str(tmp_path / "x.jsonl"), "--format", "csv"]) == 2
    (line,) = err_lines(capsys)
    assert "CSV output is a directory" in line
    assert not (tmp_path / "x.jsonl").exists()


def test_malformed_json_messages_read_well(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "y", "text": "a\tb"}\n{"id": \n{"id": "x", "text": "unterminated\n', encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    run_batch([str(src)], tmp_path / "out.jsonl", errors=errors)
    messages = [json.loads(line)["error"] for line in errors.read_text().splitlines()]
    assert messages == [
        "malformed JSON: Invalid control character at column 23",
        "malformed JSON: Expecting value at column 8",
        "malformed JSON: Unterminated string starting at column 21",
    ]
    assert not any(re.search(r"\bat at\b", m) for m in messages)


def test_dask_shutdown_prints_no_worker_warnings(tmp_path, capfd):
    pytest.importorskip("distributed")
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    # the run stops at the first write with partitions in flight: the cluster closes under busy workers
    texts = [p.read_text(encoding="utf-8") * 3 for p in sorted((SEED / "articles").glob("*.txt"))]
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"s{i}", "text": texts[i % 2]} for i in range(200)])
    assert main(["batch", str(src), "--out", "/dev/full", "--engine", "dask", "--workers", "2"]) == 3
    err = capfd.readouterr().err.strip().splitlines()
    assert err == ["extractor batch: error: cannot write /dev/full: No space left on device"]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_rate_and_eta_exclude_the_start_up(tmp_path, monkeypatch):
    from extractor.batch import engines

    real_init = engines._init_worker

    def slow_start(*args):
        time.sleep(2.0)  # building the pipeline, as on a slow machine
        real_init(*args)

    monkeypatch.setattr(engines, "_init_worker", slow_start)
    src = write_jsonl(tmp_path / "in.jsonl", short_articles(40))
    stream = _Terminal()
    run_batch([str(src)], tmp_path / "out.jsonl", progress_stream=stream)
    shown = stream.getvalue()
    assert "40/40" in shown
    etas = [int(s) for s in re.findall(r"ETA (\d+)s", shown)]
    etas += [int(m) * 60 + int(s) for m, s in re.findall(r"<(\d+):(\d+)", shown)]
    assert etas and max(etas) < 5, shown


def test_a_csv_output_without_rows_is_not_protected(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "x"}])  # fails: no text
    tables = tmp_path / "tables"
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv"]) == 1
    assert all(len(read_csv_table(table)) == 0 for table in tables.iterdir())  # headers only
    write_jsonl(src, short_articles(1))
    assert main(["batch", str(src), "--out", str(tables), "--format", "csv"]) == 0
