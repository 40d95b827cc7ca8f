"""Scale-out ingest on Dask: workers read, parse and extract; this process writes through the store.

`claimgraph ingest PATHS --workers N` starts a local cluster of N worker
processes; `--scheduler tcp://HOST:PORT` uses an existing cluster (its
workers must see the input paths and reach the store, so a PostgreSQL URL
there). Files are sent in chunks, at most a few chunks per worker in flight
(bounded memory), and their results are stored in input order: the store
gets the same rows, entity ids included, as a single-process run.
See docs/scale.md.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from rich.console import Console

from claimgraph.config import Settings, load_settings
from claimgraph.errors import ConfigError, StoreFull
from claimgraph.ingest.walk import iter_files, read_path
from claimgraph.model import Analysis, Document, Rejection, Skipped
from claimgraph.graph.sync import Follower
from claimgraph.run import IngestReport, _progress, finish_graph, store_batch
from claimgraph.store import SqlStore

FILES_PER_TASK = 8
TASKS_IN_FLIGHT_PER_WORKER = 3
KNOWN = "known"
# Articles stored (and taken into the graph) per transaction.
STORE_BATCH = 16

# One Analyzer and one store connection per worker process, kept between tasks (models load once).
_WORKER_STATE: dict[str, Any] = {}


def analyse_files(paths: list[str], db: str, settings: Settings, lang: Optional[str]) -> list[Any]:
    """Run on a worker: read, parse and extract the files of one task.

    RETURNS (list): per input, in order, an Analysis, a Rejection or `(KNOWN, id)` for an article the
    store already holds (checked before parsing, as a single-process run does).
    """
    from claimgraph.pipeline import Analyzer

    key = repr(settings)
    if _WORKER_STATE.get("key") != key:
        _WORKER_STATE.update(key=key, analyzer=Analyzer(settings))
    if _WORKER_STATE.get("db") != db:
        _WORKER_STATE.update(db=db, store=SqlStore(db, create=False))
    analyzer, store = _WORKER_STATE["analyzer"], _WORKER_STATE["store"]
    results: list[Any] = []
    pending: list[Document] = []
    order: list[Union[int, Any]] = []
    for path in paths:
        for item in read_path(Path(path), settings):
            if isinstance(item, Rejection):
                order.append(item)
            elif store.has_document(item.id):
                order.append((KNOWN, item.id))
            else:
                order.append(len(pending))
                pending.append(replace(item, lang=lang) if lang else item)
    analysed = list(analyzer.analyze_all(pending))
    for slot in order:
        results.append(analysed[slot] if isinstance(slot, int) else slot)
    return results


def _chunks(paths: Iterable[Union[str, Path]], report: IngestReport) -> Iterator[list[str]]:
    chunk: list[str] = []
    for found in iter_files(paths):
        if isinstance(found, Rejection):
            report.rejected.append(found)
        elif isinstance(found, Skipped):
            report.skipped.append(found)
        else:
            chunk.append(str(found))
            if len(chunk) >= FILES_PER_TASK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def ingest_distributed(paths: Iterable[Union[str, Path]], db: str = "claimgraph.db", settings: Optional[Settings] = None,
                       lang: Optional[str] = None, workers: Optional[int] = None, scheduler: Optional[str] = None,
                       console: Optional[Console] = None) -> IngestReport:
    """`ingest_paths` with reading, parsing and extraction on a Dask cluster (local with `workers`, or `scheduler`)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("--workers/--scheduler need dask and distributed (pip install 'dask[distributed]')") from exc
    if any(str(p) == "-" for p in paths):
        raise ConfigError("standard input (-) cannot be read by Dask workers; give files or folders")
    settings = settings or load_settings()
    store = SqlStore(db)  # created (and migrated) here, before any worker opens it
    report = IngestReport()
    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
    client = Client(scheduler or cluster)
    try:
        follower = Follower(store)  # the graph follows, as in a single-process ingest (run.py)
        limit = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1)) * TASKS_IN_FLIGHT_PER_WORKER
        in_flight: deque = deque()
        with _progress(console) as progress:
            task = progress.add_task("ingest", total=None) if progress else None
            for chunk in _chunks(paths, report):
                in_flight.append(client.submit(analyse_files, chunk, db, settings, lang, pure=False))
                while len(in_flight) >= limit:
                    _store_results(store, in_flight.popleft().result(), report, progress, task, follower)
            while in_flight:
                _store_results(store, in_flight.popleft().result(), report, progress, task, follower)
        finish_graph(follower, report)
    except StoreFull as exc:
        report.stopped = exc.message
    finally:
        report.seconds = time.perf_counter() - started
        client.close()
        if cluster is not None:
            cluster.close()
        store.close()
    return report


def _store_results(store: SqlStore, results: list[Any], report: IngestReport, progress: Any, task: Any,
                   follower: Optional[Follower] = None) -> None:
    """One task's results: its analyses (and rejections) stored a batch per transaction (run.py `store_batch`)."""
    batch: list[Union[Analysis, Rejection]] = []
    for item in results + [None]:
        if item is None or len(batch) >= STORE_BATCH:
            store_batch(store, batch, report, follower)
            if progress and task is not None:
                progress.advance(task, len(batch))
            batch = []
        if isinstance(item, (Analysis, Rejection)):
            batch.append(item)
        elif item is not None:
            report.known += 1
            if progress and task is not None:
                progress.advance(task)
