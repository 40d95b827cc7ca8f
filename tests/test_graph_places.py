"""Within one article, an attack by no one named told without a country is where the article's other agentless
attacks are; an outlet never does an act it reports."""
from __future__ import annotations

from claimgraph.graph import claim_mentions

from graph_docs import Doc


def _camp() -> Doc:
    text = ("Four bombs fell on a refugee camp in Northland on Thursday. The bombing of the Elm refugee camp "
            "alarmed aid workers. At least four bombs were dropped. Other bombs hit Harrow in Pine county.")
    d = Doc("c1", text, "en", "2025-05-01", "Outlet c1")
    d.event("v1", "USE", "fell", item=("Four bombs", None), location=("a refugee camp in Northland", None))
    d.event("v2", "USE", "bombing", location=("the Elm refugee camp", None))
    d.event("v3", "USE", "dropped", item=("At least four bombs", None))
    d.event("v4", "USE", "hit", item=("Other bombs", None), location=("Harrow in Pine county", None))
    return d


def test_an_agentless_attack_with_no_country_takes_the_articles_place(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.graph import actors, keys
    # A country of our own making: its name is what place_country reads.
    monkeypatch.setattr(actors, "place_country", lambda text: "NL" if text and "Northland" in text else None)
    mentions = {m.record_id: m for m in claim_mentions(_camp().analysis)}
    assert "Northland" in mentions["v2"].names["location"], "the same camp in other words"
    # With no place of its own it is the article's lead attack's (the first told with a place), whoever the lead names.
    assert mentions["v3"].names["location"] == "a refugee camp in Northland", "no place of its own: the lead's"
    assert "Northland" not in mentions["v4"].names["location"], "a place of its own stays its own"
    assert mentions["v4"].names["location"].startswith("Harrow in Pine county (")  # in the lead's country
    assert keys.place_country("a refugee camp in Northland") is None  # the real table knows no Northland


def test_an_outlet_does_not_do_the_act_it_reports() -> None:
    d = Doc("o1", "The Daily Courier shot the suspect in Dunmore, the report said.", "en", "2025-05-02", "Outlet o1")
    d.event("v1", "USE", "shot", agent=("The Daily Courier", None), location=("Dunmore", None))
    (mention,) = [m for m in claim_mentions(d.analysis) if m.type == "USE"]
    assert "agent" not in mention.arguments
