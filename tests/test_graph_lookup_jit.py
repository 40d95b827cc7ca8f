"""PostgreSQL ranks a brief's candidates without JIT compilation (graph.lookup._without_jit), for that read only."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from claimgraph.graph.lookup import ranked_keys
from claimgraph.store import SqlStore


def test_the_ranking_turns_jit_off_for_its_own_transaction_only(store_url: str) -> None:
    store = SqlStore(store_url)
    if store.engine.dialect.name != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with store.engine.connect() as connection:
        default = connection.execute(text("SHOW jit")).scalar_one()
        connection.rollback()
        ranked_keys(connection, {"cc:CN"}, 10)
        assert connection.execute(text("SHOW jit")).scalar_one() == "off"
        connection.rollback()
        assert connection.execute(text("SHOW jit")).scalar_one() == default  # SET LOCAL: gone with the transaction
    store.close()
