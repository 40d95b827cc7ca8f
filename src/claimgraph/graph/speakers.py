"""A brief for a person or body the store knows only as a source (`brief "Lin Jian"`).

A spokesperson is never an actor of a claim, so the question's name finds no argument key and
would read as unknown. Before a brief says "no evidence found", the name is looked up among the
claims' origins (`claim_origins.origin_name`, "Lin Jian (Government of China)"): if it speaks,
the brief lists what it asserts and what it denies, in its own words only (its evidence rows).
"""
from __future__ import annotations

import re
from typing import Optional

from sqlalchemy import Connection, func, or_, select

from claimgraph.graph.detail import claim_extras
from claimgraph.graph.firmness import firmness
from claimgraph.graph.query import summaries
from claimgraph.graph.reader import reader_label
from claimgraph.model.claims import Brief, ClaimSummary
from claimgraph.store import tables as t

# How a speaker brief's `matched` names what it was read as ("Lin Jian (Government of China), as a source").
AS_SOURCE = ", as a source"
# Origin rows read for one name (most evidenced claims first), and quotes kept per claim.
ROWS_READ = 200
EVIDENCE_SHOWN = 30
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def names_speaker(origin_name: str, name: str) -> bool:
    """Whether `origin_name` holds `name` as whole words ("Lin Jian (Government of China)" holds "lin jian";
    "Government of Mali" does not hold "Ali"); an empty name holds nothing."""
    want, have = _words(name), _words(origin_name)
    return bool(want) and any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


def _spoken(connection: Connection, name: str) -> list[tuple[str, str, str]]:
    """(claim id, stance, origin name) of the claims `name` speaks in, most evidenced first."""
    o, c = t.claim_origins, t.claims
    plain = name.replace("%", "").replace("_", "").strip()
    if not _words(plain):
        return []
    # SQLite's lower() folds ASCII only ("Élisabeth"): the name is also looked for as given and capitalised;
    # whole words are checked here, after the database's coarse substring match.
    forms = {plain, plain.lower(), plain.title()}
    query = (select(o.c.claim_id, o.c.stance, o.c.origin_name).join(c, c.c.id == o.c.claim_id)
             .where(or_(*(o.c.origin_name.like(f"%{f}%") for f in forms),
                        func.lower(o.c.origin_name).like(f"%{plain.lower()}%")))
             .order_by(c.c.n_evidence.desc(), c.c.id).limit(ROWS_READ))
    return [(r.claim_id, r.stance, r.origin_name) for r in connection.execute(query)
            if names_speaker(r.origin_name, plain)]


def _own(claim: ClaimSummary, name: str) -> ClaimSummary:
    """`claim` with only the evidence its speaker `name` gives."""
    claim.evidence = [e for e in claim.evidence if names_speaker(e.origin.name, name)]
    claim.more_evidence = 0
    return claim


def speaker_brief(connection: Connection, question: str, names: list[str], limit: int) -> Optional[Brief]:
    """The brief of the first of `names` that speaks in the store, or None when none does."""
    for name in names:
        rows = _spoken(connection, name)
        if not rows:
            continue
        who = rows[0][2]
        said = list(dict.fromkeys(r[0] for r in rows if r[1] == "supports"))
        denied = list(dict.fromkeys(r[0] for r in rows if r[1] == "denies" and r[0] not in said))
        # What it denies and what it says share `limit`, at least half of it for what it says.
        denied = denied[:max(0, limit - min(len(said), max(1, limit // 2)))]
        said = said[:max(0, limit - len(denied))]
        claims = [_own(c, name) for c in summaries(connection, said, evidence_limit=EVIDENCE_SHOWN)]
        denials = [_own(c, name) for c in summaries(connection, denied, evidence_limit=EVIDENCE_SHOWN)]
        details = {c.id: {**claim_extras(c), "firmness": firmness(c).to_dict()} for c in claims}
        for claim in claims + denials:
            label = reader_label(claim)
            if label != claim.label:
                details.setdefault(claim.id, {})["stored_label"] = claim.label
                claim.label = label
        verdict = (f"{who} is a source in the store, not an actor of any claim. In {who}'s own words: "
                   + "; ".join(part for part in (
                       f"denies {_listed([c.label for c in denials])}" if denials else "",
                       f"says {_listed([c.label for c in claims])}" if claims else "") if part) + ".")
        return Brief(question=question, matched=[who + AS_SOURCE], claims=claims, verdict=verdict, denials=denials,
                     sections=[(f"Said by {who}", [c.id for c in claims])] if claims else [], details=details)
    return None


def _listed(labels: list[str], shown: int = 3) -> str:
    quoted = [f"“{label}”" for label in labels[:shown]]
    more = len(labels) - len(quoted)
    return "; ".join(quoted) + (f" and {more} more" if more else "")


__all__ = ["AS_SOURCE", "speaker_brief"]
