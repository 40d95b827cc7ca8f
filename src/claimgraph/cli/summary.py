"""`claimgraph summary`: what the store holds, readable at a glance."""
from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from claimgraph.display import cell, markup
from claimgraph.store import SqlStore
from claimgraph.store.sql import shown_url
from claimgraph.store import tables as t


def summary_dict(store: SqlStore, top: int = 12) -> dict[str, Any]:
    """What `summary` shows, as one JSON-ready object (the store's URL without its password)."""
    counts, langs, entities, sources, kinds = _summary(store, top)
    return {"store": shown_url(store.url), "counts": counts, "languages": dict(langs.most_common()),
            "entities": [{"name": name, "type": etype, "mentions": n, "articles": docs}
                         for name, etype, n, docs in entities],
            "attribution_sources": dict(sources.most_common()), "events": dict(kinds.most_common())}


def print_summary(console: Console, store: SqlStore, top: int = 12) -> None:
    counts, langs, entities, sources, kinds = _summary(store, top)
    console.print(f"[bold]{markup(shown_url(store.url))}[/bold]: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
                  highlight=False)
    console.print("languages: " + markup(", ".join(f"{k}: {v}" for k, v in langs.most_common())), highlight=False)
    table = Table("entity", "type", "mentions", "articles", title="most mentioned entities", title_justify="left")
    for name, etype, n, docs in entities:
        table.add_row(cell(name), cell(etype), str(n), str(docs))
    console.print(table)
    if sources:
        console.print("attribution sources by type: " + ", ".join(f"{k}: {v}" for k, v in sources.most_common()))
    if kinds:
        console.print("events by type: " + ", ".join(f"{k}: {v}" for k, v in kinds.most_common()))


def _summary(store: SqlStore, top: int) -> tuple[dict[str, int], Counter, list[tuple[str, str, int, int]], Counter, Counter]:  # type: ignore[type-arg]
    counts = store.counts()
    with store.engine.connect() as connection:
        langs = Counter(dict(connection.execute(select(t.documents.c.lang, func.count()).group_by(t.documents.c.lang)).all()))
        canonical = store.canonical_entities(connection)
        per_entity: Counter[int] = Counter()
        docs_per_entity: dict[int, set[str]] = {}
        for entity_id, document_id in connection.execute(select(t.mentions.c.entity_id, t.mentions.c.document_id)):
            top_id = canonical[entity_id][0]
            per_entity[top_id] += 1
            docs_per_entity.setdefault(top_id, set()).add(document_id)
        names = {v[0]: (v[1], v[2]) for v in canonical.values()}
        sources = Counter(connection.execute(select(t.attributions.c.source_type)).scalars())
        kinds = Counter(connection.execute(select(t.events.c.type)).scalars())
    entities = []
    for entity_id, n in per_entity.most_common(top):
        name, etype = names[entity_id]
        entities.append((name, etype, n, len(docs_per_entity[entity_id])))
    return counts, langs, entities, sources, kinds
