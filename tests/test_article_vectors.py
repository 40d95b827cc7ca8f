"""Sentence vectors encoded with the analysis: a function of the article alone, the same from worker processes
as from one, and read by the graph sync instead of encoding again, with the same graph."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from claimgraph.config import load_settings
from claimgraph.graph.article_vectors import PREPARED_KEY, prepare
from claimgraph.graph.embed import UseEmbedder, default_embedder
from claimgraph.graph.sync import sync
from claimgraph.model import Analysis
from claimgraph.pipeline import Analyzer
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from test_workers import documents


class CountingEmbedder:
    """The default encoder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        self.base = default_embedder()
        self.name = self.base.name
        self.texts: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.texts += list(texts)
        return self.base.encode(texts)


def analysed(analyzer, n_process: int, with_vectors: bool = True) -> list[Analysis]:  # type: ignore[no-untyped-def]
    pooled = Analyzer(load_settings(n_process=n_process, batch_size=2))
    pooled.pipelines = analyzer.pipelines
    pooled.prepare = prepare if with_vectors else None
    try:
        return [a for a in pooled.analyze_all(documents()) if isinstance(a, Analysis)]
    finally:
        pooled.close()


def test_vectors_do_not_depend_on_the_articles_encoded_before(analyzer) -> None:  # type: ignore[no-untyped-def]
    first, second, *_ = analysed(analyzer, 1, with_vectors=False)
    prepare(first, UseEmbedder())  # an encoder that has seen nothing else
    alone = first.prepared[PREPARED_KEY]
    busy = UseEmbedder()
    busy.encode(["An unrelated sentence encoded in between.", alone[1][0], alone[1][-1]])
    prepare(second, busy)
    first.prepared.clear()
    prepare(first, busy)
    assert first.prepared[PREPARED_KEY] == alone
    assert len(alone[1]) > 2 and len(alone[2]) == len(alone[1]) * 512 * 4


def test_worker_processes_encode_what_one_process_does(analyzer) -> None:  # type: ignore[no-untyped-def]
    one = [a.prepared[PREPARED_KEY] for a in analysed(analyzer, 1)]
    two = [a.prepared[PREPARED_KEY] for a in analysed(analyzer, 2)]
    assert len(one) == len(documents()) and one == two


@pytest.fixture()
def store_with_vectors(analyzer, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = SqlStore(str(tmp_path / "vectors.db"))
    for analysis in analysed(analyzer, 1):
        store.put_analysis(analysis)
    yield store
    store.close()


def graph_rows(store: SqlStore) -> list[list[tuple]]:  # type: ignore[type-arg]
    with store.engine.connect() as connection:
        return [list(map(tuple, connection.execute(select(*columns).order_by(*columns)))) for columns in (
            (t.claims.c.id, t.claims.c.block, t.claims.c.label, t.claims.c.n_evidence),
            (t.evidence.c.claim_id, t.evidence.c.document_id, t.evidence.c.record_id, t.evidence.c.stance),
            (t.graph_documents.c.document_id, t.graph_documents.c.root_id))]


def test_sync_reads_the_stored_vectors_and_builds_the_same_graph(store_with_vectors, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with store_with_vectors.engine.connect() as connection:
        stored = {r.document_id: r.texts for r in connection.execute(select(t.article_vectors))}
    assert len(stored) == len(documents())
    counting = CountingEmbedder()
    sync(store_with_vectors, counting)
    with store_with_vectors.engine.connect() as connection:
        assert connection.execute(select(t.article_vectors)).first() is None  # read once, then dropped
        claims = connection.execute(select(t.claims.c.label)).scalars().all()
    assert claims and not set(counting.texts) & set(claims)  # the labels came from the stored vectors
    with_vectors = graph_rows(store_with_vectors)
    rebuilt_copy = SqlStore(str(tmp_path / "vectors.db"))
    from claimgraph.graph.sync import rebuild
    encoded = CountingEmbedder()
    rebuild(rebuilt_copy, encoded)  # no vectors stored any more: encoded by the sync, as before
    assert set(claims) <= set(encoded.texts)
    assert graph_rows(rebuilt_copy) == with_vectors
    rebuilt_copy.close()


def test_vectors_of_another_encoder_are_not_used(store_with_vectors) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.graph.embed import HashEmbedder

    hashed = HashEmbedder()
    sync(store_with_vectors, hashed)
    with store_with_vectors.engine.connect() as connection:
        label, blob = connection.execute(select(t.claims.c.label, t.claims.c.label_vector)).first()
    assert np.allclose(np.frombuffer(blob, dtype=np.float16).astype(np.float32), hashed.encode([label])[0], atol=1e-3)
