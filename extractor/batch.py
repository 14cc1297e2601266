"""Batch processing: many inputs in, one record per article out, nothing lost on the way.

Inputs are ``.txt`` files, directories of them (searched recursively, in name order) and
JSONL files (one article a line: ``text`` required; ``id``, ``published``, ``source``
optional; other keys carried through to ``record.meta``). Records are written in input order
and flushed as they come, so an interrupted run can be continued with ``resume``: articles
whose id is already in the output are skipped, and a last line cut off by the interruption is
dropped. An article that cannot be read or processed goes to the errors file and the run
goes on.

Two output formats sit behind one writer interface (``WRITERS``): ``jsonl`` (one
ArticleRecord a line) and ``csv`` (a directory of flat tables, one per field, plus
``articles.csv``). Two engines produce the results in input order: ``local`` (this process
or a process pool) and ``dask`` (a Dask cluster; the optional ``dask`` extra).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

from extractor.pipeline import ArticleInput, as_input
from schemas import FIELDS, ArticleRecord

JSONL_SUFFIXES = (".jsonl", ".ndjson")
FORMATS = ("jsonl", "csv")
ENGINES = ("local", "dask")
DASK_INSTALL_HINT = 'pip install -e ".[dask]" (or pip install "dask[distributed]")'


class BatchError(Exception):
    """A batch run that cannot start (missing optional dependency, unusable output): one line."""


@dataclass(slots=True)
class InputFailure:
    """An article that could not be read or processed, with where it came from."""

    source: str
    line: int | None
    id: str | None
    error: str

    def as_json(self) -> str:
        return json.dumps({"source": self.source, "line": self.line, "id": self.id, "error": self.error}, ensure_ascii=False)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.error}"


@dataclass(slots=True)
class Job:
    """One article to process, with its origin (for error reports)."""

    article: ArticleInput
    source: str
    line: int | None


def _read_txt(path: Path) -> Job | InputFailure:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return InputFailure(str(path), None, path.stem, f"not UTF-8 at byte {error.start} ({error.reason})")
    except OSError as error:
        return InputFailure(str(path), None, path.stem, f"cannot read ({error.strerror})")
    return Job(ArticleInput(text=text, id=path.stem), str(path), None)


def _read_jsonl(path: Path) -> Iterator[Job | InputFailure]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputFailure(str(path), None, None, f"cannot read ({error.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                yield InputFailure(str(path), number, None, f"not UTF-8 at byte {error.start} of the line")
                continue
            except json.JSONDecodeError as error:
                yield InputFailure(str(path), number, None, f"malformed JSON: {error.msg} at column {error.colno}")
                continue
            if not isinstance(row, dict):
                yield InputFailure(str(path), number, None, f"a line holds a JSON object, not {type(row).__name__}")
                continue
            ident = row.get("id")
            if ident is None:
                row = {**row, "id": f"{path.stem}:{number}"}
            try:
                yield Job(as_input(row), str(path), number)
            except (TypeError, ValueError) as error:
                yield InputFailure(str(path), number, None if ident is None else str(ident), str(error))


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Job | InputFailure]:
    """Jobs (or failures) from files and directories, in the order given."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputFailure(str(path), None, None, "no such file or directory")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", *JSONL_SUFFIXES)):
                yield from (_read_jsonl(child) if child.suffix in JSONL_SUFFIXES else [_read_txt(child)])
        elif path.suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
        elif path.suffix == ".txt":
            yield _read_txt(path)
        else:
            yield InputFailure(str(path), None, None, "unsupported input (expected .txt, .jsonl or a directory)")


def done_ids(out: Path) -> set[str]:
    """Ids already written to a JSONL output; a cut-off last line is removed from the file."""
    if not out.exists():
        return set()
    ids: set[str] = set()
    keep = 0  # byte length of the complete lines
    with out.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(raw)["id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                break
            keep += len(raw)
    if keep < out.stat().st_size:
        with out.open("r+b") as handle:
            handle.truncate(keep)
    return ids


# ---------------------------------------------------------------- processing


# One Pipeline per process (building it takes seconds): set in pool workers by the initializer,
# in Dask workers on first use or by the warm-up, in this process for one worker.
_WORKER_PIPELINE = None
_WORKER_PIPELINE_LOCK = threading.Lock()


def _init_worker() -> None:
    global _WORKER_PIPELINE
    with _WORKER_PIPELINE_LOCK:
        if _WORKER_PIPELINE is None:
            from extractor.pipeline import Pipeline

            _WORKER_PIPELINE = Pipeline()


Result = tuple[str | None, dict[str, int] | None, InputFailure | None]


def _process(job: Job) -> Result:
    """(record JSON, items per field) or a failure, for one job (in a worker or in-process)."""
    if _WORKER_PIPELINE is None:
        _init_worker()
    try:
        record = _WORKER_PIPELINE.process(job.article)  # type: ignore[union-attr]
    except Exception as error:  # noqa: BLE001  (any failure is this article's; the run goes on)
        return None, None, InputFailure(job.source, job.line, job.article.id, f"{type(error).__name__}: {error}")
    counts = {name: len(getattr(record, name)) for name in FIELDS}
    return record.model_dump_json(), counts, None


def _partitions(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    """The jobs in lists of ``size`` (the last one shorter)."""
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_jobs(jobs: Iterable[Job], workers: int = 1) -> Iterator[Result]:
    """Results in input order, with ``workers`` processes.

    Jobs go to the pool a window at a time, so memory stays bounded however long the input.
    """
    if workers <= 1:
        _init_worker()
        for job in jobs:
            yield _process(job)
        return
    import multiprocessing

    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        for batch in _partitions(jobs, workers * 32):
            yield from pool.imap(_process, batch, chunksize=4)


DASK_PARTITION_SIZE = 16  # articles per Dask task: a fraction of a second of work each


def require_dask() -> Any:
    """The ``distributed`` module, or BatchError saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise BatchError(f"--engine dask needs Dask, which is not installed: {DASK_INSTALL_HINT}") from None
    return distributed


def _process_partition(jobs: list[Job]) -> list[Result]:
    """A Dask task: one partition of jobs, with the worker process's Pipeline."""
    return [_process(job) for job in jobs]


def process_jobs_dask(
    jobs: Iterable[Job], workers: int = 1, scheduler: str | None = None, partition_size: int | None = None
) -> Iterator[Result]:
    """Results in input order, computed on a Dask cluster.

    ``scheduler`` is the address of a running cluster; without it a LocalCluster of ``workers``
    single-threaded processes is started on loopback (and closed at the end). The input is cut
    into partitions of ``partition_size`` jobs, submitted a bounded window at a time and
    collected in order, so memory stays bounded; each worker process builds its Pipeline once.
    A partition the cluster could not run (a worker died) fails each of its articles.
    """
    distributed = require_dask()
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(distributed.Client(scheduler))
            except (OSError, TimeoutError) as error:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        else:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                )
            )
            client = stack.enter_context(distributed.Client(cluster))
        try:
            client.run(_init_worker)  # build every worker's Pipeline now, not inside the first tasks
        except Exception as error:  # noqa: BLE001  (reported as one line)
            raise BatchError(
                f"the Dask workers cannot build the pipeline (is this package installed on them?): {type(error).__name__}: {error}"
            ) from None
        window = 2 * max(1, sum(client.nthreads().values())) + 1
        pending: deque[tuple[list[Job], Any]] = deque()

        def collect() -> Iterator[Result]:
            batch, future = pending.popleft()
            try:
                results = future.result()
            except Exception as error:  # noqa: BLE001  (the cluster's failure is these articles')
                reason = f"dask: {type(error).__name__}: {error}"
                results = [(None, None, InputFailure(job.source, job.line, job.article.id, reason)) for job in batch]
            future.release()
            yield from results

        for batch in _partitions(jobs, partition_size or DASK_PARTITION_SIZE):
            pending.append((batch, client.submit(_process_partition, batch, pure=False)))
            while len(pending) >= window:
                yield from collect()
        while pending:
            yield from collect()


# ---------------------------------------------------------------- writing


class RecordWriter(Protocol):
    """Where records go. Built as ``Writer(out, resume)``; with ``resume`` it first repairs an
    interrupted output (drops what was cut off) and lists the ids already written in ``done``."""

    done: set[str]

    def write(self, record_json: str) -> None:
        """Add one record (ArticleRecord JSON) and flush."""

    def close(self) -> None: ...


class JsonlWriter:
    """``out`` is a JSONL file, one record a line."""

    def __init__(self, out: Path, resume: bool):
        self.done = done_ids(out) if resume else set()
        out.parent.mkdir(parents=True, exist_ok=True)
        self.handle = out.open("a" if resume else "w", encoding="utf-8")

    def write(self, record_json: str) -> None:
        self.handle.write(record_json + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


# Flat tables: one row per item; officials and awards give the text and offsets of their first
# mention; lists are joined with LIST_SEPARATOR.
LIST_SEPARATOR = " | "
_SPAN_COLUMNS = ("text", "start", "end", "sentence", "evidence")
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "officials": ("article_id", "name", "positions", "acting", "name_variants", "mention_count", *_SPAN_COLUMNS),
    "dates": ("article_id", "value", *_SPAN_COLUMNS, "granularity", "relative"),
    "percentages": ("article_id", "value", *_SPAN_COLUMNS),
    "population_counts": ("article_id", "value", *_SPAN_COLUMNS, "unit"),
    "awards": ("article_id", "name", "recipient", "giver", "mention_count", *_SPAN_COLUMNS),
}
ARTICLE_COLUMNS = ("id", "source", "published", "warnings", "meta", *(f"n_{name}" for name in FIELDS))


def _first_mention(item: dict[str, Any]) -> dict[str, Any]:
    mentions = item.get("mentions") or [{}]
    return {"mention_count": len(item.get("mentions") or []), **{key: mentions[0].get(key) for key in _SPAN_COLUMNS}}


def _flat_item(name: str, item: dict[str, Any]) -> dict[str, Any]:
    """The columns of one item of field ``name`` (a record's JSON form)."""
    if name == "officials":
        lists = {key: LIST_SEPARATOR.join(item.get(key) or []) for key in ("positions", "name_variants")}
        return {**item, **lists, **_first_mention(item)}
    if name == "awards":
        return {**item, **_first_mention(item)}
    return item


def _cell(value: Any) -> Any:
    # JSON spellings, so that a CSV cell reads like the JSONL value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _complete_csv_rows(path: Path, width: int) -> Iterator[tuple[list[str], int]]:
    """(row, byte offset after it) for each complete row; stops at the first cut-off one.

    Rows end with "\r\n"; a row cut inside a quoted cell (which may hold newlines) is an
    error in strict mode, one cut elsewhere lacks the line end or cells.
    """
    consumed = 0
    last_line = ""

    def lines(handle: TextIO) -> Iterator[str]:
        nonlocal consumed, last_line
        for line in handle:
            consumed += len(line.encode("utf-8", "surrogateescape"))
            last_line = line
            yield line

    # surrogateescape: a multi-byte character cut in half ends the last row, not the reading
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(lines(handle), strict=True)
        while True:
            try:
                row = next(reader)
            except (StopIteration, csv.Error):
                return
            if len(row) != width or not last_line.endswith("\r\n"):
                return
            yield row, consumed


class CsvWriter:
    """``out`` is a directory of CSV tables: FIELD.csv for each field, articles.csv.

    An article's item rows are written and flushed before its articles.csv row, so
    articles.csv lists exactly the articles whose rows are complete; on resume, item rows of
    any other article (the one cut off) are dropped.
    """

    def __init__(self, out: Path, resume: bool):
        out.mkdir(parents=True, exist_ok=True)
        tables = {name: (out / f"{name}.csv", columns) for name, columns in CSV_COLUMNS.items()}
        articles = (out / "articles.csv", ARTICLE_COLUMNS)
        self.done = self._repair(*articles, keep=None) if resume else set()
        self.files: dict[str, tuple[TextIO, csv.DictWriter]] = {}
        for name, (path, columns) in [*tables.items(), ("articles", articles)]:
            if resume:
                self._repair(path, columns, keep=self.done)
            handle = path.open("a" if resume else "w", encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            if handle.tell() == 0:
                writer.writeheader()
            self.files[name] = (handle, writer)

    @staticmethod
    def _repair(path: Path, columns: tuple[str, ...], keep: set[str] | None) -> set[str]:
        """Cut ``path`` after its last complete row (of an article in ``keep``, when given); the ids in column 0."""
        if not path.exists():
            return set()
        ids: set[str] = set()
        end = 0
        for number, (row, offset) in enumerate(_complete_csv_rows(path, len(columns))):
            if number == 0:
                if tuple(row) != columns:
                    raise BatchError(f"{path}: the columns differ from this version's; cannot resume into it")
            elif keep is not None and row[0] not in keep:
                break
            else:
                ids.add(row[0])
            end = offset
        if end < path.stat().st_size:
            with path.open("r+b") as handle:
                handle.truncate(end)
        return ids

    def write(self, record_json: str) -> None:
        record = json.loads(record_json)
        for name in CSV_COLUMNS:
            handle, writer = self.files[name]
            for item in record[name]:
                row = _flat_item(name, item)
                writer.writerow({"article_id": record["id"], **{k: _cell(v) for k, v in row.items()}})
            handle.flush()
        handle, writer = self.files["articles"]
        row = {key: record.get(key) for key in ("id", "source", "published")}
        row["warnings"] = LIST_SEPARATOR.join(record.get("warnings") or [])
        row["meta"] = json.dumps(record["meta"], ensure_ascii=False) if record.get("meta") else None
        row.update({f"n_{name}": len(record[name]) for name in FIELDS})
        writer.writerow({k: _cell(v) for k, v in row.items()})
        handle.flush()

    def close(self) -> None:
        for handle, _ in self.files.values():
            handle.close()


WRITERS: dict[str, type] = {"jsonl": JsonlWriter, "csv": CsvWriter}


@dataclass
class Summary:
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    records: dict[str, int] = field(default_factory=lambda: {})
    seconds: float = 0.0

    def line(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.records.items())
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles} articles ({rate:.1f}/s), {self.skipped} skipped as done, {self.errors} errors, "
            f"{self.seconds:.1f} s wall; records: {counts or 'none'}"
        )


class Progress:
    """A one-line progress display on a terminal (articles/s, ETA); silent otherwise."""

    def __init__(self, stream: TextIO, total: int | None):
        self.stream, self.total = stream, total
        self.enabled = stream.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, done: int, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 0.2):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        if self.total:
            eta = (self.total - done) / rate if rate else 0
            width = 24
            filled = int(width * done / self.total)
            bar = "#" * filled + "." * (width - filled)
            text = f"\r[{bar}] {done}/{self.total} {rate:.1f} art/s ETA {eta:.0f}s"
        else:
            text = f"\r{done} articles {rate:.1f} art/s"
        self.stream.write(text + ("\n" if final else ""))
        self.stream.flush()


def count_articles(paths: Iterable[str | Path]) -> int:
    """Articles in the inputs, counted cheaply (lines of JSONL, .txt files)."""
    total = 0
    for given in paths:
        path = Path(given)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            if file.suffix in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for raw in handle if raw.strip())
            elif file.suffix == ".txt":
                total += 1
    return total


def run_batch(
    inputs: list[str],
    out: Path,
    *,
    errors: Path | None = None,
    resume: bool = False,
    workers: int = 1,
    format: str = "jsonl",
    engine: str = "local",
    scheduler: str | None = None,
    progress_stream: TextIO | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> Summary:
    """Process every article of ``inputs`` into ``out``; see the module docstring.

    ``out`` is a JSONL file (``format="jsonl"``) or a directory of tables (``"csv"``).
    ``engine="dask"`` runs on the cluster at ``scheduler``, or on a LocalCluster of
    ``workers`` processes; the output is the same as with the local engine.
    """
    if format not in WRITERS:
        raise BatchError(f"unknown format {format!r}; known: {', '.join(FORMATS)}")
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "dask":
        require_dask()  # before anything is written
    started = time.monotonic()
    writer: RecordWriter = WRITERS[format](out, resume)
    skip = writer.done
    error_handle = errors.open("a" if resume else "w", encoding="utf-8") if errors else None
    summary = Summary()
    progress = Progress(progress_stream or sys.stderr, count_articles(inputs) if (progress_stream or sys.stderr).isatty() else None)

    def fail(failure: InputFailure) -> None:
        summary.errors += 1
        if error_handle:
            error_handle.write(failure.as_json() + "\n")
            error_handle.flush()
        if on_failure:
            on_failure(failure)

    def jobs() -> Iterator[Job]:
        for item in read_inputs(inputs):
            if isinstance(item, InputFailure):
                fail(item)
            elif item.article.id in skip:
                summary.skipped += 1
            else:
                yield item

    results = process_jobs_dask(jobs(), workers, scheduler) if engine == "dask" else process_jobs(jobs(), workers)
    try:
        for record_json, counts, failure in results:
            if failure is not None:
                fail(failure)
                continue
            assert record_json is not None and counts is not None
            writer.write(record_json)
            summary.articles += 1
            for name, count in counts.items():
                summary.records[name] = summary.records.get(name, 0) + count
            progress.update(summary.articles + summary.skipped + summary.errors)
    finally:
        results.close()  # stops a process pool or a Dask cluster even when writing failed
        writer.close()
        if error_handle:
            error_handle.close()
        summary.seconds = time.monotonic() - started
        progress.update(summary.articles + summary.skipped + summary.errors, final=True)
    return summary


def read_csv_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV table written by ``format="csv"``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_records(path: Path) -> list[ArticleRecord]:
    """Records from a JSONL output file."""
    with path.open(encoding="utf-8") as handle:
        return [ArticleRecord.model_validate_json(line) for line in handle if line.strip()]


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))
