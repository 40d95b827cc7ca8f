"""What a claim's later mentions add to it, kept as `claim_keys` rows so a claim is found and compared by all its
mentions, not only by its first one: the figures and acts its statements assert (`prop:<key>`,
graph/propositions.py) and the places its attacks are told at (`where:<phrase>`: "the Tarrow refugee camp", "the
Orsketi area of Tarrow"). Split from graph/update.py (2026-12-08), which collects them per article.
"""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import Connection, bindparam, select

from claimgraph.graph.propositions import proposition_keys
from claimgraph.store import tables as t

# What a statement claim asserts over all its mentions (graph/propositions.py), kept as `prop:<key>` rows.
PROPOSITION = "prop:"
# Where an attack claim's mentions place it, kept as `where:<phrase>` rows (the first mention's place is in
# `claims.names`).
PLACE = "where:"
_ADDED = select(t.claim_keys.c.claim_id, t.claim_keys.c.key).where(
    t.claim_keys.c.claim_id.in_(bindparam("ids", expanding=True)), t.claim_keys.c.key.startswith(bindparam("prefix")))


class ClaimAdditions:
    """What the current article's mentions add to the claims they join, written once at its end (`write`)."""

    def __init__(self) -> None:
        self.propositions: dict[str, set[str]] = {}
        self.places: dict[str, set[str]] = {}
        self.seqs: dict[str, int] = {}  # the seq of every claim the article's mentions joined or created

    def add_propositions(self, claim_id: str, keys: frozenset[str]) -> None:
        if keys:
            self.propositions.setdefault(claim_id, set()).update(keys)

    def add_place(self, claim_id: str, place: Optional[str]) -> None:
        if place:
            self.places.setdefault(claim_id, set()).add(place)

    def write(self, connection: Connection) -> None:
        """This article's additions not yet stored, one batch per kind."""
        for prefix, added, kind in ((PROPOSITION, self.propositions, "STATEMENT"), (PLACE, self.places, "USE")):
            if not added:
                continue
            ids = sorted(added)
            stored = {(r.claim_id, r.key) for r in connection.execute(_ADDED, {"ids": ids, "prefix": prefix})}
            rows = [{"claim_id": c, "key": prefix + k, "type": kind, "seq": self.seqs[c]}
                    for c in ids for k in sorted(added[c]) if (c, prefix + k) not in stored]
            if rows:
                connection.execute(t.claim_keys.insert(), rows)

    def claim_propositions(self, connection: Connection, rows: list[Any]) -> dict[str, frozenset[str]]:
        """What each candidate statement claim asserts: its first mention's words, every `prop:` key its later
        mentions added, and what this article's mentions have added so far."""
        out = {row.id: set(proposition_keys(row.item)) | self.propositions.get(row.id, set()) for row in rows}
        return _with_stored(connection, out, PROPOSITION)

    def claim_places(self, connection: Connection, rows: list[Any]) -> dict[str, frozenset[str]]:
        """Where each candidate attack claim's later mentions (this article's so far included) place it."""
        return _with_stored(connection, {row.id: set(self.places.get(row.id, set())) for row in rows}, PLACE)


def _with_stored(connection: Connection, out: dict[str, set[str]], prefix: str) -> dict[str, frozenset[str]]:
    if out:
        for r in connection.execute(_ADDED, {"ids": sorted(out), "prefix": prefix}):
            out[r.claim_id].add(r.key[len(prefix):])
    return {claim_id: frozenset(keys) for claim_id, keys in out.items()}
