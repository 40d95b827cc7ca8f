"""A question that gives its countries roles ("Did Peru buy Portuguese shells?") is answered only by claims that
fill them: a supply to another recipient, or a statement naming a country as a war's place, fits only in part,
and the brief says so (invented store, our own sentences)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.brief_roles import question_roles
from claimgraph.graph.verdict import NO_EVIDENCE

from graph_docs import Doc, store_with
from test_brief_firmness import firm_supply

runner = CliRunner()


def test_a_question_gives_its_countries_roles() -> None:
    assert question_roles("Did Peru buy Portuguese shells?") == {"recipient": {"PE"}, "agent": {"PT"}}
    assert question_roles("Le Pérou a-t-il acheté des obus au Portugal ?") == {"recipient": {"PE"}, "agent": {"PT"}}
    assert question_roles("Le Pérou a-t-il acheté des drones chinois ?") == {"recipient": {"PE"}, "agent": {"CN"}}
    assert question_roles("Does Portugal sell shells to Peru?") == {"agent": {"PT"}, "recipient": {"PE"}}
    assert question_roles("Le Portugal fournit-il des obus au Chili ?") == {"agent": {"PT"}, "recipient": {"CL"}}
    assert question_roles("Were Portuguese shells sold to Chile?") == {"agent": {"PT"}, "recipient": {"CL"}}
    assert question_roles("Did Chile import shells from Portugal?") == {"recipient": {"CL"}, "agent": {"PT"}}
    assert question_roles("Is Portugal supplying shells for the war in Peru?") == {"agent": {"PT"}}
    assert question_roles("Le Portugal livre-t-il des obus en Bolivie ?") == {"agent": {"PT"}, "recipient": {"BO"}}
    assert question_roles("La Bolivie a-t-elle acheté des obus en Chine ?") == {"recipient": {"BO"}, "agent": {"CN"}}
    assert question_roles("Le Portugal livre-t-il des obus pour la guerre au Pérou ?") == {"agent": {"PT"}}
    assert question_roles("Is the Portuguese government involved?") == {}, "no act of supply: no roles"


def war_place():
    """A statement naming Portugal and Peru, Peru only as the place of a war."""
    d = Doc("peru-war", "Portugal has grown louder about the war in Peru, a columnist in Lisbon wrote.", "en",
            "2025-03-07", "Tagus Weekly")
    d.entity("e1", "Portugal", "GPE", "Portugal")
    d.entity("e2", "Peru", "GPE", "Peru")
    d.attribution("a1", "a columnist in Lisbon", "anonymous_person", "Portugal has grown louder about the war in Peru")
    return d.analysis


def test_a_supply_to_another_recipient_fits_only_in_part(tmp_path: Path) -> None:
    store_with(tmp_path, [firm_supply(), war_place()], "roles.db").close()
    db = str(tmp_path / "roles.db")
    result = runner.invoke(app, ["brief", "Did Peru buy Portuguese shells?", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    said = answer["verdict"]
    assert said.startswith(NO_EVIDENCE) and not answer["claims"], said
    assert "looked for a supply by Portugal or an actor from it to Peru or an actor from it" in said
    assert "1 stored supply claim has Portugal or an actor from it as the supplier, and as the recipient Chile, not Peru" in said
    assert "no stored supply claim has Peru or an actor from it as the recipient" in said
    fitting = runner.invoke(app, ["brief", "Did Chile buy Portuguese shells?", "--db", db, "--format", "json"])
    labels = [c["label"] for c in json.loads(fitting.stdout)["claims"]]
    assert labels and labels[0] == "Portugal supplies «artillery shells» to Chile", labels
    assert not any("louder" in label for label in labels), "a statement not naming Chile answers another question"
