"""Claims summarised from their aggregates as the graph stands now: what `graph.precomputed` keeps, and the
reference every kept summary must equal.

Counts, dates and origins come from the claims' aggregates
(`graph.aggregates`: one row per article and per named origin, not per
evidence row); story origins are resolved onto their copy group and wire
(`graph.listed_voices`), and counted by the origin rules (`graph.origin_rules`).
The work grows with the claims' articles and distinct origins, which is why
listings read these summaries precomputed, and compute here only the claims
whose summary is not kept (yet).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import Connection, select

from claimgraph.graph.aggregates import order_key
from claimgraph.graph.listed_voices import CLAIM, DENIES, ID, ORIGIN, SUPPORTS, Triple, listed_documents, resolve_voices
from claimgraph.graph.origin_rules import claim_summary, quoted_rows, read_quotes
from claimgraph.model.claims import ClaimSummary
from claimgraph.store import tables as t


@dataclass(slots=True)
class Listed:
    """A claim's summary without evidence, with what showing its evidence needs."""

    summary: ClaimSummary
    voice_origins: dict[int, Triple]  # evidence id of each own-voice row (`story:`/`anon:`) -> the origin it counts as
    rows: int  # its evidence rows, for and against


def live_summaries(connection: Connection, claim_ids: list[str]) -> dict[str, Listed]:
    """The summaries of the claims of `claim_ids` that exist, by claim id, computed now from their aggregates."""
    c, co = t.claims, t.claim_origins
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    rows = {r.id: r for r in connection.execute(
        select(c.c.id, c.c.type, c.c.label, c.c.names).where(c.c.id.in_(ids)))}
    docs = listed_documents(connection, ids)
    voices, cited = resolve_voices(connection, ids, docs)
    spans = _spans([d[CLAIM] for d in docs])
    # Each claim's named origins, at their first row.
    named = connection.execute(select(co.c.claim_id, co.c.stance, co.c.origin_key, co.c.origin_name, co.c.origin_type,
                                      co.c.certainty, co.c.first_date, co.c.first_id).where(co.c.claim_id.in_(ids))
                               .order_by(co.c.claim_id)).all()
    named_spans = _spans([n[0] for n in named])
    # The words of the rows the same-quote rule compares (claims with an unnamed and a named speaker only).
    quotes = read_quotes(connection, [row for claim_id in ids if claim_id in rows for row in quoted_rows(
        named[slice(*named_spans.get(claim_id, (0, 0)))], voices[slice(*spans.get(claim_id, (0, 0)))])])
    key = order_key(connection.dialect.name)
    listing: dict[Triple, tuple[Triple, tuple[bool, bool]]] = {}  # each origin as listed, computed once
    out = {}
    for claim_id in ids:
        row = rows.get(claim_id)
        if row is None:
            continue
        first, last = spans.get(claim_id, (0, 0))
        start, stop = named_spans.get(claim_id, (0, 0))
        summary, items = claim_summary(row, docs[first:last], voices[first:last], cited[first:last], named[start:stop],
                                       key, listing, quotes)
        out[claim_id] = Listed(summary, {i[2][ID]: i[2][ORIGIN] for i in items if i[2] is not None},
                               sum(d[SUPPORTS] + d[DENIES] for d in docs[first:last]))
    return out


@contextmanager
def bulk() -> Iterator[None]:
    """A listing builds tens of thousands of small objects that all stay alive until it returns: the
    cyclic garbage collector, which would walk them again and again, is held off meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _spans(column: list[str]) -> dict[str, tuple[int, int]]:
    """Where each claim's rows start and stop in rows grouped by claim (`column`: their claim ids)."""
    starts = [i for i in range(len(column)) if i == 0 or column[i] != column[i - 1]] + [len(column)]
    return {column[start]: (start, stop) for start, stop in zip(starts, starts[1:])}
