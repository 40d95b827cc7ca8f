"""A state's denial of an act that names no actor is a denial of its own act only when the article lays that act at
the state's door (graph/actors.py `resolve_unnamed`, `_alleged`)."""
from __future__ import annotations

from claimgraph.graph import claim_mentions

from graph_docs import Doc


def _denial(alleged: bool) -> Doc:
    lead = "Chile shelled the harbour of Puerto Velo, its rivals said. " if alleged else ""
    text = lead + "The ministry said the government of Chile denied that the fishermen had been killed."
    d = Doc("h1", text, "en", "2025-05-04", "Outlet h1")
    d.entity("e1", "Government of Chile", "ORG", "the government of Chile")
    if alleged:
        d.entity("e2", "Chile", "GPE", "Chile shelled")
        d.event("v0", "OTHER", "shelled", agent=("Chile", "e2"))
    d.attribution("a1", "the government of Chile", "organization", "that the fishermen had been killed", entity="e1",
                  polarity="negative")
    d.event("v1", "OTHER", "killed", attribution="a1", polarity="negative")
    return d


def _agent(d: Doc, record: str) -> str:
    return {m.record_id: m.arguments.get("agent", "-") for m in claim_mentions(d.analysis)}.get(record, "-")


def test_a_denied_act_no_one_lays_at_the_states_door_keeps_no_actor() -> None:
    assert _agent(_denial(alleged=False), "v1") == "-"


def test_a_denied_act_the_article_alleges_against_the_state_is_its_own() -> None:
    assert _agent(_denial(alleged=True), "v1") == "state:CL"
