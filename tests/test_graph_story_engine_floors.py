"""Floors for the evidence graph end to end on the real multi-outlet story clusters (issue 12): the engine's own
per-article analyses of the articles in ../shared/corpora/stories, fed to the graph (`scripts/eval_graph.py`, engine
mode). The figures sit a little under session 12's end-to-end measurements (docs/graph-measured-session12.md; session
13's in docs/graph-measured.md); the target
(F1 0.80) is not met. This is the one place CI measures extraction and graph together on news we did not write, so an
extraction change that breaks claims on real stories fails here even when the per-article scores hold."""
from __future__ import annotations

import pytest

from load_script import load_script

# cluster number: clustering F1 floor; measured end to end after the graph rounds of session 12 and the extraction
# round "news layout and voices" of docs/graph-measured.md: see there; 01 0.563 and 04 0.764 after session 13's
# "agents read again in their sentence" (graph/actors.py reread_agents).
F1_FLOORS = {"01": 0.55, "02": 0.71, "03": 0.74, "04": 0.74}
# cluster number: whole-claim origin-count accuracy floor; measured end to end 01 0.444, 02 0.526, 03 0.667, 04 0.724
# (session 13, helper origins, on main afc0740; docs/graph-measured.md).
ORIGIN_FLOORS = {"01": 0.42, "02": 0.50, "03": 0.64, "04": 0.70}


@pytest.fixture(scope="module")
def eval_graph():  # type: ignore[no-untyped-def]
    script = load_script("eval_graph")
    if not script.story_sets():
        pytest.skip("../shared/corpora/stories is not here")
    return script


@pytest.mark.parametrize("number", sorted(F1_FLOORS))
def test_the_engine_end_to_end_keeps_its_figures_on_a_real_story_cluster(eval_graph, number: str) -> None:  # type: ignore[no-untyped-def]
    (name,) = [s for s in eval_graph.story_sets() if s.split(":", 1)[-1].startswith(number)]
    report = eval_graph.evaluate("engine", name)
    assert report["pairwise"]["f1"] >= F1_FLOORS[number], (name, report["pairwise"])
    assert report["origin_count_accuracy"] >= ORIGIN_FLOORS[number], (name, report["origin_count_accuracy"])
    sanity = report["role_sanity"]
    for problem in ("absurd_role_claims", "non_source_origins", "outlet_deniers", "self_denials"):
        assert sanity[problem] == 0, (name, problem, sanity)
