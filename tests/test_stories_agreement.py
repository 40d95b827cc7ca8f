"""scripts/stories_agreement.py runs on the committed annotations of both annotators: a comparison of
annotator 1 with itself scores 1.0 everywhere, the second annotation resolves (sha256, ids) and
gives figures in range, and the second annotator's files hold no article text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from load_script import load_script

CLUSTER = "04_athens-marfin-bank-firebomb"


@pytest.fixture(scope="module")
def agreement_module(shared: Path):  # type: ignore[no-untyped-def]
    if not (shared / "corpora" / "stories" / CLUSTER).exists():
        pytest.skip("no story corpus in ../shared")
    return load_script("stories_agreement")


def test_an_annotation_agrees_fully_with_itself(agreement_module, shared: Path) -> None:  # type: ignore[no-untyped-def]
    result = agreement_module.agreement(CLUSTER, shared, self_check=True)
    assert result["mentions"]["f1"] == 1.0
    assert result["claims"]["pairwise_f1"] == 1.0
    assert result["origins"]["agreement"] == 1.0
    assert result["origins"]["aligned_claims"] == result["claims"]["annotator1"]


def test_second_annotation_is_compared(agreement_module, shared: Path) -> None:  # type: ignore[no-untyped-def]
    result = agreement_module.agreement(CLUSTER, shared)
    assert result["mentions"]["annotator2"] > 0 and result["mentions"]["aligned1"] > 0
    for figure in (result["mentions"]["f1"], result["claims"]["pairwise_f1"], result["origins"]["agreement"]):
        assert 0.0 < figure <= 1.0
    assert result["origins"]["aligned_claims"] <= min(result["claims"]["annotator1"], result["claims"]["annotator2"])


def test_second_annotation_holds_no_article_text(agreement_module, shared: Path) -> None:  # type: ignore[no-untyped-def]
    articles = sorted((shared / "corpora" / "stories" / CLUSTER / "articles").glob("*.txt"))
    words = re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in articles).lower())
    eight_grams = {tuple(words[i:i + 8]) for i in range(len(words) - 7)}
    for path in (agreement_module.SECOND / CLUSTER).glob("*.json"):
        ours = re.findall(r"\w+", json.dumps(json.loads(path.read_text(encoding="utf-8"))).lower())
        leaks = [ours[i:i + 8] for i in range(len(ours) - 7) if tuple(ours[i:i + 8]) in eight_grams]
        assert not leaks, (path.name, leaks[:1])
