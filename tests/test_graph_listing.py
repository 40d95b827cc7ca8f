"""Listings read per-claim aggregates (graph.aggregates, migration 0004) instead of every evidence row.

Pinned here: the aggregates read exactly as the evidence rows they stand for
(a reference that reads every row, the rules as they were before the
aggregates, gives the same summaries), replaying every article gives the
same aggregate rows, migration 0004 fills an existing store with rows equal
to those kept at write time, copy groups merging after a row was written are
resolved when read, and a brief shows the first evidence of each stance and
counts the rest.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, inspect, select, text

from claimgraph.graph import rebuild, select_claim_ids, summaries, sync
from claimgraph.graph import aggregates
from claimgraph.graph.keys import words
from claimgraph.graph.source_roles import is_commentator
from claimgraph.graph.origins import STORY_PREFIXES, wire_origin
from claimgraph.graph.render import brief_markdown
from claimgraph.model import CERTAINTIES, Analysis
from claimgraph.model.claims import Brief, ClaimSummary, Origin
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.store.migrations import migrate

from graph_docs import (WIRE, Doc, denial, government_claim, institutions, makers, paragraphs_after_an_outlet,
                        relay_with_own_confirmation, state_supply, store_with, times_citing_an_official, times_en,
                        times_fr, told_twice, voices_on_beijing, wire, wire_with_own_source)


# -- the reference: every evidence row read, the origin rules applied row by row -------------------

def reference_summaries(connection: Connection, claim_ids: list[str]) -> list[dict[str, Any]]:
    """What `summaries(..., with_evidence=True)` returned before the aggregates (as dicts)."""
    firmness = {c: i for i, c in enumerate(CERTAINTIES)}
    c, e, d = t.claims, t.evidence, t.documents
    rows = {r.id: r for r in connection.execute(select(c.c.id, c.c.type, c.c.label, c.c.names).where(c.c.id.in_(claim_ids)))}
    evidence_rows = list(connection.execute(select(e, d.c.url, d.c.source, d.c.title).join(d, d.c.id == e.c.document_id)
                                            .where(e.c.claim_id.in_(claim_ids)).order_by(e.c.date, e.c.id)))
    own = _own_in_copy(connection, evidence_rows)
    resolve = _resolver(connection, {r.origin_key for r in evidence_rows})
    cited: dict[str, set[str]] = defaultdict(set)
    story_docs = sorted({r.document_id for r in evidence_rows if r.origin_key.startswith(STORY_PREFIXES)})
    for r in connection.execute(select(e.c.document_id, e.c.origin_key).where(e.c.document_id.in_(story_docs)).distinct()):
        if not r.origin_key.startswith(STORY_PREFIXES):
            cited[r.document_id].add(r.origin_key)
    by_claim: dict[str, list[Any]] = defaultdict(list)
    for r in evidence_rows:
        by_claim[r.claim_id].append(r)
    out = []
    for claim_id in claim_ids:
        row = rows[claim_id]
        items = by_claim[claim_id]
        support = [x for x in items if x.stance == "supports"]
        against = [x for x in items if x.stance == "denies"]
        dates = sorted(x.date for x in items if x.date)
        stored = {id(x): resolve(Origin(f"anon:{x.document_id}" if id(x) in own else x.origin_key, x.origin_name,
                                        x.origin_type)) for x in items}
        named = _distinct(stored[id(x)] for x in support)
        deniers = _distinct(stored[id(x)] for x in against)
        quoted: dict[str, list[tuple[str, Origin]]] = defaultdict(list)
        for x in support:
            if " (via " in x.origin_name:
                quoted[x.document_id].append((_noun(x), stored[id(x)]))
        own_sources = {x.document_id: x for x in reversed(support) if x.origin_key.startswith("anon:")}

        def origin(x: Any) -> Origin:
            if x.origin_key.startswith(STORY_PREFIXES):
                chain = json.loads(x.chain)
                if chain and is_commentator(chain[0]["text"]):
                    return stored[id(x)]
                relayed = next((o for o in (named if x.stance == "supports" else deniers)
                                if not o.key.startswith(STORY_PREFIXES) and o.key in cited.get(x.document_id, set())), None)
                if relayed is not None and (x.stance == "denies" or x.origin_key.startswith("story:")):
                    return relayed
            if x.stance == "supports" and x.origin_key.startswith("anon:") and x.document_id in quoted:
                same = [o for n, o in quoted[x.document_id] if n == _noun(x)]
                if _noun(x) and same:
                    return same[0]
            if x.stance == "supports" and x.origin_key.startswith("story:") and x.document_id in own_sources:
                return origin(own_sources[x.document_id])
            return stored[id(x)]

        summary = ClaimSummary(
            id=row.id, type=row.type, label=row.label, arguments=json.loads(row.names),
            origins=_distinct(origin(x) for x in support), denied_by=_distinct(origin(x) for x in against),
            articles=list(dict.fromkeys(x.document_id for x in items)), languages=sorted({x.lang for x in items}),
            first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
            certainty=min((x.certainty for x in support), key=lambda v: firmness.get(v, 9), default="underspecified"))
        as_dict = summary.to_dict(with_evidence=False)
        as_dict["evidence"] = [{"record_id": x.record_id, "document_id": x.document_id, "stance": x.stance,
                                "origin": origin(x).to_dict()} for x in items]
        out.append(as_dict)
    return out


def _distinct(origins: Any) -> list[Origin]:
    def plainness(origin: Origin) -> tuple[bool, bool]:
        return ("(via" not in origin.name and "(in" not in origin.name, origin.name[:1].isupper())

    best: dict[str, Origin] = {}
    for origin in origins:
        if origin.key.startswith("state:") and origin.name.endswith(")"):
            origin = Origin(origin.key, origin.name[origin.name.rindex("(") + 1:-1], origin.type)
        kept = best.get(origin.key)
        if kept is None or plainness(origin) > plainness(kept):
            best[origin.key] = origin
    return list(best.values())


def _noun(x: Any) -> str:
    chain = json.loads(x.chain)
    tokens = words(chain[0]["text"]) if chain else []
    if not tokens:
        return ""
    return tokens[-1][:-1] if tokens[-1].endswith(("s", "x")) and len(tokens[-1]) > 3 else tokens[-1]


def _resolver(connection: Connection, keys: set[str]) -> Any:
    roots = [k.split(":", 1)[1] for k in keys if k.startswith(STORY_PREFIXES)]
    g = t.graph_documents
    wires: dict[str, str] = {}
    for r in connection.execute(select(g.c.root_id, g.c.wire).where(g.c.root_id.in_(roots), g.c.wire.is_not(None))):
        wires.setdefault(r.root_id, r.wire)

    def resolve(origin: Origin) -> Origin:
        wire = wires.get(origin.key.split(":", 1)[1]) if origin.key.startswith(STORY_PREFIXES) else None
        if not wire:
            return origin
        if origin.key.startswith("anon:"):
            return Origin(wire_origin(wire).key, f"{origin.name.split(' (in ')[0]} (via {wire})", "media")
        return wire_origin(wire)

    return resolve


def _own_in_copy(connection: Connection, rows: list[Any]) -> set[int]:
    pending = [x for x in rows if x.origin_key.startswith("anon:") and x.origin_key[5:] != x.document_id]
    d = t.documents
    originals = {r.id: (r.lang, " ".join(words(r.text))) for r in connection.execute(
        select(d.c.id, d.c.lang, d.c.text).where(d.c.id.in_(sorted({x.origin_key[5:] for x in pending}))))}
    return {id(x) for x in pending if originals.get(x.origin_key[5:], (None, ""))[0] == x.lang
            and " ".join(words(x.quote_text)) not in originals[x.origin_key[5:]][1]
            and not _edited_copy(originals[x.origin_key[5:]][1], x.quote_text, x.chain)}


def _edited_copy(original: str, quote: str, chain: str) -> bool:
    """The copy's sentence is the original's edited: its source's words are in the original, and 60% of its word
    trigrams (docs/graph.md, "a copy's anonymous sources")."""
    links = json.loads(chain)
    source = " ".join(words(links[0]["text"])) if links else ""
    tokens = words(quote)
    trigrams = [" ".join(tokens[i:i + 3]) for i in range(len(tokens) - 2)]
    return bool(source) and f" {source} " in f" {original} " and bool(trigrams) and \
        sum(f" {g} " in f" {original} " for g in trigrams) >= 0.6 * len(trigrams)


def listed(connection: Connection, claim_ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for summary in summaries(connection, claim_ids):
        as_dict = summary.to_dict(with_evidence=False)
        as_dict["evidence"] = [{"record_id": x.record_id, "document_id": x.document_id, "stance": x.stance,
                                "origin": x.origin.to_dict()} for x in summary.evidence]
        out.append(as_dict)
    return out


def all_claims(connection: Connection) -> list[str]:
    return list(connection.execute(select(t.claims.c.id).order_by(t.claims.c.seq)).scalars())


def assert_reads_as_every_row(store: SqlStore) -> list[dict[str, Any]]:
    with store.engine.connect() as connection:
        ids = all_claims(connection)
        assert ids, "the graph is not empty"
        expected = reference_summaries(connection, ids)
        assert listed(connection, ids) == expected
        assert [s.to_dict(with_evidence=False) for s in summaries(connection, ids, with_evidence=False)] == \
            [{k: v for k, v in s.items() if k != "evidence"} for s in expected]
    return expected


# -- stores ------------------------------------------------------------------------------------------

def merging_groups() -> list[Analysis]:
    """Two copy groups, each with unnamed sources, joined later by an article carrying both stories: the
    younger group's rows were written under its own root and are read under the elder's."""
    elder = wire("elder", "Harbour Gazette", "2024-09-25")
    body = ("Officials in Warsaw described a second route for the engines through Kazakhstan and Belarus, "
            "with payments settled through small regional banks that the sanctions do not cover yet. ")
    sources = "Two intelligence sources said China ships drones to Russia through Kazakhstan."
    younger = Doc("younger", body + sources, "en", "2024-09-26", "Northern Post")
    copy = Doc("younger-copy", body + sources + " A Western diplomat said China ships drones to Russia as well.",
               "en", "2024-09-27", "Daily Relay")
    for d in (younger, copy):
        d.entity("e1", "China", "GPE", ("China", "said"))
        d.entity("e2", "Russia", "GPE", ("Russia", "said"))
        d.attribution("a1", "Two intelligence sources", "anonymous_person", "China ships drones to Russia through Kazakhstan")
        d.event("v1", "SUPPLY", ("ships", "said"), "a1", agent=(("China", "said"), "e1"),
                recipient=(("Russia", "said"), "e2"), item=(("drones", "said"), None))
    after = "diplomat said"
    copy.attribution("a2", "A Western diplomat", "anonymous_person", ("China ships drones to Russia", after))
    copy.event("v2", "SUPPLY", ("ships", after), "a2", agent=(("China", after), "e1"), recipient=(("Russia", after), "e2"),
               item=(("drones", after), None))
    bridge = Doc("bridge", WIRE + "\n\n" + body + sources, "en", "2024-09-28", "Continental Business Times")
    bridge.entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", "Xiamen Limbach Aircraft Engine")
    bridge.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    bridge.event("v1", "SUPPLY", "shipped", agent=("Xiamen Limbach Aircraft Engine", "e1"), recipient=("IEMZ Kupol", "e2"),
                 item=("L550E engines", None))
    return [elder, younger.analysis, copy.analysis, bridge.analysis]


STORES = {
    "times and government": lambda: [times_en(), times_fr(), government_claim(), denial()],
    "wire relays": lambda: [wire("wire-a", "Harbour Gazette", "2024-09-25"), wire_with_own_source(),
                            wire("wire-c", "Northern Post", "2024-09-26"), relay_with_own_confirmation("a2", "a1"), denial()],
    "voices": lambda: [paragraphs_after_an_outlet(), voices_on_beijing(), times_citing_an_official(), told_twice(),
                       told_twice("twice-again"), *institutions()],
    "states": lambda: [state_supply("cn-en", "en", "China supplies drones to Russia.", "China", "drones"),
                       state_supply("cn-fr", "fr", "Chine fournit des drones à la Russie.", "Chine", "des drones"),
                       *makers(), denial()],
    "merging groups": merging_groups,
}


@pytest.mark.parametrize("name", sorted(STORES))
def test_listings_read_the_aggregates_as_every_evidence_row(tmp_path: Path, name: str) -> None:
    assert_reads_as_every_row(store_with(tmp_path, STORES[name]()))


def test_a_younger_copy_group_is_read_under_the_group_it_joined(tmp_path: Path) -> None:
    store = store_with(tmp_path, merging_groups())
    with store.engine.connect() as connection:
        g = t.graph_documents
        roots = dict(connection.execute(select(g.c.document_id, g.c.root_id)).all())
        assert roots == {"elder": "elder", "younger": "elder", "younger-copy": "elder", "bridge": "elder"}, roots
        written = {json.loads(v)[0][3] for v in connection.execute(
            select(t.claim_documents.c.voices).where(t.claim_documents.c.document_id == "younger-copy")).scalars() if v}
        assert written == {"anon:younger"}, "aggregates keep the root a row was written under"
        keys = set(connection.execute(select(t.evidence.c.origin_key).where(t.evidence.c.document_id == "younger-copy")).scalars())
        assert keys == {"anon:elder"}, "the evidence row itself was moved to the elder group"
    claims = assert_reads_as_every_row(store)
    drones = [c for c in claims if "drones" in c["label"]]
    assert drones and drones[0]["origins"], drones


# -- write time, replay, migration ------------------------------------------------------------------

def aggregate_rows(store: SqlStore) -> dict[str, list[tuple[Any, ...]]]:
    """The aggregate rows with evidence ids replaced by the row they name (ids differ between replays)."""
    with store.engine.connect() as connection:
        e = t.evidence
        row_of = {r.id: (r.claim_id, r.document_id, r.record_id, r.stance) for r in
                  connection.execute(select(e.c.id, e.c.claim_id, e.c.document_id, e.c.record_id, e.c.stance))}
        documents = []
        for r in connection.execute(select(t.claim_documents)):
            voices = [[row_of[v[0]], *v[1:]] for v in json.loads(r.voices)] if r.voices else None
            documents.append((r.claim_id, r.document_id, r.date, r.lang, row_of[r.first_id], r.supports, r.denies,
                              json.dumps(voices), r.cited))
        origins = [(*r[:-1], row_of[r.first_id]) for r in connection.execute(select(t.claim_origins)).all()]
    return {"claim_documents": sorted(map(repr, documents)), "claim_origins": sorted(map(repr, origins))}


@pytest.mark.parametrize("name", sorted(STORES))
def test_aggregates_kept_article_by_article_equal_a_rebuild_and_a_backfill(tmp_path: Path, name: str) -> None:
    analyses = STORES[name]()
    store = store_with(tmp_path, analyses[:1])
    for analysis in analyses[1:]:  # one more article at a time
        store.put_analysis(analysis)
        assert sync(store) == 1
    kept = aggregate_rows(store)
    assert kept["claim_documents"] and (kept["claim_origins"] or name == "merging groups")
    # Migration 0004 on the same store: the aggregates filled from the evidence.
    with store.engine.begin() as connection:
        connection.execute(t.claim_documents.delete())
        connection.execute(t.claim_origins.delete())
        assert aggregates.backfill(connection, batch=2) > 0
        assert aggregates.backfill(connection) == 0, "nothing is filled twice"
    if name != "merging groups":
        assert aggregate_rows(store) == kept
    assert_reads_as_every_row(store)
    assert rebuild(store) == len(analyses)
    assert aggregate_rows(store) == kept, "a replay writes the same rows"


def test_undoing_a_merge_takes_back_the_aggregates_with_the_claims(tmp_path: Path) -> None:
    store = store_with(tmp_path, [times_en(), *makers(), government_claim()])
    assert store.counts()["entity_merges"] == 1
    store.undo_merge(1)  # rewinds the graph in its transaction: the claims it deletes take their aggregates along
    with store.engine.connect() as connection:
        claims = set(connection.execute(select(t.claims.c.id)).scalars())
        for table in (t.claim_documents, t.claim_origins):
            assert set(connection.execute(select(table.c.claim_id)).scalars()) <= claims
    sync(store)
    replayed = aggregate_rows(store)
    assert_reads_as_every_row(store)
    rebuild(store)
    assert aggregate_rows(store) == replayed


def test_migration_0004_fills_a_store_made_before_it(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["wire relays"]())
    kept = aggregate_rows(store)
    with store.engine.begin() as connection:  # the store as 0003 left it
        connection.execute(text("DROP TABLE claim_documents"))
        connection.execute(text("DROP TABLE claim_origins"))
        connection.execute(text("DROP INDEX ix_graph_documents_group"))
        connection.execute(text("DROP INDEX ix_graph_documents_wire"))
        connection.execute(t.schema_migrations.delete().where(
            t.schema_migrations.c.version.in_(["0004_claim_aggregates", "0005_listing_indexes"])))
    store.close()
    store = SqlStore(str(tmp_path / "g.db"))  # opening it migrates
    assert aggregate_rows(store) == kept
    with store.engine.connect() as connection:
        indexes = {i["name"] for i in inspect(connection).get_indexes("graph_documents")}
        assert {"ix_graph_documents_group", "ix_graph_documents_wire"} <= indexes
        plan = " ".join(str(r[-1]) for r in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT root_id, wire FROM graph_documents WHERE root_id IN ('a', 'b') "
            "AND wire IS NOT NULL ORDER BY root_id, position"))
        assert "COVERING INDEX ix_graph_documents_wire" in plan and "TEMP B-TREE" not in plan, plan
    with store.engine.begin() as connection:
        assert migrate(connection) == [], "recorded: not run again"
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == "0004_claim_aggregates"))
        assert migrate(connection) == ["0004_claim_aggregates"]
    assert aggregate_rows(store) == kept, "run again, it fills nothing twice"
    assert_reads_as_every_row(store)


def test_deleting_a_claim_deletes_its_aggregates(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["times and government"]())
    with store.engine.begin() as connection:
        connection.execute(t.claim_keys.delete())
        connection.execute(t.claims.delete())
        for table in (t.claim_documents, t.claim_origins):
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == 0


# -- briefs -----------------------------------------------------------------------------------------

def test_a_brief_shows_the_first_evidence_of_each_stance_and_counts_the_rest(tmp_path: Path) -> None:
    relays = [wire(f"wire-{i}", f"Outlet {i}", f"2024-09-{10 + i}") for i in range(5)]
    store = store_with(tmp_path, relays + [denial()])
    with store.engine.connect() as connection:
        (claim_id,) = select_claim_ids(connection, entity="Xiamen Limbach Aircraft Engine")
        (full,) = summaries(connection, [claim_id])
        (capped,) = summaries(connection, [claim_id], evidence_limit=2)
        (china,) = summaries(connection, select_claim_ids(connection, entity="China", type="SUPPLY"), evidence_limit=2)
    assert len(full.evidence) == 5 and full.more_evidence == 0
    assert [x.document_id for x in capped.evidence] == ["wire-0", "wire-1"], "the first, in date order"
    assert [x.origin for x in capped.evidence] == [x.origin for x in full.evidence[:2]]
    assert capped.more_evidence == 3 and capped.to_dict()["more_evidence"] == 3
    assert capped.to_dict(with_evidence=False) == full.to_dict(with_evidence=False), "counts are over every row"
    assert [x.stance for x in china.evidence] == ["denies"] and china.more_evidence == 0, "a stance of its own"
    assert "more_evidence" not in full.to_dict()
    text = brief_markdown(Brief("Limbach?", claims=[capped], sections=[("Xiamen Limbach", [capped.id])]))
    assert "3 more piece(s) of evidence not shown" in text
    assert ClaimSummary.from_dict(capped.to_dict()).more_evidence == 3


def test_a_graph_rules_migration_retakes_every_article(tmp_path: Path) -> None:
    store = store_with(tmp_path, STORES["wire relays"]())
    kept = aggregate_rows(store)
    with store.engine.begin() as connection:  # a store written under the rules before 2026-11-24
        connection.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == "0006_graph_rules_2026_11_24"))
    store.close()
    store = SqlStore(str(tmp_path / "g.db"))  # opening it migrates: the graph is emptied, the analyses stay
    with store.engine.connect() as connection:
        for table in (t.claims, t.evidence, t.graph_documents, t.claim_documents, t.claim_origins):
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == 0, table.name
        assert connection.execute(select(func.count()).select_from(t.documents)).scalar_one() == len(STORES["wire relays"]())
    assert sync(store) == len(STORES["wire relays"]())
    assert aggregate_rows(store) == kept, "taken in again, the graph reads as before"
