"""A named body before a country is a question's subject only when the country is not the doer: "Is Acme helped by
China?" asks what China does (reviewer risk of 20f0b2e; invented articles)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.model import Analysis

from graph_docs import Doc, store_with, wire


def _kupol_builds() -> Analysis:
    d = Doc("kupol-builds", "IEMZ Kupol builds attack drones at its plant in Izhevsk, the Evening Courier reported.",
            "en", "2024-09-20", "Evening Courier")
    d.entity("e1", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    d.entity("e2", "Evening Courier", "ORG", "the Evening Courier")
    d.attribution("a1", "the Evening Courier", "media", "IEMZ Kupol builds attack drones at its plant in Izhevsk",
                  entity="e2")
    d.event("v1", "PRODUCE", "builds", "a1", agent=("IEMZ Kupol", "e1"), item=("attack drones", None))
    return d.analysis


def test_a_country_after_a_doers_word_acts_whatever_body_comes_before_it(tmp_path: Path) -> None:
    chinese_wire = wire("wire-a", "Reuters", "2024-09-25")
    chinese_wire.entities[0].country = "CN"  # the engine maker is a Chinese firm
    store_with(tmp_path, [chinese_wire, _kupol_builds()], "doer.db").close()
    for question in ("Is China helping IEMZ Kupol?", "Is IEMZ Kupol helped by China?"):
        result = CliRunner().invoke(app, ["brief", question, "--db", str(tmp_path / "doer.db"), "--json"])
        assert result.exit_code == 0, result.output
        labels = [c["label"] for c in json.loads(result.stdout)["claims"]]
        assert labels and labels[0].startswith("Xiamen Limbach Aircraft Engine supplies"), (question, labels)
