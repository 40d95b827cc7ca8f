"""Read the graph: claims with their independent origins, denials, articles, languages, dates and evidence.

Which claims: `graph.lookup` (by entity, type, date, question keys; bounded
and indexed). Their summaries: kept per claim by graph sync
(`graph.precomputed`), so a listing reads one row per claim; a claim whose
summary is stale is computed on the spot from its aggregates
(`graph.listing`), so a listing never shows a stale count. Quoted evidence,
when asked for, is read from the evidence itself: the first rows of each
stance in date order, off the (claim, stance, date, id) index, in one
statement for every listed claim.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Optional

from sqlalchemy import Connection, select, union_all

from claimgraph.graph.aggregates import order_key
from claimgraph.graph.listing import Listed, bulk, live_summaries
from claimgraph.graph.lookup import (RECENT_PER_KEY, claim_ids_for_keys, keys_for_name, keys_in_question,
                                     recent_claim_ids, select_claim_ids)
from claimgraph.graph.origins import STORY_PREFIXES
from claimgraph.graph.precomputed import kept_summaries
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin
from claimgraph.store import tables as t

__all__ = ["RECENT_PER_KEY", "claim_ids_for_keys", "keys_for_name", "keys_in_question", "recent_claim_ids",
           "select_claim_ids", "summaries"]


def summaries(connection: Connection, claim_ids: list[str], with_evidence: bool = True,
              evidence_limit: Optional[int] = None) -> list[ClaimSummary]:
    """Summaries of `claim_ids`, in that order; with `with_evidence`, their quotes and chains too.

    With `evidence_limit`, at most that many evidence rows per stance and
    claim are read, the first in date order (`ClaimSummary.more_evidence`
    says how many are left out).
    """
    if not claim_ids:
        return []
    with bulk():
        listed = kept_summaries(connection, claim_ids, with_voices=with_evidence)
        missing = [claim_id for claim_id in claim_ids if claim_id not in listed]
        if missing:
            listed.update(live_summaries(connection, missing))
        found = [claim_id for claim_id in dict.fromkeys(claim_ids) if claim_id in listed]
        rows = _evidence_rows(connection, found, evidence_limit) if with_evidence else {}
        out = []
        for claim_id in claim_ids:
            item = listed.get(claim_id)
            if item is None:
                continue
            summary = _fresh(item.summary)
            if with_evidence:
                evidence = rows.get(claim_id, [])
                # A named origin read as another (an outlet's unnamed speaker whose words a named one says,
                # graph.origin_rules) is so at its first row; its other rows follow it.
                renamed = {(x.origin_key, x.origin_name): item.voice_origins[x.id] for x in evidence
                           if x.id in item.voice_origins and not x.origin_key.startswith(STORY_PREFIXES)}
                summary.evidence = [_evidence(x, _origin(x, item, renamed)) for x in evidence]
                summary.more_evidence = item.rows - len(evidence)
            out.append(summary)
        return out


def _fresh(summary: ClaimSummary) -> ClaimSummary:
    """A copy whose lists the caller may change (a brief merges duplicates into the first one)."""
    return ClaimSummary(id=summary.id, type=summary.type, label=summary.label, arguments=dict(summary.arguments),
                        origins=list(summary.origins), denied_by=list(summary.denied_by),
                        articles=list(summary.articles), languages=list(summary.languages),
                        first_seen=summary.first_seen, last_seen=summary.last_seen, certainty=summary.certainty)


def _origin(row: Any, item: Listed, renamed: dict[tuple[str, str], Any]) -> Origin:
    """The origin an evidence row counts as: its own voice's, resolved with the claim, or its named origin (as the
    claim reads it: `renamed`)."""
    if row.origin_key.startswith(STORY_PREFIXES):
        return Origin(*item.voice_origins[row.id])
    found = renamed.get((row.origin_key, row.origin_name))
    return Origin(*found) if found else Origin(row.origin_key, row.origin_name, row.origin_type)


def _evidence_rows(connection: Connection, claim_ids: list[str], limit: Optional[int]) -> dict[str, list[Any]]:
    """Per claim, its evidence rows with their articles in date order (`ORDER BY date, id`): all of them, or the
    first `limit` of each stance (`supports`, `denies`: graph.mentions writes no other), each read off
    ix_evidence_claim_stance with its own LIMIT, every claim and stance in one statement."""
    if not claim_ids:
        return {}
    e, d = t.evidence, t.documents
    if limit is None:
        wanted: Any = select(e.c.id).where(e.c.claim_id.in_(claim_ids))
    else:
        firsts = [select(e.c.id).where(e.c.claim_id == claim_id, stance).order_by(e.c.date, e.c.id).limit(limit)
                  for claim_id in claim_ids for stance in (e.c.stance == "supports", e.c.stance == "denies")]
        # Each member a subquery: SQLite allows ORDER BY / LIMIT in a compound's members only there.
        wanted = union_all(*(select(first.subquery().c.id) for first in firsts))
    key = order_key(connection.dialect.name)
    out: dict[str, list[Any]] = defaultdict(list)
    query = select(e, d.c.url, d.c.source, d.c.title).join(d, d.c.id == e.c.document_id).where(e.c.id.in_(wanted))
    for row in sorted(connection.execute(query), key=lambda r: key(r.date, r.id)):
        out[row.claim_id].append(row)
    return out


def _evidence(r: Any, origin: Origin) -> Evidence:
    return Evidence(claim_id=r.claim_id, document_id=r.document_id, record_id=r.record_id, stance=r.stance,
                    certainty=r.certainty, polarity=r.polarity, quote=Span(r.quote_start, r.quote_end, r.quote_text),
                    chain=tuple(ChainLink.from_dict(x) for x in json.loads(r.chain)), origin=origin, date=r.date,
                    lang=r.lang, url=r.url, outlet=r.source, title=r.title)
