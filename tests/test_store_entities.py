"""Entities across the store: one row per real-world thing, merges recorded and reversible."""
from __future__ import annotations

from pathlib import Path

from claimgraph.model import Analysis, Document, Entity, Span
from claimgraph.run import ingest_paths
from claimgraph.store import SqlStore

from conftest import EXAMPLES


def one_entity_analysis(doc_id: str, name: str, etype: str = "PRODUCT", qid: str | None = None) -> Analysis:
    text = f"The {name} drone was tested."
    start = text.index(name)
    entity = Entity(id="e1", name=name, type=etype, wikidata=qid, mentions=[Span(start, start + len(name), name)])
    return Analysis(document=Document(id=doc_id, text=text, lang="en"), entities=[entity])


def test_spelling_variant_merges_and_the_merge_can_be_undone(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "s.db"))
    store.put_analysis(one_entity_analysis("d1", "Garpiya-3"))
    store.put_analysis(one_entity_analysis("d2", "Garpiya 3"))
    ids = {a.document.id: a.entities[0].id for a in store.iter_analyses()}
    assert ids["d1"] == ids["d2"], "a punctuation variant lands on the same entity"
    store.put_analysis(one_entity_analysis("d3", "Гарпия-3"))
    store.put_analysis(one_entity_analysis("d4", "Lancet-3"))
    merged = {a.document.id: a.entities[0].id for a in store.iter_analyses()}
    assert merged["d3"] == merged["d1"], "a transliteration variant is merged by the matcher"
    assert merged["d4"] != merged["d1"]
    assert store.counts()["entity_merges"] == 1
    store.undo_merge(1)
    after = {a.document.id: a.entities[0].id for a in store.iter_analyses()}
    assert after["d3"] != after["d1"], "undoing the merge separates the entities again"
    assert after["d2"] == after["d1"]


def test_same_wikidata_id_merges_different_names(tmp_path: Path) -> None:
    store = SqlStore(str(tmp_path / "s.db"))
    store.put_analysis(one_entity_analysis("d1", "Almaz-Antey", "ORG", "Q1234567"))
    store.put_analysis(one_entity_analysis("d2", "Almaz Antey Concern", "ORG", "Q1234567"))
    ids = {a.document.id: a.entities[0].id for a in store.iter_analyses()}
    assert ids["d1"] == ids["d2"] and store.counts()["entity_merges"] == 1


def test_french_and_english_articles_share_the_company_entity(analyzer, tmp_path: Path) -> None:
    en, fr = EXAMPLES / "en01_reuters_limbach_engines.txt", EXAMPLES / "fr01_reuters_relais.txt"
    db = str(tmp_path / "s.db")
    ingest_paths([en, fr], db=db, analyzer=analyzer)
    by_lang = {a.document.lang: {e.name: e.id for e in a.entities} for a in SqlStore(db).iter_analyses()}
    shared = set(by_lang["en"]) & set(by_lang["fr"])
    assert {"Xiamen Limbach Aircraft Engine", "IEMZ Kupol", "Russia", "China"} <= shared
    assert all(by_lang["en"][name] == by_lang["fr"][name] for name in shared)


def test_an_entity_without_mentions_is_stored_without_error(tmp_path: Path) -> None:
    """Gold files may list an entity that only a description refers to (no name mention)."""
    store = SqlStore(str(tmp_path / "s.db"))
    analysis = one_entity_analysis("d1", "Garpiya-3")
    analysis.entities.append(Entity(id="e2", name="Government of Chile", type="ORG", mentions=[]))
    assert store.put_analysis(analysis)
    (stored,) = list(store.iter_analyses())
    assert [e.name for e in stored.entities] == ["Garpiya-3"]
