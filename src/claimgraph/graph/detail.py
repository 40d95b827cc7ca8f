"""One claim, one article's claims, one entity's claims: the reads behind `claimgraph show`, the API and the pages.

A claim in full is its summary (graph.query) with its evidence, the relay
tree of each origin (who passed the words on, down to the articles that
print them), and a timeline of its articles by month, for and against.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from sqlalchemy import Connection, and_, exists, select

from claimgraph.graph.brief_tidy import whole_names
from claimgraph.graph.cue_names import is_cue_words
from claimgraph.graph.keys import is_pronoun
from claimgraph.graph.query import (claim_ids_for_keys, keys_for_name, keys_in_question, recent_claim_ids,
                                    select_claim_ids, summaries)
from claimgraph.model.claims import ClaimSummary, Evidence
from claimgraph.store import tables as t

# Evidence rows a claim's page lists per stance (the first, in date order); the rest are counted.
EVIDENCE_SHOWN = 100
ACTOR_ROLES = ("agent", "owner", "recipient", "target", "owned", "partner", "via")


@dataclass(slots=True)
class RelayNode:
    """A node of a relay tree: an origin, a source that passed its words on, or an article printing them."""

    label: str
    kind: str  # origin | relay | article
    document_id: Optional[str] = None
    date: Optional[str] = None
    quote_start: Optional[int] = None
    quote_end: Optional[int] = None
    stance: Optional[str] = None
    speaker: Optional[str] = None  # an article's own words for the origin ("l'officiel"), when not its name
    counted: bool = True  # False: a hedged denial or a question, which the claim's counts leave out
    children: list["RelayNode"] = field(default_factory=list)

    def child(self, label: str, kind: str) -> "RelayNode":
        for node in self.children:
            if node.label == label and node.kind == kind:
                return node
        node = RelayNode(label, kind)
        self.children.append(node)
        return node

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "kind": self.kind}
        if self.kind == "article":
            out.update(document_id=self.document_id, date=self.date, stance=self.stance,
                       quote={"start": self.quote_start, "end": self.quote_end})
            if self.speaker:
                out["speaker"] = self.speaker
            if not self.counted:
                out["counted"] = False
        out["children"] = [c.to_dict() for c in self.children]
        return out


@dataclass(slots=True)
class ClaimDetail:
    claim: ClaimSummary
    relay_trees: list[RelayNode]
    timeline: list[tuple[str, int, int]]  # (YYYY-MM, articles for, articles against)

    def to_dict(self) -> dict[str, Any]:
        return {**self.claim.to_dict(with_evidence=True), "relay_trees": [r.to_dict() for r in self.relay_trees],
                "timeline": [{"month": m, "supports": s, "denies": d} for m, s, d in self.timeline]}


def relay_trees(evidence: list[Evidence], names: Optional[dict[str, str]] = None) -> list[RelayNode]:
    """Per origin, the chains its words travelled: origin -> relaying sources (innermost first) -> article.

    A chain's first link is who speaks: the origin itself ("he", "l'officiel", "spokesperson Lin Jian"), never a
    relay; it is shown on the article as the words the article names the origin by. A relay is a later link that
    names someone else: an unnamed pronoun or common noun ("il", "des spéculations") relays nothing. `names`: the
    claim's own name of each origin (origin key -> name: "Government of the United States", whoever of its voices
    speaks first); a row whose voice has another name shows it on its article ("as «Matthew Miller»")."""
    roots: dict[str, RelayNode] = {}
    articles: dict[int, set[str]] = {}  # per node (by id; every node lives in `roots`): its article leaves
    for e in evidence:
        root = roots.setdefault(e.origin.key, RelayNode((names or {}).get(e.origin.key, e.origin.name), "origin"))
        node = root
        seen = {_fold(root.label), _fold(_head(root.label))}
        speaking = {_fold(e.chain[0].text), _fold(e.chain[0].name or "")} if e.chain else set()
        for link in e.chain[1:]:
            if not link.name and (is_pronoun(link.text) or not link.text[:1].isupper()):
                continue
            label = link.name or link.text
            if _fold(label) in seen | speaking or _fold(_head(label)) in seen:
                continue
            seen.add(_fold(label))
            node = node.child(label, "relay")
        leaves = articles.get(id(node))
        if leaves is None:
            leaves = articles[id(node)] = {c.document_id for c in node.children if c.kind == "article"}
        if e.document_id in leaves:
            continue  # one leaf per article and path: its first quote (in date order) is the one linked
        leaves.add(e.document_id)
        speaker = e.chain[0].text if e.chain else (_head(e.origin.name) if e.origin.name != root.label else None)
        named = e.chain[0].name if e.chain else None
        if speaker and (is_pronoun(speaker) or is_cue_words(speaker) or _fold(speaker) in seen or (named and _fold(named) in seen)
                        or _fold(_head(root.label)).endswith(_fold(speaker))):
            speaker = None
        node.children.append(RelayNode(e.outlet or e.title or e.document_id[:12], "article", document_id=e.document_id,
                                       date=e.date, quote_start=e.quote.start, quote_end=e.quote.end, stance=e.stance,
                                       speaker=speaker, counted=_counted(e)))
    return list(roots.values())


def _counted(row: Evidence) -> bool:
    """Whether a row counts as its stance: a hedged denial ("could refrain from exporting arms") is no denier, and a
    question or supposition supports nothing."""
    if row.stance == "supports":
        return row.certainty != "underspecified"
    return row.certainty in ("certain", "probable")


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").strip(' "«»“”.,').split())


def _head(label: str) -> str:
    """An origin's name without its note: "Lin Jian (Government of China)" -> "Lin Jian"."""
    return label.split(" (", 1)[0]


def claim_timeline(connection: Connection, claim_id: str) -> list[tuple[str, int, int]]:
    """The claim's articles per month, for and against (an article holding both counts in both)."""
    cd = t.claim_documents
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for date, supports, denies in connection.execute(select(cd.c.date, cd.c.supports, cd.c.denies)
                                                     .where(cd.c.claim_id == claim_id, cd.c.date.is_not(None))):
        month = months[date[:7]]
        month[0] += 1 if supports else 0
        month[1] += 1 if denies else 0
    return [(m, s, d) for m, (s, d) in sorted(months.items())]


def evidence_timeline(evidence: list[Evidence]) -> list[tuple[str, int, int]]:
    """Articles per month, for and against, of the evidence a brief shows (its linked denials too)."""
    months: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for e in evidence:
        if e.date:
            months[e.date[:7]][0 if e.stance == "supports" else 1].add(e.document_id)
    return [(m, len(s), len(d)) for m, (s, d) in sorted(months.items())]


def claim_extras(claim: ClaimSummary) -> dict[str, Any]:
    """What a brief shows of a claim beyond its summary: relay trees and timeline (JSON-ready)."""
    names = {o.key: o.name for o in [*claim.origins, *claim.denied_by]}
    return {"relay_trees": [r.to_dict() for r in relay_trees(claim.evidence, names)],
            "timeline": [{"month": m, "supports": s, "denies": d} for m, s, d in evidence_timeline(claim.evidence)]}


def claim_detail(connection: Connection, claim_id: str, evidence_limit: int = EVIDENCE_SHOWN) -> Optional[ClaimDetail]:
    found = summaries(connection, [claim_id], with_evidence=True, evidence_limit=evidence_limit)
    if not found:
        return None
    claim = found[0]
    whole_names([claim])  # "article «... ce que l'on sait »": a cut title cut at a word
    names = {o.key: o.name for o in [*claim.origins, *claim.denied_by]}
    return ClaimDetail(claim, relay_trees(claim.evidence, names), claim_timeline(connection, claim_id))


def contested_claim_ids(connection: Connection, limit: int = 10) -> list[str]:
    """The most evidenced claims that a named origin denies (walked off the evidence index)."""
    c, o = t.claims, t.claim_origins
    denied = exists().where(o.c.claim_id == c.c.id, o.c.stance == "denies")
    return list(connection.execute(select(c.c.id).where(denied).order_by(c.c.n_evidence.desc(), c.c.seq.desc())
                                   .limit(limit)).scalars())


def document_claims(connection: Connection, document_id: str) -> dict[str, list[dict[str, Any]]]:
    """An article's records (`a3`, `v2`) -> the claims they are evidence of (id, label, type, stance)."""
    e, c = t.evidence, t.claims
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in connection.execute(select(e.c.record_id, e.c.claim_id, e.c.stance, c.c.label, c.c.type)
                                .join(c, c.c.id == e.c.claim_id).where(e.c.document_id == document_id)
                                .order_by(e.c.id)):
        for record in r.record_id.split("@"):  # "v2@a3": event v2 as attribution a3 reports it
            out[record].append({"claim_id": r.claim_id, "label": r.label, "type": r.type, "stance": r.stance})
    return dict(out)


@dataclass(slots=True)
class EntityClaims:
    """An entity's claims by the role it plays in them, and the actors it shares claims with."""

    by_role: list[tuple[str, list[ClaimSummary]]]
    neighbours: list[dict[str, Any]]  # {key, name, claims, types}: other actors of those claims

    def to_dict(self) -> dict[str, Any]:
        return {"by_role": [{"role": role, "claims": [c.to_dict(with_evidence=False) for c in claims]}
                            for role, claims in self.by_role],
                "neighbours": self.neighbours}


def entity_claims(connection: Connection, name: str, limit: int = 40, neighbours: int = 16) -> EntityClaims:
    """The most evidenced claims naming `name` (any alias, any language), grouped by its role in them."""
    keys = keys_for_name(connection, name)
    ids = select_claim_ids(connection, entity=name, limit=limit) if recent_claim_ids(connection, keys, 1) else []
    found = summaries(connection, ids, with_evidence=False)
    arguments = {r.id: json.loads(r.arguments) for r in connection.execute(
        select(t.claims.c.id, t.claims.c.arguments).where(t.claims.c.id.in_(ids)))} if ids else {}
    by_role: dict[str, list[ClaimSummary]] = {}
    linked: Counter[str] = Counter()
    names: dict[str, str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for claim in found:
        roles = [role for role, key in arguments.get(claim.id, {}).items() if key in keys]
        role = roles[0] if roles else "mentioned"
        by_role.setdefault("about" if role.startswith("about") else role, []).append(claim)  # about0, about1 ...
        for role, key in arguments.get(claim.id, {}).items():
            if key in keys or key.startswith(("txt:", "any")) or role not in ACTOR_ROLES:
                continue
            linked[key] += 1
            names.setdefault(key, claim.arguments.get(role, key))
            types[key].add(claim.type)
    order = {role: i for i, role in enumerate(ACTOR_ROLES)}
    roles = sorted(by_role.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
    return EntityClaims(roles, [{"key": key, "name": names[key], "claims": n, "types": sorted(types[key])}
                                for key, n in linked.most_common(neighbours)])


def search_claim_ids(connection: Connection, query: str, limit: int = 15) -> list[str]:
    """Claims for a search box: those naming an entity or group the query names (through every alias),
    else those whose label holds every word of the query; most evidenced first."""
    keys = keys_in_question(connection, query)
    if keys:
        ids = claim_ids_for_keys(connection, keys, limit)
        if ids:
            return ids
    c = t.claims
    terms = [w for w in re.findall(r"\w+", query) if len(w) > 2][:6]
    if not terms:
        return []
    condition = and_(*(c.c.label.ilike(f"%{w}%") for w in terms))
    return list(connection.execute(select(c.c.id).where(condition).order_by(c.c.n_evidence.desc(), c.c.seq.desc())
                                   .limit(limit)).scalars())
