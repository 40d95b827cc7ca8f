"""An actor whose claims a short brief first chose, then cut for the rooms it keeps (speculation, denials), is
listed as one more other actor, not dropped (580ea74): the Portuguese companies below, whose one-article claim comes
after the state's and the statements' at --limit 6, where the denials' room cuts it. Invented articles."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app

from graph_docs import Doc, store_with

runner = CliRunner()
OUTLETS = ["Tagus Evening", "Andes Wire", "Pacific Note", "Lisbon Ledger", "Harbour Post"]


def state_supply(n: int, item: str, outlet: str) -> object:
    d = Doc(f"state-{item}-{n}", f"The Portuguese government sent {item} to Chile last month, the Chilean defence "
            f"minister Ana Vidal said.", "en", f"2025-03-{n + 2:02d}", outlet)
    d.entity("e1", "Government of Portugal", "ORG", "The Portuguese government")
    d.entity("e2", "Chile", "GPE", "Chile")
    d.entity("e3", "Ana Vidal", "PERSON", "Ana Vidal")
    d.attribution("a1", "the Chilean defence minister Ana Vidal", "named_person",
                  f"The Portuguese government sent {item} to Chile last month", entity="e3")
    d.event("v1", "SUPPLY", "sent", "a1", agent=("The Portuguese government", "e1"), recipient=("Chile", "e2"),
            item=(item, None))
    return d.analysis


def firms_supply() -> object:
    d = Doc("firms-drones", "Portuguese companies sold drones to Chile, the Chilean defence minister Ana Vidal said.",
            "en", "2025-03-09", "Quay Review")
    d.entity("e2", "Chile", "GPE", "Chile")
    d.entity("e3", "Ana Vidal", "PERSON", "Ana Vidal")
    d.attribution("a1", "the Chilean defence minister Ana Vidal", "named_person",
                  "Portuguese companies sold drones to Chile", entity="e3")
    d.event("v1", "SUPPLY", "sold", "a1", agent=("Portuguese companies", None), recipient=("Chile", "e2"),
            item=("drones", None))
    return d.analysis


SAID = ["The Portuguese government keeps its arms trade with Chile out of its yearly report",
        "The Portuguese government has trained Chilean pilots at a base near Beja since the spring",
        "The Portuguese government paid for a new radar school in Valparaiso"]


def statement(n: int, copy: int) -> object:
    d = Doc(f"said-{n}-{copy}", f"{SAID[n]}, an official in Lima said.", "en", f"2025-03-1{n}", OUTLETS[n + copy])
    d.entity("e1", "Government of Portugal", "ORG", "The Portuguese government")
    d.attribution("a1", "an official in Lima", "anonymous_person", SAID[n])
    return d.analysis


def denial(n: int, item: str) -> object:
    d = Doc(f"deny-{n}", f"The Portuguese government denied sending {item} to Chile, its spokesman Rui Sal said.", "en",
            f"2025-03-2{n}", f"Lisbon Ledger {n}")
    d.entity("e1", "Government of Portugal", "ORG", "The Portuguese government")
    d.entity("e3", "Rui Sal", "PERSON", "Rui Sal")
    d.attribution("a1", "its spokesman Rui Sal", "named_person", f"The Portuguese government denied sending {item} "
                  "to Chile", entity="e3")
    d.event("v1", "DENY", "denied", "a1", agent=("The Portuguese government", "e1"), item=(f"sending {item}", None))
    return d.analysis


def test_an_actor_cut_for_the_rooms_of_a_short_brief_is_one_more_other_actor(tmp_path: Path) -> None:
    analyses = [state_supply(i, item, OUTLETS[(i + k) % len(OUTLETS)])
                for k, item in enumerate(["artillery shells", "rifles", "radars"]) for i in range(4 - k)]
    store = store_with(tmp_path, [*analyses, firms_supply(), *(statement(n, c) for n in range(3) for c in range(2)),
                                   denial(0, 'rifles'), denial(1, 'radars')], "cut.db")
    store.close()
    for limit in ("4", "6", "8"):  # at 6 the denials' room cuts the companies' claim, last chosen
        result = runner.invoke(app, ["brief", "Does Portugal supply weapons to Chile?", "--limit", limit,
                                     "--db", str(tmp_path / "cut.db"), "--format", "json"])
        assert result.exit_code == 0, result.output
        labels = [c["label"] for c in json.loads(result.stdout)["claims"]]
        assert any("(unnamed) supply «drones»" in label for label in labels), (limit, labels)
