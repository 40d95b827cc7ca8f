"""Candidate scoring in `graph.update`: batched and cached, it must pick what scoring one row at a time picked."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Optional

import numpy as np
import pytest

from claimgraph.graph.embed import DIM, from_blob, from_blobs, to_blob
from claimgraph.graph.scoring import (ITEM_THRESHOLD, NAMED_BLOCK_THRESHOLD, Touched, _item_score, best_candidate,
                                      score_candidates, stored_classes)

ITEMS = ["lethal weapons", "des armes létales", "complete drone engines", "dual-use goods", "the Garpiya-3", None]


def _unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _at_cosine(target: np.ndarray, cosine: float, rng: np.random.Generator) -> np.ndarray:
    """A unit vector whose cosine with `target` is `cosine` (before float16 storage rounds it)."""
    other = rng.standard_normal(DIM).astype(np.float32)
    other = _unit(other - (other @ target) * target)
    return _unit(cosine * target + np.sqrt(1 - cosine ** 2) * other)


def _candidates(vector: np.ndarray, threshold: float, rng: np.random.Generator) -> list[Any]:
    """Claims as `_candidates` reads them: near the threshold, exact duplicates (ties), no vector, no item."""
    rows = []
    for i in range(120):
        kind = i % 6
        if kind == 0:
            stored: Optional[np.ndarray] = _at_cosine(vector, threshold + rng.uniform(-2e-3, 2e-3), rng)
        elif kind == 1:
            stored = _at_cosine(vector, rng.uniform(-0.2, 1.0), rng)
        elif kind == 2 and rows and rows[-1].vector is not None:
            stored = from_blob(rows[-1].vector)  # the same stored vector as the previous claim: equal cosines
        elif kind == 3:
            stored = None
        else:
            stored = _at_cosine(vector, rng.uniform(0.4, 0.9), rng)
        rows.append(SimpleNamespace(id=f"c{i:03d}", vector=to_blob(stored) if stored is not None else None,
                                    item=ITEMS[int(rng.integers(len(ITEMS)))], n_evidence=int(rng.integers(1, 4))))
    return rows


def _touched(rows: list[Any], vector: np.ndarray) -> Touched:
    """An article that already took a few of the claims (centroids moved) and created one."""
    touched = Touched()
    for row in rows[5:40:7]:
        touched.vector(row.id, row.vector, row.n_evidence)
        touched.add(row.id, "2024-01-01", vector)
    touched.new(rows[3].id, vector)
    touched.add(rows[3].id, "2024-01-01", vector)
    return touched


def _best_one_by_one(rows: list[Any], vector: Optional[np.ndarray], classes: frozenset[str], threshold: float,
                     named: bool, touched: Touched) -> tuple[Optional[str], list[float]]:
    """The loop `_claim_for` ran before scores were batched (2026-11-24)."""
    best_id, best, scores = None, (-2.0, -1), []
    for row in rows:
        stored = touched.vector(row.id, row.vector, row.n_evidence)
        score = _item_score(vector, stored, classes, stored_classes(row.item) if classes else frozenset(),
                            threshold, named)
        scores.append(score)
        rank = (score, row.n_evidence + touched.counts.get(row.id, 0))
        if score >= threshold and rank > best:
            best_id, best = row.id, rank
    return best_id, scores


def test_stored_vectors_decode_together_as_one_by_one() -> None:
    rng = np.random.default_rng(3)
    blobs = [to_blob(_unit(rng.standard_normal(DIM))) for _ in range(7)]
    assert np.array_equal(from_blobs(blobs), np.stack([from_blob(b) for b in blobs]))
    assert from_blobs([]).shape == (0, DIM)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("named", [False, True])
@pytest.mark.parametrize("classes", [frozenset(), frozenset({"weapons"})])
def test_batched_scores_pick_the_claim_one_by_one_scoring_picked(seed: int, named: bool,
                                                                   classes: frozenset[str]) -> None:
    rng = np.random.default_rng(seed)
    vector = _unit(rng.standard_normal(DIM))
    threshold = NAMED_BLOCK_THRESHOLD if named else ITEM_THRESHOLD
    rows = _candidates(vector, threshold, rng)
    expected, one_by_one = _best_one_by_one(rows, vector, classes, threshold, named, _touched(rows, vector))
    touched = _touched(rows, vector)
    scores = score_candidates(rows, vector, classes, threshold, named, touched)
    best = best_candidate(rows, scores, threshold, touched)
    assert (best.id if best is not None else None) == expected
    # Exact wherever a score can win; below the threshold only "below" matters.
    for score, reference in zip(scores, one_by_one):
        assert score == reference if reference >= threshold else score < threshold


def test_a_mention_without_item_fits_every_claim_at_the_threshold() -> None:
    rng = np.random.default_rng(1)
    rows = _candidates(_unit(rng.standard_normal(DIM)), ITEM_THRESHOLD, rng)
    touched = Touched()
    assert score_candidates(rows, None, frozenset(), ITEM_THRESHOLD, False, touched) == [ITEM_THRESHOLD] * len(rows)
    # Equal scores: the claim with most evidence, then the first of them.
    most = max(row.n_evidence for row in rows)
    assert best_candidate(rows, [ITEM_THRESHOLD] * len(rows), ITEM_THRESHOLD, touched) is next(
        row for row in rows if row.n_evidence == most)
