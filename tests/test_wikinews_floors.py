"""Quality floors on real news we did not write: the Wikinews set of ../shared/corpora/wikinews.

The floors live in tests/baselines/wikinews.json, per language, a little under the figures
reached when they were set, so that a change that loses quality on real text fails here
instead of slipping through. Raise them as figures rise:
`make eval-real && .venv/bin/python scripts/wikinews_baseline.py` (floors only go up).
The 24 articles are analysed once per session and scored once per language.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

BASELINE = Path(__file__).resolve().parent / "baselines" / "wikinews.json"
# The floors are read with the baseline script's own path lookup, so setting and checking agree.
_SPEC = importlib.util.spec_from_file_location(
    "wikinews_baseline", Path(__file__).resolve().parents[1] / "scripts" / "wikinews_baseline.py")
BASELINE_SCRIPT = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(BASELINE_SCRIPT)  # type: ignore[union-attr]
FLOORS = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="session")
def wikinews_reports(analyzer, scorer, shared: Path, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The scorer's report per language on the Wikinews set, from one analysis run."""
    corpus = shared / "corpora" / "wikinews"
    if not (corpus / "articles").is_dir():
        pytest.skip("../shared/corpora/wikinews is absent")
    system_dir = tmp_path_factory.mktemp("wikinews-system")
    for analysis in analyzer.analyze_paths([corpus / "articles"]):
        record = analysis.to_dict()
        (system_dir / f"{record['document']['id']}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                       encoding="utf-8")
    reports = {}
    for lang in FLOORS:
        gold_dir = tmp_path_factory.mktemp(f"wikinews-gold-{lang}")
        for gold in sorted((corpus / "gold").glob(f"*_{lang}_*.gold.json")):
            shutil.copy(gold, gold_dir / gold.name)
        reports[lang] = scorer.score_dirs(str(gold_dir), str(system_dir))
    return reports


@pytest.mark.parametrize("lang,path,floor",
                         [(lang, path, floor) for lang, floors in sorted(FLOORS.items())
                          for path, floor in sorted(floors.items())])
def test_wikinews_floor(wikinews_reports, lang: str, path: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    report = wikinews_reports[lang]
    assert report["paired"] == len(list(Path(report["gold_dir"]).glob("*.gold.json"))), "an article was not analysed"
    value = BASELINE_SCRIPT.figure(report, path)
    assert value is not None and value >= floor, f"wikinews {lang} {path}: {value} < floor {floor}"
