"""`claims.stem` (migration 0003): the stem of a block, its backfill, and the wider candidate lookup it serves."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import Index, MetaData, Table, create_engine, inspect, select, text

from claimgraph.graph.update import block_of, block_stem
from claimgraph.model import Span
from claimgraph.model.claims import ClaimMention, Origin
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.store import migrations
from claimgraph.graph import store_hooks
from claimgraph.store.derived import registered_step
from claimgraph.store.migrations import MIGRATIONS, migrate

BLOCKS = [
    "SUPPLY|agent=grp:CN:company|recipient=state:RU",
    "SUPPLY|agent=grp:CN:company|recipient=-",
    "SUPPLY|agent=grp:CN:company|recipient=any",
    "SUPPLY|agent=grp:CN:company|recipient=ent:iemz kupol",
    "SUPPLY|agent=grp:CN:companyx|recipient=state:RU",  # a longer first key: not the same first role
    "SUPPLY|agent=state:CN|recipient=state:RU",
    "OWNERSHIP|owner=ent:a=b|owned=ent:c=d",  # keys holding "="
    "OWNERSHIP|owner=ent:a=b|owned=-",
    "OWNERSHIP|owner=ent:a|owned=-",
    "ACCUSE|agent=ent:x|y|target=state:CN",  # a key holding "|"
    "ACCUSE|agent=ent:x|target=state:CN",
    "SANCTION|agent=state:EU|target=grp:CN:company",
    "PRODUCE|agent=ent:iemz kupol",
    "PRODUCE|agent=ent:iemz kupol|x",
    "DEVELOP|agent=-",
    "STATEMENT|state:CN|state:RU",
    "STATEMENT|state:CN",
    "STATEMENT|",
]


def _old_prefix(block: str) -> str:
    """The prefix `_candidates` widened a block to before migration 0003 (a range on `block`)."""
    return block[:block.index("|", block.index("|") + 1) + 1]


def _mention(type: str, **arguments: str) -> ClaimMention:
    return ClaimMention(document_id="d", record_id="v1", type=type, arguments=arguments, names={}, item=None,
                        stance="supports", certainty="certain", polarity="positive", quote=Span(0, 0, ""), chain=(),
                        origin=Origin("story:d", "d", "media"))


def test_block_stem_is_the_type_and_first_role() -> None:
    assert block_stem("SUPPLY|agent=grp:CN:company|recipient=state:RU") == "SUPPLY|agent=grp:CN:company|"
    assert block_stem("OWNERSHIP|owner=ent:a=b|owned=ent:c=d") == "OWNERSHIP|owner=ent:a=b|"
    assert block_stem("SANCTION|agent=state:EU|target=-") == "SANCTION|agent=state:EU|"
    # One role: never widened, its own stem.
    assert block_stem("PRODUCE|agent=ent:iemz kupol") == "PRODUCE|agent=ent:iemz kupol"
    assert block_stem("STATEMENT|state:CN") == "STATEMENT|state:CN"
    assert block_stem("STATEMENT|") == "STATEMENT|"
    assert block_stem("") == ""
    # Blocks as the graph builds them: a missing role is "-", and it keeps the first role's stem.
    supply = block_of(_mention("SUPPLY", agent="grp:CN:company", recipient="state:RU"))
    assert supply == "SUPPLY|agent=grp:CN:company|recipient=state:RU"
    assert block_stem(supply) == block_stem(block_of(_mention("SUPPLY", agent="grp:CN:company")))
    assert block_stem(block_of(_mention("USE", agent="state:RU"))) == "USE|agent=state:RU"


def test_same_stem_is_exactly_the_old_prefix_range() -> None:
    """For every block the graph widens (two "|" or more), `stem == block_stem(q)` picks the blocks the old
    `block >= prefix AND block < prefix || U+FFFF` range picked, keys holding "=" or "|" included."""
    for query in BLOCKS:
        if query.count("|") < 2:
            continue
        prefix = _old_prefix(query)
        assert block_stem(query) == prefix
        by_range = {b for b in BLOCKS if prefix <= b < prefix + "\uffff"}
        by_stem = {b for b in BLOCKS if block_stem(b) == block_stem(query)}
        assert by_stem == by_range, query


def _old_store(path: Path) -> None:
    """A store as migration 0002 left it, before `claims.stem` existed."""
    engine = create_engine(f"sqlite:///{path}")
    old = MetaData()
    for table in t.metadata.sorted_tables:
        if table.name != "claims":
            table.to_metadata(old)
    Table("claims", old, *[c._copy() for c in t.claims.columns if c.name != "stem"],
          *[Index(ix.name, *[c.name for c in ix.columns]) for ix in t.claims.indexes if ix.name != "ix_claims_stem"])
    now = datetime.now(timezone.utc)
    with engine.begin() as connection:
        old.create_all(connection)
        connection.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_ingested_at ON documents (ingested_at, id)"))
        connection.execute(t.schema_migrations.insert(), [{"version": v, "applied_at": now}
                                                          for v in ("0001_core_tables", "0002_graph_tables")])
        connection.execute(text(
            "INSERT INTO claims (id, seq, type, block, label, arguments, names, n_evidence) "
            "VALUES (:id, :seq, :type, :block, 'label', :arguments, '{}', 1)"),
            # Equal seqs in pairs, so that batches of two cut between equal seqs.
            [{"id": f"c{i:012d}", "seq": i // 2 + 1, "type": b.split("|")[0], "block": b, "arguments": json.dumps({})}
             for i, b in enumerate(BLOCKS)])
    engine.dispose()


def _index_names(connection) -> set[str]:  # type: ignore[no-untyped-def]
    return {ix["name"] for ix in inspect(connection).get_indexes("claims")}


def test_migration_backfills_stems_on_an_old_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_hooks, "STEM_BATCH", 3)  # several batches, each ending inside a pair of equal seqs
    # the steps up to the listing indexes: a later graph-rules step empties the graph this test reads
    monkeypatch.setattr(migrations, "MIGRATIONS", [m for m in MIGRATIONS if m[0] <= "0005"])
    db = tmp_path / "old.db"
    _old_store(db)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        assert "stem" not in {c["name"] for c in inspect(connection).get_columns("claims")}
    engine.dispose()

    store = SqlStore(str(db))  # opening a store migrates it
    with store.engine.begin() as connection:
        rows = list(connection.execute(select(t.claims.c.block, t.claims.c.stem)))
        assert len(rows) == len(BLOCKS)
        assert all(r.stem == block_stem(r.block) for r in rows)
        assert "ix_claims_stem" in _index_names(connection)
        versions = set(connection.execute(select(t.schema_migrations.c.version)).scalars())
        assert "0003_claim_stems" in versions
        # The wider candidate lookup reads the index, with no sort.
        plan = " ".join(str(r[-1]) for r in connection.execute(text(
            "EXPLAIN QUERY PLAN SELECT id, vector, block FROM claims WHERE stem = :s ORDER BY seq DESC LIMIT 500"),
            {"s": "SUPPLY|agent=grp:CN:company|"}))
        assert "ix_claims_stem" in plan and "TEMP B-TREE" not in plan, plan

        # Twice is harmless: nothing left to apply, and the step itself changes nothing when run again.
        assert migrate(connection) == []
        registered_step("0003_claim_stems")(connection)  # registered by the graph (store/derived.py)
        again = list(connection.execute(select(t.claims.c.block, t.claims.c.stem)))
        assert sorted(again) == sorted(rows)
        assert "ix_claims_stem" in _index_names(connection)
    store.close()
    reopened = SqlStore(str(db))
    reopened.close()


def test_a_fresh_store_has_stems_from_the_start(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "fresh.db"))
    with store.engine.connect() as connection:
        assert "stem" in {c["name"] for c in inspect(connection).get_columns("claims")}
        assert "ix_claims_stem" in _index_names(connection)
        assert "0003_claim_stems" in set(connection.execute(select(t.schema_migrations.c.version)).scalars())
    store.close()
