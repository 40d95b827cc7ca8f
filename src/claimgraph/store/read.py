"""Reads the CLI's `show` and the server's pages share: one article, the newest articles, entities.

Every function takes an open connection and returns plain records or rows;
neither the CLI nor the server adds logic of its own on top.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from sqlalchemy import Connection, func, or_, select

from claimgraph.model import Analysis
from claimgraph.store import tables as t
from claimgraph.store.sql import SqlStore, merge_root

DOCUMENT_COLUMNS = (t.documents.c.id, t.documents.c.title, t.documents.c.date, t.documents.c.lang,
                    t.documents.c.source, t.documents.c.url)


def load_analysis(store: SqlStore, document_id: str) -> Optional[Analysis]:
    """One stored article with its analysis (entity ids global to the store), or None."""
    return next(iter(store.iter_analyses([document_id])), None)


def recent_documents(connection: Connection, limit: int, offset: int = 0) -> list[Any]:
    """Articles by date, newest first (undated last), as rows of DOCUMENT_COLUMNS."""
    d = t.documents
    return list(connection.execute(select(*DOCUMENT_COLUMNS).order_by(d.c.date.is_(None), d.c.date.desc(), d.c.id)
                                   .limit(limit).offset(offset)))


def document_row(connection: Connection, document_id: str) -> Optional[Any]:
    return connection.execute(select(*DOCUMENT_COLUMNS).where(t.documents.c.id == document_id)).first()


@dataclass(slots=True)
class EntityRecord:
    """A store entity as listed: its canonical row, aliases, and how often the articles mention it."""

    id: str  # "e<store id>", as in `export --format jsonl`
    name: str
    type: str
    wikidata: Optional[str] = None
    country: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "wikidata": self.wikidata,
                "country": self.country, "aliases": list(self.aliases), "mentions": self.mentions,
                "articles": self.articles}


def entity_number(entity_id: str) -> Optional[int]:
    """`e12` (or `12`) -> 12; anything else -> None."""
    digits = entity_id[1:] if entity_id[:1] == "e" else entity_id
    return int(digits) if digits.isdigit() else None


def _merged_ids(connection: Connection, top_ids: list[int]) -> dict[int, int]:
    """Every entity id merged (at any depth) into one of `top_ids` -> that top id, the top ids included."""
    e = t.entities
    members = {i: i for i in top_ids}
    frontier = list(top_ids)
    while frontier:
        rows = connection.execute(select(e.c.id, e.c.merged_into).where(e.c.merged_into.in_(frontier))).all()
        frontier = [r.id for r in rows if r.id not in members]
        for r in rows:
            members.setdefault(r.id, members[r.merged_into])
    return members


def _records(connection: Connection, rows: list[Any]) -> list[EntityRecord]:
    members = _merged_ids(connection, [r.id for r in rows])
    m = t.mentions
    counts: dict[int, list[int]] = {r.id: [0, 0] for r in rows}
    if members:
        for entity_id, n, docs in connection.execute(
                select(m.c.entity_id, func.count(), func.count(m.c.document_id.distinct()))
                .where(m.c.entity_id.in_(sorted(members))).group_by(m.c.entity_id)):
            top = counts[members[entity_id]]
            top[0] += n
            top[1] += docs  # an article mentioning two merged spellings counts twice: rare, and an upper bound
    return [EntityRecord(id=f"e{r.id}", name=r.name, type=r.type, wikidata=r.wikidata, country=r.country,
                         aliases=sorted(set(json.loads(r.aliases or "[]")) - {r.name})[:30],
                         mentions=counts[r.id][0], articles=counts[r.id][1]) for r in rows]


def list_entities(connection: Connection, q: Optional[str] = None, type: Optional[str] = None,
                  limit: int = 50, offset: int = 0) -> list[EntityRecord]:
    """Canonical entities, most mentioned first; `q` matches a name or alias (case-insensitive, any part)."""
    e, m = t.entities, t.mentions
    query = select(e).where(e.c.merged_into.is_(None))
    if q:
        like = f"%{q.strip()}%"
        query = query.where(or_(e.c.name.ilike(like), e.c.aliases.ilike(like)))
    if type:
        query = query.where(e.c.type == type.upper())
    mentioned = select(m.c.entity_id, func.count().label("n")).group_by(m.c.entity_id).subquery()
    query = (query.outerjoin(mentioned, mentioned.c.entity_id == e.c.id)
             .order_by(func.coalesce(mentioned.c.n, 0).desc(), e.c.name, e.c.id).limit(limit).offset(offset))
    return _records(connection, list(connection.execute(query)))


def entity_record(connection: Connection, entity_id: str) -> Optional[EntityRecord]:
    """One entity by its `e<id>`; a merged entity answers as the one it was merged into."""
    number = entity_number(entity_id)
    if number is None:
        return None
    e = t.entities
    row = connection.execute(select(e).where(e.c.id == number)).first()
    if row is None:
        return None
    if row.merged_into is not None:
        rows = {r.id: r for r in connection.execute(select(e.c.id, e.c.merged_into))}
        row = connection.execute(select(e).where(e.c.id == merge_root(rows, number))).first()
    return _records(connection, [row])[0]


def _mentioning_documents(connection: Connection, entity_id: str) -> Any:
    """A subquery of the ids of the documents that mention an entity or any entity merged into it;
    None for an id that names no entity."""
    number = entity_number(entity_id)
    if number is None:
        return None
    ids = sorted(_merged_ids(connection, [number]))
    m = t.mentions
    return select(m.c.document_id).where(m.c.entity_id.in_(ids)).distinct().subquery()


def entity_articles(connection: Connection, entity_id: str, limit: int = 20) -> list[Any]:
    """The newest articles mentioning an entity (or any entity merged into it), as DOCUMENT_COLUMNS rows."""
    mentioning = _mentioning_documents(connection, entity_id)
    if mentioning is None:
        return []
    d = t.documents
    return list(connection.execute(select(*DOCUMENT_COLUMNS).join(mentioning, mentioning.c.document_id == d.c.id)
                                   .order_by(d.c.date.is_(None), d.c.date.desc(), d.c.id).limit(limit)))


def entity_timeline(connection: Connection, entity_id: str) -> list[tuple[str, int]]:
    """Articles mentioning an entity per month (YYYY-MM), oldest first; undated articles are left out."""
    mentioning = _mentioning_documents(connection, entity_id)
    if mentioning is None:
        return []
    d = t.documents
    month = func.substr(d.c.date, 1, 7)
    rows = connection.execute(select(month, func.count()).join(mentioning, mentioning.c.document_id == d.c.id)
                              .where(d.c.date.is_not(None)).group_by(month).order_by(month))
    return [(str(period), int(n)) for period, n in rows]


def resolve_document_id(connection: Connection, prefix: str) -> Optional[str]:
    """A full document id from an id or an unambiguous prefix of at least 6 characters (as `show` prints)."""
    d = t.documents
    if connection.execute(select(d.c.id).where(d.c.id == prefix)).first():
        return prefix
    if len(prefix) < 6:
        return None
    found = list(connection.execute(select(d.c.id).where(d.c.id.startswith(prefix, autoescape=True)).limit(2)).scalars())
    return found[0] if len(found) == 1 else None
