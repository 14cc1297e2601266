"""Batch processing: many inputs in, one record per article out, nothing lost on the way.

Inputs are ``.txt`` files, directories of them (searched recursively, in name order) and
JSONL files (one article a line: ``text`` required; ``id``, ``published``, ``source``
optional; other keys carried through to ``record.meta``). Every article's outcome is written in
input order and flushed as it comes: a record to the output, a failure to the errors file (an
article that cannot be read or processed fails alone; the run goes on). An interrupted run is
continued with ``resume``: as many input articles are skipped as were written (see
``extractor.batch.resume``), and a last line cut off by the interruption is dropped.

Before anything is opened for writing the run refuses (BatchError) an output that is one of
the inputs, an existing output it would replace without ``overwrite``, and inputs without
any article. An output that cannot be written (disk full) stops the run with OutputError.

Two output formats sit behind one writer interface (``WRITERS``): ``jsonl`` (one
ArticleRecord a line) and ``csv`` (a directory of flat tables, one per field, plus
``articles.csv``). Two engines produce the results in input order: ``local`` (this process
or a process pool) and ``dask`` (a Dask cluster; the optional ``dask`` extra).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from extractor.batch.engines import DASK_PARTITION_SIZE, Item, Result, process_jobs, process_jobs_dask, require_dask
from extractor.batch.inputs import BatchError, InputFailure, Job, count_articles, read_inputs
from extractor.batch.resume import ErrorLog, ResumePoint
from extractor.batch.safety import check_articles, check_existing, check_output_kind, check_paths
from extractor.batch.writers import WRITERS, CsvWriter, JsonlWriter, RecordWriter, done_ids, load_records, read_csv_table
from extractor.inputs import coerce_date

FORMATS = tuple(WRITERS)
ENGINES = ("local", "dask")

__all__ = [
    "DASK_PARTITION_SIZE",
    "ENGINES",
    "FORMATS",
    "BatchError",
    "InputFailure",
    "Job",
    "OutputError",
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


class OutputError(Exception):
    """The output (or the errors file) cannot be written: disk full, no permission. One line."""

    def __init__(self, path: Path, error: OSError):
        reason = os.strerror(error.errno) if error.errno else str(error)
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.errno = path, error.errno


@dataclass
class Summary:
    articles: int = 0
    skipped: int = 0  # done by the interrupted run (resume)
    failed_before: int = 0  # of those, articles that failed
    errors: int = 0
    records: dict[str, int] = field(default_factory=lambda: {})
    seconds: float = 0.0

    def line(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.records.items())
        rate = self.articles / self.seconds if self.seconds else 0.0
        before = f" ({self.failed_before} of them failed)" if self.failed_before else ""
        return (
            f"{self.articles} articles ({rate:.1f}/s), {self.skipped} skipped as done{before}, {self.errors} errors, "
            f"{self.seconds:.1f} s wall; records: {counts or 'none'}"
        )


class Progress:
    """A tqdm bar on a terminal (articles/s, ETA); silent otherwise. The bar starts with the
    first result, so that its rate is that of the work, not of the start-up (building the
    pipeline, starting workers)."""

    def __init__(self, stream: TextIO, total: int | None):
        self.stream, self.total = stream, total
        self.enabled = stream.isatty()
        self.bar: Any = None

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, initial=done, file=self.stream, unit=" articles", dynamic_ncols=True)
        else:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _check(inputs: list[str], out: Path, errors: Path | None, options: dict[str, Any]) -> None:
    """Every refusal, before anything is opened for writing."""
    if options["format"] not in WRITERS:
        raise BatchError(f"unknown format {options['format']!r}; known: {', '.join(FORMATS)}")
    if options["engine"] not in ENGINES:
        raise BatchError(f"unknown engine {options['engine']!r}; known: {', '.join(ENGINES)}")
    if options["engine"] == "dask":
        require_dask()
    check_output_kind(out, options["format"])
    check_paths(inputs, out, errors, options["format"])
    check_existing(out, options["format"], options["resume"], options["overwrite"])
    check_articles(inputs)


class _Outputs:
    """Where results go, in input order: records to the writer, failures to the errors file
    (and ``on_failure``), counts to ``summary``. OutputError where either cannot be written."""

    def __init__(self, out: Path, errors: Path | None, options: dict[str, Any], progress: Progress,
                 on_failure: Callable[[InputFailure], None] | None):
        self.out, self.errors = out, errors or out
        self.error_log = self._opened(self.errors, lambda: ErrorLog(errors, options["resume"]))
        try:
            self.writer: RecordWriter = self._opened(out, lambda: (
                CsvWriter(out, options["resume"], raw=options["csv_raw"]) if options["format"] == "csv"
                else JsonlWriter(out, options["resume"])
            ))
        except (OutputError, BatchError):
            _close(self.error_log, self.errors)
            raise
        self.progress, self.on_failure = progress, on_failure
        self.summary = Summary()

    @staticmethod
    def _opened(path: Path, open_output: Callable[[], Any]) -> Any:
        try:
            return open_output()
        except OSError as error:
            raise OutputError(path, error) from None

    def take(self, result: Result, skipped: int) -> None:
        record_json, counts, failure = result
        summary = self.summary
        if failure is not None:
            summary.errors += 1
            try:
                self.error_log.write(failure)
            except OSError as error:
                raise OutputError(self.errors, error) from None
            if self.on_failure:
                self.on_failure(failure)
        else:
            assert record_json is not None and counts is not None
            try:
                self.writer.write(record_json)
            except OSError as error:
                raise OutputError(self.out, error) from None
            summary.articles += 1
            for name, count in counts.items():
                summary.records[name] = summary.records.get(name, 0) + count
        self.progress.update(summary.articles + summary.errors + skipped)

    def close(self) -> OutputError | None:
        """Close both (closing flushes); the first failure, returned, not raised."""
        failures = [_close(self.writer, self.out), _close(self.error_log, self.errors)]
        self.progress.close()
        return next((failure for failure in failures if failure is not None), None)


def _close(output: RecordWriter | ErrorLog, path: Path) -> OutputError | None:
    """Close ``output``; what went wrong (a last flush that failed), returned, not raised."""
    try:
        output.close()
    except OSError as error:
        return OutputError(path, error)
    return None


def _jobs(inputs: list[str], point: ResumePoint | None, published: dt.date | None) -> Iterator[Item]:
    """The input items still to do (all but those the interrupted run did), with ``published``
    where the input gives no date."""
    for item in read_inputs(inputs):
        if point is not None and point.done(item):
            continue
        if published is not None and isinstance(item, Job) and item.article.published is None:
            item.article.published = published
        yield item
    if point is not None:
        point.finish()


def _default_date(published: dt.date | str | None) -> dt.date | None:
    try:
        return coerce_date(published)
    except (TypeError, ValueError) as error:
        raise BatchError(f"--published: {error}") from None


def run_batch(
    inputs: list[str],
    out: Path,
    *,
    errors: Path | None = None,
    resume: bool = False,
    overwrite: bool = False,
    workers: int = 1,
    format: str = "jsonl",
    engine: str = "local",
    scheduler: str | None = None,
    published: dt.date | str | None = None,
    csv_raw: bool = False,
    progress_stream: TextIO | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> Summary:
    """Process every article of ``inputs`` into ``out``; see the module docstring.

    ``out`` is a JSONL file (``format="jsonl"``) or a directory of tables (``"csv"``; text
    cells that a spreadsheet would run as a formula get a leading ' unless ``csv_raw``). An
    existing, non-empty ``out`` is continued with ``resume`` or replaced with ``overwrite``,
    and refused otherwise. ``published`` is the date of the articles whose input gives none.
    ``engine="dask"`` runs on the cluster at ``scheduler``, or on a LocalCluster of
    ``workers`` processes; the output is the same as with the local engine.

    Raises BatchError (nothing written) for a run that cannot start, OutputError where the
    output cannot be written.
    """
    inputs = [str(given) for given in inputs]
    out, errors = Path(out), Path(errors) if errors is not None else None
    options = {"format": format, "engine": engine, "resume": resume, "overwrite": overwrite, "csv_raw": csv_raw}
    _check(inputs, out, errors, options)
    default_date = _default_date(published)
    stream = progress_stream or sys.stderr
    progress = Progress(stream, count_articles(inputs) if stream.isatty() else None)
    started = time.monotonic()
    outputs = _Outputs(out, errors, options, progress, on_failure)
    point = ResumePoint(out, outputs.writer.done, outputs.error_log.entries, strict=outputs.error_log.existed) if resume else None
    jobs = _jobs(inputs, point, default_date)
    results = process_jobs_dask(jobs, workers, scheduler) if engine == "dask" else process_jobs(jobs, workers)
    try:
        for result in results:
            outputs.take(result, point.skipped if point else 0)
    finally:
        results.close()  # stops a process pool or a Dask cluster even when writing failed
        failure = outputs.close()  # where writing failed already, that failure is the one raised
        summary = outputs.summary
        summary.seconds = time.monotonic() - started
        if point is not None:
            summary.skipped, summary.failed_before = point.skipped, point.failed
    if failure is not None:
        raise failure
    return summary
