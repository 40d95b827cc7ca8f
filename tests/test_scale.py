"""Dask scale-out: a small local cluster stores exactly what a single process does (export hashes)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore

REPO = Path(__file__).resolve().parents[1]


def export_hash(db: str) -> str:
    store = SqlStore(db, create=False)
    lines = [json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True) for a in store.iter_analyses()]
    store.close()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


@pytest.mark.slow
def test_local_cluster_gives_the_single_process_store(analyzer, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from claimgraph.scale import ingest_distributed

    folder = tmp_path / "in"
    folder.mkdir()
    articles = sorted((REPO / "examples").glob("en0*.txt"))[:4] + sorted((REPO / "examples").glob("fr0*.txt"))[:4]
    for path in articles:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "zz_empty.txt").write_bytes(b"")
    single = ingest_paths([folder], db=str(tmp_path / "one.db"), analyzer=analyzer)
    spread = ingest_distributed([folder], db=str(tmp_path / "dask.db"), workers=2)
    assert (spread.new, spread.known, len(spread.rejected)) == (single.new, single.known, len(single.rejected)) == (8, 0, 1)
    assert export_hash(str(tmp_path / "dask.db")) == export_hash(str(tmp_path / "one.db"))
