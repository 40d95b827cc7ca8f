"""The same articles on SQLite and PostgreSQL: identical exports and claims; races, passwords, missing stores."""
from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest

from backends import fresh_pg_schema, pg_problem
from claimgraph.errors import StoreError
from claimgraph.graph import select_claim_ids, summaries, sync
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore
from claimgraph.store.sql import shown_url

REPO = Path(__file__).resolve().parents[1]
ARTICLES = sorted((REPO / "examples").glob("en0*.txt"))[:3] + sorted((REPO / "examples").glob("fr0*.txt"))[:3]


def export_hash(store: SqlStore) -> str:
    lines = [json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) for a in store.iter_analyses()]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def claims_hash(store: SqlStore) -> str:
    with store.engine.connect() as connection:
        found = summaries(connection, select_claim_ids(connection, None, None, None, 500), with_evidence=True)
    return hashlib.sha256(json.dumps([c.to_dict(with_evidence=True) for c in found], sort_keys=True).encode()).hexdigest()


@pytest.mark.slow
def test_sqlite_and_postgresql_give_identical_exports_and_claims(analyzer, tmp_path: Path) -> None:
    if pg_problem():
        pytest.skip(pg_problem())
    sqlite = SqlStore(str(tmp_path / "s.db"))
    ingest_paths(ARTICLES, db=sqlite.url, analyzer=analyzer)
    sync(sqlite)
    for url in fresh_pg_schema():
        postgres = SqlStore(url)
        ingest_paths(ARTICLES, db=url, analyzer=analyzer)
        sync(postgres)
        assert postgres.counts() == sqlite.counts() and sqlite.counts()["documents"] == len(ARTICLES)
        assert export_hash(postgres) == export_hash(sqlite)
        assert claims_hash(postgres) == claims_hash(sqlite)
        postgres.close()


def test_two_writers_of_one_article_read_as_already_known(analyzer, store_url: str) -> None:
    analysis = analyzer.analyze_text("The ministry said on Monday that Norland sold radar parts to Vesteria.", lang="en")
    stores = [SqlStore(store_url), SqlStore(store_url)]
    barrier = threading.Barrier(2)
    results: list[bool] = []

    def write(store: SqlStore) -> None:
        barrier.wait()
        results.append(store.put_analysis(analysis))

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert stores[0].counts()["documents"] == 1


def test_the_password_is_never_shown() -> None:
    url = "postgresql://reader:s3cret-pw@127.0.0.1:1/none"
    assert "s3cret-pw" not in shown_url(url) and "reader" in shown_url(url)
    with pytest.raises(StoreError) as caught:
        SqlStore(url)
    assert "s3cret-pw" not in str(caught.value) and "s3cret-pw" not in json.dumps(caught.value.details)


def test_sql_store_meets_the_store_protocol(store_url: str) -> None:
    from claimgraph.store import Store, open_store

    store = open_store(store_url)
    assert isinstance(store, Store) and not store.read_only
    assert store.counts()["documents"] == 0
    store.close()
