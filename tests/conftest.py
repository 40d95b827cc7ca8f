"""Shared fixtures: paths, one Analyzer (spaCy models loaded once per test session)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
GOLD = REPO / "tests" / "gold"
SEED = EXAMPLES / "000_484c29df8968dbf4.txt"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from claimgraph.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def nlp_fr(analyzer):  # type: ignore[no-untyped-def]
    return analyzer.pipelines.get("fr")


@pytest.fixture(scope="session")
def nlp_en(analyzer):  # type: ignore[no-untyped-def]
    return analyzer.pipelines.get("en")


@pytest.fixture(scope="session")
def scorer(shared: Path):  # type: ignore[no-untyped-def]
    """The shared scorer module (../shared/eval/score.py)."""
    from load_script import load_module

    return load_module(shared / "eval" / "score.py", "claimgraph_shared_score")


@pytest.fixture(scope="session")
def schema(shared: Path) -> dict:
    import json

    return json.loads((shared / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_report(analyzer, scorer, repo: Path, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The scorer's report on the gold set: every gold article with its text in examples/, analysed once."""
    import json
    import shutil

    gold_dir = tmp_path_factory.mktemp("gold")
    system_dir = tmp_path_factory.mktemp("system")
    texts = []
    for gold in sorted((repo / "tests" / "gold").glob("*.gold.json")):
        text = repo / "examples" / (gold.name[: -len(".gold.json")] + ".txt")
        if text.exists():
            shutil.copy(gold, gold_dir / gold.name)
            texts.append(text)
    if not texts:
        pytest.skip("no gold article with its text in examples/")
    for path, analysis in zip(texts, analyzer.analyze_paths(texts)):
        (system_dir / f"{path.stem}.json").write_text(json.dumps(analysis.to_dict(), ensure_ascii=False),
                                                      encoding="utf-8")
    return scorer.score_dirs(str(gold_dir), str(system_dir))


@pytest.fixture(scope="session")
def demo_db(analyzer, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """A store of examples/ plus one hostile article (tests/serve_store.py), built once per session."""
    from serve_store import build_demo_store

    return build_demo_store(tmp_path_factory.mktemp("demo"), EXAMPLES, analyzer)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, empty store on each backend (PostgreSQL skips with a message where no server answers)."""
    from backends import store_urls

    yield from store_urls(request, tmp_path)
