"""Articles without a language: the parent detects the first batch's languages and analyses one article of each
before the workers fork, so that they inherit its pipelines instead of each loading its own."""
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


def test_the_parent_analyses_one_article_per_detected_language_first(analyzer, two_workers) -> None:  # type: ignore[no-untyped-def]
    unknown = [replace(d, lang="und") for d in documents()]
    here: list[str] = []
    analyse_here = two_workers._analyze_here

    def recorded(batch):  # type: ignore[no-untyped-def]
        batch = list(batch)
        here.extend(d.lang for d in batch)
        return analyse_here(batch)

    two_workers._analyze_here = recorded
    pooled = as_json(list(two_workers.analyze_all(unknown)))
    assert sorted(here) == ["en", "fr"]  # detected in the parent, one article each, before the pool started
    alone = Analyzer(load_settings(n_process=1, batch_size=16))
    alone.pipelines = analyzer.pipelines
    assert pooled == as_json(list(alone.analyze_all(unknown)))
