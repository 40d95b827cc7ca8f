"""What a brief counts as carrying an allegation: the articles that support it, not those that deny it.

A claim's stored articles are every article with a row of it, for or against. In a brief the
"articles" of an allegation (its table column, its header, the verdict's "in N articles") are the
articles that carry it: an allegation two articles make and twelve articles deny is in two articles,
and its denials are counted with its deniers (`graph.denials` adds their rows, not their articles).
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from claimgraph.graph.denials import answering_keys
from claimgraph.graph.firmness import open_question
from claimgraph.graph.keys import key_country
from claimgraph.model.claims import ClaimSummary
from claimgraph.store import tables as t


def supporting_articles(connection: Connection, claims: list[ClaimSummary]) -> None:
    """Set each claim's `articles` (in their stored order) and `languages` to those of the articles with a supporting
    row of it; a claim no article supports (only denied) keeps all of its articles."""
    if not claims:
        return
    cd = t.claim_documents
    carried: dict[str, dict[str, str]] = defaultdict(dict)
    query = select(cd.c.claim_id, cd.c.document_id, cd.c.lang).where(cd.c.claim_id.in_([c.id for c in claims]),
                                                                       cd.c.supports > 0)
    for row in connection.execute(query):
        carried[row.claim_id][row.document_id] = row.lang
    for claim in claims:
        kept = carried.get(claim.id)
        if not kept:
            continue
        claim.articles = [a for a in claim.articles if a in kept] + sorted(a for a in kept if a not in claim.articles)
        claim.languages = sorted(set(kept.values()))


def supported_dates(claims: list[ClaimSummary]) -> None:
    """Set each claim's first and last seen to the dates of its supporting rows, when it has dated ones: an allegation
    first made in September is not "first seen" at a July denial of something like it that the brief links to it
    (its timeline still shows both)."""
    for claim in claims:
        dates = sorted(e.date for e in claim.evidence if e.stance == "supports" and e.date)
        if dates:
            claim.first_seen, claim.last_seen = dates[0], dates[-1]


def questions_undenied(claims: list[ClaimSummary]) -> None:
    """Take the denials off each inquiry: a statement no origin asserts whose words ask what they do not answer
    (`open_question`, `open_questions` in lang/<code>/brief.yaml)."""
    for claim in claims:
        if claim.type == "STATEMENT" and not claim.origins and open_question(claim.label):
            claim.denied_by = []
            claim.evidence = [e for e in claim.evidence if e.stance == "supports"]



def denied_by_party(claim: ClaimSummary, roles: dict[str, dict[str, str]]) -> bool:
    """Whether a denier of `claim` speaks for its actor (the same key, or the same country)."""
    actors = set(answering_keys(claim.type, roles.get(claim.id, {})))
    countries = {c for c in map(key_country, actors) if c}
    return any(o.key in actors or key_country(o.key) in countries for o in claim.denied_by)


__all__ = ["denied_by_party", "questions_undenied", "supported_dates", "supporting_articles"]
