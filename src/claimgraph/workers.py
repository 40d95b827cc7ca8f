"""Analysis in worker processes: each worker parses and extracts small batches, results in input order.

The parse is only part of the cost (extraction is about a third as much again),
so the unit sent to a worker is a few articles analysed end to end, not a
parse. A task is `batch_size` articles, one `nlp.pipe` batch: spaCy parses 16
texts at once for about 9 % less CPU per article than 4 at a time (docs/performance.md).
A spaCy parse does not depend on the other texts of its batch (tests/test_workers.py
compares), so the run's tail (the last few batches' worth of articles, known by
reading a little ahead) goes out in smaller tasks: both workers stay busy to the
end. At most a few tasks per worker are in flight (memory stays bounded whatever
the input's length); the parent yields them in input order as they come back.

A worker forked after the parent loaded its pipelines uses them as they are
(no second load); one started otherwise loads them on first use. A worker that
dies (killed, out of memory, a crash in compiled code) takes its task with it:
those articles are analysed again one per task in a new pool, and the one that
fails again is that article's rejection. The run goes on.
"""
from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import operator
import os
import threading
import time
from collections import deque
from itertools import islice
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Union

from claimgraph.config import Settings
from claimgraph.model import Analysis, Document, Rejection, claims, records
from claimgraph.nlp.pipeline import failure

if TYPE_CHECKING:
    from claimgraph.nlp import PipelineCache
    from claimgraph.pipeline import Analyzer

# Tasks in flight per worker: one being analysed, one waiting, one coming back.
TASKS_IN_FLIGHT_PER_WORKER = 3
# The tail's tasks: the last `processes` batches of a run are split into this many tasks per worker.
TAIL_TASKS_PER_WORKER = 4

Result = Union[Analysis, Rejection]

# The parent's pipelines at fork time (fork start method only): workers use them instead of loading their own.
_INHERITED: Optional["PipelineCache"] = None
# This worker process's own analyzer (one process, built once by the initializer).
_WORKER: Optional["Analyzer"] = None
# How often a worker checks that the process that started it is still alive (seconds).
PARENT_CHECK_SECONDS = 1.0


def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    read = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (read(obj),))
    return lambda obj: (cls, read(obj))


def register_reducers() -> None:
    """Documents go to the workers and analyses come back pickled. A slotted dataclass pickles through
    Python-level state functions (a frozen one through `dataclasses._dataclass_getstate` and `_setstate`,
    per object: every Span of every mention, cue and content), about 1.2 ms of CPU per bench article,
    parent and worker together. Here each model dataclass pickles as its constructor and its fields' values
    in order (0.2 ms): the same object comes back, shared references included (pickle's memo). Only for
    classes whose every field is an `__init__` argument and that have no `__post_init__` to run again."""
    for module in (records, claims):
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__ \
                    and all(f.init and not f.kw_only for f in dataclasses.fields(value)) \
                    and not hasattr(value, "__post_init__"):
                ForkingPickler.register(value, _by_fields(value))


register_reducers()


def can_use_workers() -> bool:
    """False inside a daemonic process (a Dask or multiprocessing worker), which may not start children."""
    return not multiprocessing.current_process().daemon


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone. A parent killed outright (SIGKILL, the out-of-memory
    killer) cannot stop its pool, and its workers would wait for tasks forever, each holding its
    pipelines' memory (seen: orphaned workers of killed ingests, hundreds of MB each)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _init_worker(settings: Settings, parent: int, prepare: Optional[Callable[[Analysis], None]] = None) -> None:
    from claimgraph.pipeline import Analyzer

    threading.Thread(target=_exit_with_parent, args=(parent,), name="claimgraph-parent-watch", daemon=True).start()
    global _WORKER
    _WORKER = Analyzer(settings.with_(n_process=1))
    _WORKER.prepare = prepare
    if _INHERITED is not None:  # forked: the parent's pipelines, built with the same settings
        _WORKER.pipelines = _INHERITED


def _analyse_batch(documents: list[Document]) -> list[Result]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.analyze_all(documents))


def freeze_before_fork() -> None:
    """Move every object alive now (the loaded pipelines above all) out of the garbage collector's reach before the
    workers fork: a collection in a worker writes to the header of every object it examines, and each page written
    stops being shared with the parent (copy-on-write). Frozen objects are never examined, so their pages stay
    shared. Nothing is collected less: those objects are alive for the whole run anyway, and new ones are collected
    as before. Only where workers fork (not with spawn, which shares nothing)."""
    if _context().get_start_method() == "fork":
        gc.collect()  # the garbage of loading first, so that it is freed rather than frozen
        gc.freeze()


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class WorkerPool:
    """A pool of `processes` workers analysing batches of documents for one Analyzer, started on first use."""

    def __init__(self, analyzer: "Analyzer", processes: int) -> None:
        self.analyzer = analyzer
        self.processes = processes
        self._pool: Optional[ProcessPoolExecutor] = None

    def _executor(self) -> ProcessPoolExecutor:
        global _INHERITED
        if self._pool is None:
            _INHERITED = self.analyzer.pipelines
            freeze_before_fork()
            self._pool = ProcessPoolExecutor(self.processes, mp_context=_context(), initializer=_init_worker,
                                             initargs=(self.analyzer.settings, os.getpid(), self.analyzer.prepare))
        return self._pool

    def close(self) -> None:
        """Stop the workers (a new pool starts on next use)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _discard(self) -> None:
        """Drop a broken pool without waiting for it."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def analyze(self, documents: Iterable[Document]) -> Iterator[Result]:
        """The analysis or rejection of every document, in order."""
        limit = self.processes * TASKS_IN_FLIGHT_PER_WORKER
        in_flight: deque[tuple[list[Document], Future]] = deque()
        for batch in self._tasks(documents):
            in_flight.append((batch, self._submit(batch)))
            while len(in_flight) >= limit:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _tasks(self, documents: Iterable[Document]) -> Iterator[list[Document]]:
        """Tasks of `batch_size` documents while more than `processes` batches are left to read, then the rest
        in `processes * TAIL_TASKS_PER_WORKER` smaller tasks (in order)."""
        size = self.analyzer.settings.batch_size
        tail = size * self.processes
        stream = iter(documents)
        ahead: deque[Document] = deque()
        while True:
            ahead.extend(islice(stream, tail + size - len(ahead)))
            if len(ahead) <= tail:  # the input ends within the next `processes` batches
                break
            yield [ahead.popleft() for _ in range(size)]
        part = max(1, -(-len(ahead) // (self.processes * TAIL_TASKS_PER_WORKER)))
        while ahead:
            yield [ahead.popleft() for _ in range(min(part, len(ahead)))]

    def _submit(self, batch: list[Document]) -> Future:
        try:
            return self._executor().submit(_analyse_batch, batch)
        except Exception as exc:  # noqa: BLE001  (a pool broken meanwhile: the batch fails like its worker did)
            self._discard()
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _collect(self, batch: list[Document], future: Future) -> Iterator[Result]:
        try:
            results = future.result()
        except Exception:  # noqa: BLE001  (the worker died or its results could not come back)
            self._discard()
            yield from self._one_by_one(batch)
            return
        yield from results

    def _one_by_one(self, batch: list[Document]) -> Iterator[Result]:
        """A failed batch again, one article per task, so that only the article at fault is lost."""
        for document in batch:
            try:
                yield from self._executor().submit(_analyse_batch, [document]).result()
            except Exception as exc:  # noqa: BLE001
                self._discard()
                yield failure(document, "analysis failed in a worker process", exc)

