"""A pronoun refers to one actor however the article names it: "Peru", "the government of Peru" and "Lima" are one
state, so "they fired the shells" is Peru's, though the article gives the act three names (graph/actors.py
`resolve_unnamed`). Invented shelling; real states, since states key by their country."""
from __future__ import annotations

from claimgraph.graph import claim_mentions

from graph_docs import Doc


def test_a_pronoun_takes_the_one_state_named_three_ways() -> None:
    text = ("Peru shelled a border settlement in Bolivia on Friday. Bolivia said the government of Peru ordered the "
            "shelling from Lima. The Peruvian army denied they fired the shells.")
    d = Doc("p1", text, "en", "2025-03-03", "Outlet p1")
    d.entity("e1", "Peru", "GPE", "Peru shelled")
    d.entity("e2", "Bolivia", "GPE", "Bolivia said")
    d.event("v1", "USE", "shelled", agent=("Peru", "e1"), location=("a border settlement in Bolivia", None))
    d.attribution("a1", "Bolivia", "organization", "the government of Peru ordered the shelling from Lima", entity="e2")
    d.event("v2", "USE", "shelling", attribution="a1", agent=("the government of Peru", None))
    d.attribution("a2", "The Peruvian army", "organization", "they fired the shells", polarity="negative")
    d.event("v3", "USE", "fired", attribution="a2", polarity="negative", agent=("they", None),
            item=("the shells", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert mentions["v1"].arguments["agent"] == mentions["v2"].arguments["agent"] == "state:PE"
    assert mentions["v1"].names["agent"] != mentions["v2"].names["agent"], "one state, two names"
    assert mentions["v3"].arguments.get("agent") == "state:PE", "they: the one state the article names"
