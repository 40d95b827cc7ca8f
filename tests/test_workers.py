"""Analysis in worker processes gives the same analyses as one process, and loses only the article at fault."""
from __future__ import annotations

import json
import os

import pytest

import claimgraph.pipeline
from claimgraph.config import load_settings
from claimgraph.model import Analysis, Document, Rejection
from claimgraph.pipeline import Analyzer

# Invented articles, two languages mixed, so that batches hold both.
TEXTS = [
    ("en", "Norland denies arming Vesteria\n\nThe Norland foreign ministry said on Monday that it had never "
           "supplied drone engines to Vesteria. Officials in Ostrava claimed the engines were shipped in March."),
    ("fr", "Le Norland dément toute livraison\n\nLe ministère a affirmé mardi que le Norland n'avait jamais livré "
           "de moteurs de drones au Vesteria. Selon des responsables, les pièces auraient transité par Ostrava."),
    ("en", "Kalder Systems builds radar parts\n\nKalder Systems is developing new radar parts for the Brenmark navy, "
           "a spokesman told reporters. Analysts warned that the company might be selling them abroad."),
    ("fr", "Sanctions contre Tessin Arms\n\nLe gouvernement du Vesteria a annoncé vendredi des sanctions contre "
           "Tessin Arms, accusée de fournir des obus d'artillerie au Norland, ce que l'entreprise conteste."),
    ("en", "Ministry rejects report\n\nThe ministry called the report groundless. According to the newspaper, "
           "the Ostrava plant produced machine tools for the Brenmark army last year."),
]


def documents() -> list[Document]:
    return [Document(id=f"workers-{i}", text=text, lang=lang, title=text.split("\n")[0], path=f"invented-{i}.txt")
            for i, (lang, text) in enumerate(TEXTS)]


def as_json(items: list[object]) -> list[str]:
    return [json.dumps(i.to_dict(), ensure_ascii=False) if isinstance(i, Analysis) else repr(i) for i in items]


@pytest.fixture()
def two_workers(analyzer):  # type: ignore[no-untyped-def]
    """An Analyzer with two worker processes and batches of two (so five articles go to workers: one task
    of two, then the tail one per task), using the session's loaded pipelines (forked workers inherit them)."""
    pooled = Analyzer(load_settings(n_process=2, batch_size=2))
    pooled.pipelines = analyzer.pipelines
    yield pooled
    pooled.close()


def test_two_processes_give_the_same_analyses_as_one(analyzer, two_workers) -> None:  # type: ignore[no-untyped-def]
    alone = Analyzer(load_settings(n_process=1, batch_size=16))  # one nlp.pipe batch for all five
    alone.pipelines = analyzer.pipelines
    expected = as_json(list(alone.analyze_all(documents())))
    assert all(not line.startswith("Rejection") for line in expected)
    assert as_json(list(two_workers.analyze_all(documents()))) == expected
    assert any(json.loads(line)["attributions"] for line in expected)  # the comparison compares something


def test_an_article_that_fails_in_a_worker_is_rejected_alone(two_workers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    original = claimgraph.pipeline.analyze_parsed

    def faulty(document, doc):  # type: ignore[no-untyped-def]
        if document.id == "workers-1":
            raise RuntimeError("invented extraction bug")
        if document.id == "workers-3":
            os._exit(3)  # the worker process dies with its whole batch
        return original(document, doc)

    monkeypatch.setattr(claimgraph.pipeline, "analyze_parsed", faulty)  # forked workers inherit the patch
    results = list(two_workers.analyze_all(documents()))
    assert [r.document.id if isinstance(r, Analysis) else r.path for r in results] == \
        ["workers-0", "invented-1.txt", "workers-2", "invented-3.txt", "workers-4"]
    assert isinstance(results[1], Rejection) and "invented extraction bug" in results[1].detail
    assert isinstance(results[3], Rejection) and "worker" in results[3].reason


def test_one_batch_is_analysed_without_starting_workers(analyzer) -> None:  # type: ignore[no-untyped-def]
    pooled = Analyzer(load_settings(n_process=2, batch_size=16))
    pooled.pipelines = analyzer.pipelines
    assert len(list(pooled.analyze_all(documents()))) == len(TEXTS)
    assert pooled.workers._pool is None


def test_n_process_must_be_positive(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.errors import ConfigError

    monkeypatch.setenv("CLAIMGRAPH_N_PROCESS", "0")
    with pytest.raises(ConfigError):
        load_settings()


def test_tasks_are_whole_batches_then_a_split_tail(analyzer) -> None:  # type: ignore[no-untyped-def]
    pooled = Analyzer(load_settings(n_process=2, batch_size=4))
    items = [Document(id=f"task-{i}", text="x", lang="en") for i in range(23)]
    tasks = [[d.id for d in task] for task in pooled.workers._tasks(iter(items))]
    assert [len(t) for t in tasks] == [4, 4, 4, 4] + [1] * 7
    assert [i for task in tasks for i in task] == [d.id for d in items]
    assert [len(t) for t in pooled.workers._tasks(iter(items[:3]))] == [1, 1, 1]
