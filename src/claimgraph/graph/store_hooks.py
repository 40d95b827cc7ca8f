"""The graph's side of store/derived.py: its migration steps and its answer to an entity change.

Registered when `claimgraph.graph` is imported, so that the store (below the
graph) never imports it.
"""
from __future__ import annotations

from sqlalchemy import Connection, bindparam, inspect, select, text

from claimgraph.store import tables
from claimgraph.store.derived import on_entities_changed, register_step


STEM_BATCH = 5000


def _add_claim_stems(connection: Connection) -> None:
    """`claims.stem` (a block's type and first role) and its (stem, seq) index.

    The graph's wider candidate lookup reads the newest claims of a stem off
    the index instead of sorting a whole block-prefix range. A store made by
    0002 before this step gets the column and its existing claims their stem
    (computed in Python, batch by batch); a fresh store already
    has both from `create_all`, and only rows still without a stem are filled.
    """
    from claimgraph.graph.update import block_stem

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
    from claimgraph.graph.aggregates import backfill

    tables.metadata.create_all(connection, tables=[tables.claim_documents, tables.claim_origins], checkfirst=True)
    backfill(connection)


def _add_claim_summaries(connection: Connection) -> None:
    """`claim_summaries` (what `claims`/`brief` read: one row per claim), every claim queued; the sync that
    runs this step computes them (a 100k-article store: see docs/scale.md)."""
    from claimgraph.graph.precomputed import create

    create(connection)


def _rewind(connection: Connection, entity_ids: tuple[int, ...]) -> None:
    from claimgraph.graph.sync import rewind

    rewind(connection, entity_ids)


register_step("0003_claim_stems", _add_claim_stems)
register_step("0004_claim_aggregates", _add_claim_aggregates)
register_step("0010_claim_summaries", _add_claim_summaries)
on_entities_changed(_rewind)
