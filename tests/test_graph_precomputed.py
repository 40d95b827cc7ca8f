"""Listings read claim summaries kept by graph sync (graph.precomputed, migration 0010).

Pinned here: after every article a sync takes in, the kept summaries equal
a summary computed from scratch (and the reference that reads every evidence
row, `test_graph_listing.reference_summaries`), also when copy groups join
after a claim's summary was kept; stale claims are read right before a
refresh; kept rows of other rules are never read; evidence pages are the
first rows of each stance in date order; a page of a listing is cut by the
database; and SQLite and PostgreSQL list the same.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from claimgraph.graph import select_claim_ids, summaries, sync
from claimgraph.graph import precomputed
from claimgraph.graph.listing import live_summaries
from claimgraph.graph.lookup import claim_ids_for_keys
from claimgraph.model import Analysis
from claimgraph.store import SqlStore
from claimgraph.store import tables as t

from graph_docs import denial, store_with, wire
from test_graph_listing import STORES, all_claims, assert_reads_as_every_row, reference_summaries


def kept_and_live(connection: Connection) -> tuple[dict[str, Any], dict[str, Any]]:
    ids = all_claims(connection)
    kept = precomputed.kept_summaries(connection, ids, with_voices=True)
    live = live_summaries(connection, ids)
    as_read = {k: (v.summary.to_dict(with_evidence=False), v.voice_origins, v.rows) for k, v in kept.items()}
    return as_read, {k: (v.summary.to_dict(with_evidence=False), v.voice_origins, v.rows) for k, v in live.items()}


def stale_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(t.claim_summaries_stale)).scalar_one())


@pytest.mark.parametrize("name", sorted(STORES))
def test_kept_summaries_equal_a_summary_from_scratch_after_every_article(tmp_path: Path, name: str) -> None:
    analyses: list[Analysis] = STORES[name]()
    store = store_with(tmp_path, analyses[:1])
    for analysis in analyses[1:]:  # one article at a time: each sync refreshes what the article changed
        store.put_analysis(analysis)
        assert sync(store) == 1
        with store.engine.connect() as connection:
            assert stale_count(connection) == 0
            kept, live = kept_and_live(connection)
        assert kept == live and set(kept) == set(live), "every claim kept, as computed from scratch"
    assert_reads_as_every_row(store)


def test_a_joined_copy_group_refreshes_the_claims_it_tells(tmp_path: Path) -> None:
    """The bridging article shares no claim with the younger group's unnamed sources, but joining the two
    groups moves those sources under the elder root: their claim's kept summary must go stale."""
    elder, younger, copy, bridge = STORES["merging groups"]()
    store = store_with(tmp_path, [elder, younger, copy])
    with store.engine.connect() as connection:
        before = {c.id: c.to_dict(with_evidence=False) for c in summaries(connection, all_claims(connection), False)}
    store.put_analysis(bridge)
    with store.engine.begin() as connection:  # the article taken in, the refresh not run yet
        from claimgraph.graph.sync import load_analysis
        from claimgraph.graph.update import GraphUpdater
        from claimgraph.graph.embed import default_embedder

        GraphUpdater(default_embedder()).add(connection, load_analysis(store, connection, "bridge"))
        stale = set(connection.execute(select(t.claim_summaries_stale.c.claim_id)).scalars())
    drones = [claim_id for claim_id, c in before.items() if "drones" in c["label"]]
    assert drones and set(drones) <= stale, (drones, stale)
    with store.engine.connect() as connection:  # read while stale: computed on the spot, never the old row
        assert precomputed.kept_summaries(connection, drones, with_voices=False) == {}
        expected = reference_summaries(connection, all_claims(connection))
        listed = [s.to_dict(with_evidence=False) for s in summaries(connection, all_claims(connection), False)]
        assert listed == [{k: v for k, v in s.items() if k != "evidence"} for s in expected]
    assert precomputed.refresh_all(store.engine) == len(stale)
    assert_reads_as_every_row(store)


def test_kept_rows_of_other_rules_are_not_read_and_are_recomputed(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["times and government"]())
    with store.engine.begin() as connection:
        ids = all_claims(connection)
        assert len(precomputed.kept_summaries(connection, ids, with_voices=False)) == len(ids)
        connection.execute(t.claim_summary_rules.update().values(version="older-rules"))
        connection.execute(t.claim_summaries.update().values(origins="[]", languages='["xx"]'))
        assert precomputed.kept_summaries(connection, ids, with_voices=False) == {}
    expected = assert_reads_as_every_row(store)  # computed on the spot meanwhile
    assert precomputed.refresh_all(store.engine) == len(ids)
    with store.engine.connect() as connection:
        assert len(precomputed.kept_summaries(connection, ids, with_voices=False)) == len(ids)
        assert connection.execute(select(t.claim_summary_rules.c.version)).scalar_one() == precomputed.rules_version()
    assert assert_reads_as_every_row(store) == expected


def test_migration_0010_keeps_the_summaries_of_a_store_made_before_it(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["wire relays"]())
    expected = assert_reads_as_every_row(store)
    with store.engine.begin() as connection:
        for table in (t.claim_summaries, t.claim_summaries_stale, t.claim_summary_rules):
            table.drop(connection)
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == "0010_claim_summaries"))
    store.close()
    store = SqlStore(str(tmp_path / "g.db"))  # opening it migrates: every claim queued
    with store.engine.connect() as connection:
        assert stale_count(connection) == len(all_claims(connection)) > 0
    assert assert_reads_as_every_row(store) == expected, "read while queued: computed on the spot"
    assert sync(store) == 0
    with store.engine.connect() as connection:
        assert stale_count(connection) == 0
    assert assert_reads_as_every_row(store) == expected


def test_deleting_a_claim_deletes_its_kept_summary(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["times and government"]())
    with store.engine.begin() as connection:
        connection.execute(t.claim_summaries_stale.insert(), [{"claim_id": i} for i in all_claims(connection)[:1]])
        connection.execute(t.claim_keys.delete())
        connection.execute(t.claims.delete())
        for table in (t.claim_summaries, t.claim_summaries_stale):
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == 0


def reference_evidence(connection: Connection, claim_id: str, limit: int) -> list[tuple[str, str, str]]:
    """The first `limit` evidence rows of each stance in `ORDER BY date, id`, the two stances merged."""
    e = t.evidence
    rows = list(connection.execute(select(e.c.id, e.c.stance, e.c.document_id, e.c.record_id)
                                   .where(e.c.claim_id == claim_id).order_by(e.c.date, e.c.id)))
    shown = [r for r in rows if r.stance == "supports"][:limit] + [r for r in rows if r.stance != "supports"][:limit]
    return [(r.stance, r.document_id, r.record_id) for r in rows if r in shown]


def test_evidence_pages_are_the_first_rows_of_each_stance(tmp_path: Path) -> None:
    relays = [wire(f"wire-{i}", f"Outlet {i}", f"2024-09-{20 - i}") for i in range(6)]
    store = store_with(tmp_path, relays + [denial(), *STORES["times and government"]()])
    with store.engine.connect() as connection:
        ids = all_claims(connection)
        for limit in (1, 2, 4):
            paged = summaries(connection, ids + ids[:1], evidence_limit=limit)  # a claim asked twice is listed twice
            assert [s.id for s in paged] == ids + ids[:1]
            for summary in paged:
                assert [(x.stance, x.document_id, x.record_id) for x in summary.evidence] == \
                    reference_evidence(connection, summary.id, limit)
                assert summary.more_evidence == len(reference_evidence(connection, summary.id, 10**6)) - len(summary.evidence)
        assert any(s.more_evidence for s in summaries(connection, ids, evidence_limit=1)), "some page is cut"


def test_a_page_of_a_listing_is_cut_by_the_database(tmp_path: Path) -> None:
    store = store_with(tmp_path, [*STORES["times and government"](), *STORES["states"]()])
    with store.engine.connect() as connection:
        everything = select_claim_ids(connection, limit=1000)
        assert len(everything) > 4
        for offset in range(len(everything) + 1):
            assert select_claim_ids(connection, limit=3, offset=offset) == everything[offset:offset + 3]
        china = select_claim_ids(connection, entity="China", limit=1000)
        assert select_claim_ids(connection, entity="China", limit=2, offset=1) == china[1:3]


def test_sqlite_and_postgresql_keep_the_same_summaries(tmp_path: Path, store_url: str) -> None:
    analyses = [a for name in sorted(STORES) for a in STORES[name]() if name != "merging groups"]
    store = SqlStore(store_url)
    for analysis in analyses:
        store.put_analysis(analysis)
    sync(store)
    sqlite = store_with(tmp_path, analyses, name="reference.db")
    listings = []
    for each in (store, sqlite):
        with each.engine.connect() as connection:
            assert stale_count(connection) == 0
            ids = select_claim_ids(connection, limit=1000)
            picked = [select_claim_ids(connection, entity="China", limit=3, offset=1),
                      select_claim_ids(connection, entity="China", type="SUPPLY", since="2024-01"),
                      claim_ids_for_keys(connection, {"state:CN", "state:RU", "cc:CN"}, 5)]
            assert picked[0] and picked[2], picked
            listings.append([[s.to_dict() for s in summaries(connection, ids, evidence_limit=2)], picked])
            kept, live = kept_and_live(connection)
            assert kept == live
    assert listings[0] == listings[1]
    store.close()
