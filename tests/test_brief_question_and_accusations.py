"""A brief keeps a name its question spells in lowercase, tells two accusations of one day apart unless their
items say the same thing, and refuses an empty question (invented names, sentences and claims)."""
from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.brief_keys import common_word_keys
from claimgraph.graph.brief_tidy import same_item
from claimgraph.graph.embed import to_blob
from claimgraph.graph.verdict import merge_duplicates
from claimgraph.model.claims import ClaimSummary, Origin
from claimgraph.store import SqlStore
from claimgraph.store import tables as t

ACCUSER = Origin("state:OS", "Government of Osterlich", "organization")


def test_a_name_written_in_lowercase_keeps_its_key_a_role_noun_does_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SqlStore(str(tmp_path / "names.db"))
    with store.engine.begin() as connection:
        connection.execute(t.graph_names.insert(), [{"name": "zelkor", "key": "ent:zelkor works"},
                                                    {"name": "varno-tesk", "key": "ent:varno-tesk"},
                                                    {"name": "army", "key": "state:OS"},
                                                    {"name": "the government", "key": "state:OS"}])
    with store.engine.connect() as connection:
        keys = {"ent:zelkor works", "cc:RU"}
        assert common_word_keys(connection, "Is zelkor building boats with Ruritanian engines?", keys) == set()
        keys = {"ent:varno-tesk", "state:OS"}
        assert common_word_keys(connection, "Does varno-tesk sell to the army?", keys) == {"state:OS"}
        assert common_word_keys(connection, "Is the government behind varno-tesk?", keys) == {"state:OS"}
        assert common_word_keys(connection, "Is the Army behind varno-tesk?", keys) == set(), "a capital names it"
    store.close()


def accusation(claim_id: str, item: str, articles: list[str]) -> ClaimSummary:
    return ClaimSummary(id=claim_id, type="ACCUSE", label=f"Osterlich accuses Government of Ruritania of «{item}»",
                        arguments={"agent": "Osterlich", "target": "Government of Ruritania"}, origins=[ACCUSER],
                        articles=articles, languages=["en"], first_seen="2025-03-02")


def _store(tmp_path, claims: dict[str, tuple[str, np.ndarray]]) -> SqlStore:  # type: ignore[no-untyped-def]
    store = SqlStore(str(tmp_path / "claims.db"))
    with store.engine.begin() as connection:
        connection.execute(t.claims.insert(), [
            {"id": claim_id, "seq": i, "type": "ACCUSE", "block": "ACCUSE|state:OS|state:RU", "label": item,
             "arguments": json.dumps({"agent": "state:OS", "target": "state:RU"}), "names": "{}", "item": item,
             "vector": to_blob(vector / np.linalg.norm(vector)), "n_evidence": 1}
            for i, (claim_id, (item, vector)) in enumerate(claims.items())])
    return store


def test_two_accusations_of_one_day_stay_two_unless_their_items_say_the_same_thing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    axis = np.eye(8, dtype=np.float32)
    items = {"c1": ("arming the enemy", axis[0]),
             "c2": ("hacking the election commission", axis[1]),          # cosine 0 with c1
             "c3": ("pirater la commission électorale", axis[1] + 0.5 * axis[2]),  # cosine 0.89 with c2
             "c4": ("livrer des obus à l'ennemi", axis[3])}               # no cosine, but weapons like c1
    store = _store(tmp_path, items)
    claims = [accusation("c1", items["c1"][0], ["a1"]), accusation("c2", items["c2"][0], ["b1", "b2"]),
              accusation("c3", items["c3"][0], ["c1"]), accusation("c4", items["c4"][0], ["d1"])]
    with store.engine.connect() as connection:
        same = same_item(connection, claims, {k: v[0] for k, v in items.items()})
        merged = merge_duplicates(claims, same)
    store.close()
    labels = sorted(c.label for c in merged)
    assert labels == ["Osterlich accuses Government of Ruritania of «arming the enemy»",
                      "Osterlich accuses Government of Ruritania of «hacking the election commission»"], labels
    hacking = next(c for c in merged if "hacking" in c.label)
    assert hacking.articles == ["b1", "b2", "c1"], "its French wording is the same accusation"
    assert next(c for c in merged if "arming" in c.label).articles == ["a1", "d1"], "both items are weapons"
    assert len(merge_duplicates(claims)) == 4, "no item test: no two wordings are read as one"


def test_an_empty_question_is_an_error_and_a_question_that_finds_nothing_is_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    db = str(tmp_path / "empty.db")
    SqlStore(db).close()
    for empty in ("", "   ", " ? "):
        result = runner.invoke(app, ["brief", empty, "--db", db])
        assert result.exit_code != 0 and "has no words" in result.output, (empty, result.output)
    result = runner.invoke(app, ["brief", "Is Zelkor building boats?", "--db", db])
    assert result.exit_code == 0 and "No evidence found" in result.output, result.output
