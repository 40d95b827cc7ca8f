"""Keep the graph in step with the store: take in every article it has not seen, in ingest order.

The graph is derived data: `sync` adds only the new articles (one transaction
each), and `rebuild` empties the graph tables and replays every article in
the same order, which gives the same rows as having synced along the way.
"""
from __future__ import annotations

from typing import Callable, Optional

from sqlalchemy import Connection, select

from claimgraph.graph.embed import Embedder, default_embedder
from claimgraph.graph.update import GraphUpdater
from claimgraph.model import Analysis
from claimgraph.store import SqlStore
from claimgraph.store import tables as t

GRAPH_TABLES = (t.graph_names, t.evidence, t.claim_keys, t.claims, t.graph_copies, t.graph_bands, t.graph_documents)


class LazyCanonical(dict):  # type: ignore[type-arg]
    """Entity id -> (canonical id, name, type, wikidata, country), looked up on demand.

    `SqlStore.canonical_entities` reads the whole entity table, which is fine
    for an export and too slow once per article in a 100k store.
    """

    def __init__(self, connection: Connection) -> None:
        super().__init__()
        self.connection = connection

    def __missing__(self, entity_id: int) -> tuple[int, str, str, Optional[str], Optional[str]]:
        e = t.entities
        current, seen = entity_id, set()
        while True:
            row = self.connection.execute(select(e).where(e.c.id == current)).one()
            if row.merged_into is None or row.id in seen:
                break
            seen.add(row.id)
            current = row.merged_into
        value = (row.id, row.name, row.type, row.wikidata, row.country)
        self[entity_id] = value
        return value


def pending_ids(connection: Connection) -> list[str]:
    """Stored articles the graph has not taken in, in ingest order.

    Only articles ingested at or after the newest one the graph holds are
    looked at (an indexed range), so the check stays cheap as the store grows.
    """
    d, g = t.documents, t.graph_documents
    last = connection.execute(select(d.c.ingested_at).join(g, g.c.document_id == d.c.id)
                              .order_by(g.c.position.desc()).limit(1)).scalar()
    query = select(d.c.id).where(d.c.id.not_in(select(g.c.document_id)))
    if last is not None:
        query = query.where(d.c.ingested_at >= last)
    return list(connection.execute(query.order_by(d.c.ingested_at, d.c.id)).scalars())


def load_analysis(store: SqlStore, connection: Connection, document_id: str) -> Optional[Analysis]:
    """One stored analysis with global entity names (the store's own reader, with lazy canonical names)."""
    return store._load(connection, document_id, LazyCanonical(connection))  # noqa: SLF001 (same layer family)


def sync(store: SqlStore, embedder: Optional[Embedder] = None,
         progress: Optional[Callable[[int, int], None]] = None) -> int:
    """Add every stored article the graph has not taken in yet.

    RETURNS (int): the number of articles added.
    """
    updater = GraphUpdater(embedder or default_embedder())
    with store.engine.connect() as connection:
        ids = pending_ids(connection)
    for done, document_id in enumerate(ids, 1):
        with store.engine.begin() as connection:
            analysis = load_analysis(store, connection, document_id)
            if analysis is not None:
                updater.add(connection, analysis)
        if progress:
            progress(done, len(ids))
    return len(ids)


def rebuild(store: SqlStore, embedder: Optional[Embedder] = None) -> int:
    """Empty the graph and take every article in again, in ingest order."""
    with store.engine.begin() as connection:
        for table in GRAPH_TABLES:
            connection.execute(table.delete())
    return sync(store, embedder)
