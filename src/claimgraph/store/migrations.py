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

from sqlalchemy import Connection, bindparam, inspect, select, text

from claimgraph.store import tables
from claimgraph.store.search import create_search_index

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


STEM_BATCH = 5000


def _add_claim_stems(connection: Connection) -> None:
    """`claims.stem` (a block's type and first role) and its (stem, seq) index.

    The graph's wider candidate lookup reads the newest claims of a stem off
    the index instead of sorting a whole block-prefix range. A store made by
    0002 before this step gets the column and its existing claims their stem
    (computed in Python, batch by batch); a fresh store already
    has both from `create_all`, and only rows still without a stem are filled.
    """
    from claimgraph.graph.update import block_stem  # the block format lives with the graph

    if "stem" not in {column["name"] for column in inspect(connection).get_columns("claims")}:
        connection.execute(text("ALTER TABLE claims ADD COLUMN stem TEXT"))
    c = tables.claims
    fill = c.update().where(c.c.id == bindparam("claim_id")).values(stem=bindparam("claim_stem"))
    # In creation order (ix_claims_seq), which is mostly storage order: every filled row leaves the
    # rows still without a stem, so `>=` picks up equal seqs cut at a batch's end.
    last = None
    while True:
        query = select(c.c.id, c.c.block, c.c.seq).where(c.c.stem.is_(None))
        if last is not None:
            query = query.where(c.c.seq >= last)
        rows = list(connection.execute(query.order_by(c.c.seq).limit(STEM_BATCH)))
        if not rows:
            break
        connection.execute(fill, [{"claim_id": r.id, "claim_stem": block_stem(r.block)} for r in rows])
        last = rows[-1].seq
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_claims_stem ON claims (stem, seq)"))


def _add_claim_aggregates(connection: Connection) -> None:
    """`claim_documents` and `claim_origins`: what `claims`/`brief` read instead of every evidence row.

    Created if missing, then filled from the evidence for every claim that has
    no rows yet (`graph.aggregates.backfill`, in creation order, batch by
    batch): a fresh store has nothing to fill, and running it again fills
    nothing twice. From then on `graph.update` keeps them with each article.
    """
    from claimgraph.graph.aggregates import backfill  # the aggregates' rules live with the graph

    tables.metadata.create_all(connection, tables=[tables.claim_documents, tables.claim_origins], checkfirst=True)
    backfill(connection)


def _add_listing_indexes(connection: Connection) -> None:
    """Two indexes on `graph_documents` listings read copy groups and bylines through: (document_id, root_id),
    and (root_id, position, wire) over the articles with a byline. A fresh store has them from 0002."""
    for index in tables.graph_documents.indexes:
        if index.name in ("ix_graph_documents_group", "ix_graph_documents_wire"):
            index.create(connection, checkfirst=True)


def _retake_graph(connection: Connection) -> None:
    """Empty the evidence graph, which is derived from the stored analyses, when the rules that write it
    change what it stores; the next sync (`ingest`, `claims`, `brief` run one) takes every article in
    again, in ingest order. The analyses themselves are kept."""
    derived = [tables.graph_names, tables.evidence, tables.claim_keys, tables.claims, tables.graph_copies,
               tables.graph_bands, tables.graph_documents]
    for table in derived:  # claims cascade to their aggregates (claim_documents, claim_origins)
        connection.execute(table.delete())


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_core_tables", _create_core_tables),
    ("0002_graph_tables", _create_graph_tables),
    ("0003_claim_stems", _add_claim_stems),
    ("0004_claim_aggregates", _add_claim_aggregates),
    ("0005_listing_indexes", _add_listing_indexes),
    # graph rules of 2026-11-24: unidentified press-report origins, known officials as their state's voice
    ("0006_graph_rules_2026_11_24", _retake_graph),
    ("0007_document_search", create_search_index),
    # graph rules of 2026-12-07: role sanity (no pronoun/speaker/place-of-origin actors, no fragment items, agent
    # != recipient), headings and time phrases are no origins, outlets never deny (graph/sanity.py)
    ("0008_graph_rules_2026_12_07", _retake_graph),
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
