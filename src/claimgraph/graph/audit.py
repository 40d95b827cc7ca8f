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

import json
from typing import Any, Optional

from sqlalchemy import Connection, select

from claimgraph.graph.origins import WIRES
from claimgraph.graph.query import summaries
from claimgraph.graph.sanity import ACTS, is_fragment, is_not_a_name, is_outlet_name, is_speaker, is_thing, origin_problem, self_denials
from claimgraph.graph.keys import country_code, name_key
from claimgraph.model.claims import ClaimSummary, Origin
from claimgraph.store import tables as t

DISTINCT = {"SUPPLY": ("agent", "recipient"), "ACCUSE": ("agent", "target"), "SANCTION": ("agent", "target"),
            "OWNERSHIP": ("owner", "owned")}
OUTLET_KINDS = ("media", "story", "press_report")

EXAMPLES = 5


def claim_problems(claim: ClaimSummary, outlets: frozenset[str] = frozenset(),
                   keys: Optional[dict[str, str]] = None) -> list[str]:
    """What is absurd about an event claim's roles, as its readable arguments say them (`outlets`: the
    names of the stored articles' outlets, which report acts and never do or receive them)."""
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
        elif name and (keys or {}).get(role, "txt:").startswith("txt:") and is_thing(name, item):
            problems.append(f"{role} is an act or a thing")
        elif name and (keys or {}).get(role, "txt:").startswith("txt:") and is_not_a_name(name):
            problems.append(f"{role} is an adjective or a clause")
    if (keys or {}).get("location", "").startswith("state:") and args.get("location", "").startswith("Government of"):
        problems.append("location is a government")
    for role in ("recipient", "target", "owned"):
        name = args.get(role)
        if name is not None and is_fragment(name):
            problems.append(f"{role} is a pronoun or a fragment")
    if claim.type in ACTS:
        for role in ("agent", "recipient", "target"):
            name = args.get(role)
            if name and (name_key(name) in outlets or is_outlet_name(name)):
                problems.append(f"{role} is a news outlet")
    return problems


def is_outlet(origin: Origin, outlets: frozenset[str] = frozenset()) -> bool:
    """An outlet: a media or story origin, or one named as the outlet of a stored article ("the Morning
    Courier" reporting that it could not verify a denial is not the one denying)."""
    return (origin.type in OUTLET_KINDS or origin.key.startswith("story:")
            or name_key(origin.name.split(" (")[0]) in outlets or is_outlet_name(origin.name))


def stored_outlets(connection: Connection) -> frozenset[str]:
    """The outlets of the stored articles and the wires, as name keys."""
    d = t.documents
    names = {name_key(s) for s in connection.execute(select(d.c.source).distinct()).scalars() if s}
    return frozenset(names | {name_key(w) for pair in WIRES.items() for w in pair})


def report(connection: Connection) -> dict[str, Any]:
    ids = list(connection.execute(select(t.claims.c.id)).scalars())
    claims = summaries(connection, ids, with_evidence=False)
    events = [c for c in claims if c.type != "STATEMENT"]
    outlets = stored_outlets(connection)
    keys = {r.id: json.loads(r.arguments) for r in connection.execute(select(t.claims.c.id, t.claims.c.arguments))}
    absurd = [(c, claim_problems(c, outlets, keys.get(c.id))) for c in events]
    absurd = [(c, p) for c, p in absurd if p]
    non_source = [(c, o, origin_problem(o)) for c in claims for o in c.origins + c.denied_by]
    non_source = [(c, o, p) for c, o, p in non_source if p]
    outlet_deniers = [(c, o) for c in claims for o in c.denied_by if is_outlet(o, outlets)]
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
