"""A stored claim's decoded arguments are cached by their JSON text: a claim whose arguments change between two
articles of one sync is judged on its new arguments, never on what an earlier article read (graph/story_scope.py)."""
from __future__ import annotations

import json
from types import SimpleNamespace

from claimgraph.graph.denials import day
from claimgraph.graph.story_scope import StoryScope, shared_wording, word_runs, within_story

WORDS = "the committee voted to close the northern river crossing for repairs before winter"


def claim(agent: str) -> SimpleNamespace:
    """One claim row, the same id each time: only its stored arguments differ."""
    return SimpleNamespace(id="c1", item=WORDS, arguments=json.dumps({"agent": agent, "item": "grp:crossing"}),
                           names=json.dumps({}), first_seen="2025-03-01", last_seen="2025-03-01")


def test_a_judgement_follows_the_claims_current_arguments() -> None:
    scope = StoryScope(day("2025-03-02"), frozenset({"judge:murder"}), frozenset({"ent:alpha"}),
                       claims={"c1": frozenset({"judge:murder"})}, answers=False)
    assert within_story(claim("ent:alpha"), scope)
    assert not within_story(claim("ent:beta"), scope)  # same id, other party now: "murder" of another
    assert within_story(claim("ent:alpha"), scope)


def test_shared_wording_follows_the_claims_current_arguments() -> None:
    scope = StoryScope(day("2025-03-02"), actors=frozenset({"ent:alpha"}), wording=word_runs(WORDS))
    assert shared_wording(scope, claim("ent:alpha"), 0.0)
    assert not shared_wording(scope, claim("ent:beta"), 0.0)  # a stale decode would still name ent:alpha
    assert shared_wording(scope, claim("ent:alpha"), 0.0)
