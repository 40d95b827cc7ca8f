"""A benchmark store's graph (scripts/bench_graph.py: graph rows with no stored analysis behind them) is kept by the
migrations that retake the graph of every other store (store/migrations.py `SYNTHETIC_GRAPH`)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from claimgraph.graph import store_hooks  # noqa: F401  (the graph's tables)
from claimgraph.model import Analysis
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.store.migrations import MIGRATIONS, has_synthetic_graph, mark_synthetic_graph, migrate, retake_graph
from load_script import SCRIPTS, load_module

GOLD = Path(__file__).resolve().parent / "gold"
LAST_RETAKE = [version for version, step in MIGRATIONS if step is retake_graph][-1]


def _store_with_graph(path: Path) -> SqlStore:
    """A store holding one document taken into the graph without a stored analysis, as bench_graph.py writes them."""
    store = SqlStore(str(path))
    with store.engine.begin() as connection:
        connection.execute(t.documents.insert().values(id="d1", lang="en", text="A text.", analysis_version="x",
                                                       ingested_at=datetime.now(timezone.utc)))
        connection.execute(t.graph_documents.insert().values(document_id="d1", position=1, lang="en", root_id="d1"))
    return store


def _retake_again(store: SqlStore) -> int:
    """Forget the last graph retake migration, migrate again; RETURNS the graph's articles after it."""
    with store.engine.begin() as connection:
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == LAST_RETAKE))
        assert LAST_RETAKE in migrate(connection)
        return int(connection.execute(select(func.count()).select_from(t.graph_documents)).scalar_one())


def test_a_retake_empties_an_unmarked_graph(tmp_path: Path) -> None:
    store = _store_with_graph(tmp_path / "store.db")
    assert _retake_again(store) == 0
    store.close()


def test_a_marked_store_keeps_its_graph(tmp_path: Path) -> None:
    store = _store_with_graph(tmp_path / "bench.db")
    with store.engine.begin() as connection:
        mark_synthetic_graph(connection)
        mark_synthetic_graph(connection)  # idempotent
        assert has_synthetic_graph(connection)
    assert _retake_again(store) == 1
    store.close()


def test_bench_graph_marks_a_store_without_analyses_only(tmp_path: Path) -> None:
    stores = load_module(SCRIPTS / "bench_graph_stores.py")
    bench = tmp_path / "bench.db"
    _store_with_graph(bench).close()
    assert stores.protect(str(bench))
    store = SqlStore(str(bench))
    assert _retake_again(store) == 1  # opened after `protect`: the graph stays
    store.close()
    real = tmp_path / "real.db"
    store = SqlStore(str(real))
    gold = sorted(GOLD.glob("*.gold.json"))[0]
    store.put_analysis(Analysis.from_dict(json.loads(gold.read_text(encoding="utf-8"))))
    store.close()
    assert not stores.protect(str(real))  # a store of real analyses is retaken as usual
    assert not stores.protect(str(tmp_path / "new.db"))  # nothing there yet
