"""Floors for the evidence graph on the real multi-outlet story clusters (issue 12), fed the annotators' per-article
analyses (`scripts/eval_graph.py --input gold`): clustering F1 and origin-count accuracy a little under the figures
measured at the end of session 11 (docs/graph-measured-session11.md; later figures in docs/graph-measured.md), and a
role-sanity report that stays empty. They keep a
graph change from giving back what the story rounds won; the targets themselves (F1 0.90, origins 0.90) are not met
yet on every cluster."""
from __future__ import annotations

import pytest

from load_script import load_script

# set: (clustering F1 floor, origin-count accuracy floor); measured 01 0.894/0.667, 02 0.953/0.684,
# 03 0.842/0.708, 04 0.864/0.828 (session 12).
FLOORS = {
    "01": (0.88, 0.64),
    "02": (0.94, 0.65),
    "03": (0.83, 0.68),
    "04": (0.84, 0.79),
}


@pytest.fixture(scope="module")
def eval_graph():  # type: ignore[no-untyped-def]
    return load_script("eval_graph")


@pytest.mark.parametrize("number", sorted(FLOORS))
def test_the_graph_alone_keeps_its_figures_on_a_real_story_cluster(eval_graph, number: str) -> None:  # type: ignore[no-untyped-def]
    (name,) = [s for s in eval_graph.story_sets() if s.split(":", 1)[-1].startswith(number)]
    report = eval_graph.evaluate("gold", name)
    f1_floor, origin_floor = FLOORS[number]
    assert report["pairwise"]["f1"] >= f1_floor, (name, report["pairwise"])
    assert report["origin_count_accuracy"] >= origin_floor, (name, report["origin_count_accuracy"])
    sanity = report["role_sanity"]
    for problem in ("absurd_role_claims", "non_source_origins", "outlet_deniers", "self_denials"):
        assert sanity[problem] == 0, (name, problem, sanity)
