"""Quality floors on real news we did not write: ../shared/corpora/wikinews (24 articles, many
topics) and ../shared/corpora/homenews (20 articles on arms supply, sanctions and denials).

The floors live in tests/baselines/<set>.json, per language, a little under the figures reached
when they were set, so that a change that loses quality on real text fails here instead of
slipping through. Raise them as figures rise:
`make eval-real && .venv/bin/python scripts/real_news_baseline.py [--set homenews]` (floors only go up).
Each set is analysed once per session and scored once per language.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from load_script import load_script

BASELINES = Path(__file__).resolve().parent / "baselines"
# The floors are read with the baseline script's own path lookup, so setting and checking agree.
BASELINE_SCRIPT = load_script("real_news_baseline")
FLOORS = {corpus: json.loads((BASELINES / f"{corpus}.json").read_text(encoding="utf-8"))["floors"]
          for corpus in BASELINE_SCRIPT.SETS if (BASELINES / f"{corpus}.json").exists()}


@pytest.fixture(scope="session")
def real_news_reports(analyzer, scorer, shared: Path, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The scorer's report per set and language, from one analysis run of every set."""
    reports: dict[tuple[str, str], dict] = {}
    for corpus, floors in FLOORS.items():
        folder = shared / "corpora" / corpus
        if not (folder / "articles").is_dir():
            continue
        system_dir = tmp_path_factory.mktemp(f"{corpus}-system")
        for analysis in analyzer.analyze_paths([folder / "articles"]):
            record = analysis.to_dict()
            (system_dir / f"{record['document']['id']}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                           encoding="utf-8")
        for lang in floors:
            gold_dir = tmp_path_factory.mktemp(f"{corpus}-gold-{lang}")
            for gold in sorted((folder / "gold").glob(f"*_{lang}_*.gold.json")):
                shutil.copy(gold, gold_dir / gold.name)
            reports[corpus, lang] = scorer.score_dirs(str(gold_dir), str(system_dir))
    return reports


@pytest.mark.parametrize("corpus,lang,path,floor",
                         [(corpus, lang, path, floor) for corpus, by_lang in sorted(FLOORS.items())
                          for lang, floors in sorted(by_lang.items()) for path, floor in sorted(floors.items())])
def test_real_news_floor(real_news_reports, corpus: str, lang: str, path: str,  # type: ignore[no-untyped-def]
                         floor: float) -> None:
    if (corpus, lang) not in real_news_reports:
        pytest.skip(f"../shared/corpora/{corpus} is absent")
    report = real_news_reports[corpus, lang]
    assert report["paired"] == len(list(Path(report["gold_dir"]).glob("*.gold.json"))), "an article was not analysed"
    value = BASELINE_SCRIPT.figure(report, path)
    assert value is not None and value >= floor, f"{corpus} {lang} {path}: {value} < floor {floor}"
