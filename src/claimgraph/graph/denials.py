"""Denials across articles: a brief links each denial to the allegations it answers.

The graph links a denial to the claims of its own article (`graph.mentions`). A reader also
wants Beijing's denial in one article set against the allegation another article (or
language) carries. A denial (a DENY claim's mention, dated, quoted) answers an allegation
when:

* **actors**: the denier speaks for the alleged actor: the same key, or the same country
  (a state denies for its companies, its ministries speak for it);
* **item**: the denial's words and the allegation's item meet by class
  (`graph.assertion.answers`); a denial that names no item ("not aware of the case")
  answers only the allegations of its own article, which the graph has linked already;
* **dates**: the denial is dated from shortly before the allegation was first seen to a
  few months after it was last seen.

The denier is the origin of the denial (the state or organisation), never the outlet that
reports it, and only an asserted denial counts ("may refrain from exporting arms" does not).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Iterable, Optional

from claimgraph.graph.assertion import answers
from claimgraph.graph.keys import key_country, state_name
from claimgraph.graph.source_roles import is_state_role
from claimgraph.graph.sanity import is_outlet_name
from claimgraph.model.claims import ClaimSummary, Evidence, Origin

# A denial may come this long before an allegation is first seen (it answers an earlier telling
# of the same story) and this long after it was last seen.
DAYS_BEFORE = 31
DAYS_AFTER = 92
ASSERTED = ("certain", "probable")
OUTLET_KINDS = ("media", "story", "press_report")
ACTOR_ROLES = ("agent", "owner")
# What a denial can answer: allegations of doing, accusations (by their target) and statements.
DENIABLE = ("SUPPLY", "PRODUCE", "DEVELOP", "USE", "OTHER", "ACCUSE", "STATEMENT")


@lru_cache(maxsize=65536)  # a brief reads the same few hundred dates thousands of times (link, in_window)
def day(value: Optional[str]) -> Optional[int]:
    """An ISO date at any precision as a day number (a month or year reads as its first day)."""
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-") if p.isdigit()]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1).toordinal()
    except (ValueError, IndexError):
        return None


def answering_keys(claim_type: str, arguments: dict[str, str]) -> list[str]:
    """Who would deny a claim: its actor (agent, owner), the accused of an accusation, or for a
    statement what it is about. An accuser does not deny its own accusation."""
    if claim_type == "ACCUSE":
        return [arguments["target"]] if "target" in arguments else []
    return [arguments[r] for r in ACTOR_ROLES if r in arguments] or \
        [v for k, v in arguments.items() if k.startswith("about")]


def in_window(denial: Optional[str], first: Optional[str], last: Optional[str]) -> bool:
    d, f, l = day(denial), day(first), day(last or first)
    if d is None or f is None or l is None:
        return False
    return f - DAYS_BEFORE <= d <= l + DAYS_AFTER


def is_outlet(origin: Origin) -> bool:
    return origin.type in OUTLET_KINDS or origin.key.startswith(("story:", "anon:")) or is_outlet_name(origin.name)


def link(allegations: list[ClaimSummary], denials: Iterable[ClaimSummary], roles: dict[str, dict[str, str]],
         keys: dict[str, set[str]], items: dict[str, str]) -> None:
    """Add to each allegation the denials (mentions of DENY claims) that answer it: their deniers to
    `denied_by`, their quotes to `evidence` (stance `denies`).

    roles: per claim id, its argument keys by role (`claims.arguments`; a summary holds readable names).
    keys: per claim id, every argument key it holds (`claim_keys`: "actor:CN" for a Chinese actor).
    items: per claim id, the words of its item (a statement: its content).
    """
    # Each denial row with its agent and the agent's country, read once (not once per allegation).
    rows = [(d, e, agent, key_country(agent)) for d in denials
            for agent in (roles.get(d.id, {}).get("agent", ""),) for e in d.evidence if e.stance == "supports"]
    for claim in allegations:
        if claim.type not in DENIABLE:
            continue
        actors = set(answering_keys(claim.type, roles.get(claim.id, {})))
        countries = {c for c in map(key_country, actors) if c}
        if claim.type != "ACCUSE":  # "actor:CN": the claim's actor is Chinese (a company the article calls so)
            countries |= {k.split(":", 1)[1] for k in keys.get(claim.id, ()) if k.startswith("actor:")}
        asserting = {o.key for o in claim.origins}
        shown = {(e.document_id, e.record_id) for e in claim.evidence}
        for denial, row, agent, agent_country in rows:
            if agent not in actors and agent_country not in countries:
                continue
            if (row.document_id, row.record_id) in shown or not in_window(row.date, claim.first_seen, claim.last_seen):
                continue
            if not answers(row.quote.text, items.get(claim.id) or claim.label, row.document_id in claim.articles,
                           remark=claim.type == "STATEMENT"):
                continue
            _add(claim, row, asserting, agent_origin(agent, denial.arguments.get("agent", agent)))


def _add(claim: ClaimSummary, row: Evidence, asserting: set[str], agent: Origin) -> None:
    origin = denier(row.origin)
    if is_outlet(origin) and agent.key:
        origin = agent  # the outlet that reports the denial is not the denier: the denial's agent is
    claim.evidence.append(Evidence(claim_id=claim.id, document_id=row.document_id, record_id=row.record_id,
                                   stance="denies", certainty=row.certainty, polarity=row.polarity, quote=row.quote,
                                   chain=row.chain, origin=origin, date=row.date, lang=row.lang, url=row.url,
                                   outlet=row.outlet, title=row.title))
    if (row.certainty in ASSERTED and not is_outlet(origin) and origin.key not in asserting
            and origin.key not in {o.key for o in claim.denied_by}):
        claim.denied_by.append(origin)


def agent_origin(key: str, name: str) -> Origin:
    """A denial's agent as its denier: a state's spokesperson named only in words ("the foreign ministry
    spokesperson of China") is the state; all bodies of one state are one voice."""
    country = key_country(key)
    if not key.startswith(("state:", "ent:")) and country and is_state_role(name):
        return Origin(f"state:{country}", state_name(country), "organization")
    return Origin(key, name, "organization")


def denier(origin: Origin) -> Origin:
    """A state's voice listed as the state ("Lin Jian (Government of China)" -> "Government of China")."""
    name = origin.name
    if origin.key.startswith("state:") and name.endswith(")") and "(" in name:
        name = name[name.rindex("(") + 1:-1]
    return Origin(origin.key, name, origin.type)


def asserted_deniers(claim: ClaimSummary) -> list[Origin]:
    """The claim's deniers less outlets (the paper reporting a denial is not the one denying)."""
    return [o for o in claim.denied_by if not is_outlet(o)]


__all__ = ["asserted_deniers", "day", "denier", "in_window", "is_outlet", "link"]
