"""Batch runs: ingest paths into a store, one transaction per batch of articles, resumable; the graph follows."""
from __future__ import annotations

import time
from itertools import islice
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from claimgraph.config import Settings, load_settings
from claimgraph.ingest import iter_inputs
from claimgraph.errors import StoreError, StoreFull
# The graph's migration steps (store/derived.py): a store this run creates is complete, graph tables included.
from claimgraph.graph import store_hooks  # noqa: F401
from claimgraph.graph.article_vectors import prepare as prepare_graph_vectors
from claimgraph.graph.sync import Follower
from claimgraph.model import Analysis, Document, Rejection, Skipped
from claimgraph.pipeline import Analyzer
from claimgraph.store import SqlStore


# Input documents whose ids are checked against the store in one statement (before any parsing).
KNOWN_CHECK = 64


@dataclass
class IngestReport:
    new: int = 0
    known: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0
    stopped: Optional[str] = None  # why the run ended before its inputs did (disk full)

    @property
    def ok(self) -> bool:
        """True when every input was stored or already known (the exit code is 0)."""
        return not self.rejected and self.stopped is None

    def to_dict(self) -> dict[str, Any]:
        return {"new": self.new, "known": self.known, "rejected": [asdict(r) for r in self.rejected],
                "skipped": [asdict(s) for s in self.skipped], "warnings": self.warnings,
                "seconds": round(self.seconds, 3), "words": self.words, "stopped": self.stopped}


class RateColumn(ProgressColumn):
    """Articles per second so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "– art/s", style="cyan")


def ingest_paths(paths: Iterable[Union[str, Path]], db: str = "claimgraph.db", settings: Optional[Settings] = None,
                 lang: Optional[str] = None, console: Optional[Console] = None,
                 analyzer: Optional[Analyzer] = None, graph: bool = True) -> IngestReport:
    """Read, analyse and store every article under `paths`, streaming (memory does not grow with the corpus).

    Articles whose id is already stored are skipped before any parsing, so a
    re-run after a crash only does the remaining work. An article that fails
    anywhere (reading, parsing, extraction, storing) becomes a rejection with
    its path and reason and the run goes on; a full disk ends the run, with
    the report of what was done.

    With `graph` (the default), the evidence graph follows the ingest: each
    stored article is taken into it in this process while the worker processes
    analyse the next ones (graph/sync.py `Follower`), so the first `claims`
    has nothing left to take in.
    """
    settings = settings or load_settings()
    store = SqlStore(db)
    if store.read_only:
        raise StoreError(f"the store {db} is read-only: nothing can be ingested into it", {"path": db})
    report = IngestReport()
    started = time.perf_counter()

    def pending() -> Iterator[Document]:
        # The store is asked which documents it holds a chunk at a time (one statement, not one per article).
        for chunk in _chunks(iter_inputs(paths, settings), KNOWN_CHECK):
            documents = [item for item in chunk if isinstance(item, Document)]
            with store.engine.connect() as connection:
                known = store.stored_among(connection, [d.id for d in documents]) if documents else set()
            for item in chunk:
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                elif isinstance(item, Skipped):
                    report.skipped.append(item)
                elif item.id in known:
                    report.known += 1
                else:
                    yield replace(item, lang=lang) if lang else item

    analyzer = analyzer or Analyzer(settings)
    if analyzer.prepare is None:  # the graph's sentence vectors, encoded with each analysis (in the workers)
        analyzer.prepare = prepare_graph_vectors
    try:
        follower = Follower(store) if graph else None
        with _progress(console) as progress:
            task = progress.add_task("ingest", total=None) if progress else None
            for batch in _chunks(analyzer.analyze_all(pending()), max(1, settings.batch_size)):
                store_batch(store, batch, report, follower)
                if progress and task is not None:
                    progress.advance(task, len(batch))
        finish_graph(follower, report)
    except StoreFull as exc:
        report.stopped = exc.message
    finally:
        report.seconds = time.perf_counter() - started
        store.close()
    return report


def finish_graph(follower: Optional[Follower], report: IngestReport) -> None:
    """The graph's summaries after an ingest it followed; a graph that stopped following is a warning."""
    if follower is None:
        return
    follower.finish()
    if follower.stopped is not None:
        report.warnings.append(f"graph: {follower.stopped}")


def store_batch(store: SqlStore, items: list[Union[Analysis, Rejection]], report: IngestReport,
                follower: Optional[Follower] = None) -> None:
    """Store a batch of analyses (rejections only counted) in one transaction, each article taken into the graph
    right after it, in the same transaction, when `follower` keeps the graph in step (`Follower.in_step`).

    One transaction for the batch: a run killed mid-batch leaves none of it (the store and graph as after the
    batch before), and the next run does it again. Any failure rolls the batch back and it is stored again one
    article at a time (`store_one`), where a failed write is that article's rejection and a graph error stops
    the graph following, as without batches; StoreFull goes up from there.
    """
    analyses = [item for item in items if isinstance(item, Analysis)]
    new: set[int] = set()  # id() of the analyses stored as new articles
    follow = False
    if len(analyses) > 1:
        try:
            with store.engine.begin() as connection:
                follow = follower is not None and follower.in_step(connection)
                known = store.stored_among(connection, [a.document.id for a in analyses])
                for analysis in analyses:
                    if analysis.document.id in known:  # stored before, or earlier in this batch
                        continue
                    known.add(analysis.document.id)
                    canonical = store.write_new(connection, analysis, vectors=not follow)
                    if follow:
                        follower.take_new(connection, analysis, canonical)  # type: ignore[union-attr]
                    new.add(id(analysis))
        except Exception:  # noqa: BLE001  (rolled back: one article at a time tells which one failed, and why)
            analyses = []
    if len(analyses) <= 1:
        for item in items:
            if isinstance(item, Rejection):
                report.rejected.append(item)
            else:
                store_one(store, item, report, follower)
        return
    for item in items:
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        if id(item) in new:
            report.new += 1
            report.words += len(item.document.text.split())
        else:
            report.known += 1
        report.warnings += [f"{item.document.path}: {w}" for w in item.warnings]
    if follower is not None and new:
        if follow:
            follower.taken += len(new)  # counted once committed
        else:
            follower.stored(None)  # the graph lagged: the backlog, these articles included, one transaction each


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    stream = iter(items)
    return iter(lambda: list(islice(stream, size)), [])


def store_one(store: SqlStore, analysis: Analysis, report: IngestReport, follower: Optional[Follower] = None) -> None:
    """Store one analysis and count it, and take it into the graph when `follower` keeps the graph in step; a
    failed write is that article's rejection (StoreFull goes up)."""
    document = analysis.document
    try:
        stored = store.put_analysis(analysis)
    except StoreFull:
        raise
    except StoreError as exc:
        report.rejected.append(Rejection(document.path or document.id, "not stored", exc.message))
        return
    if stored:
        report.new += 1
        report.words += len(document.text.split())
        if follower is not None:
            follower.stored(document.id, analysis)
    else:
        report.known += 1
    report.warnings += [f"{document.path}: {w}" for w in analysis.warnings]


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(console: Optional[Console]) -> "Progress | _NoProgress":
    if console is None:
        return _NoProgress()
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=False)


@dataclass
class RecordsReport:
    """What `ingest_records` did with each record: stored (new or already known) or rejected."""

    stored: list[tuple[Document, bool]] = field(default_factory=list)  # (document, new)
    rejected: list[Rejection] = field(default_factory=list)


def ingest_records(records: list[dict[str, object]], store: SqlStore, analyzer: Analyzer,
                   where: str = "request") -> RecordsReport:
    """Analyse and store articles given as JSON Lines records (`text` required; `id`, `title`, `date`,
    `url`, `source`, `lang` optional): read exactly as a .jsonl file's lines are, so the document ids
    match what `ingest` would give the same records."""
    import json

    from claimgraph.ingest.walk import read_bytes

    def line(record: dict[str, object]) -> bytes:
        data = json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)
        try:
            return data.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: kept as its JSON escape, cleaned by the reader
            return json.dumps({k: v for k, v in record.items() if v is not None}).encode("utf-8")

    report = RecordsReport()
    pending: list[Document] = []
    for item in read_bytes(where, Path("records.jsonl"), b"\n".join(line(r) for r in records)):
        if isinstance(item, Rejection):
            report.rejected.append(item)
        elif store.has_document(item.id) or any(p.id == item.id for p in pending):
            report.stored.append((item, False))
        else:
            pending.append(item)
    for analysis in analyzer.analyze(iter(pending), report.rejected):
        try:
            report.stored.append((analysis.document, store.put_analysis(analysis)))
        except StoreFull:
            raise
        except StoreError as exc:
            report.rejected.append(Rejection(analysis.document.path or analysis.document.id, "not stored", exc.message))
    return report
