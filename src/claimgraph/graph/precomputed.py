"""Claim summaries kept as listings show them (`claim_summaries`), so that `claims` and `brief` read one row
per claim.

Computing a summary (`graph.listing`) reads every article and named origin of
the claim and resolves its own voices onto copy groups and wires: about 400
articles and 140 origins for each of the 50 most evidenced claims of a
100k-article store, 2.5 s for a listing on a loaded machine. What it depends
on changes only when the graph takes an article in, so it is kept:

* taking an article in (`mark_article`, in the article's transaction) marks
  stale the claims the article is evidence of and, when the article may have
  changed its copy group (it joined two groups, or brought a byline), every
  claim the group tells in its own voice (`story:`/`anon:` rows keyed on the
  group's root, which joining groups re-keys onto the elder root);
* a stale claim has no summary row and a row in `claim_summaries_stale`;
  `refresh` (run by `graph.sync` after the articles, and by the migration)
  computes them again, batch by batch, one transaction each, so a killed
  sync leaves them to the next;
* taking articles back (`rewind`, `rebuild`, a retaken graph) deletes their
  claims, and both tables' rows go with them (ON DELETE CASCADE);
* the rules that compute a summary live in code: the kept rows carry the
  hash of that code (`RULES_VERSION`), and rows of other rules are never
  read; `refresh` recomputes them all.

A reader never waits for a refresh: a claim without a current row is
computed on the spot, with the same function, so a listing is always what
`graph.listing` says now (`tests/test_graph_precomputed.py`).
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Connection, Engine, func, select

from claimgraph.graph.listing import Listed, live_summaries
from claimgraph.model.claims import ClaimSummary, Origin
from claimgraph.store import tables as t

REFRESH_BATCH = 500
# The code a summary follows from: the listing and its origin rules, the aggregates they read, how
# origins and wires are named, and the summary's own shape.
RULE_SOURCES = ("graph/listing.py", "graph/listed_voices.py", "graph/origin_rules.py", "graph/aggregates.py",
                "graph/origins.py", "graph/press.py", "graph/keys.py", "graph/state_names.py", "graph/source_roles.py",
                "graph/denials.py", "graph/precomputed.py", "model/claims.py")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of `RULE_SOURCES`: a change to how a summary is computed makes every kept one stale."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in RULE_SOURCES:
        digest.update(name.encode())
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def mark_claims(connection: Connection, claim_ids: list[str]) -> None:
    """Forget the kept summaries of `claim_ids` and queue them for `refresh`."""
    s, stale = t.claim_summaries, t.claim_summaries_stale
    for start in range(0, len(claim_ids), REFRESH_BATCH):
        chunk = claim_ids[start:start + REFRESH_BATCH]
        connection.execute(s.delete().where(s.c.claim_id.in_(chunk)))
        connection.execute(stale.delete().where(stale.c.claim_id.in_(chunk)))
        connection.execute(stale.insert(), [{"claim_id": claim_id} for claim_id in chunk])


def mark_article(connection: Connection, document_id: str, regrouped_root: Optional[str] = None) -> None:
    """After an article is taken in: its claims are stale, and with `regrouped_root` (its copy group, which it
    may have changed) so is every claim that group tells in its own voice."""
    e = t.evidence
    ids = set(connection.execute(select(e.c.claim_id).where(e.c.document_id == document_id).distinct()).scalars())
    if regrouped_root is not None:
        own = [f"story:{regrouped_root}", f"anon:{regrouped_root}"]
        ids.update(connection.execute(select(e.c.claim_id).where(e.c.origin_key.in_(own)).distinct()).scalars())
    if ids:
        mark_claims(connection, sorted(ids))


def refresh(connection: Connection, batch: int = REFRESH_BATCH) -> int:
    """Compute one batch of stale summaries (all of them first, when the kept ones follow other rules).

    RETURNS (int): the number of claims taken off the queue (0: none is stale).
    """
    s, stale = t.claim_summaries, t.claim_summaries_stale
    if _kept_rules(connection) != rules_version():
        _restart(connection)
    ids = list(connection.execute(select(stale.c.claim_id).order_by(stale.c.claim_id).limit(batch)).scalars())
    if not ids:
        return 0
    listed = live_summaries(connection, ids)
    connection.execute(s.delete().where(s.c.claim_id.in_(ids)))
    if listed:
        connection.execute(s.insert(), [_row(claim_id, item) for claim_id, item in listed.items()])
    connection.execute(stale.delete().where(stale.c.claim_id.in_(ids)))
    return len(ids)


def refresh_all(engine: Engine) -> int:
    """Compute every stale summary, one transaction per batch. RETURNS (int): the claims refreshed."""
    done = 0
    while True:
        with engine.begin() as connection:
            count = refresh(connection)
        if not count:
            return done
        done += count


def kept_summaries(connection: Connection, claim_ids: list[str], with_voices: bool) -> dict[str, Listed]:
    """The kept, current summaries of `claim_ids` (a claim that has none is left out)."""
    if not claim_ids or _kept_rules(connection) != rules_version():
        return {}
    c, s = t.claims, t.claim_summaries
    columns = [c.c.id, c.c.type, c.c.label, c.c.names, s.c.origins, s.c.denied_by, s.c.languages, s.c.first_seen,
               s.c.last_seen, s.c.certainty, s.c.n_rows, s.c.articles]
    if with_voices:
        columns.append(s.c.voice_origins)
    out = {}
    for r in connection.execute(select(*columns).join(s, s.c.claim_id == c.c.id).where(c.c.id.in_(sorted(set(claim_ids))))):
        summary = ClaimSummary(
            id=r.id, type=r.type, label=r.label, arguments=json.loads(r.names),
            origins=[Origin(*o) for o in json.loads(r.origins)], denied_by=[Origin(*o) for o in json.loads(r.denied_by)],
            articles=json.loads(r.articles), languages=json.loads(r.languages), first_seen=r.first_seen,
            last_seen=r.last_seen, certainty=r.certainty)
        voices = {int(k): tuple(v) for k, v in json.loads(r.voice_origins).items()} if with_voices else {}
        out[r.id] = Listed(summary, voices, r.n_rows)
    return out


def create(connection: Connection) -> None:
    """Migration step: the tables, every claim queued (the next sync computes them), the rules in force."""
    t.metadata.create_all(connection, tables=[t.claim_summaries, t.claim_summaries_stale, t.claim_summary_rules],
                          checkfirst=True)
    _restart(connection)


def _restart(connection: Connection) -> None:
    """Every kept summary dropped and every claim queued, under the rules of this code."""
    s, stale, rules = t.claim_summaries, t.claim_summaries_stale, t.claim_summary_rules
    connection.execute(s.delete())
    connection.execute(stale.delete())
    connection.execute(stale.insert().from_select(["claim_id"], select(t.claims.c.id)))
    connection.execute(rules.delete())
    connection.execute(rules.insert().values(version=rules_version()))


def _kept_rules(connection: Connection) -> Optional[str]:
    rules = t.claim_summary_rules
    return connection.execute(select(func.max(rules.c.version))).scalar()


def _row(claim_id: str, item: Listed) -> dict[str, Any]:
    summary = item.summary
    return dict(claim_id=claim_id, origins=_triples(summary.origins), denied_by=_triples(summary.denied_by),
                languages=json.dumps(summary.languages), first_seen=summary.first_seen, last_seen=summary.last_seen,
                certainty=summary.certainty, n_rows=item.rows, articles=json.dumps(summary.articles),
                voice_origins=json.dumps({str(k): list(v) for k, v in item.voice_origins.items()}, ensure_ascii=False))


def _triples(origins: list[Origin]) -> str:
    return json.dumps([[o.key, o.name, o.type] for o in origins], ensure_ascii=False)
