"""An analysis in the shape the store reads it back (store/shape.py), and the claim mentions an ingest's worker
computes ahead on it: taken by the graph only when the stored article has that shape, with the same graph."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claimgraph.graph import store_hooks  # noqa: F401  (the graph's tables in a new store)
from claimgraph.graph.article_vectors import MENTIONS_KEY, mentions_ahead
from claimgraph.graph.embed import HashEmbedder
from claimgraph.graph.mentions import claim_mentions
from claimgraph.graph.sync import Follower, load_analysis
from claimgraph.model import Analysis, Argument, Attribution, Document, Entity, Event, Source, Span
from claimgraph.store import SqlStore
from claimgraph.store import tables as t
from claimgraph.store.shape import as_stored, same_as_stored

TEXT = ("Officials at Northwind Trading said on Monday that Northwind shipped drones to Eastland. "
        "Eastland denied it. Northwind Trading declined to comment.")


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def article(doc_id: str, company: str = "Northwind Trading") -> Analysis:
    """A hand-made analysis: entities listed out of text order, one without mentions, one with an alias that is not
    one of its mentions; a supply told by officials."""
    text = TEXT.replace("Northwind Trading", company)
    at = text.index("Northwind shipped")
    agent = Span(at, at + len("Northwind"), "Northwind")
    eastland = Entity(id="T2", name="Eastland", type="GPE", mentions=[span(text, "Eastland", 1), span(text, "Eastland")],
                      country="xe")
    northwind = Entity(id="T1", name=company, type="ORG", aliases=["NWT"],
                       mentions=[span(text, company, 1), span(text, company), agent])
    ghost = Entity(id="T3", name="Nobody Inc", type="ORG")
    officials = Attribution(id="A1", source=Source(span(text, "Officials at " + company), "official", "T1"),
                            cue=span(text, "said"), content=span(text, "Northwind shipped drones to Eastland"),
                            kind="indirect", certainty="certain", polarity="positive")
    supply = Event(id="E1", type="SUPPLY", trigger=span(text, "shipped"),
                   arguments={"agent": Argument(agent, "T1"),
                              "item": Argument(span(text, "drones")),
                              "recipient": Argument(span(text, "Eastland"), "T2")},
                   attribution="A1")
    return Analysis(document=Document(id=doc_id, text=text, lang="en", date="2026-03-02", notes=("read as cp1252",)),
                    entities=[eastland, northwind, ghost], attributions=[officials], events=[supply])


def test_the_stored_shape_is_what_the_store_reads_back(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "s.db"))
    analysis = article("d1")
    assert store.put_analysis(analysis)
    with store.engine.connect() as connection:
        read = load_analysis(store, connection, "d1")
    assert read is not None
    shaped = as_stored(analysis)
    assert [e.id for e in shaped.entities] == ["T1", "T2"]  # first mention first; no entity without mentions
    assert shaped.entities[0].aliases == ["Northwind"] and shaped.document.notes == ()
    assert [m.start for m in shaped.entities[1].mentions] == sorted(m.start for m in shaped.entities[1].mentions)
    assert same_as_stored(read, shaped)
    assert [e.id for e in read.entities] != ["T1", "T2"]  # the store's own ids
    assert [m.to_dict() for m in claim_mentions(read)] == [m.to_dict() for m in claim_mentions(shaped)]
    store.close()


def test_an_entity_the_store_names_otherwise_is_computed_again(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "s.db"))
    assert store.put_analysis(article("d1"))
    second = article("d2", company="NORTHWIND TRADING")  # the same match key: the store names it as the first
    second.prepared[MENTIONS_KEY] = claim_mentions(as_stored(second))
    assert store.put_analysis(second)
    with store.engine.connect() as connection:
        read = load_analysis(store, connection, "d2")
    assert read is not None and read.entities[0].name == "Northwind Trading"
    assert not same_as_stored(read, as_stored(second))
    assert mentions_ahead(read, second) is None
    first = article("d3")
    first.prepared[MENTIONS_KEY] = ["computed ahead"]
    assert store.put_analysis(first)
    with store.engine.connect() as connection:
        read = load_analysis(store, connection, "d3")
    assert read is not None and mentions_ahead(read, first) == ["computed ahead"]
    assert mentions_ahead(read, None) is None
    store.close()


def graph_rows(store: SqlStore) -> dict[str, list[tuple]]:
    with store.engine.connect() as connection:
        return {table.name: sorted(map(tuple, connection.execute(select(table))))
                for table in (t.claims, t.claim_keys, t.evidence, t.graph_documents, t.graph_names, t.claim_summaries)}


def test_the_graph_is_the_same_with_mentions_computed_ahead(tmp_path: Path) -> None:
    graphs = []
    for ahead in (False, True):
        store = SqlStore(str(tmp_path / f"{ahead}.db"))
        follower = Follower(store, HashEmbedder())
        for doc_id, company in (("d1", "Northwind Trading"), ("d2", "NORTHWIND TRADING"), ("d3", "Northwind Trading")):
            analysis = article(doc_id, company)
            if ahead:
                analysis.prepared[MENTIONS_KEY] = claim_mentions(as_stored(analysis))
            assert store.put_analysis(analysis)
            follower.stored(doc_id, analysis)
        follower.finish()
        assert follower.stopped is None and follower.taken == 3
        graphs.append(graph_rows(store))
        store.close()
    assert graphs[0] == graphs[1] and graphs[0]["evidence"]
