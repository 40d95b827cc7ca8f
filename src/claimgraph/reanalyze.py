"""Re-extract stored articles after an upgrade: the analyses whose version is not the running one.

The stored text is analysed again (no input files needed), each article's
analysis replaced in one transaction, and the evidence graph, derived from
the analyses, rebuilt once at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, Optional

from sqlalchemy import select

from claimgraph.config import Settings
from claimgraph.model import Document, Rejection
from claimgraph.pipeline import Analyzer
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.versioning import analysis_version, release_of


@dataclass
class ReanalyzeReport:
    reanalysed: int = 0
    current: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    graph_articles: int = 0


def outdated_ids(store: SqlStore, since: Optional[str] = None) -> tuple[list[str], int]:
    """Ids of the articles to analyse again (in ingest order), and how many are up to date.

    since: only articles analysed by this release or an older one (`0.1`, `0.2.0`), whatever their hash.
    """
    running = analysis_version()
    with store.engine.connect() as connection:
        rows = connection.execute(select(t.documents.c.id, t.documents.c.analysis_version)
                                  .order_by(t.documents.c.ingested_at, t.documents.c.id)).all()
    if since is not None:
        limit = release_of(since)
        chosen = [r.id for r in rows if release_of(r.analysis_version) <= limit and r.analysis_version != running]
    else:
        chosen = [r.id for r in rows if r.analysis_version != running]
    return chosen, len(rows) - len(chosen)


def reanalyze(store: SqlStore, settings: Optional[Settings] = None, since: Optional[str] = None,
              analyzer: Optional[Analyzer] = None, rebuild_graph: bool = True,
              progress: Optional[Callable[[int], None]] = None) -> ReanalyzeReport:
    """Analyse again every outdated stored article (see `outdated_ids`), then rebuild the graph."""
    ids, current = outdated_ids(store, since)
    report = ReanalyzeReport(current=current)
    if not ids:
        return report
    analyzer = analyzer or Analyzer(settings)
    for item in analyzer.analyze_all(_stored_documents(store, ids)):
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        store.replace_analysis(item)
        report.reanalysed += 1
        if progress:
            progress(report.reanalysed)
    if rebuild_graph:
        from claimgraph.graph import rebuild

        report.graph_articles = rebuild(store)
    return report


def _stored_documents(store: SqlStore, ids: list[str]) -> Iterator[Document]:
    d = t.documents
    for document_id in ids:
        with store.engine.connect() as connection:
            row = connection.execute(select(d).where(d.c.id == document_id)).first()
        if row is not None:
            document = Document(id=row.id, text=row.text, title=row.title, date=row.date, lang=row.lang,
                                source=row.source, url=row.url, path=row.path, record_id=row.record_id)
            yield replace(document, lang=row.lang or "und")
