"""Who a brief's claims say acts, and the sections a brief groups them in (`graph.brief`).

A claim's actor is its agent or owner, an accusation's target, or for a statement what it is about;
a section is headed by that actor ("Statements about China" for a statement), never by the list of
everything a statement mentions.
"""
from __future__ import annotations

import json

from claimgraph.model.claims import ClaimSummary


def actor_keys(arguments: dict[str, str], claim_type: str) -> set[str]:
    """Who a claim is about as its actor: agent or owner, an accusation's target, a statement's subjects."""
    roles = ("target",) if claim_type == "ACCUSE" else ("agent", "owner")
    return {v for k, v in arguments.items() if k in roles or k.startswith("about")}


def actor_of(claim: ClaimSummary) -> str:
    """Who a claim says acts: its agent/owner, or for a statement the entities it is about."""
    return _actor(claim.arguments, claim.type)


class Actors:
    """`_actor` of a candidate's stored names (JSON), decoded on first use and kept."""

    def __init__(self, names: dict[str, str], kinds: dict[str, str]) -> None:
        self.names = names
        self.kinds = kinds
        self.known: dict[str, str] = {}

    def __call__(self, claim_id: str) -> str:
        found = self.known.get(claim_id)
        if found is None:
            found = self.known[claim_id] = _actor(json.loads(self.names[claim_id]), self.kinds.get(claim_id, ""))
        return found


def _actor(names: dict[str, str], claim_type: str = "") -> str:
    # An accusation alleges that its target acts: "the US accuses China of ..." is about China.
    for role in (("target",) if claim_type == "ACCUSE" else ()) + ("agent", "owner"):
        if role in names:
            return names[role]
    about = [v for k, v in sorted(names.items()) if k.startswith("about")]
    return "Statements about " + ", ".join(about) if about else "Other statements"


def sections(claims: list[ClaimSummary], roles: dict[str, dict[str, str]], keys: set[str]) -> list[tuple[str, list[str]]]:
    sections: dict[str, list[str]] = {}
    for claim in claims:
        sections.setdefault(_heading(claim, roles.get(claim.id, {}), keys), []).append(claim.id)
    return list(sections.items())


def _heading(claim: ClaimSummary, keys_of: dict[str, str], asked: set[str]) -> str:
    """A section's actor: an act's agent or owner; for a statement, the one thing it is about that the question
    names (else the first), never the list of all it mentions ("Statements about Europe, World War II, ...")."""
    who = actor_of(claim)
    about = [(role, name) for role, name in sorted(claim.arguments.items()) if role.startswith("about")]
    if not about or not who.startswith("Statements about "):
        return who
    codes = {k.split(":", 1)[1] for k in asked if k.startswith("cc:")}
    named = [name for role, name in about if keys_of.get(role) in asked
             or keys_of.get(role, "").split(":", 1)[-1] in codes]
    return "Statements about " + (named or [about[0][1]])[0]


__all__ = ["Actors", "actor_keys", "actor_of", "sections"]
