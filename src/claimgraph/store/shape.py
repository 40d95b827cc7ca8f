"""An analysis in the shape the store gives it back, without the store: what a later stage may compute ahead.

`SqlStore._load` does not return the analysis that was stored: it keeps the
entities that have mentions, one per global entity, named as the store's
canonical entity, in the order of their first mention, each with its mentions
in text order and its aliases rebuilt from them. The evidence graph reads an
article in that shape. `as_stored` gives that shape from the analysis alone,
as if every entity stayed its own (no merge, no canonical name of another
spelling); `same_as_stored` tells whether an analysis read back from the store
is exactly that shape with other entity ids. When it is, whatever a pure
function computed from one (the graph's claim mentions, computed in the worker
process that analysed the article) is what it computes from the other, the ids
aside. When it is not (an entity merged or renamed by the store), the caller
computes again from what it read.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from claimgraph.model import Analysis, Argument, Entity


def as_stored(analysis: Analysis) -> Analysis:
    """`analysis` as `SqlStore._load` reads it back when the store keeps each entity as it is (local ids kept)."""
    found: list[tuple[int, int, int, Entity]] = []  # (start, entity order, mention order): the rows' write order
    for order, entity in enumerate(analysis.entities):
        found += [(m.start, order, i, entity) for i, m in enumerate(entity.mentions)]
    found.sort(key=lambda row: row[:3])
    entities: dict[str, Entity] = {}
    for _, order, i, local in found:
        span = local.mentions[i]
        entity = entities.setdefault(local.id, Entity(id=local.id, name=local.name, type=local.type,
                                                      wikidata=local.wikidata, country=local.country))
        entity.mentions.append(span)
        if span.text != local.name and span.text not in entity.aliases:
            entity.aliases.append(span.text)

    def known(entity_id: Optional[str]) -> Optional[str]:
        return entity_id if entity_id and entity_id in entities else None

    attributions = [replace(a, source=replace(a.source, entity=known(a.source.entity))) for a in analysis.attributions]
    events = [replace(e, arguments={role: replace(arg, entity=known(arg.entity)) for role, arg in e.arguments.items()})
              for e in analysis.events]
    return Analysis(document=replace(analysis.document, notes=()), entities=list(entities.values()),
                    attributions=attributions, events=events, warnings=list(analysis.warnings))


def same_as_stored(read: Analysis, shaped: Analysis) -> bool:
    """True when `read` (from the store) is `shaped` (`as_stored`) with its entities' ids renamed, one to one."""
    if len(read.entities) != len(shaped.entities):
        return False
    ids = {local.id: stored.id for local, stored in zip(shaped.entities, read.entities)}
    if len(set(ids.values())) != len(ids):
        return False

    def rename(entity_id: Optional[str]) -> Optional[str]:
        return ids[entity_id] if entity_id is not None else None

    entities = [replace(e, id=ids[e.id], aliases=list(e.aliases), mentions=list(e.mentions)) for e in shaped.entities]
    attributions = [replace(a, source=replace(a.source, entity=rename(a.source.entity))) for a in shaped.attributions]
    events = [replace(e, arguments={role: Argument(arg.span, rename(arg.entity)) for role, arg in e.arguments.items()})
              for e in shaped.events]
    return (read.document == shaped.document and read.warnings == shaped.warnings and read.entities == entities
            and read.attributions == attributions and read.events == events
            and all(list(r.arguments) == list(s.arguments) for r, s in zip(read.events, events)))


def read_back(analysis: Analysis, canonical: dict[str, Optional[tuple[int, str, str, Optional[str], Optional[str]]]]
              ) -> Optional[Analysis]:
    """What `SqlStore._load` reads back of `analysis` just written (`canonical`: `SqlStore.write_new`'s), built
    without reading, when that is certain; None otherwise (the caller reads it).

    Certain when every entity's global entity is its own (merged into no other, one per local entity) under the
    same name, wikidata id and country, and no two mentions start at one offset (the store reads mentions in
    offset order; a tie's order is the database's): then the read is `as_stored(analysis)` with entity ids
    `e<global id>`, every other field written and read back as it is."""
    starts = [m.start for e in analysis.entities for m in e.mentions]
    if len(set(starts)) != len(starts):
        return None
    ids: dict[str, str] = {}
    for entity in analysis.entities:
        if not entity.mentions:
            continue
        row = canonical.get(entity.id)
        if row is None or row[1:] != (entity.name, entity.type, entity.wikidata, entity.country):
            return None
        ids[entity.id] = f"e{row[0]}"
    if len(set(ids.values())) != len(ids):
        return None
    shaped = as_stored(analysis)

    def rename(entity_id: Optional[str]) -> Optional[str]:
        return ids[entity_id] if entity_id is not None else None

    for entity in shaped.entities:
        entity.id = ids[entity.id]
    shaped.attributions = [replace(a, source=replace(a.source, entity=rename(a.source.entity)))
                           if a.source.entity is not None else a for a in shaped.attributions]
    shaped.events = [replace(e, arguments={role: Argument(arg.span, rename(arg.entity))
                                           for role, arg in e.arguments.items()}) for e in shaped.events]
    return shaped


__all__ = ["as_stored", "read_back", "same_as_stored"]
