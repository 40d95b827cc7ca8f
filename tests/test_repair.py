"""Graph sync by identity, `graph rebuild` and `reanalyze` (invented articles)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph import sync
from claimgraph.reanalyze import reanalyze
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.versioning import analysis_version, release_of

TEXTS = ["The defence ministry said on Monday that Norland supplied drones to Vesteria.",
         "Officials in Ostrava accused Norland of selling artillery shells to Vesteria, the agency reported.",
         "Norland denied on Friday that it had delivered any drones to Vesteria."]


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for number, text in enumerate(TEXTS):
        (folder / f"a{number}.txt").write_text(f"lang: en\n\n{text}", encoding="utf-8")


def graph_count(store: SqlStore) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(t.graph_documents)).scalar_one()


def test_sync_takes_in_an_article_older_than_the_graph(analyzer, tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "in"
    write_articles(folder)
    db = store_url
    ingest_paths([folder / "a0.txt", folder / "a1.txt"], db=db, analyzer=analyzer, graph=False)
    store = SqlStore(db)
    assert sync(store) == 2
    ingest_paths([folder / "a2.txt"], db=db, analyzer=analyzer, graph=False)
    with store.engine.begin() as connection:  # a clock set back: ingested "before" the others
        connection.execute(t.documents.update().where(t.documents.c.path.like("%a2.txt"))
                           .values(ingested_at=datetime(2001, 1, 1, tzinfo=timezone.utc)))
    assert sync(store) == 1 and graph_count(store) == 3
    assert sync(store) == 0
    result = CliRunner().invoke(app, ["graph", "rebuild", "--db", db])
    assert result.exit_code == 0 and "3 article" in result.output and graph_count(store) == 3


def test_reanalyze_replaces_outdated_analyses(analyzer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder)
    db = str(tmp_path / "s.db")
    ingest_paths([folder], db=db, analyzer=analyzer)
    store = SqlStore(db)
    before = {a.document.path: a.to_dict() for a in store.iter_analyses()}
    assert reanalyze(store, analyzer=analyzer).reanalysed == 0
    with store.engine.begin() as connection:
        connection.execute(t.documents.update().where(t.documents.c.path.like("%a1.txt"))
                           .values(analysis_version="claimgraph-0.1"))
        connection.execute(t.attributions.delete())
    assert reanalyze(store, since="0.0.9", analyzer=analyzer).reanalysed == 0
    report = reanalyze(store, since="0.1", analyzer=analyzer)
    assert report.reanalysed == 1 and report.current == 2 and report.graph_articles == 3
    after = {a.document.path: a.to_dict() for a in store.iter_analyses()}
    original = before
    key = str(folder / "a1.txt")
    assert after[key]["attributions"] == original[key]["attributions"] and after[key]["attributions"]
    assert release_of(analysis_version()) >= (0, 2) and release_of("claimgraph-0.1") == (0, 1)
