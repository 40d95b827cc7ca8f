"""The graph for other tools: FollowTheMoney entities (Aleph, OpenSanctions tooling), GraphML
(Gephi), CSV (spreadsheets). Every writer streams claims in pages, so the store's size does not
set the memory used."""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterator, Optional

import networkx as nx
from sqlalchemy import Connection, select

from claimgraph.graph.keys import key_country
from claimgraph.graph.query import summaries
from claimgraph.model.claims import ClaimSummary, Evidence
from claimgraph.store import tables as t

PAGE = 500
FORMATS = ("ftm", "graphml", "csv")
# What FtM schema an actor becomes, by its part in claims (owned things must be Assets: Company).
COMMERCIAL_ROLES = {("OWNERSHIP", "owner"), ("OWNERSHIP", "owned"), ("SUPPLY", "agent"), ("SUPPLY", "via"),
                    ("SANCTION", "target"), ("PRODUCE", "agent"), ("DEVELOP", "agent")}


def iter_claims(connection: Connection) -> Iterator[ClaimSummary]:
    ids = list(connection.execute(select(t.claims.c.id).order_by(t.claims.c.seq)).scalars())
    for start in range(0, len(ids), PAGE):
        yield from summaries(connection, ids[start:start + PAGE])


def _entity_types(connection: Connection) -> dict[str, str]:
    rows = connection.execute(select(t.entities.c.name, t.entities.c.type).where(t.entities.c.merged_into.is_(None)))
    return {r.name: r.type for r in rows}


def _argument_keys(connection: Connection, claim_id: str) -> dict[str, str]:
    row = connection.execute(select(t.claims.c.arguments).where(t.claims.c.id == claim_id)).scalar_one()
    return dict(json.loads(row))


def write_ftm(connection: Connection, out: IO[str]) -> int:
    """FollowTheMoney entities, one JSON object per line: actors, then one relation per claim.

    OWNERSHIP -> Ownership, SANCTION -> Sanction, every other claim between
    two actors -> UnknownLink whose `role` says what is alleged; each relation
    carries the claim's status, origins (`publisher`), article urls
    (`sourceUrl`), first/last seen (`startDate`/`endDate`) and, as `proof`,
    the Article entities (title, outlet, date, URL) of the articles printing it.
    """
    from followthemoney import model

    types = _entity_types(connection)
    actors: dict[str, Any] = {}
    written = 0

    def actor(key: str, name: str, commercial: bool) -> Any:
        if key in actors:
            return actors[key]
        kind = types.get(name)
        if key.startswith("state:"):
            schema = "PublicBody"
        elif kind == "PERSON":
            schema = "Person"
        elif kind in ("GPE", "LOC"):
            schema = "Territory"
        else:
            schema = "Company" if commercial else "Organization"
        entity = model.make_entity(schema)
        entity.make_id("claimgraph", key)
        entity.add("name", name)
        country = key_country(key)
        if country and len(country) == 2 and schema != "Territory":
            entity.add("country", country.lower(), quiet=True)
        if key.startswith("grp:"):
            entity.add("notes", "unnamed group, as the articles describe it")
        actors[key] = entity
        return entity

    relations = []
    articles: dict[str, Any] = {}
    for claim in iter_claims(connection):
        keys = _argument_keys(connection, claim.id)
        parties = {role: actor(key, claim.arguments.get(role, key), (claim.type, role) in COMMERCIAL_ROLES)
                   for role, key in keys.items() if not key.startswith(("txt:", "any")) and not role.startswith("about")
                   and role in ("agent", "recipient", "owner", "owned", "target", "via", "partner")}
        relation = _relation(model, claim, parties)
        if relation is not None:
            for e in claim.evidence:
                if e.stance == "supports":  # the articles that print the claim are its proof
                    relation.add("proof", _article(model, e, articles).id)
            relations.append(relation)
    for entity in list(actors.values()) + list(articles.values()) + relations:
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
        written += 1
    return written


def _article(model: Any, evidence: Evidence, articles: dict[str, Any]) -> Any:
    """The FtM Article of an evidence row's article (one per article): title, outlet, date, URL, language."""
    found = articles.get(evidence.document_id)
    if found is None:
        found = articles[evidence.document_id] = model.make_entity("Article")
        found.make_id("claimgraph-article", evidence.document_id)
        found.add("title", evidence.title or evidence.document_id[:12])
        found.add("contentHash", evidence.document_id, quiet=True)
        found.add("publisher", evidence.outlet, quiet=True)
        found.add("publishedAt", evidence.date, quiet=True)
        found.add("sourceUrl", evidence.url, quiet=True)
        found.add("language", evidence.lang, quiet=True)
    return found


def _relation(model: Any, claim: ClaimSummary, parties: dict[str, Any]) -> Optional[Any]:
    if claim.type == "OWNERSHIP" and {"owner", "owned"} <= parties.keys() and parties["owned"].schema.name == "Company":
        relation = model.make_entity("Ownership")
        relation.add("owner", parties["owner"].id)
        relation.add("asset", parties["owned"].id)
    elif claim.type == "SANCTION" and "target" in parties:
        relation = model.make_entity("Sanction")
        relation.add("entity", parties["target"].id)
        relation.add("authority", claim.arguments.get("agent", ""))
    else:
        subject = parties.get("agent") or parties.get("owner")
        other = next((parties[r] for r in ("recipient", "target", "partner", "via", "owned") if r in parties), None)
        if subject is None or other is None or subject.id == other.id:
            return None
        relation = model.make_entity("UnknownLink")
        relation.add("subject", subject.id)
        relation.add("object", other.id)
        relation.add("role", f"alleged {claim.type.lower()}: {claim.label}")
    relation.make_id("claimgraph", claim.id)
    relation.add("recordId", claim.id)
    relation.add("summary", f"{claim.label} — {claim.status}")
    relation.add("status", "denied" if claim.denied_by else ("hedged" if claim.hedged else "asserted"))
    relation.add("publisher", [o.name for o in claim.origins])
    relation.add("sourceUrl", sorted({e.url for e in claim.evidence if e.url}), quiet=True)
    relation.add("startDate", claim.first_seen, quiet=True)
    relation.add("endDate", claim.last_seen, quiet=True)
    if claim.denied_by:
        relation.add("description", "denied by " + "; ".join(o.name for o in claim.denied_by))
    return relation


def build_networkx(connection: Connection) -> nx.MultiDiGraph:
    """Actors, claims, origins and articles as nodes; argument roles, support and denial as edges."""
    graph = nx.MultiDiGraph()
    for claim in iter_claims(connection):
        graph.add_node(claim.id, kind="claim", label=claim.label, type=claim.type, status=claim.status,
                       origins=len(claim.origins), denied=len(claim.denied_by), first_seen=claim.first_seen or "",
                       last_seen=claim.last_seen or "", languages=",".join(claim.languages))
        for role, key in _argument_keys(connection, claim.id).items():
            graph.add_node(key, kind="actor", label=claim.arguments.get(role, key))
            graph.add_edge(key, claim.id, kind=role)
        for evidence in claim.evidence:
            graph.add_node(evidence.origin.key, kind="origin", label=evidence.origin.name)
            graph.add_edge(evidence.origin.key, claim.id, kind=evidence.stance, certainty=evidence.certainty,
                           article=evidence.document_id, date=evidence.date or "")
            graph.add_node(evidence.document_id, kind="article", label=evidence.outlet or evidence.document_id[:12],
                           date=evidence.date or "", lang=evidence.lang)
            graph.add_edge(evidence.document_id, claim.id, kind="mentions", stance=evidence.stance)
    return graph


def write_graphml(connection: Connection, path_or_handle: Any) -> int:
    graph = build_networkx(connection)
    nx.write_graphml(graph, path_or_handle)
    return int(graph.number_of_nodes())


CSV_COLUMNS = ["claim_id", "type", "claim", "status", "independent_origins", "denied_by", "first_seen", "last_seen",
               "document_id", "title", "outlet", "date", "url", "lang", "stance", "certainty", "origin", "chain", "quote"]


def write_csv(connection: Connection, out: IO[str]) -> int:
    """One row per piece of evidence, with its claim's summary repeated (filters and pivots work) and its
    article's provenance: title, outlet, date, URL."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for claim in iter_claims(connection):
        for e in claim.evidence:
            writer.writerow([claim.id, claim.type, claim.label, claim.status, len(claim.origins),
                             "; ".join(o.name for o in claim.denied_by), claim.first_seen, claim.last_seen,
                             e.document_id, e.title, e.outlet, e.date, e.url, e.lang, e.stance, e.certainty, e.origin.name,
                             " <- ".join(link.text for link in e.chain), " ".join(e.quote.text.split())])
            rows += 1
    return rows
