"""Stores built before the claim-key review (units, protesting, place names, state denials) re-take their graph."""
from __future__ import annotations

from claimgraph.store.migrations import MIGRATIONS, retake_graph


def test_the_claim_key_review_retakes_the_graph() -> None:
    versions = [v for v, _ in MIGRATIONS]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    steps = dict(MIGRATIONS)
    assert steps.get("0037_graph_former_titles_plural_pronouns_2026_12_08") is retake_graph, "it covers the review"
