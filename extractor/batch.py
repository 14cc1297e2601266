"""Batch processing: many inputs in, one record per article out, nothing lost on the way.

Inputs are ``.txt`` files, directories of them (searched recursively, in name order) and
JSONL files (one article a line: ``text`` required; ``id``, ``published``, ``source``
optional; other keys carried through to ``record.meta``). Records are written in input order
and flushed as they come, so an interrupted run can be continued with ``resume``: articles
whose id is already in the output are skipped, and a last line cut off by the interruption is
dropped. An article that cannot be read or processed goes to the errors file and the run
goes on.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from extractor.pipeline import ArticleInput, as_input
from schemas import FIELDS, ArticleRecord

JSONL_SUFFIXES = (".jsonl", ".ndjson")


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


_WORKER_PIPELINE = None


def _init_worker() -> None:
    global _WORKER_PIPELINE
    from extractor.pipeline import Pipeline

    _WORKER_PIPELINE = Pipeline()


def _process(job: Job) -> tuple[str | None, dict[str, int] | None, InputFailure | None]:
    """(record JSON, items per field) or a failure, for one job (in a worker or in-process)."""
    try:
        record = _WORKER_PIPELINE.process(job.article)  # type: ignore[union-attr]
    except Exception as error:  # noqa: BLE001  (any failure is this article's; the run goes on)
        return None, None, InputFailure(job.source, job.line, job.article.id, f"{type(error).__name__}: {error}")
    counts = {name: len(getattr(record, name)) for name in FIELDS}
    return record.model_dump_json(), counts, None


def process_jobs(jobs: Iterable[Job], workers: int = 1) -> Iterator[tuple[str | None, dict[str, int] | None, InputFailure | None]]:
    """Results in input order, with ``workers`` processes.

    Jobs go to the pool a window at a time, so memory stays bounded however long the input.
    """
    if workers <= 1:
        if _WORKER_PIPELINE is None:
            _init_worker()
        for job in jobs:
            yield _process(job)
        return
    import multiprocessing

    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    window = workers * 32
    with context.Pool(workers, initializer=_init_worker) as pool:
        batch: list[Job] = []
        for job in jobs:
            batch.append(job)
            if len(batch) == window:
                yield from pool.imap(_process, batch, chunksize=4)
                batch = []
        if batch:
            yield from pool.imap(_process, batch, chunksize=4)


# ---------------------------------------------------------------- writing


class JsonlWriter:
    def __init__(self, out: Path, append: bool):
        self.handle = out.open("a" if append else "w", encoding="utf-8")

    def write(self, record_json: str) -> None:
        self.handle.write(record_json + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


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
    progress_stream: TextIO | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> Summary:
    """Process every article of ``inputs`` into ``out`` (JSONL); see the module docstring."""
    started = time.monotonic()
    skip = done_ids(out) if resume else set()
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = JsonlWriter(out, append=resume)
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

    try:
        for record_json, counts, failure in process_jobs(jobs(), workers):
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
        writer.close()
        if error_handle:
            error_handle.close()
        summary.seconds = time.monotonic() - started
        progress.update(summary.articles + summary.skipped + summary.errors, final=True)
    return summary


def load_records(path: Path) -> list[ArticleRecord]:
    """Records from a JSONL output file."""
    with path.open(encoding="utf-8") as handle:
        return [ArticleRecord.model_validate_json(line) for line in handle if line.strip()]


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))
