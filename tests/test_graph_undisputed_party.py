"""An attack told with no attacker at the very place where a known party's attack of the story was told ("a
firebomb hurled at a branch of the Norvale Savings Bank", "protesters threw firebombs at the Norvale Savings Bank") is
that party's attack when nothing disputes who did it; where it is disputed (a denial in the article), it stays its
own claim (graph/update.py `_party_told_at`). Invented bank, town and strike."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claimgraph.store import tables as t

from graph_docs import Doc, store_with


def _protesters(doc_id: str = "s1") -> Doc:
    text = "Protesters threw firebombs at the Norvale Savings Bank on Tuesday."
    d = Doc(doc_id, text, "en", "2025-05-06", f"Outlet {doc_id}")
    d.entity("e1", "Norvale Savings Bank", "ORG", "the Norvale Savings Bank")
    d.event("v1", "USE", "threw", agent=("Protesters", None), item=("firebombs", None),
            location=("the Norvale Savings Bank", "e1"))
    return d


def _hurled(doc_id: str, denial: bool = False) -> Doc:
    text = "A firebomb hurled at a branch of the Norvale Savings Bank killed two clerks."
    if denial:
        text += " The strike committee denied any part in it."
    d = Doc(doc_id, text, "en", "2025-05-07", f"Outlet {doc_id}")
    d.entity("e1", "Norvale Savings Bank", "ORG", "the Norvale Savings Bank")
    d.event("v1", "USE", "hurled", item=("A firebomb", None), location=("a branch of the Norvale Savings Bank", "e1"))
    if denial:
        d.entity("e2", "strike committee", "ORG", "The strike committee")
        d.event("v2", "DENY", "denied", agent=("The strike committee", "e2"), item=("any part in it", None))
    return d


def _claims(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return {r.document_id: r.claim_id for r in connection.execute(
            select(t.evidence.c.document_id, t.evidence.c.claim_id).where(t.evidence.c.record_id == "v1"))}


def test_an_attack_with_no_attacker_at_the_partys_place_is_the_partys(tmp_path: Path) -> None:
    claims = _claims(store_with(tmp_path, [_protesters().analysis, _hurled("h1").analysis], "one.db"))
    assert claims["h1"] == claims["s1"], "nothing disputes who threw it: the protesters' firebombing"


def test_where_the_article_disputes_it_the_attack_stays_its_own(tmp_path: Path) -> None:
    claims = _claims(store_with(tmp_path, [_protesters().analysis, _hurled("h2", denial=True).analysis], "two.db"))
    assert claims["h2"] != claims["s1"], "a denial in the article: who did it is what is disputed"
