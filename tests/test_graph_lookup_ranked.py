"""A brief's candidates read with their keys in one statement (graph.lookup.ranked_keys).

Pinned here, on SQLite and PostgreSQL: `ranked_keys` gives the same claims as
`claim_ids_for_keys` (the same cut, however small) with every key each holds,
as `claim_keys` has them; the PostgreSQL ranking (CROSS JOIN LATERAL) ranks as
SQLite's; no key gives nothing.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from claimgraph.graph import sync
from claimgraph.graph.lookup import claim_ids_for_keys, ranked_keys, select_claim_ids
from claimgraph.store import SqlStore
from claimgraph.store import tables as t

from test_graph_listing import STORES

KEYS = ({"state:CN", "state:RU", "cc:CN"}, {"cc:CN"}, {"state:RU"}, {"ent:nobody-at-all"})


def test_ranked_keys_are_the_ranked_claims_with_their_keys(tmp_path: Path, store_url: str) -> None:
    store = SqlStore(store_url)
    for name in sorted(STORES):
        if name != "merging groups":
            for analysis in STORES[name]():
                store.put_analysis(analysis)
    sync(store)
    with store.engine.connect() as connection:
        every: dict[str, set[str]] = defaultdict(set)
        for claim_id, key in connection.execute(select(t.claim_keys.c.claim_id, t.claim_keys.c.key)):
            every[claim_id].add(key)
        seen = 0
        for keys in KEYS:
            for limit in (1, 3, 2000):
                ranked = ranked_keys(connection, keys, limit)
                assert list(ranked) == claim_ids_for_keys(connection, keys, limit)  # in the ranking's order
                assert ranked == {claim_id: every[claim_id] for claim_id in ranked}
                seen += len(ranked)
        assert seen, "the stores hold no claim of these keys: the test would pass on anything"
        assert ranked_keys(connection, set(), 10) == {}
        # The listing by entity ranks through the same statement: most evidenced first, a page cut in SQL.
        china = select_claim_ids(connection, entity="China", limit=1000)
        assert len(china) > 1
        assert select_claim_ids(connection, entity="China", limit=2, offset=1) == china[1:3]
    store.close()
