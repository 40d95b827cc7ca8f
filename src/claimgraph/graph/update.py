"""Add one article to the evidence graph, inside the caller's transaction.

The work per article is bounded whatever the store's size: copy candidates
come from indexed LSH bands and a date window, claim candidates from an
indexed block (type + who does what to whom) capped to its newest claims. So
taking in the 100 000th article costs what the 1 000th did
(scripts/bench_graph.py), and replaying every article in order gives the
same graph (`graph.sync.rebuild`).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Optional

import numpy as np
from sqlalchemy import Connection, and_, func, or_, select

from claimgraph.graph import copies
from claimgraph.graph.embed import Embedder, from_blob, to_blob
from claimgraph.graph.keys import fold, key_country
from claimgraph.graph.labels import claim_label
from claimgraph.graph.mentions import BLOCK_ROLES, claim_mentions
from claimgraph.graph.origins import wire_of
from claimgraph.model import Analysis
from claimgraph.model.records import ClaimMention
from claimgraph.store import tables as t

# Cosine between two items (any language) above which they are the same claim; measured on
# tests/gold/claims.json pairs (scripts/eval_graph.py --pairs): see docs/graph.md.
ITEM_THRESHOLD = 0.56
# Contents with no event carry more words, and unrelated contents about the same actors score higher.
STATEMENT_THRESHOLD = 0.72
# When every identifying role is a named organisation or person (Xiamen Limbach -> IEMZ Kupol), the
# block already says which relation it is: the item only has to be related ("L550E engines", "engines").
NAMED_BLOCK_THRESHOLD = 0.3
# The newest claims of a block compared with a new mention (a bound, not a sample: blocks are small).
BLOCK_CAP = 500
COPY_CANDIDATES = 50
TRANSLATION_CANDIDATES = 500


def block_of(mention: ClaimMention) -> str:
    if mention.type == "STATEMENT":
        return "STATEMENT|" + "|".join(sorted(mention.arguments.values()))
    roles = BLOCK_ROLES.get(mention.type, ("agent",))
    return mention.type + "|" + "|".join(f"{r}={mention.arguments.get(r, '-')}" for r in roles)


def claim_id_for(document_id: str, record_id: str) -> str:
    """A claim is named after its first mention, so a replay names it the same."""
    return "c" + hashlib.sha1(f"{document_id}#{record_id}".encode()).hexdigest()[:12]


class GraphUpdater:
    """Take articles into the graph one at a time (`add`), each in the caller's transaction."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    # -- copies and origins -------------------------------------------------

    def add(self, connection: Connection, analysis: Analysis) -> None:
        doc = analysis.document
        position = int(connection.execute(select(func.coalesce(func.max(t.graph_documents.c.position), 0))).scalar_one()) + 1
        fingerprint = copies.fingerprint(doc.text, doc.lang, self.embedder)
        found = self._copies_of(connection, analysis, fingerprint)
        root = self._root_for(connection, doc.id, found)
        connection.execute(t.graph_documents.insert().values(
            document_id=doc.id, position=position, lang=doc.lang, date=doc.date, root_id=root,
            wire=wire_of(analysis), vector=to_blob(fingerprint.vector) if fingerprint.vector is not None else None))
        if fingerprint.bands:
            connection.execute(t.graph_bands.insert(), [{"band": b, "document_id": doc.id} for b in fingerprint.bands])
        if found:
            connection.execute(t.graph_copies.insert(), [
                {"document_id": doc.id, "copy_of": other, "method": method, "score": score}
                for other, method, score in found])
        self._add_claims(connection, analysis, root)

    def _copies_of(self, connection: Connection, analysis: Analysis,
                   fingerprint: copies.Fingerprint) -> list[tuple[str, str, float]]:
        doc = analysis.document
        found: list[tuple[str, str, float]] = []
        if fingerprint.bands:
            candidates = list(connection.execute(
                select(t.graph_bands.c.document_id).where(t.graph_bands.c.band.in_(fingerprint.bands))
                .distinct().limit(COPY_CANDIDATES)).scalars())
            for other_id, text in self._texts(connection, candidates):
                score = copies.containment(fingerprint.shingles, copies.shingles(text))
                if score >= copies.CONTAINMENT_THRESHOLD:
                    found.append((other_id, "minhash", round(score, 4)))
        window = copies.date_window(doc.date)
        if fingerprint.vector is not None and window is not None:
            g = t.graph_documents
            rows = list(connection.execute(
                select(g.c.document_id, g.c.vector).where(
                    g.c.lang != doc.lang, g.c.vector.is_not(None),
                    or_(and_(g.c.date >= window[0], g.c.date <= window[1]), g.c.date.in_([doc.date[:7], doc.date[:4]])))
                .order_by(g.c.position.desc()).limit(TRANSLATION_CANDIDATES)))
            if rows:
                scores = np.stack([from_blob(r.vector) for r in rows]) @ fingerprint.vector
                close = [rows[i].document_id for i in np.argsort(-scores)[:5] if scores[i] >= copies.TRANSLATION_PREFILTER]
                for other_id, text in self._texts(connection, close):
                    same, score = copies.is_translation(doc.text, text, self.embedder)
                    if same:
                        found.append((other_id, "embedding", round(score, 4)))
        return found

    @staticmethod
    def _texts(connection: Connection, ids: list[str]) -> list[tuple[str, str]]:
        if not ids:
            return []
        rows = connection.execute(select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(ids)))
        return sorted((r.id, r.text) for r in rows)

    def _root_for(self, connection: Connection, document_id: str, found: list[tuple[str, str, float]]) -> str:
        """The copy group's first article; when this article bridges two groups, the younger joins the elder."""
        if not found:
            return document_id
        g = t.graph_documents
        roots = {r.root_id for r in connection.execute(select(g.c.root_id).where(g.c.document_id.in_([f[0] for f in found])))}
        if not roots:
            return document_id
        ranked = sorted(connection.execute(select(g.c.document_id, g.c.position).where(g.c.document_id.in_(roots))),
                        key=lambda r: r.position)
        eldest = ranked[0].document_id
        for younger in [r.document_id for r in ranked[1:]]:
            connection.execute(g.update().where(g.c.root_id == younger).values(root_id=eldest))
            connection.execute(t.evidence.update().where(t.evidence.c.origin_key == f"story:{younger}")
                               .values(origin_key=f"story:{eldest}"))
        return eldest

    # -- claims ---------------------------------------------------------------

    def _add_claims(self, connection: Connection, analysis: Analysis, root: str) -> None:
        mentions = claim_mentions(analysis)
        if not mentions:
            return
        items = sorted({m.item for m in mentions if m.item})
        vectors = dict(zip(items, self.embedder.encode(items))) if items else {}
        claim_of: dict[str, str] = {}
        for mention in mentions:
            claim_id = self._claim_for(connection, mention, vectors.get(mention.item) if mention.item else None)
            claim_of.setdefault(mention.record_id, claim_id)
            self._add_evidence(connection, claim_id, mention, mention.stance, root)
            self._add_names(connection, analysis, mention)
        for deny in mentions:
            for target in deny.denies:
                if target in claim_of:
                    self._add_evidence(connection, claim_of[target], deny, "denies", root)

    def _claim_for(self, connection: Connection, mention: ClaimMention, vector: Optional[np.ndarray]) -> str:
        block = block_of(mention)
        c = t.claims
        if mention.type == "STATEMENT" and mention.arguments:
            # Contents name their actors loosely ("China" here, "China, Russia, Ukraine" there):
            # compare with every statement sharing one of them (indexed on claim_keys).
            where = c.c.id.in_(select(t.claim_keys.c.claim_id).where(
                t.claim_keys.c.key.in_(sorted(set(mention.arguments.values())))))
            where = and_(c.c.type == "STATEMENT", where)
        elif block.endswith(("=-", "=any")) and mention.type != "STATEMENT":
            # The last identifying role is missing or universal: any claim that agrees on the others
            # (an indexed range on the block prefix).
            prefix = block[:block.rindex("=") + 1]
            where = and_(c.c.block >= prefix, c.c.block < prefix + "\uffff")
        else:
            where = c.c.block == block
        rows = list(connection.execute(select(c.c.id, c.c.vector).where(where)
                                       .order_by(c.c.seq.desc()).limit(BLOCK_CAP)))
        named = mention.type != "STATEMENT" and all(
            mention.arguments.get(r, "-").startswith("ent:") for r in BLOCK_ROLES.get(mention.type, ("agent",)))
        threshold = STATEMENT_THRESHOLD if mention.type == "STATEMENT" else NAMED_BLOCK_THRESHOLD if named else ITEM_THRESHOLD
        best_id, best = None, -2.0
        for row in rows:
            if vector is None or row.vector is None:
                # No item on one side: the same claim only when both lack one, or the block is named.
                score = 1.0 if (vector is None and row.vector is None) else threshold if named else -1.0
            else:
                score = float(from_blob(row.vector) @ vector)
            if score >= threshold and score > best:
                best_id, best = row.id, score
        if best_id is not None:
            if vector is not None:
                self._move_centroid(connection, str(best_id), vector)
            return str(best_id)
        return self._new_claim(connection, mention, block, vector)

    @staticmethod
    def _move_centroid(connection: Connection, claim_id: str, vector: np.ndarray) -> None:
        """A claim's vector is the mean of its mentions' items, so later wordings match the whole
        claim, not only its first wording."""
        row = connection.execute(select(t.claims.c.vector, t.claims.c.n_evidence).where(t.claims.c.id == claim_id)).one()
        if row.vector is None:
            return
        mean = from_blob(row.vector) * max(1, row.n_evidence) + vector
        connection.execute(t.claims.update().where(t.claims.c.id == claim_id)
                           .values(vector=to_blob(mean / float(np.linalg.norm(mean)))))

    def _new_claim(self, connection: Connection, mention: ClaimMention, block: str, vector: Optional[np.ndarray]) -> str:
        claim_id = claim_id_for(mention.document_id, mention.record_id)
        label = claim_label(mention)
        seq = int(connection.execute(select(func.coalesce(func.max(t.claims.c.seq), 0))).scalar_one()) + 1
        connection.execute(t.claims.insert().values(
            id=claim_id, seq=seq, type=mention.type, block=block, label=label,
            arguments=json.dumps(mention.arguments, ensure_ascii=False), names=json.dumps(mention.names, ensure_ascii=False),
            item=mention.item, vector=to_blob(vector) if vector is not None else None,
            label_vector=to_blob(self.embedder.encode([label])[0]), n_evidence=0,
            first_seen=mention.date, last_seen=mention.date))
        keys = set(mention.arguments.values())
        keys |= {f"cc:{cc}" for cc in (key_country(k) for k in mention.arguments.values()) if cc}
        if keys:
            connection.execute(t.claim_keys.insert(), [{"claim_id": claim_id, "key": k} for k in sorted(keys)])
        return claim_id

    def _add_evidence(self, connection: Connection, claim_id: str, mention: ClaimMention, stance: str, root: str) -> None:
        origin = mention.origin
        origin_key = f"story:{root}" if origin.key == f"story:{mention.document_id}" else origin.key
        connection.execute(t.evidence.insert().values(
            claim_id=claim_id, document_id=mention.document_id, record_id=mention.record_id, stance=stance,
            certainty=mention.certainty, polarity=mention.polarity, quote_start=mention.quote.start,
            quote_end=mention.quote.end, quote_text=mention.quote.text,
            chain=json.dumps([link.to_dict() for link in mention.chain], ensure_ascii=False),
            origin_key=origin_key, origin_name=origin.name, origin_type=origin.type, date=mention.date,
            lang=mention.lang))
        values: dict[str, Any] = {"n_evidence": t.claims.c.n_evidence + 1}
        if mention.date:
            values["first_seen"] = func.coalesce(func.min(t.claims.c.first_seen, mention.date), mention.date) \
                if connection.dialect.name == "sqlite" else func.least(func.coalesce(t.claims.c.first_seen, mention.date), mention.date)
            values["last_seen"] = func.coalesce(func.max(t.claims.c.last_seen, mention.date), mention.date) \
                if connection.dialect.name == "sqlite" else func.greatest(func.coalesce(t.claims.c.last_seen, mention.date), mention.date)
        connection.execute(t.claims.update().where(t.claims.c.id == claim_id).values(**values))

    def _add_names(self, connection: Connection, analysis: Analysis, mention: ClaimMention) -> None:
        """Every surface form (both languages) of the mention's named arguments, for question lookups."""
        rows: set[tuple[str, str]] = set()
        for role, key in mention.arguments.items():
            if not key.startswith(("ent:", "state:")):
                continue
            rows.add((fold(mention.names[role]), key))
            for entity in analysis.entities:
                if entity.name == mention.names[role]:
                    rows |= {(fold(a), key) for a in entity.aliases} | {(fold(m.text), key) for m in entity.mentions}
        if not rows:
            return
        n = t.graph_names
        known = {(r.name, r.key) for r in connection.execute(
            select(n.c.name, n.c.key).where(n.c.name.in_([r[0] for r in rows])))}
        new = sorted(rows - known)
        if new:
            connection.execute(n.insert(), [{"name": name, "key": key} for name, key in new])
