"""Answer a question or an entity with the claims that bear on it (`claimgraph brief`).

A question is read two ways: the entities and unnamed groups it names (in
either language, through every alias the graph has seen) pick candidate
claims through an index, and the multilingual embedding of the question
ranks them against each claim's label. Claims are then grouped by who is
alleged to act, so that "Chinese companies supply weapons" and "the Chinese
government is involved" stay apart.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np
from sqlalchemy import Connection, select

from claimgraph.graph.embed import Embedder, from_blob
from claimgraph.graph.query import claim_ids_for_keys, keys_in_question, summaries
from claimgraph.model.records import Brief, ClaimSummary
from claimgraph.store import tables as t

CANDIDATES = 2000
# A named entity or group the claim shares with the question weighs like this much cosine.
KEY_BONUS = 0.12
COUNTRY_BONUS = 0.05
MIN_SCORE = 0.25


def answer(connection: Connection, question: str, embedder: Embedder, limit: int = 12) -> Brief:
    """The brief for `question`: its best claims with evidence, grouped by alleged actor."""
    keys = keys_in_question(connection, question)
    c = t.claims
    if keys:
        ids = claim_ids_for_keys(connection, keys, CANDIDATES)
    else:
        ids = list(connection.execute(select(c.c.id).order_by(c.c.n_evidence.desc(), c.c.seq.desc()).limit(CANDIDATES)).scalars())
    if not ids:
        return Brief(question=question, matched=_readable(keys))
    rows = list(connection.execute(select(c.c.id, c.c.label_vector).where(c.c.id.in_(ids))))
    claim_keys: dict[str, set[str]] = defaultdict(set)
    for r in connection.execute(select(t.claim_keys.c.claim_id, t.claim_keys.c.key).where(t.claim_keys.c.claim_id.in_(ids))):
        claim_keys[r.claim_id].add(r.key)
    question_vector = embedder.encode([question])[0]
    cosines = np.stack([from_blob(r.label_vector) for r in rows]) @ question_vector
    named = {k for k in keys if not k.startswith("cc:")}
    countries = keys - named
    scored = []
    for row, cosine in zip(rows, cosines):
        shared = claim_keys[row.id]
        score = float(cosine) + KEY_BONUS * len(shared & named) + COUNTRY_BONUS * min(1, len(shared & countries))
        scored.append((score, row.id))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen = [claim_id for score, claim_id in scored[:limit] if score >= MIN_SCORE] or [scored[0][1]]
    claims = summaries(connection, chosen)
    return Brief(question=question, matched=_readable(keys), claims=claims, sections=_sections(claims))


def actor_of(claim: ClaimSummary) -> str:
    """Who a claim says acts: its agent/owner, or for a statement the entities it is about."""
    for role in ("agent", "owner"):
        if role in claim.arguments:
            return claim.arguments[role]
    about = [v for k, v in sorted(claim.arguments.items()) if k.startswith("about")]
    return "Statements about " + ", ".join(about) if about else "Other statements"


def _sections(claims: list[ClaimSummary]) -> list[tuple[str, list[str]]]:
    sections: dict[str, list[str]] = {}
    for claim in claims:
        sections.setdefault(actor_of(claim), []).append(claim.id)
    return list(sections.items())


def _readable(keys: set[str]) -> list[str]:
    return sorted(k.split(":", 1)[1] if not k.startswith("grp:") else k for k in keys)


__all__ = ["answer", "actor_of"]
