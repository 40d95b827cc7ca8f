"""A statement that says an allegation again joins it in a brief.

An origin that alleges an act often characterises it in the same breath: the alliance that says a
state "supplies dual-use technology" to another also calls it "a decisive enabler" of its war
"through its supply of dual-use technology". The graph keeps such sentences as statements about the
state, apart from the act, and a brief listed the one origin's words as three or four allegations
beside the act. A statement joins an allegation (its rows become the allegation's, for and against)
when all of these hold:

* it is about the allegation's actor (an `about` role holds the actor's key);
* it adds no origin: every origin asserting it asserts the allegation too;
* it says the same thing: one of its rows shares characters with one of the allegation's (one passage
  read twice), or names a class of what the allegation says is supplied (`graph/data/items.yaml`:
  "dual-use technology" beside «technologies à double usage»).

An accusation joins an allegation the same way, when the one it accuses is the allegation's actor (the
state department that says a state "supplies components" to another also "accuses" it "of helping" the
other "rebuild its arms industry", in one passage or naming a class of the item): one allegation by one
origin, not an allegation beside an accusation of it.

Counting is unchanged (no origin is added); the allegation's articles, dates and quotes grow.
"""
from __future__ import annotations

from typing import Any

from claimgraph.graph.assertion import answers
from claimgraph.graph.verdict_denials import alleged_classes
from claimgraph.graph.verdict_scope import named_classes
from claimgraph.model.claims import ClaimSummary

ACTS = ("SUPPLY", "PRODUCE", "DEVELOP", "USE")
ACTOR_ROLES = ("agent", "owner")
# The roles that say whom a statement is about, or whom an accusation accuses.
ABOUT = {"STATEMENT": "about", "ACCUSE": "target"}


def _shares_passage(a: ClaimSummary, b: ClaimSummary) -> bool:
    spans = {(e.document_id, e.quote.start, e.quote.end) for e in b.evidence if e.stance == "supports"}
    return any(e.document_id == d and e.quote.start < end and start < e.quote.end
               for e in a.evidence if e.stance == "supports" for d, start, end in spans)


def _names_item(statement: ClaimSummary, act: ClaimSummary) -> bool:
    alleged = alleged_classes(act)
    return bool(alleged) and any(alleged & named_classes(e.quote.text, e.lang)
                                 for e in statement.evidence if e.stance == "supports")


def joins(statement: ClaimSummary, act: ClaimSummary, roles: dict[str, dict[str, Any]]) -> bool:
    """Whether `statement` (a statement or an accusation) says `act` again (see the module's three conditions)."""
    if statement.type not in ABOUT or act.type not in ACTS or not statement.origins:
        return False
    about = {v for k, v in roles.get(statement.id, {}).items() if k.startswith(ABOUT[statement.type])}
    actors = {roles.get(act.id, {}).get(r) for r in ACTOR_ROLES} - {None}
    if not about & actors:
        return False
    if not {o.key for o in statement.origins} <= {o.key for o in act.origins}:
        return False
    return _shares_passage(statement, act) or _names_item(statement, act)


def _absorb(act: ClaimSummary, statement: ClaimSummary) -> None:
    seen = {(e.document_id, e.record_id, e.stance) for e in act.evidence}
    item = act.arguments.get("item")
    # A denial the statement brings answers the act only as any denial does (graph.assertion.answers): what it
    # names must cover the act's item ("denied sending weapons" does not answer a supply of components), and one
    # that names nothing answers in its own article.
    taken = [e for e in statement.evidence if (e.document_id, e.record_id, e.stance) not in seen and (
        e.stance != "denies" or answers(e.quote.text, item, e.document_id in act.articles))]
    act.evidence += taken
    deniers = {e.origin.key for e in taken if e.stance == "denies"}
    act.more_evidence += statement.more_evidence
    act.articles += [a for a in statement.articles if a not in act.articles]
    act.languages = sorted(set(act.languages) | set(statement.languages))
    act.denied_by += [o for o in statement.denied_by if o.key in deniers and o.key not in {x.key for x in act.denied_by}]
    dates = [d for d in (act.first_seen, statement.first_seen) if d]
    act.first_seen = min(dates) if dates else None
    dates = [d for d in (act.last_seen, statement.last_seen) if d]
    act.last_seen = max(dates) if dates else None


def join_statements(claims: list[ClaimSummary], roles: dict[str, dict[str, Any]]) -> list[ClaimSummary]:
    """`claims` less the statements and accusations that join an allegation among them (the first, in order), which take their
    rows. `roles`: per claim id, its argument keys by role."""
    acts = [c for c in claims if c.type in ACTS and c.origins]
    out = []
    for claim in claims:
        act = next((a for a in acts if joins(claim, a, roles)), None)
        if act is None:
            out.append(claim)
        else:
            _absorb(act, claim)
    return out


__all__ = ["join_statements", "joins"]
