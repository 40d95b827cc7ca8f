"""An ingest keeps the evidence graph in step (graph/sync.py `Follower`): the same graph as a sync after it,
nothing left for the first `claims`, articles another writer stored taken in, in ingest order."""
from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from claimgraph.graph.embed import HashEmbedder
from claimgraph.graph.sync import Follower, rebuild, sync
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from test_article_vectors import graph_rows
from test_failures_runtime import write_articles


def summary_rows(store: SqlStore) -> list[tuple]:  # type: ignore[type-arg]
    s = t.claim_summaries
    with store.engine.connect() as connection:
        return list(map(tuple, connection.execute(select(s.c.claim_id, s.c.origins, s.c.articles, s.c.languages)
                                                  .order_by(s.c.claim_id))))


def test_an_ingest_builds_the_graph_a_sync_after_it_would(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_articles(tmp_path / "in", 9)
    followed, after = SqlStore(str(tmp_path / "followed.db")), SqlStore(str(tmp_path / "after.db"))
    report = ingest_paths([tmp_path / "in"], db=followed.url, analyzer=analyzer)
    assert report.new == 9 and not report.warnings
    assert sync(followed) == 0  # the first `claims` has nothing left to take in
    ingest_paths([tmp_path / "in"], db=after.url, analyzer=analyzer, graph=False)
    assert sync(after) == 9
    assert graph_rows(followed) and graph_rows(followed) == graph_rows(after)
    assert summary_rows(followed) and summary_rows(followed) == summary_rows(after)
    with followed.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(t.claim_summaries_stale)).scalar_one() == 0
        assert connection.execute(select(t.article_vectors)).first() is None  # read once by the graph, then dropped
    followed.close()
    after.close()


def test_a_follower_takes_in_what_another_writer_stored_first_in_ingest_order(analyzer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_articles(tmp_path / "in", 4)
    analyses = list(analyzer.analyze_paths([tmp_path / "in"]))
    store, replayed = SqlStore(str(tmp_path / "s.db")), SqlStore(str(tmp_path / "r.db"))
    follower = Follower(store, HashEmbedder())
    store.put_analysis(analyses[0])
    store.put_analysis(analyses[1])  # stored by another writer, not followed yet
    follower.stored(analyses[0].document.id)
    with store.engine.connect() as connection:
        taken = [r.document_id for r in connection.execute(select(t.graph_documents.c.document_id)
                                                           .order_by(t.graph_documents.c.position))]
    assert taken == [analyses[0].document.id, analyses[1].document.id]
    for analysis in analyses[2:]:
        store.put_analysis(analysis)
        follower.stored(analysis.document.id)
    assert follower.finish() == 4 and follower.stopped is None
    assert sync(store, HashEmbedder()) == 0
    for analysis in analyses:
        replayed.put_analysis(analysis)
    rebuild(replayed, HashEmbedder())
    assert graph_rows(store) == graph_rows(replayed)


def test_a_graph_far_behind_is_left_to_the_next_sync(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from graph_docs import state_supply

    store = SqlStore(str(tmp_path / "s.db"))
    for analysis in (state_supply(f"d{i}", "en", "China sends weapons to Russia.", "China", "weapons") for i in range(3)):
        store.put_analysis(analysis)
    monkeypatch.setattr(sys.modules["claimgraph.graph.sync"], "FOLLOW_BACKLOG", 2)
    follower = Follower(store, HashEmbedder())
    follower.stored("d2")
    assert follower.finish() == 0 and "3 articles behind" in (follower.stopped or "")
    assert sync(store, HashEmbedder()) == 3


def test_a_backlog_is_taken_in_one_article_at_a_time(analyzer, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An error on one pending article keeps the ones taken before it (each has its own transaction), and only
    articles really taken in are counted; the next sync takes the rest."""
    graph_sync = sys.modules["claimgraph.graph.sync"]  # the module (claimgraph.graph exports a function of its name)

    write_articles(tmp_path / "in", 3)
    analyses = list(analyzer.analyze_paths([tmp_path / "in"]))
    store = SqlStore(str(tmp_path / "s.db"))
    follower = Follower(store, HashEmbedder())
    for analysis in analyses:
        store.put_analysis(analysis)  # three pending before the follower sees any
    real_take, seen = graph_sync.take, []

    def take_two_then_fail(store_, connection, updater, base, document_id):  # type: ignore[no-untyped-def]
        seen.append(document_id)
        if len(seen) == 3:
            raise RuntimeError("simulated graph error")
        real_take(store_, connection, updater, base, document_id)

    monkeypatch.setattr(graph_sync, "take", take_two_then_fail)
    follower.stored(analyses[-1].document.id)
    assert follower.taken == 2 and follower.stopped and "simulated graph error" in follower.stopped
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(t.graph_documents)).scalar_one() == 2
    monkeypatch.setattr(graph_sync, "take", real_take)
    assert sync(store, HashEmbedder()) == 1
    store.close()
