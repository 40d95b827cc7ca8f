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
from typing import Any, Optional

import numpy as np
from sqlalchemy import Connection, bindparam, func, select

from claimgraph.graph import aggregates, copies, precomputed
from claimgraph.graph.actors import contested
from claimgraph.graph.claim_additions import PLACE, PROPOSITION, ClaimAdditions
from claimgraph.graph.copy_groups import copies_of, root_for
from claimgraph.graph.denials import day
from claimgraph.graph.embed import Embedder, to_blob
from claimgraph.graph.keys import entity_key, fold, key_country, place_country
from claimgraph.graph.labels import claim_label
from claimgraph.graph.mentions import BLOCK_ROLES, MEANING_ROLES, claim_mentions, mentioned_countries, open_role
from claimgraph.graph.origins import STORY_PREFIXES, wire_of
from claimgraph.graph.propositions import proposition_keys
from claimgraph.graph.scoring import (NEGATED_MARGIN, Touched, best_candidate, compatible_blocks, in_story,
                                      is_negated_statement, mention_classes, named_item, score_candidates, stored_place,
                                      threshold_of)
from claimgraph.graph.stances import answer_earlier, asserted, asserts, outlet_negation, stance_in
from claimgraph.graph.story_scope import StoryScope, dated_by, in_window, later_day, stored_agent
from claimgraph.model import Analysis
from claimgraph.model.claims import ClaimMention
from claimgraph.store import tables as t

# Types whose claims a mention that does not say where may join (an attack is told with and without its place);
# making things somewhere is not making them at home.
OPEN_PLACE_TYPES = ("USE",)
# The newest claims of a block compared with a new mention (a bound, not a sample: blocks are small).
BLOCK_CAP = 500
# The key every statement claim carries, so a content that names no one (or other actors) still meets the
# newest statements: the same account is worded "Gray pointed a gun", "he aimed a revolver at them".
ANY_STATEMENT = "any:STATEMENT"


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


# The statements an update runs for every mention, built once: SQLAlchemy builds and keys a statement
# made anew on each call, which was about a third of a sync's CPU on the bench corpus.
_COLUMNS = (t.claims.c.id, t.claims.c.vector, t.claims.c.item, t.claims.c.names, t.claims.c.n_evidence,
            t.claims.c.arguments, t.claims.c.first_seen, t.claims.c.last_seen, t.claims.c.seq)
_KEYED = (select(t.claim_keys.c.claim_id).where(t.claim_keys.c.key == bindparam("key"),
                                                t.claim_keys.c.type == bindparam("type"))
          .order_by(t.claim_keys.c.seq.desc()).limit(BLOCK_CAP // 2))
_BY_ID = select(*_COLUMNS).where(t.claims.c.id.in_(bindparam("ids", expanding=True)))
_IN_BLOCK = select(*_COLUMNS).where(t.claims.c.block == bindparam("block")).order_by(t.claims.c.seq.desc()).limit(BLOCK_CAP)
_IN_STEM = (select(*_COLUMNS, t.claims.c.block).where(t.claims.c.stem == bindparam("stem"))
            .order_by(t.claims.c.seq.desc()).limit(BLOCK_CAP))
_NEXT_SEQ = select(func.coalesce(func.max(t.claims.c.seq), 0))
_G = t.graph_documents
_LAST_POSITION = select(func.coalesce(func.max(_G.c.position), 0))
_INSERT_DOCUMENT = _G.insert()
_NAMES_IN = select(t.graph_names.c.name, t.graph_names.c.key).where(
    t.graph_names.c.name.in_(bindparam("names", expanding=True)))


class GraphUpdater:
    """Take articles into the graph one at a time (`add`), each in the caller's transaction."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._countries: dict[str, str] = {}  # the current article's actors' countries
        # What the current article's mentions add to the claims they join (`prop:` and `where:` keys).
        self._added = ClaimAdditions()
        self._disputed = False  # whether the current article disputes an attack (`_party_told_at`)
        self._story_day: Optional[int] = None  # an undated article's: the newest dated claim it joined so far
        # The candidate reads of the current article (`_read`), until it writes a claim.
        self._reads: dict[tuple[int, tuple[Any, ...]], list[Any]] = {}

    # -- copies and origins -------------------------------------------------

    def add(self, connection: Connection, analysis: Analysis, mentions: Optional[list[ClaimMention]] = None) -> None:
        """Take `analysis` in; `mentions`, when given, are its `claim_mentions` computed ahead (graph.sync `take`)."""
        doc = analysis.document
        position = int(connection.execute(_LAST_POSITION).scalar_one()) + 1
        fingerprint = copies.fingerprint(doc.text, doc.lang, self.embedder)
        found = copies_of(connection, analysis, fingerprint, self.embedder)
        root = root_for(connection, doc.id, found)
        connection.execute(_INSERT_DOCUMENT, dict(
            document_id=doc.id, position=position, lang=doc.lang, date=doc.date, root_id=root,
            wire=wire_of(analysis), vector=to_blob(fingerprint.vector) if fingerprint.vector is not None else None))
        if fingerprint.bands:
            connection.execute(t.graph_bands.insert(), [{"band": b, "document_id": doc.id} for b in fingerprint.bands])
        if found:
            connection.execute(t.graph_copies.insert(), [
                {"document_id": doc.id, "copy_of": other, "method": method, "score": score}
                for other, method, score in found])
        self._add_claims(connection, analysis, root, mentions)
        # The summaries listings keep: this article's claims are stale, and so are its copy group's own-voice
        # claims when the group may have changed (two groups joined, or a byline came in).
        regrouped = root != doc.id and (len(found) > 1 or wire_of(analysis) is not None)
        precomputed.mark_article(connection, doc.id, root if regrouped else None)

    # -- claims ---------------------------------------------------------------

    def _add_claims(self, connection: Connection, analysis: Analysis, root: str,
                    ahead: Optional[list[ClaimMention]] = None) -> None:
        mentions = claim_mentions(analysis) if ahead is None else ahead
        if not mentions:
            return
        # One encoder call per article: every item, and every label a new claim could get.
        texts = sorted({m.item for m in mentions if m.item} | {claim_label(m) for m in mentions})
        vectors = dict(zip(texts, self.embedder.encode(texts)))
        touched = Touched()
        self._countries = {entity_key(e.name, e.type): e.country.upper() for e in analysis.entities if e.country}
        self._countries.update(mentioned_countries(analysis))
        claim_of: dict[str, str] = {}
        evidence_rows = []
        founders: dict[str, str] = {}  # polarity of the first mention of each claim this article created
        answered: dict[str, list[tuple[dict[str, Any], ClaimMention]]] = {}  # negations that opened their claim
        self._added, self._reads, self._story_day = ClaimAdditions(), {}, None
        self._disputed = contested("USE", mentions)  # graph/actors.py: a denial or a negated attack in the article
        for mention in mentions:
            vector = vectors.get(mention.item) if mention.item else None
            claim_id = self._claim_for(connection, mention, vector, touched, vectors)
            if mention.type == "STATEMENT":
                self._added.add_propositions(claim_id, proposition_keys(mention.item))
            elif mention.type in OPEN_PLACE_TYPES:
                self._added.add_place(claim_id, mention.names.get("location"))
            claim_of.setdefault(mention.record_id, claim_id)
            if claim_id in touched.created:
                founders.setdefault(claim_id, mention.polarity)
            stance = stance_in(connection, claim_id, mention, founders)
            if outlet_negation(mention) and asserted(connection, claim_id, founders) == "positive":
                # An outlet's own "no injuries were reported" against an account someone asserts: like the
                # article's own negation of an act (graph.mentions), it neither supports nor denies: not stored.
                continue
            answer_earlier(connection, claim_id, mention, founders, touched.created)  # graph/stances.py
            if founders.get(claim_id, "negative") == "negative" and asserts(mention):
                # The account this article's negations answered comes after them ("no injuries to police", then
                # "three people were injured"): they deny it, as they would had it come first.
                founders[claim_id] = "positive"
                for row, negated in answered.pop(claim_id, []):
                    row["stance"] = "denies"
            evidence_rows.append(_evidence_row(claim_id, mention, stance, root))
            if stance == "supports" and is_negated_statement(mention):
                answered.setdefault(claim_id, []).append((evidence_rows[-1], mention))
            touched.add(claim_id, mention.date, vector)
        denied: set[tuple[str, str]] = set()
        for deny in mentions:
            for target in deny.denies:
                # One denial counts once per claim, however many of the claim's mentions it answers.
                if target in claim_of and (claim_of[target], deny.record_id) not in denied:
                    denied.add((claim_of[target], deny.record_id))
                    evidence_rows.append(_evidence_row(claim_of[target], deny, "denies", root))
                    touched.add(claim_of[target], deny.date, None)
        if evidence_rows:
            connection.execute(t.evidence.insert(), evidence_rows)
        self._added.write(connection)
        aggregates.add_article(connection, analysis.document.id)  # what listings read (graph.aggregates)
        touched.write(connection)
        self._add_names(connection, analysis, mentions)

    def _read(self, connection: Connection, statement: Any, params: dict[str, Any]) -> list[Any]:
        """The rows of one candidate read, read once per article until the article writes a claim (`_new_claim`):
        an article's mentions ask for the same blocks and keys again and again (every statement asks for the newest
        statements of all), and nothing else in the mention loop writes what these reads read (evidence, counts
        and `prop:` keys are written after it). The caller must not change the list."""
        key = (id(statement), tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))
        rows = self._reads.get(key)
        if rows is None:
            rows = self._reads[key] = list(connection.execute(statement, params))
        return rows

    def _candidates(self, connection: Connection, mention: ClaimMention, block: str) -> list[Any]:
        """The newest claims a mention may join, straight off an index (bounded by BLOCK_CAP)."""
        if mention.type == "STATEMENT":
            # Contents name their actors loosely ("China" here, "China, Russia, Ukraine" there, "he" elsewhere):
            # compare with the newest statements sharing one of them, and with the newest statements of all.
            ids: set[str] = set()
            asserted = {PROPOSITION + k for k in proposition_keys(mention.item)}
            for key in sorted(set(mention.arguments.values()) | {ANY_STATEMENT} | asserted):
                ids.update(row[0] for row in self._read(connection, _KEYED, {"key": key, "type": "STATEMENT"}))
            return list(self._read(connection, _BY_ID, {"ids": sorted(ids)})) if ids else []
        exact = list(self._read(connection, _IN_BLOCK, {"block": block}))
        item_key = named_item(mention)
        first = BLOCK_ROLES.get(mention.type, ("agent",))[0]
        if item_key is not None and open_role(mention.arguments.get(first, "-")):
            # A named item anchors a mention that does not say who ("the Garpiya-3 was developed in China"):
            # the newest claims of its type about that item, whoever they name.
            anchored = {row[0] for row in self._read(connection, _KEYED, {"key": item_key, "type": mention.type})}
            known = {row.id for row in exact}
            if anchored - known:
                exact += self._read(connection, _BY_ID, {"ids": sorted(anchored - known)})
        if mention.type in OPEN_PLACE_TYPES and open_role(mention.arguments.get(first, "-")) and not self._disputed:
            exact = exact + self._party_told_at(connection, mention, {row.id for row in exact})
        if block.count("|") < 2:
            return exact
        # Claims that agree on the first role and whose other roles are compatible: one side
        # does not say who ("-", "any party", words we could not identify, "a Russian drone
        # maker" against a named organisation).
        # Read off ix_claims_stem (stem, seq): the newest BLOCK_CAP claims sharing the first role, without
        # reading and sorting every claim of a prefix range (30-47 ms per article at 50k articles).
        seen = {row.id for row in exact}
        wider = self._read(connection, _IN_STEM, {"stem": block_stem(block)})
        return exact + [row for row in wider if row.id not in seen and compatible_blocks(block, row.block)]

    def _party_told_at(self, connection: Connection, mention: ClaimMention, known: set[str]) -> list[Any]:
        """A known party's attacks told at this attack's very place (a `where:` key: "an Athens branch of the bank"
        keyed on the bank's name), within the story, when nothing disputes the party did it (no denial in this
        article nor one of that party in the story): "a petrol bomb hurled at the bank" is the protesters'
        firebombing of it. Where who did it is disputed ("Sudan denies bombing the camp"), an attack with no actor
        stays its own claim (docs/graph.md)."""
        place = mention.names.get("location")
        if not place:
            return []
        ids = {row[0] for row in self._read(connection, _KEYED, {"key": PLACE + place, "type": mention.type})} - known
        rows = [r for r in self._read(connection, _BY_ID, {"ids": sorted(ids)})] if ids else []
        scope = StoryScope(day(mention.date))
        return [r for r in rows if not open_role(stored_agent(r.arguments)) and in_window(r, scope)
                and not self._denied(connection, stored_agent(r.arguments), scope)]

    def _denied(self, connection: Connection, party: str, scope: StoryScope) -> bool:
        """Whether a party's denial is in the story (a DENY claim keyed on it, seen within the window)."""
        ids = [row[0] for row in self._read(connection, _KEYED, {"key": party, "type": "DENY"})]
        return any(in_window(r, scope) for r in self._read(connection, _BY_ID, {"ids": sorted(ids)})) if ids else False

    def _claim_for(self, connection: Connection, mention: ClaimMention, vector: Optional[np.ndarray],
                   touched: "Touched", vectors: dict[str, np.ndarray]) -> str:
        block = block_of(mention)
        threshold, named = threshold_of(mention)
        rows = self._candidates(connection, mention, block)
        if "location" in MEANING_ROLES.get(mention.type, ()):
            # Making drones in China is not making drones at home.
            place = place_country(mention.names.get("location"))
            rows = [row for row in rows if stored_place(row.names) == place
                    or (mention.type in OPEN_PLACE_TYPES and None in (place, stored_place(row.names)))]
        classes = mention_classes(mention.item, mention.lang) if mention.type != "STATEMENT" else frozenset()
        story = dated_by(in_story(mention), self._story_day)
        if story is not None and story.propositions:
            outlet_negation = mention.polarity == "negative" and not is_negated_statement(mention)
            story = story._replace(claims=self._added.claim_propositions(connection, rows), answers=not outlet_negation)
        elif story is not None and story.place:
            story = story._replace(places=self._added.claim_places(connection, rows))
        scores = score_candidates(rows, vector, classes, threshold, named, touched, named_item(mention), story)
        best = best_candidate(rows, scores, threshold, touched, NEGATED_MARGIN if is_negated_statement(mention) else 0.0)
        if best is None:
            return self._new_claim(connection, mention, block, vector, touched, vectors)
        # Its centroid takes this mention in (`Touched.add`) once its stored vector is loaded, which
        # scoring no longer does for every candidate.
        touched.vector(best.id, best.vector, best.n_evidence)
        self._story_day = later_day(self._story_day, best)
        self._added.seqs[str(best.id)] = int(best.seq)
        return str(best.id)

    def _new_claim(self, connection: Connection, mention: ClaimMention, block: str, vector: Optional[np.ndarray],
                   touched: "Touched", vectors: dict[str, np.ndarray]) -> str:
        claim_id = claim_id_for(mention.document_id, mention.record_id)
        label = claim_label(mention)
        self._reads.clear()  # a new claim and its keys: the candidate reads change
        seq = int(connection.execute(_NEXT_SEQ).scalar_one()) + 1
        self._added.seqs[claim_id] = seq
        connection.execute(t.claims.insert(), [dict(
            id=claim_id, seq=seq, type=mention.type, block=block, stem=block_stem(block), label=label,
            arguments=json.dumps(mention.arguments, ensure_ascii=False), names=json.dumps(mention.names, ensure_ascii=False),
            item=mention.item, vector=to_blob(vector) if vector is not None else None,
            label_vector=to_blob(vectors[label]), n_evidence=0,
            first_seen=mention.date, last_seen=mention.date)])
        keys = set(mention.arguments.values()) | ({ANY_STATEMENT} if mention.type == "STATEMENT" else set())
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
        known = {(r.name, r.key) for r in connection.execute(_NAMES_IN, {"names": sorted({r[0] for r in rows})})}
        new = sorted(rows - known)
        if new:
            connection.execute(n.insert(), [{"name": name, "key": key} for name, key in new])


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
