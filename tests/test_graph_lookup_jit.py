"""PostgreSQL ranks a brief's candidates without JIT compilation (graph.lookup._without_jit), for that read only."""
from __future__ import annotations

from typing import Iterator

import pytest
from sqlalchemy import text

from backends import fresh_pg_schema

from claimgraph.graph.lookup import ranked_keys
from claimgraph.store import SqlStore


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema only: JIT is PostgreSQL's (SQLite has nothing to turn off)."""
    yield from fresh_pg_schema()


def test_the_ranking_turns_jit_off_for_its_own_transaction_only(pg_url: str) -> None:
    store = SqlStore(pg_url)
    assert store.engine.dialect.name == "postgresql"
    with store.engine.connect() as connection:
        default = connection.execute(text("SHOW jit")).scalar_one()
        connection.rollback()
        ranked_keys(connection, {"cc:CN"}, 10)
        assert connection.execute(text("SHOW jit")).scalar_one() == "off"
        connection.rollback()
        assert connection.execute(text("SHOW jit")).scalar_one() == default  # SET LOCAL: gone with the transaction
    store.close()
