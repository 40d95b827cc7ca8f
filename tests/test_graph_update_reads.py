"""The graph update reads an article's candidates once until it writes a claim (graph/update.py `_read`): the same
graph as reading them for every mention, on synthetic articles whose actors, items and relays recur."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from claimgraph.graph.embed import HashEmbedder
from claimgraph.graph.sync import sync
from claimgraph.graph.update import GraphUpdater
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from load_script import load_script

TABLES = ("graph_documents", "graph_copies", "claims", "claim_keys", "evidence", "graph_names", "claim_documents",
          "claim_origins", "claim_summaries")


def _articles(count: int) -> list[Any]:
    bench = load_script("bench_graph")
    rng, bases, made = random.Random(11), bench.templates(), []
    for i in range(count):
        if made and rng.random() < 0.1:
            made.append(bench.relay(rng.choice(made), i, rng))
        else:
            made.append(bench.synthetic(rng.choice(bases), i, rng, pool=6))  # few names: claims recur and merge
    return made


def _graph(path: Path, analyses: list[Any]) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    store = SqlStore(str(path))
    for analysis in analyses:
        store.put_analysis(analysis)
        sync(store, HashEmbedder())  # one article at a time, as an ingest that follows the graph
    with store.engine.connect() as connection:
        rows = {name: sorted(map(repr, connection.execute(select(t.metadata.tables[name])))) for name in TABLES}
    store.close()
    return rows


def test_reading_candidates_once_per_article_builds_the_same_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analyses = _articles(80)
    hits: list[bool] = []
    kept = GraphUpdater._read

    def counted(self: GraphUpdater, connection: Any, statement: Any, params: dict[str, Any]) -> list[Any]:
        before = len(self._reads)
        rows = kept(self, connection, statement, params)
        hits.append(len(self._reads) == before)
        return rows

    monkeypatch.setattr(GraphUpdater, "_read", counted)
    once = _graph(tmp_path / "once.db", analyses)
    monkeypatch.setattr(GraphUpdater, "_read", lambda self, connection, statement, params:
                        list(connection.execute(statement, params)))
    every = _graph(tmp_path / "every.db", analyses)
    assert once["claims"] and once["evidence"]
    assert sum(hits) > 50, "few reads was answered from an earlier one: the test does not test the cache"
    assert once == every
