"""The stand-off gold of the real story clusters (tests/graph_gold/stories) materialises into
schema-valid CONTRACT v1 analyses, every claim mention resolves, and the repository copy holds
offsets and our own labels only (no article text)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from load_script import load_script

REPO = Path(__file__).resolve().parents[1]
STANDOFF = REPO / "tests" / "graph_gold" / "stories"


@pytest.fixture(scope="module")
def stories_gold():  # type: ignore[no-untyped-def]
    return load_script("stories_gold")


@pytest.fixture(scope="module")
def materialised(stories_gold, shared: Path):  # type: ignore[no-untyped-def]
    if not (shared / "corpora" / "stories").exists():
        pytest.skip("no story corpus in ../shared")
    return {cluster: stories_gold.load_cluster(cluster, shared) for cluster in stories_gold.clusters()}


def test_there_is_gold_for_at_least_one_cluster(stories_gold) -> None:  # type: ignore[no-untyped-def]
    assert stories_gold.clusters()


def test_materialised_analyses_are_schema_valid(materialised, schema: dict) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema)
    for cluster, (analyses, _) in materialised.items():
        for stem, analysis in analyses.items():
            errors = [e.message for e in validator.iter_errors(analysis)]
            assert not errors, (cluster, stem, errors[:3])
            text = analysis["document"]["text"]
            spans = [m for e in analysis["entities"] for m in e["mentions"]]
            for a in analysis["attributions"]:
                spans += [a["source"], a["content"]] + ([a["cue"]] if a["cue"] else [])
            for v in analysis["events"]:
                spans += [v["trigger"], *v["arguments"].values()] + ([v["time"]] if v["time"] and "start" in v["time"] else [])
            for s in spans:
                assert text[s["start"]:s["end"]] == s["text"] and s["text"] == s["text"].strip(), (stem, s)


def test_records_reference_existing_ids(materialised) -> None:  # type: ignore[no-untyped-def]
    for cluster, (analyses, _) in materialised.items():
        for stem, analysis in analyses.items():
            entities = {e["id"] for e in analysis["entities"]}
            attributions = {a["id"] for a in analysis["attributions"]}
            for a in analysis["attributions"]:
                assert a["parent"] in attributions | {None} and a["parent"] != a["id"], (stem, a["id"])
                assert a["source"]["entity"] in entities | {None}, (stem, a["id"])
            for v in analysis["events"]:
                assert v["attribution"] in attributions | {None}, (stem, v["id"])
                for arg in v["arguments"].values():
                    assert arg["entity"] in entities | {None}, (stem, v["id"])


def test_every_claim_mention_resolves_once(materialised) -> None:  # type: ignore[no-untyped-def]
    for cluster, (analyses, spec) in materialised.items():
        seen: dict[str, str] = {}
        ids = [c["id"] for c in spec["claims"]]
        assert len(ids) == len(set(ids)), cluster
        for claim in spec["claims"]:
            assert claim["mentions"], claim["id"]
            assert claim["origins"] is None or len(claim["origins"]) >= 1, claim["id"]
            for mention in claim["mentions"]:
                stem, record = mention.split("#")
                analysis = analyses[stem]
                records = {r["id"]: r for r in analysis["attributions"] + analysis["events"]}
                assert record in records, (cluster, claim["id"], mention)
                if claim["type"] == "STATEMENT":
                    assert record.startswith("a"), mention
                else:
                    assert records[record]["type"] == claim["type"], mention
                assert mention not in seen, (mention, seen.get(mention), claim["id"])
                seen[mention] = claim["id"]
        for relay in spec["relays"]:
            for key in ("article", "relays"):
                if re.fullmatch(r"\d+_\d+ecbplus", relay[key]):
                    assert relay[key] in analyses, relay


def _own_words(path: Path) -> list[str]:
    """The free-text fields of a repository gold file (labels, origin names, notes); entity
    names are proper names and are not checked."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if path.name == "claims.json":
        return ([data["format"]] + [c["label"] for c in data["claims"]]
                + [o for c in data["claims"] for o in (c["origins"] or [])] + [r["how"] for r in data["relays"]])
    return [data["format"], data.get("layers", "")]


def test_repository_copy_holds_no_article_text(materialised) -> None:  # type: ignore[no-untyped-def]
    """Labels, origin names and notes are our own words: no run of eight article words in them."""
    def grams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 8]) for i in range(len(words) - 7)}

    for cluster, (analyses, _) in materialised.items():
        article_grams: set[tuple[str, ...]] = set()
        for analysis in analyses.values():
            article_grams |= grams(analysis["document"]["text"])
        for path in (STANDOFF / cluster).glob("*.json"):
            for value in _own_words(path):
                assert not grams(value) & article_grams, (path.name, value[:80])
        readme = (STANDOFF / "README.md")
        if readme.exists():
            for line in readme.read_text(encoding="utf-8").splitlines():
                assert not grams(line) & article_grams, ("README.md", line[:80])
