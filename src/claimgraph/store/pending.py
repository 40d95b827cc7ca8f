"""The stored articles the evidence graph has not taken in yet, kept by the database itself (migration 0058).

"Is anything pending?" is asked by every `claims`/`brief` (the no-op sync) and by the ingest before each batch.
It was two counts (`documents` and `graph_documents`), which read every row: 36 ms on PostgreSQL at 50,000
articles. Now `graph_pending` holds the id of every stored article without a `graph_documents` row, kept so by
triggers in the same transaction as the write that changes it, whoever writes (the store, the graph, a repair,
the benchmark scripts that insert rows themselves):

* a document stored: its id is pending;
* an article taken in (a `graph_documents` row written): no longer pending;
* an article taken back (its `graph_documents` row deleted: `rewind`, `rebuild`, a migration retaking the
  graph): pending again while its document is stored.

So the table always equals `documents` minus `graph_documents` (the anti-join `fill` computes when the step
runs), and "anything pending" reads at most one row of it. Ingest order (`pending_ids`) is still the documents'.
"""
from __future__ import annotations

from sqlalchemy import Connection, exists, func, select

from claimgraph.store import tables as t

_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS graph_pending_stored AFTER INSERT ON documents BEGIN "
    "INSERT OR IGNORE INTO graph_pending (document_id) VALUES (NEW.id); END",
    "CREATE TRIGGER IF NOT EXISTS graph_pending_taken AFTER INSERT ON graph_documents BEGIN "
    "DELETE FROM graph_pending WHERE document_id = NEW.document_id; END",
    "CREATE TRIGGER IF NOT EXISTS graph_pending_dropped AFTER DELETE ON graph_documents BEGIN "
    "INSERT OR IGNORE INTO graph_pending (document_id) SELECT id FROM documents WHERE id = OLD.document_id; END",
)

# PostgreSQL: (trigger and function name, table, event, body); the tables named in the store's schema.
_POSTGRESQL = (
    ("graph_pending_stored", "documents", "INSERT",
     "INSERT INTO {s}.graph_pending (document_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;"),
    ("graph_pending_taken", "graph_documents", "INSERT",
     "DELETE FROM {s}.graph_pending WHERE document_id = NEW.document_id;"),
    ("graph_pending_dropped", "graph_documents", "DELETE",
     "INSERT INTO {s}.graph_pending (document_id) SELECT id FROM {s}.documents WHERE id = OLD.document_id "
     "ON CONFLICT DO NOTHING;"),
)


def kept_by_triggers(connection: Connection) -> bool:
    """Whether this backend keeps `graph_pending` (SQLite and PostgreSQL); another one counts as before."""
    return connection.dialect.name in ("sqlite", "postgresql")


def create(connection: Connection) -> None:
    """Migration 0058: the table, its triggers, and its rows as the store stands (`fill`)."""
    if not kept_by_triggers(connection):
        return
    t.graph_pending.create(connection, checkfirst=True)
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE:
            connection.exec_driver_sql(statement)
    else:
        schema = '"' + str(connection.exec_driver_sql("SELECT current_schema()").scalar_one()).replace('"', '""') + '"'
        for name, table, event, body in _POSTGRESQL:
            connection.exec_driver_sql(
                f"CREATE OR REPLACE FUNCTION {schema}.{name}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$body$ BEGIN {body.format(s=schema)} RETURN NULL; END $body$")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {schema}.{table}")
            connection.exec_driver_sql(f"CREATE TRIGGER {name} AFTER {event} ON {schema}.{table} "
                                       f"FOR EACH ROW EXECUTE FUNCTION {schema}.{name}()")
    fill(connection)


def fill(connection: Connection) -> None:
    """Every stored article without a graph row, and no other: what the triggers keep from then on."""
    d, g, p = t.documents, t.graph_documents, t.graph_pending
    connection.execute(p.delete())
    missing = ~exists().where(g.c.document_id == d.c.id)
    connection.execute(p.insert().from_select(["document_id"], select(d.c.id).where(missing)))


def anything_pending(connection: Connection) -> bool:
    """Whether a stored article is not in the graph (one row read, whatever the store's size)."""
    if not kept_by_triggers(connection):
        return pending_count(connection) > 0
    return connection.execute(_ANY).first() is not None


def pending_count(connection: Connection) -> int:
    """How many stored articles the graph has not taken in."""
    if not kept_by_triggers(connection):
        stored = connection.execute(select(func.count()).select_from(t.documents)).scalar_one()
        return int(stored - connection.execute(select(func.count()).select_from(t.graph_documents)).scalar_one())
    return int(connection.execute(select(func.count()).select_from(t.graph_pending)).scalar_one())


def pending_ids(connection: Connection) -> list[str]:
    """The stored articles the graph has not taken in, in ingest order (by identity, not by time: an article
    stored with an older timestamp than the newest in the graph is pending all the same)."""
    d = t.documents
    if not kept_by_triggers(connection):
        missing = ~exists().where(t.graph_documents.c.document_id == d.c.id)
        query = select(d.c.id).where(missing)
    elif not anything_pending(connection):
        return []
    else:
        query = select(d.c.id).join(t.graph_pending, t.graph_pending.c.document_id == d.c.id)
    return list(connection.execute(query.order_by(d.c.ingested_at, d.c.id)).scalars())


def only_pending(connection: Connection, document_id: str) -> bool:
    """Whether `document_id` is the one article pending (the ingest's usual case: it has just stored it)."""
    if not kept_by_triggers(connection):
        return pending_ids(connection) == [document_id]
    return list(connection.execute(_TWO).scalars()) == [document_id]


_ANY = select(t.graph_pending.c.document_id).limit(1)
_TWO = select(t.graph_pending.c.document_id).limit(2)
