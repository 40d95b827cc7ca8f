"""The brief answers first (a verdict paragraph), respects --limit, finds a company given in part
and says "no evidence found" for a question naming nobody the store knows (invented articles)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.names import name_runs
from claimgraph.graph.verdict import NO_EVIDENCE, merge_duplicates, verdict
from claimgraph.model.claims import ClaimSummary, Origin

from graph_docs import denial, government_claim, store_with, times_en, times_fr, wire

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> str:
    store = store_with(tmp_path, [times_en(), times_fr(), government_claim(), wire("wire-a", "Reuters", "2024-09-25"),
                                  denial()], "brief.db")
    store.close()
    return str(tmp_path / "brief.db")


def brief(db: str, *args: str) -> dict:
    result = runner.invoke(app, ["brief", *args, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_verdict_says_who_alleges_how_firmly_and_who_denies(db: str) -> None:
    answer = brief(db, "Are Chinese companies supplying weapons to Russia?")
    assert answer["claims"], "the store holds the Times story"
    text = answer["verdict"]
    assert "independent origin" in text and "The Times" in text
    assert "Government of China" in text, "the state that denies, not the outlet that reports the denial"
    assert "Pacific Ledger" not in text
    origins = [len(c["origins"]) for c in answer["claims"]]
    assert origins == sorted(origins, reverse=True), "claims ranked by evidence"


def test_a_question_naming_an_unknown_company_finds_no_evidence(db: str) -> None:
    result = runner.invoke(app, ["brief", "Is Quillfeather Dynamics supplying drones to Russia?", "--db", db])
    assert result.exit_code == 0, result.output
    assert NO_EVIDENCE in result.stdout and "Quillfeather Dynamics" in result.stdout
    assert "## At a glance" not in result.stdout, "no unrelated claims"


def test_a_company_given_in_part_is_found(db: str) -> None:
    answer = brief(db, "Limbach")
    assert answer["claims"] and all("Limbach" in c["label"] for c in answer["claims"][:1])
    assert not answer["unknown"]


def test_limit_bounds_the_whole_brief(db: str) -> None:
    for limit in ("1", "2"):
        answer = brief(db, "China supplies weapons to Russia", "--limit", limit)
        assert 1 <= len(answer["claims"]) <= int(limit)


def test_question_words_and_countries_are_not_names() -> None:
    assert name_runs("Are Chinese companies supplying drones to Russia?") == ["Chinese", "Russia"]
    assert name_runs("Est-ce que Quillfeather Dynamics livre la Russie ?") == ["Quillfeather Dynamics", "Russie"]


def claim(claim_id: str, label: str, origins: list[str], certainty: str = "certain", deniers: tuple = ()) -> ClaimSummary:
    return ClaimSummary(id=claim_id, type="SUPPLY", label=label, arguments={},
                        origins=[Origin(f"k:{o}", o, "media") for o in origins],
                        denied_by=[Origin(f"k:{d}", d, "state") for d in deniers], articles=[claim_id],
                        languages=["en"], first_seen="2024-09", certainty=certainty)


def test_speculation_is_named_as_such_and_never_the_best_evidence() -> None:
    claims = [claim("c1", "Ruritania supplies shells to Osterlich", ["Daily Lantern", "Harbour Wire"]),
              claim("c2", "Ruritania supplies drones to Osterlich", ["Evening Bell"], certainty="possible")]
    text = verdict("Does Ruritania arm Osterlich?", claims)
    assert text.startswith("Alleged: Ruritania supplies shells")
    assert "2 independent origins" in text
    assert "Stated as fact by no origin" in text and "drones to Osterlich (only as a possibility)" in text.split(
        "Stated as fact by no origin")[1]
    assert "drones" not in text.split("Stated as fact by no origin")[0], "speculation is never listed as alleged"


def test_duplicates_under_one_label_are_merged() -> None:
    a = claim("c1", "Ruritania supplies shells to Osterlich", ["Daily Lantern"])
    b = claim("c2", "Ruritania supplies shells to Osterlich", ["Harbour Wire", "Daily Lantern"], deniers=("Ruritania",))
    (merged,) = merge_duplicates([a, b])
    assert [o.name for o in merged.origins] == ["Daily Lantern", "Harbour Wire"]
    assert [o.name for o in merged.denied_by] == ["Ruritania"] and merged.articles == ["c1", "c2"]



def test_a_few_names_are_listed_whole_and_a_long_list_is_cut() -> None:
    from claimgraph.graph.verdict import LISTED_CUT, LISTED_WHOLE, _listed

    few = [f"Portugal supplies item {i} to Chile (only asked or supposed)" for i in range(5)]
    assert _listed(few) == "; ".join(few), "an analyst wants all of a few"
    many = [f"claim {i}" for i in range(LISTED_WHOLE + 4)]
    text = _listed(many)
    assert text.endswith(f"and {len(many) - LISTED_CUT} more") and "claim 5" in text and "claim 6" not in text
