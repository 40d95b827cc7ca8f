"""An ingest stores a batch of articles and takes them into the graph in one transaction (run.py `store_batch`):
a batch killed midway leaves none of it and a re-run gives the rows of a clean run; a batch that fails is stored
again one article at a time; the stored analysis is not read back when `store.shape.read_back` can tell it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimgraph.graph.embed import HashEmbedder
from claimgraph.graph.sync import Follower, load_analysis, sync
from claimgraph.model import Analysis, Span
from claimgraph.run import IngestReport, store_batch
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.store.shape import read_back
from graph_docs import state_supply
from test_article_vectors import graph_rows

graph_sync = sys.modules["claimgraph.graph.sync"]


def articles(n: int) -> list[Analysis]:
    texts = ["China sends weapons to Russia.", "China supplies drones to Russia.", "China ships parts to Russia."]
    return [state_supply(f"d{i}", "en", texts[i % 3], "China", ["weapons", "drones", "parts"][i % 3]) for i in range(n)]


def ingest(store: SqlStore, items: list[Analysis], size: int = 4) -> tuple[IngestReport, Follower]:
    report, follower = IngestReport(), Follower(store, HashEmbedder())
    for start in range(0, len(items), size):
        store_batch(store, items[start:start + size], report, follower)
    follower.finish()
    return report, follower


def counts(store: SqlStore) -> tuple[int, int]:
    with store.engine.connect() as connection:
        return (connection.execute(select(func.count()).select_from(t.documents)).scalar_one(),
                connection.execute(select(func.count()).select_from(t.graph_documents)).scalar_one())


def test_a_batch_killed_midway_leaves_none_of_it_and_a_rerun_gives_a_clean_runs_rows(tmp_path: Path,
                                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clean = SqlStore(str(tmp_path / "clean.db"))
    report, _ = ingest(clean, articles(10))
    assert report.new == 10 and counts(clean) == (10, 10)
    killed = SqlStore(str(tmp_path / "killed.db"))
    real, seen = Follower.take_new, []

    def killed_at_the_sixth(self, connection, analysis, canonical=None):  # type: ignore[no-untyped-def]
        seen.append(analysis.document.id)
        if len(seen) == 6:
            raise KeyboardInterrupt  # what a kill does to the transaction: it never commits
        real(self, connection, analysis, canonical)

    monkeypatch.setattr(Follower, "take_new", killed_at_the_sixth)
    with pytest.raises(KeyboardInterrupt):
        ingest(killed, articles(10))
    assert counts(killed) == (4, 4)  # the first batch, not the two articles of the second taken before the kill
    monkeypatch.setattr(Follower, "take_new", real)
    report, follower = ingest(killed, articles(10))
    assert (report.new, report.known, follower.taken) == (6, 4, 6)
    assert counts(killed) == (10, 10) and graph_rows(killed) == graph_rows(clean)
    assert sync(killed, HashEmbedder()) == 0


def test_a_failing_batch_is_stored_again_one_article_at_a_time(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clean = SqlStore(str(tmp_path / "clean.db"))
    ingest(clean, articles(8))
    store = SqlStore(str(tmp_path / "s.db"))
    real = Follower.take_new

    def fails_on_d5(self, connection, analysis, canonical=None):  # type: ignore[no-untyped-def]
        if analysis.document.id == "d5":
            raise RuntimeError("simulated graph error")
        real(self, connection, analysis, canonical)

    monkeypatch.setattr(Follower, "take_new", fails_on_d5)
    report, follower = ingest(store, articles(8))
    assert report.new == 8 and not report.rejected and follower.stopped is None and follower.taken == 8
    assert counts(store) == (8, 8) and graph_rows(store) == graph_rows(clean)


def test_read_back_is_what_the_store_reads_or_none(store_url: str) -> None:
    store = SqlStore(store_url)
    first, renamed, tied = articles(3)
    renamed.entities[0].name = "CHINA"  # the same match key as "China": the store keeps the first spelling
    tied.entities[1].mentions.append(Span(tied.entities[0].mentions[0].start, tied.entities[0].mentions[0].end,
                                          tied.entities[0].mentions[0].text))  # two mentions at one offset
    shapes = []
    with store.engine.begin() as connection:
        for analysis in (first, renamed, tied):
            canonical = store.write_new(connection, analysis)
            shapes.append((read_back(analysis, canonical), load_analysis(store, connection, analysis.document.id)))
    fast, loaded = shapes[0]
    assert fast is not None and fast == loaded and [e.id for e in fast.entities] == [e.id for e in loaded.entities]
    assert shapes[1][0] is None and shapes[1][1].entities[0].name == "China"
    assert shapes[2][0] is None
    store.close()
