"""The demo store the server tests read: the repository's examples/ plus one hostile article.

Built once per test session (the analyser's models are shared with the other
tests); the graph is taken in with hash embeddings (no USE model load).
"""
from __future__ import annotations

from pathlib import Path

# Our own invented article: its title, URL and text carry markup and script that must stay inert.
HOSTILE_MARK = "xss-probe"
HOSTILE = f"""title: Probe <script>window.__xss = 1</script><img src=x onerror="window.__xss=2"> {HOSTILE_MARK}
date: 2024-10-02
source: Probe <b>Outlet</b><script>window.__xss = 3</script>
url: javascript:window.__xss=4

LONDON (Probe Wire) - Officials said on Tuesday that Xiamen Limbach Aircraft Engine shipped engines <script>window.__xss = 5</script> to IEMZ Kupol <img src=x onerror="window.__xss=6">, a claim the company called "<svg onload=window.__xss=7>" nonsense.

A spokesperson said the <a href="javascript:window.__xss=8">report</a> was {HOSTILE_MARK} and false.
"""


def build_demo_store(directory: Path, examples: Path, analyzer) -> Path:  # type: ignore[no-untyped-def]
    from claimgraph.graph import HashEmbedder, sync
    from claimgraph.run import ingest_paths
    from claimgraph.store import SqlStore

    hostile = directory / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = directory / "demo.db"
    report = ingest_paths([examples, hostile], db=str(db), analyzer=analyzer)
    assert report.new >= 20, report
    store = SqlStore(str(db))
    sync(store, HashEmbedder())
    store.close()
    return db
