"""Keep the graph in step with the store: take in every article it has not seen (by id), in ingest order.

The graph is derived data: `sync` adds only the new articles (one transaction
each), and `rebuild` empties the graph tables and replays every article in
the same order, which gives the same rows as having synced along the way.
When the store changes what an entity is (`SqlStore.undo_merge`), `rewind`
takes back the articles from the first one that read it the old way, and the
next `sync` replays them: the same rows again as a rebuild.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from sqlalchemy import Connection, bindparam, func, select, text

from claimgraph.errors import StoreFull
from claimgraph.graph import article_vectors
from claimgraph.graph.embed import Embedder, default_embedder
from claimgraph.graph.keys import entity_key, fold
from claimgraph.graph.precomputed import refresh_all
from claimgraph.graph.update import GraphUpdater
from claimgraph.model import Analysis
from claimgraph.store import SqlStore
from claimgraph.store import pending
from claimgraph.store.shape import read_back
from claimgraph.store.migrations import migrate
from claimgraph.store.sql import Canonical, is_disk_full, merge_root
from claimgraph.store import tables as t

GRAPH_TABLES = (t.graph_names, t.evidence, t.claim_keys, t.claims, t.graph_copies, t.graph_bands, t.graph_documents)
# PostgreSQL plans from table statistics, which only ANALYZE gathers (autovacuum does it in the background where it
# is on; it is off on this project's machines). A store filled in bulk without them is planned as if its tables were
# small: at 20,000 articles a brief's SQL took 428 ms with bitmap scans and sorts of every claim of a key, 278 ms once
# analysed (docs/performance.md). So a sync that took in this many articles analyses the tables it wrote.
ANALYZE_AFTER = 1000
STATISTICS_TABLES = (t.claims, t.claim_keys, t.evidence, t.graph_documents, t.graph_bands, t.graph_copies,
                     t.graph_names, t.claim_documents, t.claim_origins, t.claim_summaries)


class LazyCanonical(dict):  # type: ignore[type-arg]
    """Entity id -> (canonical id, name, type, wikidata, country), looked up on demand.

    `SqlStore.canonical_entities` reads the whole entity table, which is fine
    for an export and too slow once per article in a 100k store.
    """

    def __init__(self, connection: Connection) -> None:
        super().__init__()
        self.connection = connection
        self._rows: dict[int, Any] = {}  # entity rows read ahead (`prefetch`)

    def __missing__(self, entity_id: int) -> tuple[int, str, str, Optional[str], Optional[str]]:
        current, seen = entity_id, set()
        while True:
            row = self._rows.get(current) or self.connection.execute(_ENTITY, {"entity_id": current}).one()
            if row.merged_into is None or row.id in seen:
                break
            seen.add(row.id)
            current = row.merged_into
        value = (row.id, row.name, row.type, row.wikidata, row.country)
        self[entity_id] = value
        return value

    def prefetch(self, entity_ids: Iterable[int]) -> None:
        """Read `entity_ids`' rows, and those they were merged into, in one statement per step of merges
        (an article's entities: one statement, instead of one per entity)."""
        wanted = {i for i in entity_ids if i not in self and i not in self._rows}
        while wanted:
            found = {r.id: r for r in self.connection.execute(_ENTITIES, {"entity_ids": sorted(wanted)})}
            self._rows.update(found)
            wanted = {r.merged_into for r in found.values() if r.merged_into is not None} - set(self._rows)


_ENTITY = select(t.entities).where(t.entities.c.id == bindparam("entity_id"))
_ENTITIES = select(t.entities).where(t.entities.c.id.in_(bindparam("entity_ids", expanding=True)))


def pending_ids(connection: Connection) -> list[str]:
    """Stored articles the graph has not taken in, in ingest order: by identity, not by time.

    An article ingested with an older timestamp than the newest one in the
    graph (clock skew, a restored backup, a concurrent ingest) is still taken
    in. The usual case (nothing new) reads one row of `graph_pending` (store/pending.py), not every article.
    """
    return pending.pending_ids(connection)


def load_analysis(store: SqlStore, connection: Connection, document_id: str) -> Optional[Analysis]:
    """One stored analysis with global entity names (the store's own reader, with lazy canonical names)."""
    return store._load(connection, document_id, LazyCanonical(connection))  # noqa: SLF001 (same layer family)


def sync(store: SqlStore, embedder: Optional[Embedder] = None,
         progress: Optional[Callable[[int, int], None]] = None) -> int:
    """Add every stored article the graph has not taken in yet.

    RETURNS (int): the number of articles this call took in (not those a concurrent ingest took meanwhile).
    """
    if getattr(store, "read_only", False):  # a read-only store is read as it was last synced
        return 0
    base = embedder or default_embedder()
    updater = GraphUpdater(base)
    with store.engine.begin() as connection:
        migrate(connection)  # the graph's own steps, if the store was opened before the graph was loaded
        ids = pending_ids(connection)
    taken = 0
    for done, document_id in enumerate(ids, 1):
        with store.engine.begin() as connection:
            lock_graph(connection)
            if not is_taken(connection, document_id):  # an ingest that follows the graph may have taken it meanwhile
                take(store, connection, updater, base, document_id)
                taken += 1
        if progress:
            progress(done, len(ids))
    refresh_all(store.engine)  # the summaries listings read, of the claims these articles changed
    refresh_statistics(store, taken)
    return taken


def lock_graph(connection: Connection) -> None:
    """Take the write lock before reading what the graph holds, so that two processes taking articles in (a sync
    and an ingest that follows the graph, two ingests) never take one article twice or out of order.
    SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7200113)")


def is_taken(connection: Connection, document_id: str) -> bool:
    g = t.graph_documents
    return connection.execute(select(g.c.document_id).where(g.c.document_id == document_id)).first() is not None


def take(store: SqlStore, connection: Connection, updater: GraphUpdater, base: Embedder, document_id: str,
         ahead: Optional[Analysis] = None) -> None:
    """Take one stored article into the graph, in the caller's transaction (its vectors read, then dropped).
    `ahead`: the analysis as it was stored, with what its worker computed ahead (its claim mentions)."""
    analysis = load_analysis(store, connection, document_id)
    if analysis is not None:
        updater.embedder = article_vectors.vectors_for(connection, document_id, base)  # encoded ahead
        updater.add(connection, analysis, article_vectors.mentions_ahead(analysis, ahead))
    article_vectors.drop(connection, document_id)


def refresh_statistics(store: SqlStore, taken: int) -> bool:
    """VACUUM ANALYZE the graph's tables on PostgreSQL after a sync of `taken` >= ANALYZE_AFTER articles (True if it
    did). ANALYZE gathers the planner's statistics; VACUUM sets the visibility map, without which an index-only scan
    fetches every row from the table all the same (a brief's ranking read on a 50k store filled in bulk: `Heap
    Fetches: 5860`). VACUUM runs outside a transaction and blocks no reader or writer; on tables only appended to, it
    reads the pages written since the last one. Not on SQLite: its planner has no statistics unless asked, and the
    queries are written (and hinted) for that."""
    if taken < ANALYZE_AFTER or store.engine.dialect.name != "postgresql":
        return False
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE) " + ", ".join(table.name for table in STATISTICS_TABLES)))
    return True


def rebuild(store: SqlStore, embedder: Optional[Embedder] = None) -> int:
    """Empty the graph and take every article in again, in ingest order."""
    with store.engine.begin() as connection:
        for table in GRAPH_TABLES:
            connection.execute(table.delete())
    return sync(store, embedder)


def rewind(connection: Connection, entity_ids: Iterable[int]) -> int:
    """Take back every article from the first one the graph keyed on one of `entity_ids`' canonical
    entities (as they stand now), so that the next `sync` replays them in ingest order.

    A graph built in order cannot drop one article and take it in again at the
    end (claims are named after, and centroids grow from, whoever came first),
    so it goes back to a point from which a replay gives a rebuild's rows:
    earlier than every claim and copy group a taken-back article touched, and
    than every article that wrote a surface form for one of those keys (the
    names table does not say which article wrote a form).

    entity_ids (Iterable[int]): store entity ids whose canonical name or key changed.
    RETURNS (int): the number of articles taken back.
    """
    canonical = LazyCanonical(connection)
    keys = {entity_key(name, etype) for _, name, etype, _, _ in (canonical[i] for i in set(entity_ids))}
    start = _first_position_keyed(connection, keys)
    if start is None:
        return 0
    while True:  # whatever a later article changed must be replayed from where it began
        earlier = min(_first_claim_position(connection, start), _first_group_position(connection, start))
        if earlier >= start:
            break
        start = earlier
    return _truncate(connection, start, keys)


def _first_position_keyed(connection: Connection, keys: set[str]) -> Optional[int]:
    """The position of the first article in the graph that mentions an entity keyed in `keys`."""
    g, m = t.graph_documents, t.mentions
    if any(key.startswith("state:") for key in keys):
        # "le gouvernement chinois" keys on the state with no entity behind it: any article may.
        return connection.execute(select(func.min(g.c.position))).scalar()
    ids = _entities_keyed(connection, keys)
    if not ids:
        return None
    return connection.execute(select(func.min(g.c.position)).join(m, m.c.document_id == g.c.document_id)
                              .where(m.c.entity_id.in_(ids))).scalar()


def _entities_keyed(connection: Connection, keys: set[str]) -> list[int]:
    """Store entities whose canonical entity has one of the (`ent:`) keys; a scan, for a rare repair."""
    e = t.entities
    rows = {r.id: r for r in connection.execute(select(e.c.id, e.c.name, e.c.type, e.c.merged_into))}
    names = {key.split(":", 1)[1] for key in keys}
    keyed = {i for i, r in rows.items() if fold(r.name) in names and entity_key(r.name, r.type) in keys}
    return sorted(i for i in rows if merge_root(rows, i) in keyed)


def _first_claim_position(connection: Connection, start: int) -> int:
    """The first article holding evidence of a claim that an article at `start` or later holds too."""
    g, e = t.graph_documents, t.evidence
    later = select(e.c.claim_id).join(g, g.c.document_id == e.c.document_id).where(g.c.position >= start)
    first = connection.execute(select(func.min(g.c.position)).join(e, e.c.document_id == g.c.document_id)
                               .where(e.c.claim_id.in_(later))).scalar()
    return start if first is None else int(first)


def _first_group_position(connection: Connection, start: int) -> int:
    """The first article of a copy group that an article at `start` or later belongs to (joining
    two groups re-roots the younger one, and its evidence, in place)."""
    g = t.graph_documents
    roots = select(g.c.root_id).where(g.c.position >= start)
    first = connection.execute(select(func.min(g.c.position)).where(g.c.document_id.in_(roots))).scalar()
    return start if first is None else int(first)


def _truncate(connection: Connection, start: int, keys: set[str]) -> int:
    """Delete the graph rows of the articles at `start` and after, the claims they created and the
    surface forms of `keys`. Claims of earlier articles are untouched (see `rewind`)."""
    g, e = t.graph_documents, t.evidence
    taken_back = select(g.c.document_id).where(g.c.position >= start)
    created = select(e.c.claim_id).where(e.c.document_id.in_(taken_back))
    count = int(connection.execute(select(func.count()).select_from(g).where(g.c.position >= start)).scalar_one())
    first = connection.execute(select(func.min(g.c.position))).scalar()
    everything = first is None or start <= first
    connection.execute(t.claim_keys.delete().where(t.claim_keys.c.claim_id.in_(created)))
    connection.execute(t.claims.delete().where(t.claims.c.id.in_(created)))
    connection.execute(e.delete().where(e.c.document_id.in_(taken_back)))
    connection.execute(t.graph_copies.delete().where(t.graph_copies.c.document_id.in_(taken_back)))
    connection.execute(t.graph_bands.delete().where(t.graph_bands.c.document_id.in_(taken_back)))
    names = t.graph_names.delete()
    if not everything:  # from the first article on, every form is written again
        names = names.where(t.graph_names.c.key.in_(sorted(keys)))
    connection.execute(names)
    connection.execute(g.delete().where(g.c.position >= start))
    return count


# An ingest follows the graph only when the graph is at most this many articles behind when it starts; a graph
# further behind (emptied by a migration that changed its rules) is rebuilt by the next `claims` or `graph sync`.
FOLLOW_BACKLOG = 1000


class Follower:
    """The graph kept in step with an ingest: each stored article is taken in right after it (`stored`), in the
    ingest's process, while the worker processes analyse the next ones; the summaries at the end (`finish`).

    Articles are taken in the order they were stored, which is the order a later `sync` would take them in
    (ingest order), so the graph is the one that sync would build. Each article is taken in its own
    transaction, after the one that stored it: a run killed between the two leaves it to the next sync. A graph
    error does not stop the ingest: the graph stops following (`stopped` says why) and the next sync takes the
    remaining articles in (and meets the error there).
    """

    def __init__(self, store: SqlStore, embedder: Optional[Embedder] = None) -> None:
        self.store = store
        self.base = embedder or default_embedder()
        self.updater = GraphUpdater(self.base)
        self.taken = 0
        self.stopped: Optional[str] = None
        with store.engine.begin() as connection:
            migrate(connection)
            behind = pending.pending_count(connection)
        if behind > FOLLOW_BACKLOG:
            self.stopped = f"the graph is {behind} articles behind the store: the next `claims` takes them in"

    def stored(self, document_id: Optional[str] = None, analysis: Optional[Analysis] = None) -> None:
        """Take in the article just stored (and any stored before it that the graph has not taken in). `analysis`:
        the one just stored, with the claim mentions its worker computed ahead (`graph.article_vectors.prepare`)."""
        if self.stopped is not None:
            return
        try:
            with self.store.engine.begin() as connection:
                lock_graph(connection)
                pending = self._pending(connection, document_id)
                if document_id is not None and pending == [document_id]:  # the usual case: one transaction
                    take(self.store, connection, self.updater, self.base, document_id, analysis)
                    pending = []
                    taken = 1
                else:
                    taken = 0
            self.taken += taken  # counted once committed
            for pending_id in pending:  # one transaction each, as `sync`: a backlog never holds the lock for long
                with self.store.engine.begin() as connection:
                    lock_graph(connection)
                    if is_taken(connection, pending_id):  # a concurrent sync took it meanwhile
                        continue
                    take(self.store, connection, self.updater, self.base, pending_id)
                self.taken += 1  # counted once committed
        except Exception as exc:  # noqa: BLE001  (the articles are stored: the graph is derived, the next sync retries)
            self._stop(exc)

    def in_step(self, connection: Connection) -> bool:
        """In the caller's transaction, which is about to store a batch of articles (run.py `store_batch`): take the
        graph's write lock; True when the graph holds every stored article, so that each article the batch stores
        is taken in right after it, in the same transaction (`take_new`). False when the graph stopped following
        or lags (the caller stores the batch, then `stored` takes the backlog in, one transaction each)."""
        if self.stopped is not None:
            return False
        lock_graph(connection)
        return not pending.anything_pending(connection)

    def take_new(self, connection: Connection, analysis: Analysis, canonical: Optional[Canonical] = None) -> None:
        """Take in an article stored in the caller's transaction without its vectors (`SqlStore.write_new`, whose
        result is `canonical`), after `in_step`: the vectors and claim mentions its worker computed come from
        `analysis`, and the stored analysis is not read back when `store.shape.read_back` can tell what it is. A
        graph error goes up: the caller rolls its batch back (and stores it again one article at a time, where an
        error stops the graph following). The caller counts what it took in once committed (`taken`)."""
        read = read_back(analysis, canonical) if canonical is not None else None
        mentions = analysis.prepared.get(article_vectors.MENTIONS_KEY) if read is not None else None
        if read is None:
            read = load_analysis(self.store, connection, analysis.document.id)
            mentions = article_vectors.mentions_ahead(read, analysis) if read is not None else None
        if read is not None:
            self.updater.embedder = article_vectors.vectors_ahead(analysis, self.base)
            self.updater.add(connection, read, list(mentions) if mentions is not None else None)

    def _stop(self, exc: Exception) -> None:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if is_disk_full(exc):
            raise StoreFull(f"the store cannot be written (disk full?): {first}") from exc
        self.stopped = f"the graph stopped following this ingest ({first}): the next `claims` takes the rest in"

    def _pending(self, connection: Connection, document_id: Optional[str]) -> list[str]:
        """The articles to take in now, in ingest order: the one just stored when it is the only one pending
        (two rows of `graph_pending` read), else every pending one (another writer stored some, or a run was killed)."""
        if document_id is not None and pending.only_pending(connection, document_id):
            return [document_id]
        return pending_ids(connection)

    def finish(self) -> int:
        """Take in what is left and compute the summaries of the claims the articles changed. RETURNS (int): the
        articles this ingest took into the graph."""
        if self.stopped is None:
            self.stored(None)
        if self.taken:
            try:
                refresh_all(self.store.engine)
                refresh_statistics(self.store, self.taken)
            except Exception as exc:  # noqa: BLE001  (the next sync computes what is left)
                self._stop(exc)
        return self.taken
