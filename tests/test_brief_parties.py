"""A question that sets countries against each other is answered only by claims that link them (invented store)."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.brief_parties import question_parties, unlinked
from claimgraph.graph.verdict import NO_EVIDENCE

from graph_docs import store_with
from test_brief_firmness import firm_supply

runner = CliRunner()


def test_a_country_named_as_a_place_is_no_party() -> None:
    assert question_parties("Does Portugal sell cork to Peru?") == {"PT", "PE"}
    assert question_parties("Did Chile buy Portuguese shells?") == {"CL", "PT"}
    assert question_parties("Is the Portuguese government involved in the war in Chile?") == {"PT"}
    assert question_parties("Le Portugal est-il impliqué dans la guerre au Chili ?") == {"PT"}
    assert question_parties("Is South Sudan bombing Sudan?") == {"SS", "SD"}
    assert question_parties("Le Portugal a-t-il pris part aux combats civils au Pérou ?") == {"PT"}
    assert question_parties("Has Portugal sent advisers to the fighting inside Bolivia?") == {"PT"}


def test_a_preposition_alone_names_a_recipient_not_a_place() -> None:
    assert question_parties("La Chine vend-elle des armes au Venezuela ?") == {"CN", "VE"}
    assert question_parties("Le Portugal vend-il du liège au Pérou ?") == {"PT", "PE"}
    assert question_parties("Le Portugal livre-t-il des obus aux Philippines ?") == {"PT", "PH"}
    assert question_parties("Le Portugal a-t-il des conseillers en Bolivie ?") == {"PT", "BO"}
    assert question_parties("Does Portugal keep advisers in Bolivia?") == {"PT", "BO"}


def test_parties_are_linked_by_a_claim_holding_two_of_them() -> None:
    keys = {"c1": {"state:PT", "cc:PT", "cc:CL", "txt:shells"}, "c2": {"cc:PE", "txt:cork"}}
    assert not unlinked({"PT", "CL"}, keys)
    assert unlinked({"PT", "PE"}, keys)
    assert not unlinked({"PT"}, keys), "one party: any claim about it answers"


def test_a_question_about_countries_no_claim_links_finds_no_evidence(tmp_path: Path) -> None:
    store_with(tmp_path, [firm_supply()], "parties.db")
    db = str(tmp_path / "parties.db")
    apart = runner.invoke(app, ["brief", "Does Portugal sell cork to Peru?", "--db", db])
    assert apart.exit_code == 0, apart.output
    assert NO_EVIDENCE in apart.stdout and "links Peru and Portugal" in apart.stdout
    assert "artillery shells" not in apart.stdout, "a claim about Portugal and Chile answers another question"
    linked = runner.invoke(app, ["brief", "Does Portugal supply Chile?", "--db", db])
    assert linked.exit_code == 0 and "Portugal supplies «artillery shells» to Chile" in linked.stdout
    placed = runner.invoke(app, ["brief", "Is Portugal involved in the war in Peru?", "--db", db])
    assert NO_EVIDENCE not in placed.stdout and "artillery shells" in placed.stdout
    for question in ("Le Portugal vend-il du liège au Pérou ?", "Does Portugal sell cork in Peru?"):
        recipient = runner.invoke(app, ["brief", question, "--db", db])
        assert recipient.exit_code == 0 and NO_EVIDENCE in recipient.stdout, (question, recipient.output)
        assert "artillery shells" not in recipient.stdout, question
    placé = runner.invoke(app, ["brief", "Le Portugal est-il impliqué dans la guerre au Pérou ?", "--db", db])
    assert NO_EVIDENCE not in placé.stdout and "artillery shells" in placé.stdout
