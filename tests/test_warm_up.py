"""The Analyzer loads what extraction reads on first use right after a pipeline (pipeline.warm_up)."""
from __future__ import annotations

from claimgraph import pipeline
from claimgraph.config import load_settings
from claimgraph.extract.learned.tagger import load_tagger
from claimgraph.nlp import PipelineCache


def test_the_hook_runs_once_per_loaded_language() -> None:
    cache = PipelineCache(load_settings())
    seen: list[str] = []
    cache.on_load = lambda lang, nlp: seen.append(lang)
    first = cache.get("en")
    assert cache.get("en") is first
    assert seen == ["en"]


def test_the_analyzer_warms_its_pipelines_and_the_tagger_is_loaded() -> None:
    analyzer = pipeline.Analyzer(load_settings(n_process=1))
    assert analyzer.pipelines.on_load is pipeline.warm_up
    load_tagger.cache_clear()
    pipeline.warm_up("en", analyzer.pipelines.get("en"))
    assert load_tagger.cache_info().currsize == 1


def test_a_failing_warm_up_is_no_failure() -> None:
    def broken(text: str) -> None:
        raise RuntimeError("no parse")

    pipeline.warm_up("en", broken)  # type: ignore[arg-type]
