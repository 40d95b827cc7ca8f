"""Schema migrations as named, ordered, idempotent steps.

Written here rather than with alembic's script directory because the schema is
small and must migrate itself on first open of any store (a user runs
`claimgraph ingest` on a new file, no separate `upgrade` step); each step is a
function of a connection, recorded in `schema_migrations`, and runs the same
on SQLite and PostgreSQL through SQLAlchemy Core.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, inspect, select, text

from claimgraph.store import tables

Migration = Callable[[Connection], None]


def _create_core_tables(connection: Connection) -> None:
    core = [tables.documents, tables.entities, tables.entity_merges, tables.mentions, tables.attributions,
            tables.events, tables.arguments]
    tables.metadata.create_all(connection, tables=core, checkfirst=True)


def _create_graph_tables(connection: Connection) -> None:
    graph = [tables.graph_documents, tables.graph_bands, tables.graph_copies, tables.claims, tables.claim_keys,
             tables.evidence, tables.graph_names]
    tables.metadata.create_all(connection, tables=graph, checkfirst=True)
    # An index (not a column) on the core table: the graph finds the articles it has not taken in
    # yet, in ingest order, without scanning every document.
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_ingested_at ON documents (ingested_at, id)"))


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_core_tables", _create_core_tables),
    ("0002_graph_tables", _create_graph_tables),
]


def migrate(connection: Connection) -> list[str]:
    """Apply every migration not yet recorded; return the versions applied now."""
    tables.schema_migrations.create(connection, checkfirst=True)
    done = set(connection.execute(select(tables.schema_migrations.c.version)).scalars())
    applied = []
    for version, step in MIGRATIONS:
        if version in done:
            continue
        step(connection)
        connection.execute(tables.schema_migrations.insert().values(version=version,
                                                                    applied_at=datetime.now(timezone.utc)))
        applied.append(version)
    return applied


def current_version(connection: Connection) -> str | None:
    if not inspect(connection).has_table("schema_migrations"):
        return None
    versions = sorted(connection.execute(select(tables.schema_migrations.c.version)).scalars())
    return versions[-1] if versions else None
