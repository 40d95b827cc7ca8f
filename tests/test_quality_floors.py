"""Quality floors for attributions, entities and events on the gold set (tests/gold, texts in examples/).

The floors sit a little under the figures reached when they were set
(content F1 0.86, source 0.92, source.type 0.98, kind 0.97, certainty 0.92,
polarity 0.95, hedged F1 0.85, negated F1 0.85), so that a change that loses
quality fails here instead of slipping through. Raise them as the figures rise.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ATTRIBUTION_FLOORS = {
    ("content", "f1"): 0.80,
    ("accuracy", "source"): 0.85,
    ("accuracy", "source.type"): 0.92,
    ("accuracy", "kind"): 0.92,
    ("accuracy", "certainty"): 0.87,
    ("accuracy", "polarity"): 0.90,
    ("flags", "hedged"): 0.75,
    ("flags", "negated"): 0.75,
}


@pytest.mark.parametrize("where,floor", sorted(ATTRIBUTION_FLOORS.items()))
def test_attribution_floor(gold_report, where: tuple[str, str], floor: float) -> None:  # type: ignore[no-untyped-def]
    group, name = where
    figures = gold_report["attributions"][group]
    value = figures[name] if group == "content" else figures[name]["accuracy" if group == "accuracy" else "f1"]
    assert value is not None and value >= floor, f"attributions {group} {name}: {value} < floor {floor}"


# Set a little under: entity mentions typed F1 0.999, canonical pairwise F1 1.000, events F1 0.782,
# SUPPLY F1 0.847, time.value accuracy 0.875 (13 gold articles, 2026-11-23).
# After the gold followed ANNOTATION.md section 4 (2026-12-07): typed 0.992, canonical 0.999,
# attributions content F1 0.890 (was 0.914), events F1 0.810 (was 0.836); floors unchanged, all still under.
ENTITY_EVENT_FLOORS = {
    ("entities", "typed"): 0.93,
    ("entities", "canonical"): 0.93,
    ("events", "overall"): 0.72,
    ("events", "SUPPLY"): 0.78,
    ("events", "time.value"): 0.80,
}


def _entity_event_figure(report: dict, where: tuple[str, str]) -> float | None:
    group, name = where
    if group == "entities":
        return report["entities"][name]["f1"]
    if name == "overall":
        return report["events"]["overall"]["f1"]
    if name == "time.value":
        return report["events"]["accuracy"]["time.value"]["accuracy"]
    return report["events"]["per_type"][name]["f1"]


@pytest.mark.parametrize("where,floor", sorted(ENTITY_EVENT_FLOORS.items()))
def test_entity_and_event_floor(gold_report, where: tuple[str, str], floor: float) -> None:  # type: ignore[no-untyped-def]
    value = _entity_event_figure(gold_report, where)
    assert value is not None and value >= floor, f"{where}: {value} < floor {floor}"
