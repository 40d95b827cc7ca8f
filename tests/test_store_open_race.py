"""Several processes opening one new store at the same moment (two ingests started together, a
serve and an ingest): each migrates under the database's write lock, none fails, every step is
recorded once. Both backends, for real."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from claimgraph.store import SqlStore
from claimgraph.store.sql import database_url

REPO = Path(__file__).resolve().parents[1]
OPEN_AND_COUNT = ("import sys; import claimgraph.graph; from claimgraph.store import SqlStore; "
                  "print(SqlStore(sys.argv[1]).counts()['documents'])")


def test_processes_opening_one_new_store_at_once_all_succeed(store_url: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    processes = [subprocess.Popen([sys.executable, "-c", OPEN_AND_COUNT, store_url], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    for code, out, err in results:
        assert code == 0, err[-2000:]
        assert out.strip() == "0"
    SqlStore(store_url).close()  # a later open finds nothing to do
    engine = create_engine(database_url(store_url))
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version FROM schema_migrations")).scalars().all()
    engine.dispose()
    assert versions and len(versions) == len(set(versions))
