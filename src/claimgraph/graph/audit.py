"""The role-sanity report of a graph: what an analyst would reject at a glance.

* event claims with an absurd role ("A supplies X to A", a pronoun or a country as the item, a
  pronoun or a spokesperson as the one who acts);
* origins that could not have known (a pronoun, a time phrase, a bare common noun);
* outlets as deniers (the newspaper that reports a denial is not the one denying);
* self-denials (one origin asserting and denying one claim).

`scripts/eval_graph.py` prints it for every set it scores (our story family, the real story
clusters, the engine's output on home news). Read from the stored claims, as `claims` shows them.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from claimgraph.graph.query import summaries
from claimgraph.graph.sanity import is_fragment, is_speaker, origin_problem, self_denials
from claimgraph.graph.keys import country_code
from claimgraph.model.claims import ClaimSummary, Origin
from claimgraph.store import tables as t

DISTINCT = {"SUPPLY": ("agent", "recipient"), "ACCUSE": ("agent", "target"), "SANCTION": ("agent", "target"),
            "OWNERSHIP": ("owner", "owned")}
OUTLET_KINDS = ("media", "story", "press_report")
EXAMPLES = 5


def claim_problems(claim: ClaimSummary) -> list[str]:
    """What is absurd about an event claim's roles, as its readable arguments say them."""
    args = claim.arguments
    problems = []
    pair = DISTINCT.get(claim.type)
    if pair and args.get(pair[0]) and args.get(pair[0]) == args.get(pair[1]):
        problems.append(f"{pair[0]} = {pair[1]}")
    item = args.get("item")
    if item is not None and is_fragment(item):
        problems.append("fragment item")
    if item and claim.type in ("SUPPLY", "PRODUCE", "DEVELOP", "USE") and country_code(item):
        problems.append("country as item")
    for role in ("agent", "owner"):
        name = args.get(role)
        if name and (is_fragment(name) or (is_speaker(name) and claim.type != "DENY")):
            problems.append(f"{role} is a pronoun or a speaker")
    return problems


def is_outlet(origin: Origin) -> bool:
    return origin.type in OUTLET_KINDS or origin.key.startswith("story:")


def report(connection: Connection) -> dict[str, Any]:
    ids = list(connection.execute(select(t.claims.c.id)).scalars())
    claims = summaries(connection, ids, with_evidence=False)
    events = [c for c in claims if c.type != "STATEMENT"]
    absurd = [(c, claim_problems(c)) for c in events]
    absurd = [(c, p) for c, p in absurd if p]
    non_source = [(c, o, origin_problem(o)) for c in claims for o in c.origins + c.denied_by]
    non_source = [(c, o, p) for c, o, p in non_source if p]
    outlet_deniers = [(c, o) for c in claims for o in c.denied_by if is_outlet(o)]
    self_denied = [(c, k) for c in claims for k in self_denials(c.origins, c.denied_by)]
    return {
        "claims": len(claims), "event_claims": len(events),
        "absurd_role_claims": len(absurd),
        "absurd_role_share": round(len(absurd) / len(events), 3) if events else 0.0,
        "non_source_origins": len(non_source), "outlet_deniers": len(outlet_deniers),
        "self_denials": len(self_denied),
        "examples": {
            "absurd": [f"{c.label} ({', '.join(p)})" for c, p in absurd[:EXAMPLES]],
            "non_source": [f"{o.name} ({p}) in {c.label}" for c, o, p in non_source[:EXAMPLES]],
            "outlet_deniers": [f"{o.name} denies {c.label}" for c, o in outlet_deniers[:EXAMPLES]],
            "self_denials": [f"{k} on {c.label}" for c, k in self_denied[:EXAMPLES]]}}


__all__ = ["claim_problems", "report"]
