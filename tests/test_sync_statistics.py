"""A sync that takes in many articles gathers PostgreSQL's table statistics (graph/sync.refresh_statistics)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text

from backends import fresh_pg_schema
from claimgraph.graph import store_hooks  # noqa: F401  (the graph's tables)
from claimgraph.graph.sync import ANALYZE_AFTER, refresh_statistics
from claimgraph.store import SqlStore
from claimgraph.store.migrations import migrate


@pytest.fixture
def pg_store() -> Iterator[SqlStore]:
    for url in fresh_pg_schema():
        store = SqlStore(url)
        with store.engine.begin() as connection:
            migrate(connection)
        yield store
        store.close()


def _reltuples(store: SqlStore, table: str) -> float:
    with store.engine.connect() as connection:
        return float(connection.execute(text("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:t)"),
                                        {"t": table}).scalar_one())


def test_a_large_sync_analyses_the_graph_tables(pg_store: SqlStore) -> None:
    assert _reltuples(pg_store, "claim_keys") < 0  # never analysed
    assert refresh_statistics(pg_store, ANALYZE_AFTER)
    assert _reltuples(pg_store, "claim_keys") >= 0
    assert _reltuples(pg_store, "claims") >= 0


def test_a_small_sync_leaves_them(pg_store: SqlStore) -> None:
    assert not refresh_statistics(pg_store, ANALYZE_AFTER - 1)
    assert _reltuples(pg_store, "claim_keys") < 0


def test_sqlite_gets_no_statistics(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "store.db"))
    with store.engine.begin() as connection:
        migrate(connection)
    assert not refresh_statistics(store, 10 * ANALYZE_AFTER)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar_one() == 0
    store.close()


def _vacuums(store: SqlStore, table: str) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text("SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = to_regclass(:t)"),
                                      {"t": table}).scalar_one())


def test_a_large_sync_vacuums_the_graph_tables(pg_store: SqlStore) -> None:
    """VACUUM as well: the visibility map lets the listings' index-only scans skip the table (docs/performance.md)."""
    assert _vacuums(pg_store, "claims") == 0
    assert refresh_statistics(pg_store, ANALYZE_AFTER)
    assert _vacuums(pg_store, "claims") == 1
    assert _vacuums(pg_store, "evidence") == 1
