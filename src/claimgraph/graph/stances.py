"""Whether a mention supports or denies the claim it joined: a negated statement denies an account someone asserts
positively, whichever came first; an outlet's own negation answers nobody (graph/update.py)."""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Connection, bindparam, select

from claimgraph.graph import aggregates
from claimgraph.graph.mentions import OUTLET_VOICES
from claimgraph.graph.scoring import is_negated_statement
from claimgraph.model.claims import ClaimMention
from claimgraph.store import tables as t

_ASSERTED = (select(t.evidence.c.id).where(t.evidence.c.claim_id == bindparam("claim_id"),
                                          t.evidence.c.stance == "supports", t.evidence.c.polarity == "positive").limit(1))
_FOUNDER = (select(t.evidence.c.polarity).where(t.evidence.c.claim_id == bindparam("claim_id"))
            .order_by(t.evidence.c.id).limit(1))


def outlet_negation(mention: ClaimMention) -> bool:
    """A negated statement in an outlet's own voice (its narration, a press report, the outlet as source)."""
    return mention.type == "STATEMENT" and mention.polarity == "negative" and mention.origin.type in OUTLET_VOICES


def asserts(mention: ClaimMention) -> bool:
    """A statement that asserts an account positively (what a negation of it answers)."""
    return mention.type == "STATEMENT" and mention.polarity != "negative" and mention.stance == "supports"


def stance_in(connection: Connection, claim_id: str, mention: ClaimMention, founders: dict[str, str]) -> str:
    """A negated content that joined an account asserted positively ("she did not have a knife" in the claim "she
    pointed a knife at the guards") denies it, whether the account came before it or opened the claim; one that
    opened its claim, nothing asserting the account yet, asserts its own words."""
    if not is_negated_statement(mention) or mention.stance != "supports":
        return mention.stance
    return "denies" if asserted(connection, claim_id, founders) == "positive" else "supports"


_NEGATIONS = (select(t.evidence.c.id).where(t.evidence.c.claim_id == bindparam("claim_id"),
                                            t.evidence.c.stance == "supports", t.evidence.c.polarity == "negative",
                                            t.evidence.c.origin_type.not_in(OUTLET_VOICES)))


def answer_earlier(connection: Connection, claim_id: str, mention: ClaimMention, founders: dict[str, str],
                   created: set[str]) -> bool:
    """The first positive telling of an account whose stored mentions so far all negate it ("there were no
    casualties" in earlier articles, then "12 people were killed"): those negations answer it, so their stored rows
    deny it now, as they would had the account come first (a negation never supports what it negates). Outlets' own
    negations stay as written (an outlet does not deny). RETURNS whether rows were rewritten."""
    if claim_id in created or not asserts(mention) or asserted(connection, claim_id, founders) != "negative":
        return False
    ids = list(connection.execute(_NEGATIONS, {"claim_id": claim_id}).scalars())
    founders[claim_id] = "positive"
    if not ids:
        return False
    connection.execute(t.evidence.update().where(t.evidence.c.id.in_(ids)).values(stance="denies"))
    aggregates.refill(connection, claim_id)
    return True


def asserted(connection: Connection, claim_id: str, founders: dict[str, str]) -> Optional[str]:
    """"positive" once something asserts the claim positively, else its first mention's polarity (`founders`:
    per claim, read from the store once per article)."""
    founder = founders.get(claim_id)
    if founder is None:
        founder = connection.execute(_FOUNDER, {"claim_id": claim_id}).scalar()
        if founder == "negative" and connection.execute(_ASSERTED, {"claim_id": claim_id}).first() is not None:
            founder = "positive"  # a later article asserted what the negation that opened it answers
        if founder is not None:
            founders[claim_id] = founder
    return founder
