"""The articles the graph has not taken in, kept by triggers (store/pending.py): at every step the same answer as
the two counts and the anti-join it replaces, whoever writes the rows, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import exists, func, select

from claimgraph.graph import store_hooks  # noqa: F401  (the graph's tables)
from claimgraph.graph.embed import HashEmbedder
from claimgraph.graph.sync import pending_ids, rebuild, sync
from claimgraph.model import Analysis, Document
from claimgraph.store import SqlStore
from claimgraph.store import pending
from claimgraph.store import tables as t
from claimgraph.store.migrations import migrate

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)


def _analysis(n: int) -> Analysis:
    return Analysis(document=Document(id=f"doc{n}", text=f"Article number {n} says little.", lang="en",
                                      date="2026-01-05"))


def _counted(connection) -> tuple[bool, list[str]]:  # type: ignore[no-untyped-def]
    """What the store answered before: two counts, and the anti-join in ingest order."""
    d, g = t.documents, t.graph_documents
    stored = connection.execute(select(func.count()).select_from(d)).scalar_one()
    taken = connection.execute(select(func.count()).select_from(g)).scalar_one()
    missing = ~exists().where(g.c.document_id == d.c.id)
    ids = list(connection.execute(select(d.c.id).where(missing).order_by(d.c.ingested_at, d.c.id)).scalars())
    return stored != taken, ids


def _agrees(store: SqlStore) -> list[str]:
    """Check the kept answer against the counted one; RETURNS the pending ids."""
    with store.engine.connect() as connection:
        anything, ids = _counted(connection)
        assert pending.anything_pending(connection) is anything
        assert pending.pending_count(connection) == len(ids)
        assert pending_ids(connection) == ids
        return ids


def test_pending_follows_stores_takes_and_takebacks(store_url: str) -> None:
    store = SqlStore(store_url)
    assert _agrees(store) == []
    for n in range(3):
        store.put_analysis(_analysis(n))
    assert _agrees(store) == ["doc0", "doc1", "doc2"]
    with store.engine.begin() as connection:  # clock skew: stored last, with the oldest timestamp
        connection.execute(t.documents.update().where(t.documents.c.id == "doc2").values(ingested_at=NOW - timedelta(days=9)))
    assert _agrees(store)[0] == "doc2"
    assert sync(store, HashEmbedder()) == 3
    assert _agrees(store) == []
    with store.engine.connect() as connection:
        assert not pending.only_pending(connection, "doc0")
    store.put_analysis(_analysis(3))
    with store.engine.connect() as connection:
        assert pending.only_pending(connection, "doc3") and not pending.only_pending(connection, "doc1")
    store.put_analysis(_analysis(4))
    with store.engine.connect() as connection:
        assert not pending.only_pending(connection, "doc3")  # two pending: the follower takes the backlog
    assert _agrees(store) == ["doc3", "doc4"]
    assert sync(store, HashEmbedder()) == 2 and _agrees(store) == []
    with store.engine.begin() as connection:  # rows written by hand (as scripts/bench_graph.py does) count too
        connection.execute(t.documents.insert().values(id="hand", lang="en", text="x", analysis_version="x",
                                                       ingested_at=NOW))
        assert pending.only_pending(connection, "hand")
        connection.execute(t.graph_documents.insert().values(document_id="hand", position=99, lang="en",
                                                             root_id="hand"))
    assert _agrees(store) == []
    with store.engine.begin() as connection:  # the graph taken back (rewind, rebuild, a retake): pending again
        connection.execute(t.graph_documents.delete().where(t.graph_documents.c.position >= 2))
    assert len(_agrees(store)) == 5
    assert rebuild(store, HashEmbedder()) == 6
    assert _agrees(store) == []
    store.close()


def test_the_migration_fills_what_the_triggers_keep(store_url: str) -> None:
    store = SqlStore(store_url)
    for n in range(4):
        store.put_analysis(_analysis(n))
    sync(store, HashEmbedder())
    for n in range(4, 6):
        store.put_analysis(_analysis(n))
    with store.engine.begin() as connection:  # a store from before the step: no rows kept, the step not recorded
        connection.execute(t.graph_pending.delete())
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == "0058_graph_pending"))
        assert pending_ids(connection) == []  # (what an unfilled table would answer)
        assert migrate(connection) == ["0058_graph_pending"]
    assert _agrees(store) == ["doc4", "doc5"]
    store.put_analysis(_analysis(6))  # the triggers made again by the step keep working
    assert _agrees(store) == ["doc4", "doc5", "doc6"]
    store.close()
