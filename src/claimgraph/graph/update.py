"""Add one article to the evidence graph, inside the caller's transaction.

The work per article is bounded whatever the store's size: copy candidates
come from indexed LSH bands and a date window, claim candidates from an
indexed block (type + who does what to whom) capped to its newest claims, and
scored together (`_scores`). So taking in the 100 000th article costs what the
50 000th did, and no more than the caps allow over the 1 000th
(scripts/bench_graph.py, docs/graph.md), and replaying every article in order
gives the same graph (`graph.sync.rebuild`).
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any, Optional

import numpy as np
from sqlalchemy import Connection, bindparam, func, select

from claimgraph.graph import aggregates, copies
from claimgraph.graph.embed import Embedder, from_blob, from_blobs, to_blob
from claimgraph.graph.keys import entity_key, fold, item_classes, key_country, place_country
from claimgraph.graph.labels import claim_label
from claimgraph.graph.mentions import BLOCK_ROLES, MEANING_ROLES, claim_mentions, open_role, mentioned_countries
from claimgraph.graph.origins import STORY_PREFIXES, wire_of
from claimgraph.model import Analysis
from claimgraph.model.claims import ClaimMention
from claimgraph.store import tables as t

# Cosine between two items (any language) above which they are the same claim; measured on
# tests/gold/claims.json pairs (scripts/eval_graph.py --pairs): see docs/graph.md.
ITEM_THRESHOLD = 0.56
# Contents with no event carry more words, and unrelated contents about the same actors score higher.
STATEMENT_THRESHOLD = 0.66
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


def block_stem(block: str) -> str:
    """What claims that agree on the first role share (`claims.stem`, indexed with seq).

    `SUPPLY|agent=grp:CN:company|recipient=state:RU` -> `SUPPLY|agent=grp:CN:company|`:
    the block up to and including its second "|", which is the prefix `_candidates`
    widens a block to; a block starts with that prefix exactly when its own stem is
    equal to it. (The block cut before its last "=" would say the same for blocks of
    two roles, but not once a key holds an "=".) A block with fewer than two "|"
    (one role) is its own stem: it is never widened and matches no widened stem.
    """
    first = block.find("|")
    second = block.find("|", first + 1) if first >= 0 else -1
    return block[:second + 1] if second >= 0 else block


def claim_id_for(document_id: str, record_id: str) -> str:
    """A claim is named after its first mention, so a replay names it the same."""
    return "c" + hashlib.sha1(f"{document_id}#{record_id}".encode()).hexdigest()[:12]


class GraphUpdater:
    """Take articles into the graph one at a time (`add`), each in the caller's transaction."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._countries: dict[str, str] = {}  # the current article's actors' countries

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
            columns = select(g.c.document_id, g.c.vector, g.c.lang)
            # Two indexed lookups on date (a range, and the same month/year for partial dates) rather
            # than one OR, which would make SQLite walk the whole table.
            rows = list(connection.execute(columns.where(g.c.date >= window[0], g.c.date <= window[1])
                                           .limit(TRANSLATION_CANDIDATES)))
            rows += list(connection.execute(columns.where(g.c.date.in_(sorted({doc.date[:7], doc.date[:4]})))
                                            .limit(TRANSLATION_CANDIDATES)))
            rows = [r for r in rows if r.lang != doc.lang and r.vector is not None]
            if rows:
                scores = from_blobs([r.vector for r in rows]) @ fingerprint.vector
                close = list(dict.fromkeys(rows[i].document_id for i in np.argsort(-scores)[:5]
                                           if scores[i] >= copies.TRANSLATION_PREFILTER))
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
            for prefix in STORY_PREFIXES:
                connection.execute(t.evidence.update().where(t.evidence.c.origin_key == f"{prefix}{younger}")
                                   .values(origin_key=f"{prefix}{eldest}"))
        return eldest

    # -- claims ---------------------------------------------------------------

    def _add_claims(self, connection: Connection, analysis: Analysis, root: str) -> None:
        mentions = claim_mentions(analysis)
        if not mentions:
            return
        # One encoder call per article: every item, and every label a new claim could get.
        texts = sorted({m.item for m in mentions if m.item} | {claim_label(m) for m in mentions})
        vectors = dict(zip(texts, self.embedder.encode(texts)))
        touched = _Touched()
        self._countries = {entity_key(e.name, e.type): e.country.upper() for e in analysis.entities if e.country}
        self._countries.update(mentioned_countries(analysis))
        claim_of: dict[str, str] = {}
        evidence_rows = []
        for mention in mentions:
            vector = vectors.get(mention.item) if mention.item else None
            claim_id = self._claim_for(connection, mention, vector, touched, vectors)
            claim_of.setdefault(mention.record_id, claim_id)
            evidence_rows.append(_evidence_row(claim_id, mention, mention.stance, root))
            touched.add(claim_id, mention.date, vector)
        denied: set[tuple[str, str]] = set()
        for deny in mentions:
            for target in deny.denies:
                # One denial counts once per claim, however many of the claim's mentions it answers.
                if target in claim_of and (claim_of[target], deny.record_id) not in denied:
                    denied.add((claim_of[target], deny.record_id))
                    evidence_rows.append(_evidence_row(claim_of[target], deny, "denies", root))
                    touched.add(claim_of[target], deny.date, None)
        connection.execute(t.evidence.insert(), evidence_rows)
        aggregates.add_article(connection, analysis.document.id)  # what listings read (graph.aggregates)
        touched.write(connection)
        self._add_names(connection, analysis, mentions)

    def _candidates(self, connection: Connection, mention: ClaimMention, block: str) -> list[Any]:
        """The newest claims a mention may join, straight off an index (bounded by BLOCK_CAP)."""
        c = t.claims
        columns = (c.c.id, c.c.vector, c.c.item, c.c.names, c.c.n_evidence)
        if mention.type == "STATEMENT" and mention.arguments:
            # Contents name their actors loosely ("China" here, "China, Russia, Ukraine" there):
            # compare with the newest statements sharing one of them.
            k = t.claim_keys
            ids: set[str] = set()
            for key in sorted(set(mention.arguments.values())):
                ids.update(connection.execute(select(k.c.claim_id).where(k.c.key == key, k.c.type == "STATEMENT")
                                              .order_by(k.c.seq.desc()).limit(BLOCK_CAP // 2)).scalars())
            return list(connection.execute(select(*columns).where(c.c.id.in_(sorted(ids))))) if ids else []
        exact = list(connection.execute(select(*columns).where(c.c.block == block)
                                        .order_by(c.c.seq.desc()).limit(BLOCK_CAP)))
        if block.count("|") < 2:
            return exact
        # Claims that agree on the first role and whose other roles are compatible: one side
        # does not say who ("-", "any party", words we could not identify, "a Russian drone
        # maker" against a named organisation).
        # Read off ix_claims_stem (stem, seq): the newest BLOCK_CAP claims sharing the first role, without
        # reading and sorting every claim of a prefix range (30-47 ms per article at 50k articles).
        seen = {row.id for row in exact}
        wider = connection.execute(select(*columns, c.c.block).where(c.c.stem == block_stem(block))
                                   .order_by(c.c.seq.desc()).limit(BLOCK_CAP))
        return exact + [row for row in wider if row.id not in seen and _compatible_blocks(block, row.block)]

    def _claim_for(self, connection: Connection, mention: ClaimMention, vector: Optional[np.ndarray],
                   touched: "_Touched", vectors: dict[str, np.ndarray]) -> str:
        block = block_of(mention)
        threshold, named = _threshold(mention)
        rows = self._candidates(connection, mention, block)
        if "location" in MEANING_ROLES.get(mention.type, ()):
            # Making drones in China is not making drones at home.
            place = place_country(mention.names.get("location"))
            rows = [row for row in rows if _stored_place(row.names) == place]
        classes = _item_classes(mention.item, mention.lang) if mention.type != "STATEMENT" else frozenset()
        best = _best(rows, _scores(rows, vector, classes, threshold, named, touched), threshold, touched)
        if best is None:
            return self._new_claim(connection, mention, block, vector, touched, vectors)
        # Its centroid takes this mention in (`_Touched.add`) once its stored vector is loaded, which
        # scoring no longer does for every candidate.
        touched.vector(best.id, best.vector, best.n_evidence)
        return str(best.id)

    def _new_claim(self, connection: Connection, mention: ClaimMention, block: str, vector: Optional[np.ndarray],
                   touched: "_Touched", vectors: dict[str, np.ndarray]) -> str:
        claim_id = claim_id_for(mention.document_id, mention.record_id)
        label = claim_label(mention)
        seq = int(connection.execute(select(func.coalesce(func.max(t.claims.c.seq), 0))).scalar_one()) + 1
        connection.execute(t.claims.insert(), [dict(
            id=claim_id, seq=seq, type=mention.type, block=block, stem=block_stem(block), label=label,
            arguments=json.dumps(mention.arguments, ensure_ascii=False), names=json.dumps(mention.names, ensure_ascii=False),
            item=mention.item, vector=to_blob(vector) if vector is not None else None,
            label_vector=to_blob(vectors[label]), n_evidence=0,
            first_seen=mention.date, last_seen=mention.date)])
        keys = set(mention.arguments.values())
        keys |= {f"cc:{cc}" for cc in (self._countries.get(k) or key_country(k) for k in mention.arguments.values()) if cc}
        # The country of who is alleged to act, for briefs that ask about a country's actors.
        actor = mention.arguments.get("agent") or mention.arguments.get("owner")
        actor_country = (self._countries.get(actor) or key_country(actor)) if actor else None
        if actor_country:
            keys.add(f"actor:{actor_country}")
        if keys:
            connection.execute(t.claim_keys.insert(), [{"claim_id": claim_id, "key": k, "type": mention.type, "seq": seq}
                                                       for k in sorted(keys)])
        touched.new(claim_id, vector)
        return claim_id

    def _add_names(self, connection: Connection, analysis: Analysis, mentions: list[ClaimMention]) -> None:
        """Every surface form (both languages) of the named arguments, for question lookups."""
        by_name = {e.name: e for e in analysis.entities}
        rows: set[tuple[str, str]] = set()
        for mention in mentions:
            for role, key in mention.arguments.items():
                if not key.startswith(("ent:", "state:")):
                    continue
                rows.add((fold(mention.names[role]), key))
                entity = by_name.get(mention.names[role])
                if entity is not None:
                    rows |= {(fold(a), key) for a in entity.aliases} | {(fold(m.text), key) for m in entity.mentions}
        if not rows:
            return
        n = t.graph_names
        known = {(r.name, r.key) for r in connection.execute(
            select(n.c.name, n.c.key).where(n.c.name.in_(sorted({r[0] for r in rows}))))}
        new = sorted(rows - known)
        if new:
            connection.execute(n.insert(), [{"name": name, "key": key} for name, key in new])


class _Touched:
    """What one article changes on its claims, written once at the end (counts, dates, centroids).

    A claim's vector is the mean of its mentions' items, so later wordings
    match the whole claim, not only its first wording.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.dates: dict[str, list[str]] = {}
        self.sums: dict[str, np.ndarray] = {}
        self.loaded: dict[str, Optional[np.ndarray]] = {}
        self.created: set[str] = set()

    def new(self, claim_id: str, vector: Optional[np.ndarray]) -> None:
        self.created.add(claim_id)
        self.loaded[claim_id] = vector

    def vector(self, claim_id: str, blob: Optional[bytes], weight: int = 1) -> Optional[np.ndarray]:
        """The claim's centroid including this article's mentions so far (`weight`: its stored count)."""
        if claim_id not in self.loaded:
            self.loaded[claim_id] = from_blob(blob) if blob is not None else None
        base = self.loaded[claim_id]
        if base is None or claim_id not in self.sums:
            return base
        mean = base * max(1, weight) + self.sums[claim_id]
        return mean / float(np.linalg.norm(mean))

    def add(self, claim_id: str, date: Optional[str], vector: Optional[np.ndarray]) -> None:
        self.counts[claim_id] = self.counts.get(claim_id, 0) + 1
        if date:
            self.dates.setdefault(claim_id, []).append(date)
        if vector is not None and claim_id not in self.created and self.loaded.get(claim_id) is not None:
            self.sums[claim_id] = self.sums.get(claim_id, 0) + vector

    def write(self, connection: Connection) -> None:
        """One read and at most two batched updates for every claim the article touched, not two
        statements per claim."""
        c = t.claims
        ids = sorted(self.counts)
        stored = {row.id: row for row in connection.execute(
            select(c.c.id, c.c.n_evidence, c.c.first_seen, c.c.last_seen, c.c.vector).where(c.c.id.in_(ids)))}
        counted, moved = [], []
        for claim_id in ids:
            row = stored[claim_id]
            dates = sorted(d for d in [row.first_seen, row.last_seen, *self.dates.get(claim_id, [])] if d)
            values: dict[str, Any] = {"claim_id": claim_id, "n": row.n_evidence + self.counts[claim_id],
                                      "first": dates[0] if dates else None, "last": dates[-1] if dates else None}
            if claim_id in self.sums and row.vector is not None:
                mean = from_blob(row.vector) * max(1, row.n_evidence) + self.sums[claim_id]
                moved.append({**values, "centroid": to_blob(mean / float(np.linalg.norm(mean)))})
            else:
                counted.append(values)
        update = c.update().where(c.c.id == bindparam("claim_id")).values(
            n_evidence=bindparam("n"), first_seen=bindparam("first"), last_seen=bindparam("last"))
        if counted:
            connection.execute(update, counted)
        if moved:
            connection.execute(update.values(vector=bindparam("centroid")), moved)


def _lang_of(item: Optional[str]) -> Optional[str]:
    """The language of a stored item, for its head word: French items open with a determiner."""
    first = (item or "").split(" ", 1)[0].lower().replace("’", "'")
    return "fr" if first in FRENCH_DETERMINERS or first.startswith(("d'", "l'")) else "en"


FRENCH_DETERMINERS = {"le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "ces", "cette", "ce", "leur",
                      "leurs", "ses", "sa", "son", "plusieurs", "toute", "tout", "tous", "toutes"}


@lru_cache(maxsize=65536)
def _compatible_blocks(a: str, b: str) -> bool:
    # Cached: a mention is compared with up to 500 widened candidates, whose blocks repeat across claims.
    return all(open_role(x) or open_role(y) or x == y or _group_meets_name(x, y) or _group_meets_name(y, x)
               for x, y in zip(_role_keys(a)[1:], _role_keys(b)[1:]))


def _role_keys(block: str) -> list[str]:
    return [part.split("=", 1)[1] for part in block.split("|")[1:]]


def _group_meets_name(group: str, name: str) -> bool:
    """ "a Russian drone maker" may be IEMZ Kupol; "Chinese companies" are not China itself."""
    return group.startswith("grp:") and name.startswith("ent:")


def _threshold(mention: ClaimMention) -> tuple[float, bool]:
    """The score a candidate needs to be the mention's claim, and whether the mention's block is named."""
    if mention.type == "STATEMENT":
        return STATEMENT_THRESHOLD, False
    roles = BLOCK_ROLES.get(mention.type, ("agent",))
    # Two named parties (Xiamen Limbach -> IEMZ Kupol) say which relation it is; one named agent does not.
    named = len(roles) > 1 and all(mention.arguments.get(r, "-").startswith("ent:") for r in roles)
    return (NAMED_BLOCK_THRESHOLD if named else ITEM_THRESHOLD), named


# Item classes and place countries are pure functions of a few thousand distinct texts that recur across
# every block: worked out once per process instead of once per candidate (most of an update at 50k articles).
@lru_cache(maxsize=65536)
def _item_classes(item: Optional[str], lang: Optional[str]) -> frozenset[str]:
    return item_classes(item, lang)


def _stored_classes(item: Optional[str]) -> frozenset[str]:
    """A stored claim's item classes, its language read off its words."""
    return _item_classes(item, _lang_of(item))


@lru_cache(maxsize=65536)
def _stored_place(names: str) -> Optional[str]:
    """The country of a stored claim's location (`claims.names`, JSON)."""
    return place_country(json.loads(names).get("location"))


# A matrix product sums each row in another order than `stored @ vector` does: for unit vectors of 512
# float32 values the two differ by about 1e-7. A cosine closer than this to the threshold is worked out
# one row at a time as before, so which claim wins never depends on the order of a sum.
ROUNDING_MARGIN = 1e-3


def _scores(rows: list[Any], vector: Optional[np.ndarray], classes: frozenset[str], threshold: float, named: bool,
            touched: "_Touched") -> list[float]:
    """`_item_score` of every candidate, exact for every one that reaches `threshold`; one below it may
    get an approximate cosine (still below it), which decides nothing.

    Claims this article has touched are scored one by one (their centroid includes its mentions); the
    others' stored vectors are decoded together and compared in one matrix product.
    """
    scores = [threshold] * len(rows)
    by_product = []
    for i, row in enumerate(rows):
        claim_classes = _stored_classes(row.item) if classes else frozenset()
        if classes and claim_classes:
            scores[i] = 1.0 if classes & claim_classes else -1.0
        elif vector is None:
            continue  # no item: it fits at the threshold
        elif row.id in touched.loaded:
            scores[i] = _exact_score(row, vector, threshold, named, touched)
        elif row.vector is None:
            continue  # a claim with no item, likewise
        else:
            by_product.append(i)
    if by_product:
        cosines = (from_blobs([rows[i].vector for i in by_product]) @ vector).tolist()
        for i, cosine in zip(by_product, cosines):
            if cosine >= threshold - ROUNDING_MARGIN:
                scores[i] = _exact_score(rows[i], vector, threshold, named, touched)
            else:
                scores[i] = threshold if named else cosine  # exactly so for a named block: max(cosine, threshold)
    return scores


def _exact_score(row: Any, vector: Optional[np.ndarray], threshold: float, named: bool, touched: "_Touched") -> float:
    stored = touched.vector(row.id, row.vector, row.n_evidence)
    return _item_score(vector, stored, frozenset(), frozenset(), threshold, named)


def _best(rows: list[Any], scores: list[float], threshold: float, touched: "_Touched") -> Optional[Any]:
    """The candidate with the best score at or above `threshold`, if any.

    Equal scores go to the claim with more evidence: the one readers already
    know; then to the first in candidate order.
    """
    best_row, best = None, (-2.0, -1)
    for row, score in zip(rows, scores):
        if score >= threshold:
            rank = (score, row.n_evidence + touched.counts.get(row.id, 0))
            if rank > best:
                best_row, best = row, rank
    return best_row


def _item_score(vector: Optional[np.ndarray], stored: Optional[np.ndarray], classes: frozenset[str],
                claim_classes: frozenset[str], threshold: float, named: bool) -> float:
    """How well a mention's item fits a claim of its block (>= threshold: the same claim).

    Item classes decide first: "des armes" and "lethal weapons" are one claim,
    "weapons" and "dual-use goods" two, whatever the embedding says. A side
    with no item ("China denies supplying Russia") fits at the threshold, so
    it joins the block's best-evidenced claim; named blocks (Xiamen Limbach ->
    IEMZ Kupol) accept any item unless the classes differ.
    """
    if classes and claim_classes:
        return 1.0 if classes & claim_classes else -1.0
    if vector is None or stored is None:
        return threshold
    cosine = float(stored @ vector)
    return max(cosine, threshold) if named else cosine


def _evidence_row(claim_id: str, mention: ClaimMention, stance: str, root: str) -> dict[str, Any]:
    origin = mention.origin
    origin_key = origin.key
    for prefix in STORY_PREFIXES:
        if origin.key == f"{prefix}{mention.document_id}":
            origin_key = f"{prefix}{root}"  # a copy's own story is the story it copies
    return dict(claim_id=claim_id, document_id=mention.document_id, record_id=mention.record_id, stance=stance,
                certainty=mention.certainty, polarity=mention.polarity, quote_start=mention.quote.start,
                quote_end=mention.quote.end, quote_text=mention.quote.text,
                chain=json.dumps([link.to_dict() for link in mention.chain], ensure_ascii=False),
                origin_key=origin_key, origin_name=origin.name, origin_type=origin.type, date=mention.date,
                lang=mention.lang)
