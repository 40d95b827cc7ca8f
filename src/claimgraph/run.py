"""Batch runs: ingest paths into a store, one transaction per article, resumable; the graph follows."""
from __future__ import annotations

import time
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
        for item in iter_inputs(paths, settings):
            if isinstance(item, Rejection):
                report.rejected.append(item)
            elif isinstance(item, Skipped):
                report.skipped.append(item)
            elif store.has_document(item.id):
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
            for item in analyzer.analyze_all(pending()):
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                else:
                    store_one(store, item, report, follower)
                if progress and task is not None:
                    progress.advance(task)
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
