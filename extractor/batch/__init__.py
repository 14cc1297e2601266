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

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from extractor.batch.engines import DASK_PARTITION_SIZE, process_jobs, process_jobs_dask, require_dask
from extractor.batch.inputs import BatchError, InputFailure, Job, count_articles, read_inputs
from extractor.batch.writers import WRITERS, RecordWriter, done_ids, load_records, read_csv_table

FORMATS = tuple(WRITERS)
ENGINES = ("local", "dask")

__all__ = [
    "DASK_PARTITION_SIZE",
    "ENGINES",
    "FORMATS",
    "BatchError",
    "InputFailure",
    "Job",
    "Summary",
    "done_ids",
    "load_records",
    "process_jobs",
    "process_jobs_dask",
    "read_csv_table",
    "read_inputs",
    "require_dask",
    "run_batch",
]


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
