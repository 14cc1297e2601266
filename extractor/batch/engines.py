"""Engines that turn jobs into results in input order: local (in-process or a process pool) and Dask."""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from extractor.batch.inputs import BatchError, InputFailure, Job
from schemas import field_names

DASK_INSTALL_HINT = 'pip install -e ".[dask]" (or pip install "dask[distributed]")'


# One Pipeline per process (building it takes seconds): set in pool workers by the initializer,
# in Dask workers on first use or by the warm-up, in this process for one worker.
_WORKER_PIPELINE = None
_WORKER_PIPELINE_LOCK = threading.Lock()
# Pipeline keyword arguments (backend, stanza_dir) for every worker's Pipeline: set in this
# process by set_pipeline_options, handed to pool and Dask workers with their tasks
PIPELINE_OPTIONS: dict[str, Any] = {}


def set_pipeline_options(**options: Any) -> None:
    """The Pipeline options (``backend``, ``stanza_dir``) of the batch runs that follow."""
    PIPELINE_OPTIONS.clear()
    PIPELINE_OPTIONS.update({key: value for key, value in options.items() if value is not None})


_WORKER_OPTIONS: dict[str, Any] | None = None  # those the worker's Pipeline was built with


def _init_worker(options: dict[str, Any] | None = None) -> None:
    """This process's Pipeline, built with ``options`` (kept as this process's PIPELINE_OPTIONS)."""
    global _WORKER_PIPELINE, _WORKER_OPTIONS
    if options is not None:
        set_pipeline_options(**options)
    with _WORKER_PIPELINE_LOCK:
        # (built again where fields were registered or removed since)
        if _WORKER_PIPELINE is None or _WORKER_OPTIONS != PIPELINE_OPTIONS or not _WORKER_PIPELINE.has_every_field():
            from extractor.pipeline import Pipeline

            _WORKER_PIPELINE = Pipeline(**PIPELINE_OPTIONS)
            _WORKER_OPTIONS = dict(PIPELINE_OPTIONS)


def _init_pool_worker(options: dict[str, Any]) -> None:
    try:
        _init_worker(options)
    except Exception as error:  # noqa: BLE001
        # a pool whose initializer raises starts new workers forever: each job fails instead
        print(f"batch worker: cannot build the pipeline: {type(error).__name__}: {error}", file=sys.stderr)


Result = tuple[str | None, dict[str, int] | None, InputFailure | None]
# what the engines take: an article to process, or an input that failed to read (passed
# through, so that every result, failures included, comes out in input order)
Item = Job | InputFailure


def _failed(job: Job, reason: str) -> Result:
    return None, None, InputFailure(job.source, job.line, job.article.id, reason)


def _process(job: Item) -> Result:
    """(record JSON, items per field) or a failure, for one job (in a worker or in-process).

    Serialising the record is part of the article's work: a value JSON cannot carry (a lone
    surrogate in a carried key) fails this article only.
    """
    if isinstance(job, InputFailure):
        return None, None, job
    try:
        if _WORKER_PIPELINE is None:
            _init_worker()
        record = _WORKER_PIPELINE.process(job.article)  # type: ignore[union-attr]
        record_json = record.model_dump_json()
        counts = {name: len(getattr(record, name)) for name in field_names()}
    except Exception as error:  # noqa: BLE001  (any failure is this article's; the run goes on)
        return _failed(job, f"{type(error).__name__}: {error}")
    return record_json, counts, None


def _partitions(jobs: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """The jobs in lists of ``size`` (the last one shorter)."""
    batch: list[Item] = []
    for job in jobs:
        batch.append(job)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_jobs(jobs: Iterable[Item], workers: int = 1) -> Iterator[Result]:
    """Results in input order, with ``workers`` processes.

    Jobs go to the pool a window at a time, so memory stays bounded however long the input.
    A chunk the pool could not run (a job that cannot be pickled, a worker that died) is run
    again one job at a time, so that only the job at fault fails.
    """
    if workers <= 1:
        _init_worker()
        for job in jobs:
            yield _process(job)
        return
    import multiprocessing

    from extractor.backends import check_backend

    # a backend that cannot run fails here once, not in every worker
    check_backend(PIPELINE_OPTIONS.get("backend", "spacy"), PIPELINE_OPTIONS.get("stanza_dir"))
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "fork":
        _init_worker()  # built once, here: the forked workers inherit it and pay no start-up
    with context.Pool(workers, initializer=_init_pool_worker, initargs=(dict(PIPELINE_OPTIONS),)) as pool:

        def collect(chunk: list[Item], pending_result: Any) -> list[Result]:
            try:
                return pending_result.get()
            except Exception as error:  # noqa: BLE001  (a chunk of one fails; a longer one is retried)
                if len(chunk) == 1:
                    return [_failure_of(chunk[0], error)]
            return [result for job in chunk for result in collect([job], pool.apply_async(_process_partition, ([job],)))]

        # a sliding window of chunks in flight, collected in order: the workers never wait for
        # a whole window to drain, and memory stays bounded (pool.imap would read all input)
        pending: deque[tuple[list[Item], Any]] = deque()
        for chunk in _partitions(jobs, POOL_CHUNK_SIZE):
            pending.append((chunk, pool.apply_async(_process_partition, (chunk,))))
            while len(pending) >= workers * POOL_CHUNKS_PER_WORKER:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())


def start_method() -> str:
    """fork on Linux (the workers share the parent's pipeline, copy on write); elsewhere fork
    is unsafe (macOS) or absent (Windows), and each worker builds its own."""
    if sys.platform == "linux":
        return "fork"
    return "spawn" if sys.platform == "win32" else "forkserver"


def _failure_of(job: Item, error: BaseException, prefix: str = "") -> Result:
    """The failure of one job that the engine could not run."""
    if isinstance(job, InputFailure):
        return None, None, job
    return _failed(job, f"{prefix}{type(error).__name__}: {error}")


POOL_CHUNK_SIZE = 8  # articles per pool task
POOL_CHUNKS_PER_WORKER = 4  # tasks queued per worker process

DASK_PARTITION_SIZE = 16  # articles per Dask task: a fraction of a second of work each


def require_dask() -> Any:
    """The ``distributed`` module, or BatchError saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise BatchError(f"--engine dask needs Dask, which is not installed: {DASK_INSTALL_HINT}") from None
    return distributed


def _process_partition(jobs: list[Item], options: dict[str, Any] | None = None) -> list[Result]:
    """A Dask task: one partition of jobs, with the worker process's Pipeline (built with
    ``options`` where the warm-up did not build it)."""
    if options is not None:
        _init_worker(options)
    return [_process(job) for job in jobs]


def _quiet_logs() -> None:
    """Dask's log warnings off, in a worker process at the end of the run."""
    logging.getLogger("distributed").setLevel(logging.ERROR)


def _connect(stack: ExitStack, distributed: Any, workers: int, scheduler: str | None) -> Any:
    """A client of the cluster at ``scheduler``, or of a LocalCluster of ``workers`` processes,
    closed with ``stack`` (the client before the cluster, with the shutdown's log quiet)."""
    logger = logging.getLogger("distributed")
    stack.callback(logger.setLevel, logger.level)  # run last
    if scheduler:
        try:
            client = stack.enter_context(distributed.Client(scheduler))
        except (OSError, TimeoutError) as error:
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    else:
        # the scheduler's HTTP server on a free loopback port: the default (8787) warns when
        # another cluster (another batch run) has it
        cluster = stack.enter_context(
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
            )
        )
        client = stack.enter_context(distributed.Client(cluster))

    # at the end (run first): the nanny warns once per worker that it killed a worker process
    # still alive after the close timeout, a worker that a task was cut short (a run stopped
    # early): ordinary, and not the user's concern
    def quiet() -> None:
        logger.setLevel(logging.ERROR)
        if not scheduler:  # our own workers only; a shared cluster's logs are its owner's
            try:
                client.run(_quiet_logs, on_error="ignore")
            except Exception:  # noqa: BLE001, S110  (only the logs are at stake)
                pass

    stack.callback(quiet)
    try:
        client.run(_init_worker, dict(PIPELINE_OPTIONS))  # every worker's Pipeline now, not in the first tasks
    except Exception as error:  # noqa: BLE001  (reported as one line)
        raise BatchError(
            f"the Dask workers cannot build the pipeline (is this package installed on them?): {type(error).__name__}: {error}"
        ) from None
    return client


def process_jobs_dask(
    jobs: Iterable[Item], workers: int = 1, scheduler: str | None = None, partition_size: int | None = None
) -> Iterator[Result]:
    """Results in input order, computed on a Dask cluster.

    ``scheduler`` is the address of a running cluster; without it a LocalCluster of ``workers``
    single-threaded processes is started on loopback (and closed at the end). The input is cut
    into partitions of ``partition_size`` jobs, submitted a bounded window at a time and
    collected in order, so memory stays bounded; each worker process builds its Pipeline once.
    A partition the cluster could not run (a worker died, a job that cannot be sent) is run
    again one job at a time, so that only the job at fault fails.
    """
    distributed = require_dask()
    with ExitStack() as stack:
        client = _connect(stack, distributed, workers, scheduler)
        options = dict(PIPELINE_OPTIONS)
        window = 2 * max(1, sum(client.nthreads().values())) + 1
        pending: deque[tuple[list[Item], Any]] = deque()

        def submit(batch: list[Item]) -> Any:
            try:
                return client.submit(_process_partition, batch, options, pure=False)
            except Exception as error:  # noqa: BLE001  (a job that cannot be sent: collected as a failure)
                return error

        def collect(batch: list[Item], future: Any) -> list[Result]:
            try:
                if isinstance(future, Exception):
                    raise future
                results = future.result()
            except Exception as error:  # noqa: BLE001  (the cluster's failure: a job of one fails, a longer batch is retried)
                if len(batch) == 1:
                    return [_failure_of(batch[0], error, prefix="dask: ")]
                return [result for job in batch for result in collect([job], submit([job]))]
            finally:
                if not isinstance(future, Exception):
                    future.release()
            return results

        for batch in _partitions(jobs, partition_size or DASK_PARTITION_SIZE):
            pending.append((batch, submit(batch)))
            while len(pending) >= window:
                yield from collect(*pending.popleft())
        while pending:
            yield from collect(*pending.popleft())
