"""Which claim a mention joins: the score of each candidate claim of its block, and the best one.

Item classes decide first ("des armes" and "lethal weapons" are one claim,
"weapons" and "dual-use goods" two); otherwise the cosine of the mention's
item with the claim's centroid, against thresholds measured on the gold
pairs (docs/graph.md). Candidates are scored together in one matrix product
(`score_candidates`), exactly where a decision depends on it.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Optional

import numpy as np
from sqlalchemy import Connection, bindparam, select

from claimgraph.graph.embed import from_blob, from_blobs, to_blob
from claimgraph.graph.items import item_classes
from claimgraph.graph.mentions import BLOCK_ROLES, open_role
from claimgraph.graph.proposition_match import contradicts
from claimgraph.graph.statement_subjects import other_subject
# The story's scope (split to graph/story_scope.py; update.py and stances.py import these names from here).
from claimgraph.graph.story_scope import (StoryScope, claim_propositions, in_story, in_window,  # noqa: F401
                                          is_negated_statement, one_event, other_place, shared_wording, stored_agent,
                                          stored_place, within_story)
from claimgraph.model.claims import ClaimMention
from claimgraph.store import tables as t

# Cosine between two items (any language) above which they are the same claim; measured on
# tests/gold/claims.json pairs (scripts/eval_graph.py --pairs): see docs/graph.md.
ITEM_THRESHOLD = 0.56
# Contents with no event carry more words, and unrelated contents about the same actors score higher.
STATEMENT_THRESHOLD = 0.66
# A negated content ("he did not have a gun", "there were no casualties") answers an account the story already
# carries, worded by whoever asserts it ("he pointed a revolver at the officers", "12 were killed"): measured on the
# real story clusters (scripts/eval_graph.py --input gold), a negated mention's cosine with its own claim's
# centroid is 0.35-0.79, most at 0.45-0.6, while unrelated statements of the story sit near it too. So a negated
# content takes the best-evidenced claim among those within NEGATED_MARGIN of its best score, at a lower bar.
NEGATED_STATEMENT_THRESHOLD = 0.45
NEGATED_MARGIN = 0.1
# When every identifying role is a named organisation or person (Xiamen Limbach -> IEMZ Kupol), the
# block already says which relation it is: the item only has to be related ("L550E engines", "engines").
NAMED_BLOCK_THRESHOLD = 0.3
# One party's denials in a story are one claim however they are worded ("denied carrying out the strike",
# "rejected any link to the raid"): measured on the gold pairs of our family and the real story clusters,
# same-denier pairs of one claim average 0.29-0.50 cosine; pairs of two claims stay under this only in part,
# and two claims of one denier are rare.
DENY_THRESHOLD = 0.2
# An attack by a known party ("protesters", "Sudan", "police") is told with its weapon, its target or its place,
# in any mix ("petrol bombs", "a bank in Athens", "a branch of the bank"): the item only has to be related.
# Measured on the story clusters' USE pairs of one block: same-claim pairs at or above 0.3 134/199, at or above
# 0.56 83/199; different-claim pairs 57/143 and 41/143.
USE_THRESHOLD = 0.3

class Touched:
    """What one article changes on its claims, written once at the end (counts, dates, centroids). A claim's vector
    is the mean of its mentions' items, so later wordings match the whole claim, not only its first wording."""

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
def compatible_blocks(a: str, b: str) -> bool:
    # Cached: a mention is compared with up to 500 widened candidates, whose blocks repeat across claims.
    return all(open_role(x) or open_role(y) or x == y or _group_meets_name(x, y) or _group_meets_name(y, x)
               for x, y in zip(_role_keys(a)[1:], _role_keys(b)[1:]))


def _role_keys(block: str) -> list[str]:
    return [part.split("=", 1)[1] for part in block.split("|")[1:]]


def _group_meets_name(group: str, name: str) -> bool:
    """ "a Russian drone maker" may be IEMZ Kupol; "Chinese companies" are not China itself."""
    return group.startswith("grp:") and name.startswith("ent:")


def threshold_of(mention: ClaimMention) -> tuple[float, bool]:
    """The score a candidate needs to be the mention's claim, and whether the mention's block is named."""
    if mention.type == "STATEMENT":
        return (NEGATED_STATEMENT_THRESHOLD if is_negated_statement(mention) else STATEMENT_THRESHOLD), False
    if mention.type == "DENY":
        return DENY_THRESHOLD, False
    roles = BLOCK_ROLES.get(mention.type, ("agent",))
    # Two named parties (Xiamen Limbach -> IEMZ Kupol) say which relation it is; one named agent does not.
    named = len(roles) > 1 and all(mention.arguments.get(r, "-").startswith("ent:") for r in roles)
    if mention.type == "USE" and not open_role(mention.arguments.get("agent", "-")):
        return USE_THRESHOLD, named
    return (NAMED_BLOCK_THRESHOLD if named else ITEM_THRESHOLD), named


# Item classes and place countries are pure functions of a few thousand distinct texts that recur across
# every block: worked out once per process instead of once per candidate (most of an update at 50k articles).
@lru_cache(maxsize=65536)
def mention_classes(item: Optional[str], lang: Optional[str]) -> frozenset[str]:
    return item_classes(item, lang)


def stored_classes(item: Optional[str]) -> frozenset[str]:
    """A stored claim's item classes, its language read off its words."""
    return mention_classes(item, _lang_of(item))


@lru_cache(maxsize=65536)
def stored_item_key(arguments: Optional[str]) -> Optional[str]:
    """The item key of a stored claim (`claims.arguments`, JSON)."""
    return json.loads(arguments or "{}").get("item")


# A matrix product sums each row in another order than `stored @ vector` does: for unit vectors of 512
# float32 values the two differ by about 1e-7. A cosine closer than this to the threshold is worked out
# one row at a time as before, so which claim wins never depends on the order of a sum.
ROUNDING_MARGIN = 1e-3


def named_item(mention: ClaimMention) -> Optional[str]:
    """The key of the named thing a mention is about ("the Garpiya-3", "a new model called the Garpiya-3"
    -> `ent:garpiya-3`), when the analysis names it."""
    key = mention.arguments.get("item")
    return key if key is not None and key.startswith("ent:") and mention.type != "STATEMENT" else None


def score_candidates(rows: list[Any], vector: Optional[np.ndarray], classes: frozenset[str], threshold: float, named: bool,
            touched: "Touched", item_key: Optional[str] = None, story: Optional[StoryScope] = None) -> list[float]:
    """`_item_score` of every candidate, exact for every one that reaches `threshold`; one below it may
    get an approximate cosine (still below it), which decides nothing.

    Claims this article has touched are scored one by one (their centroid includes its mentions); the
    others' stored vectors are decoded together and compared in one matrix product.
    """
    scores = [threshold] * len(rows)
    by_product = []
    for i, row in enumerate(rows):
        claim_classes = stored_classes(row.item) if classes else frozenset()
        if item_key is not None and stored_item_key(row.arguments) == item_key:
            scores[i] = 1.0  # the same named item: whatever the words around it
        elif classes and claim_classes:
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
    if story is not None:
        # Item classes that differ (-1.0) still tell two acts apart; a statement's words must still be related,
        # and its figures must not contradict the claim's ("ten killed" is not "twelve killed").
        floor = story.floor if story.propositions else -1.0
        # An attack by no one named elsewhere ("Lusk in Harrow province" / "the Tarrow refugee camp") is another act.
        scores = [-1.0 if other_place(story, row) or story.propositions and (
                      contradicts(story.propositions, claim_propositions(row, story), one_event(row, story))
                      or other_subject(story.propositions, story.subject, claim_propositions(row, story), row.item))
                  else threshold if floor < score < threshold and within_story(row, story) else score
                  for row, score in zip(rows, scores)]
        if story.wording:
            # The same words repeated in another article: one statement quoted or paraphrased around them (within one
            # article, contents that share words are more often one span read twice than one statement).
            scores = [threshold if -1.0 < score < threshold and row.id not in touched.created
                      and shared_wording(story, row, score) and in_window(row, story) else score
                      for row, score in zip(rows, scores)]
    return scores


def _exact_score(row: Any, vector: Optional[np.ndarray], threshold: float, named: bool, touched: "Touched") -> float:
    stored = touched.vector(row.id, row.vector, row.n_evidence)
    return _item_score(vector, stored, frozenset(), frozenset(), threshold, named)


def best_candidate(rows: list[Any], scores: list[float], threshold: float, touched: "Touched",
                   margin: float = 0.0) -> Optional[Any]:
    """The candidate with the best score at or above `threshold`, if any.

    Equal scores (or scores within `margin` of the best) go to the claim with
    more evidence: the one readers already know; then to the best score, then
    to the first in candidate order.
    """
    top = max((score for score in scores if score >= threshold), default=None)
    if top is None:
        return None
    best_row, best = None, (-1, -2.0)
    for row, score in zip(rows, scores):
        if score >= threshold and score >= top - margin:
            rank = (row.n_evidence + touched.counts.get(row.id, 0), score) if margin else (score, row.n_evidence + touched.counts.get(row.id, 0))
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
