"""An article's entities as the store's global entities: same match key and type, else a new row (merged into a
similar existing entity when the matcher is confident, recorded in entity_merges).

The rows of every key the article names are read in one statement (`EntityResolver`), not one per entity: an
article names about fifteen entities, and each lookup was a statement of its own in the ingest's parent process.
What the article writes (a new row, more aliases) is kept in step, so a later entity of the same article with
the same key finds it as a lookup would.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import Connection, bindparam, select

from claimgraph.model import Entity
from claimgraph.resolve.match import MATCHER_VERSION, match_key, similarity
from claimgraph.store import tables as t

# Below this similarity two differently spelled names stay two entities.
MERGE_THRESHOLD = 0.92
# Keys read per statement (SQLite's bound parameters are limited; a long article names thousands).
KEYS_PER_READ = 500


class EntityResolver:
    """The global id of each entity of one article, in the article's transaction (`resolve`, in entity order)."""

    def __init__(self, connection: Connection, entities: list[Entity]) -> None:
        self.connection = connection
        keys = sorted({match_key(e.name, e.type) for e in entities if e.mentions})
        # (match key, type) -> [id, aliases (JSON), wikidata, name, country, merged_into], as the row stands in
        # this transaction
        self.rows: dict[tuple[str, str], list[Any]] = {}
        for start in range(0, len(keys), KEYS_PER_READ):
            for r in connection.execute(_BY_KEYS, {"keys": keys[start:start + KEYS_PER_READ]}):
                self.rows[(r.match_key, r.type)] = [r.id, r.aliases, r.wikidata, r.name, r.country, r.merged_into]

    def canonical(self, entity: Entity) -> Optional[tuple[int, str, str, Optional[str], Optional[str]]]:
        """After `resolve(entity)`: its global entity as `SqlStore.canonical_entities` gives it (id, name, type,
        wikidata, country) when that row is merged into no other (None when it is: its canonical entity is another
        row, which was not read)."""
        row = self.rows[(match_key(entity.name, entity.type), entity.type)]
        return None if row[5] is not None else (int(row[0]), row[3], entity.type, row[2], row[4])

    def resolve(self, entity: Entity) -> int:
        """The global id for `entity`: the row of the same key and type (its aliases grown), else a new row."""
        connection = self.connection
        key = match_key(entity.name, entity.type)
        row = self.rows.get((key, entity.type))
        if row is not None:
            row_id, row_aliases, row_wikidata = row[:3]
            aliases = set(json.loads(row_aliases or "[]"))
            new_aliases = set(entity.aliases) | {m.text for m in entity.mentions}
            if not new_aliases <= aliases:
                grown = json.dumps(sorted(aliases | new_aliases), ensure_ascii=False)
                connection.execute(t.entities.update().where(t.entities.c.id == row_id).values(
                    aliases=grown, wikidata=row_wikidata or entity.wikidata))
                row[1:3] = [grown, row_wikidata or entity.wikidata]
            return int(row_id)
        aliases_json = json.dumps(sorted(set(entity.aliases) | {m.text for m in entity.mentions}), ensure_ascii=False)
        inserted = connection.execute(t.entities.insert(), dict(
            name=entity.name, type=entity.type, match_key=key, wikidata=entity.wikidata, country=entity.country,
            aliases=aliases_json)).inserted_primary_key
        assert inserted is not None
        new_id = int(inserted[0])
        self.rows[(key, entity.type)] = row = [new_id, aliases_json, entity.wikidata, entity.name, entity.country, None]
        kept, reason, score = merge_candidate(connection, entity, key, new_id)
        if kept is not None:
            row[5] = kept
            connection.execute(t.entities.update().where(t.entities.c.id == new_id).values(merged_into=kept))
            connection.execute(t.entity_merges.insert().values(
                kept_id=kept, merged_id=new_id, reason=reason, score=score, matcher=MATCHER_VERSION,
                created_at=datetime.now(timezone.utc)))
        return new_id


def merge_candidate(connection: Connection, entity: Entity, key: str,
                    new_id: int) -> tuple[Optional[int], str, Optional[str]]:
    """The existing entity a new one is merged into (same wikidata id, or a name similar enough), with why."""
    params = {"type": entity.type, "new_id": new_id}
    if entity.wikidata:
        same_qid = connection.execute(_SAME_QID, {**params, "wikidata": entity.wikidata}).first()
        if same_qid is not None:
            return int(same_qid.id), "same wikidata id", entity.wikidata
    # Block on the key's first letter so the scan stays small as the store grows.
    for row in connection.execute(_SAME_INITIAL, {**params, "initial": key[:1]}):
        score = similarity(entity.name, row.name)
        if score >= MERGE_THRESHOLD:
            return int(row.id), "similar name", f"{score:.3f}"
    return None, "", None


# Built once (SQLAlchemy builds and keys a statement made anew on every call).
_BY_KEYS = select(t.entities.c.id, t.entities.c.match_key, t.entities.c.type, t.entities.c.aliases,
                  t.entities.c.wikidata, t.entities.c.name, t.entities.c.country, t.entities.c.merged_into).where(t.entities.c.match_key.in_(bindparam("keys", expanding=True)))
_CANDIDATES = select(t.entities.c.id, t.entities.c.name, t.entities.c.wikidata).where(
    t.entities.c.type == bindparam("type"), t.entities.c.id != bindparam("new_id"), t.entities.c.merged_into.is_(None))
_SAME_QID = _CANDIDATES.where(t.entities.c.wikidata == bindparam("wikidata"))
_SAME_INITIAL = _CANDIDATES.where(t.entities.c.match_key.startswith(bindparam("initial")))
