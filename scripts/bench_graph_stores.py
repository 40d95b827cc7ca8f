"""The 100k-article benchmark store's own tools (scripts/bench_graph.py): keep its graph, copy it, time its queries.

A store built by bench_graph.py holds graph rows written from synthetic analyses kept in memory, and no stored
analysis: a migration that retakes the graph (store/migrations.py `retake_graph`) would empty it for good. Every
store this script builds or opens is marked first (`protect`), and a marked store keeps its graph.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import create_engine, inspect, select  # noqa: E402

from claimgraph.graph import HashEmbedder, sync  # noqa: E402
from claimgraph.graph.sync import ANALYZE_AFTER, refresh_statistics  # noqa: E402
from claimgraph.store import SqlStore  # noqa: E402
from claimgraph.store import tables as t  # noqa: E402
from claimgraph.store.migrations import has_synthetic_graph, mark_synthetic_graph  # noqa: E402
from claimgraph.store.sql import database_url  # noqa: E402


def protect(db: str) -> bool:
    """Mark an existing store built by this script (documents, but no stored analysis: no mention, attribution or
    event row) before anything opens it through `SqlStore`, whose migrations would empty a graph that no sync can
    take in again (store/migrations.py `SYNTHETIC_GRAPH`). RETURNS (bool): whether the store is (now) marked."""
    engine = create_engine(database_url(db))
    try:
        with engine.begin() as connection:
            names = set(inspect(connection).get_table_names())
            if "schema_migrations" not in names or "documents" not in names:
                return False  # a new store: `main` marks it once created
            if has_synthetic_graph(connection):
                return True
            analysed = any(connection.execute(select(t.metadata.tables[n]).limit(1)).first() is not None
                           for n in ("mentions", "attributions", "events") if n in names)
            if analysed or connection.execute(select(t.documents.c.id).limit(1)).first() is None:
                return False
            mark_synthetic_graph(connection)
            return True
    finally:
        engine.dispose()


def copy_store(source: str, target: str, chunk: int = 20_000) -> None:
    """Copy every row of the store at `source` (built by this script, e.g. on PostgreSQL) into a new store at `target`:
    the same articles, claims and kept summaries on the other backend, in minutes instead of a second build."""
    protect(source)
    reader, writer = SqlStore(source, create=False), SqlStore(target)
    with writer.engine.begin() as connection:
        mark_synthetic_graph(connection)
    began = time.perf_counter()
    with reader.engine.connect() as connection:
        for table in t.metadata.sorted_tables:  # parents before children
            if table.name in ("schema_migrations", "graph_pending"):  # the target's own steps (marked above), and
                continue  # what its triggers keep (store/pending.py) as the documents and graph rows are copied
            copied = 0
            with writer.engine.begin() as out:
                out.execute(table.delete())  # a new store's own rows (the summaries' rule version): the source's win
            result = connection.execution_options(yield_per=chunk).execute(select(table))
            for part in result.partitions():
                with writer.engine.begin() as out:
                    if out.dialect.name == "postgresql":
                        _copy_rows(out, table, part)
                    else:
                        out.execute(table.insert(), [dict(row._mapping) for row in part])
                copied += len(part)
            print(f"{time.strftime('%H:%M:%S')} {table.name}: {copied} rows, {time.perf_counter() - began:.0f} s "
                  f"load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    reader.close()
    # Rows copied in bulk leave PostgreSQL without statistics or visibility map: timed as copied, a brief on a
    # 100k copy took 2.4-2.9 s wall; after this, 177 ms (the same step a sync of >= 1,000 articles takes).
    refresh_statistics(writer, ANALYZE_AFTER)
    writer.close()


def _copy_rows(connection, table, rows) -> None:  # type: ignore[no-untyped-def]
    """Rows into a PostgreSQL table through COPY (psycopg's `copy`): the same rows as an INSERT of each, with the
    same triggers fired, about 5x less client CPU than SQLAlchemy's executemany (12 M rows for a 100k store)."""
    names = ", ".join(f'"{column.name}"' for column in table.columns)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(tuple(row))


def insert_rows(connection, table, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Insert `rows` (dicts with the same keys) into `table`. On SQLite, for a table without a date-time column, as
    positional tuples straight to the driver's executemany: the same rows as `table.insert()` (no type of theirs
    needs converting there), without SQLAlchemy's per-row parameter processing, about a third of a replica's CPU."""
    from sqlalchemy import DateTime

    if connection.dialect.name != "sqlite" or any(isinstance(c.type, DateTime) for c in table.columns):
        connection.execute(table.insert(), rows)
        return
    connection.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB: a big store's indexes stay in memory
    names = list(rows[0])
    statement = (f'INSERT INTO "{table.name}" (' + ", ".join(f'"{n}"' for n in names) + ") VALUES ("
                 + ", ".join("?" * len(names)) + ")")
    connection.exec_driver_sql(statement, [tuple(row[n] for n in names) for row in rows])


def resumed_base(store: SqlStore, base_articles: int) -> "tuple[dict[str, list[dict]], int] | None":
    """A store this script was building and that was stopped (killed between replicas, each its own transaction):
    the base articles' rows as `bench_graph.base_rows` read them after the fill (replicas only add rows, with `~tag`
    document ids, renamed claim ids and ` #tag` names), and the number of replicas already in it. None for an
    empty store."""
    from sqlalchemy import func

    d, e = t.documents, t.evidence
    with store.engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(d)).scalar_one()
        if not stored:
            return None
        docs = select(d.c.id).where(~d.c.id.contains("~"))
        claims = select(e.c.claim_id).where(e.c.document_id.in_(docs)).distinct()
        where = {"documents": d.c.id.in_(docs), "graph_documents": t.graph_documents.c.document_id.in_(docs),
                 "graph_bands": t.graph_bands.c.document_id.in_(docs),
                 "graph_copies": t.graph_copies.c.document_id.in_(docs), "evidence": e.c.document_id.in_(docs),
                 "claims": t.claims.c.id.in_(claims), "claim_keys": t.claim_keys.c.claim_id.in_(claims),
                 "claim_documents": t.claim_documents.c.claim_id.in_(claims),
                 "claim_origins": t.claim_origins.c.claim_id.in_(claims),
                 "graph_names": ~t.graph_names.c.key.contains(" #")}
        base = {name: [dict(r._mapping) for r in connection.execute(select(t.metadata.tables[name]).where(test))]
                for name, test in where.items()}
    if len(base["documents"]) != base_articles:
        raise SystemExit(f"cannot resume: {len(base['documents'])} base articles in the store, not {base_articles}")
    return base, stored // base_articles - 1


def time_store(db: str, repeats: int) -> None:
    """Only time the queries on an existing store (and the no-op sync every CLI `claims`/`brief` runs first)."""
    from bench_graph import _percentile, query_times  # (imported here: bench_graph imports this module)

    protect(db)
    store = SqlStore(db, create=False)
    syncs = []
    for _ in range(5):
        began = time.perf_counter()
        sync(store, HashEmbedder())
        syncs.append((time.perf_counter() - began) * 1000)
    detail: dict = {}
    load = os.getloadavg()
    query_times(store, repeats=repeats, warm=2, detail=detail)
    print(json.dumps({"articles": store.counts()["documents"], "noop_sync_ms_p50": _percentile(syncs, 0.5),
                      "queries": detail, "runs": repeats, "load": [[round(x, 2) for x in load],
                                                                   [round(x, 2) for x in os.getloadavg()]]}))
    store.close()
