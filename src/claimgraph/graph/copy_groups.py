"""Which copy group an article joins (graph/update.py): the stored articles it copies (shared shingles through LSH
bands, or a translation within a date window) and the group's first article, re-rooting a younger group an article
bridges to the elder. Split from graph/update.py (2026-12-08)."""
from __future__ import annotations

import numpy as np
from sqlalchemy import Connection, bindparam, select

from claimgraph.graph import copies
from claimgraph.graph.embed import Embedder, from_blobs
from claimgraph.graph.origins import STORY_PREFIXES
from claimgraph.model import Analysis
from claimgraph.store import tables as t

COPY_CANDIDATES = 50
TRANSLATION_CANDIDATES = 500
_G = t.graph_documents
_BANDED = (select(t.graph_bands.c.document_id).where(t.graph_bands.c.band.in_(bindparam("bands", expanding=True)))
           .distinct().limit(COPY_CANDIDATES))
_DATED = select(_G.c.document_id, _G.c.vector, _G.c.lang)
_DATED_BETWEEN = _DATED.where(_G.c.date >= bindparam("low"), _G.c.date <= bindparam("high")).limit(TRANSLATION_CANDIDATES)
_DATED_IN = _DATED.where(_G.c.date.in_(bindparam("dates", expanding=True))).limit(TRANSLATION_CANDIDATES)
_TEXTS = select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(bindparam("ids", expanding=True)))
_ROOTS = select(_G.c.root_id).where(_G.c.document_id.in_(bindparam("ids", expanding=True)))
_POSITIONS = select(_G.c.document_id, _G.c.position).where(_G.c.document_id.in_(bindparam("ids", expanding=True)))


def copies_of(connection: Connection, analysis: Analysis, fingerprint: copies.Fingerprint,
              embedder: Embedder) -> list[tuple[str, str, float]]:
    """The stored articles this one copies: shared shingles (LSH bands), or a translation in a date window."""
    doc = analysis.document
    found: list[tuple[str, str, float]] = []
    if fingerprint.bands:
        candidates = list(connection.execute(_BANDED, {"bands": list(fingerprint.bands)}).scalars())
        for other_id, text in _texts(connection, candidates):
            score = copies.containment(fingerprint.shingles, copies.shingles(text))
            if score >= copies.CONTAINMENT_THRESHOLD:
                found.append((other_id, "minhash", round(score, 4)))
    window = copies.date_window(doc.date)
    if fingerprint.vector is not None and window is not None:
        # Two indexed lookups on date (a range, and the same month/year for partial dates) rather
        # than one OR, which would make SQLite walk the whole table.
        rows = list(connection.execute(_DATED_BETWEEN, {"low": window[0], "high": window[1]}))
        rows += list(connection.execute(_DATED_IN, {"dates": sorted({doc.date[:7], doc.date[:4]})}))
        rows = [r for r in rows if r.lang != doc.lang and r.vector is not None]
        if rows:
            scores = from_blobs([r.vector for r in rows]) @ fingerprint.vector
            close = list(dict.fromkeys(rows[i].document_id for i in np.argsort(-scores)[:5]
                                       if scores[i] >= copies.TRANSLATION_PREFILTER))
            for other_id, text in _texts(connection, close):
                same, score = copies.is_translation(doc.text, text, embedder)
                if same:
                    found.append((other_id, "embedding", round(score, 4)))
    return found


def _texts(connection: Connection, ids: list[str]) -> list[tuple[str, str]]:
    if not ids:
        return []
    rows = connection.execute(_TEXTS, {"ids": list(ids)})
    return sorted((r.id, r.text) for r in rows)


def root_for(connection: Connection, document_id: str, found: list[tuple[str, str, float]]) -> str:
    """The copy group's first article; when this article bridges two groups, the younger joins the elder."""
    if not found:
        return document_id
    g = t.graph_documents
    roots = {r.root_id for r in connection.execute(_ROOTS, {"ids": [f[0] for f in found]})}
    if not roots:
        return document_id
    ranked = sorted(connection.execute(_POSITIONS, {"ids": sorted(roots)}), key=lambda r: r.position)
    eldest = ranked[0].document_id
    for younger in [r.document_id for r in ranked[1:]]:
        connection.execute(g.update().where(g.c.root_id == younger).values(root_id=eldest))
        for prefix in STORY_PREFIXES:
            connection.execute(t.evidence.update().where(t.evidence.c.origin_key == f"{prefix}{younger}")
                               .values(origin_key=f"{prefix}{eldest}"))
    return eldest
