"""Articles without a language: the parent detects the first batch's languages and loads their pipelines before
the workers fork, so that they inherit them instead of each loading its own; with a `prepare` hook it also
analyses one article of each there (the hook's own models load on first use)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph.config import load_settings
from claimgraph.pipeline import Analyzer
from test_workers import as_json, documents


@pytest.fixture()
def two_workers(analyzer):  # type: ignore[no-untyped-def]
    pooled = Analyzer(load_settings(n_process=2, batch_size=2))
    pooled.pipelines = analyzer.pipelines
    yield pooled
    pooled.close()


@pytest.mark.parametrize("prepared", [False, True])
def test_the_parent_loads_each_detected_language_first(analyzer, two_workers, monkeypatch, prepared) -> None:  # type: ignore[no-untyped-def]
    unknown = [replace(d, lang="und") for d in documents()]
    here: list[str] = []
    loaded: list[str] = []
    analyse_here = two_workers._analyze_here
    load = two_workers.pipelines.get

    def recorded(batch):  # type: ignore[no-untyped-def]
        batch = list(batch)
        here.extend(d.lang for d in batch)
        return analyse_here(batch)

    def recorded_load(lang):  # type: ignore[no-untyped-def]
        loaded.append(lang)
        return load(lang)

    two_workers._analyze_here = recorded
    monkeypatch.setattr(two_workers.pipelines, "get", recorded_load)
    if prepared:
        two_workers.prepare = lambda analysis: analysis.prepared.update(seen=True)
    pooled = list(two_workers.analyze_all(unknown))
    assert sorted(set(loaded)) == ["en", "fr"]  # detected and loaded in the parent, before the pool started
    # with a prepare hook, one article of each language analysed here first; else none
    assert sorted(here) == (["en", "fr"] if prepared else [])
    assert all(a.prepared == ({"seen": True} if prepared else {}) for a in pooled)
    alone = Analyzer(load_settings(n_process=1, batch_size=16))
    alone.pipelines = analyzer.pipelines
    assert as_json(pooled) == as_json(list(alone.analyze_all(unknown)))
