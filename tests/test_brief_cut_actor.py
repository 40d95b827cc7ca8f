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


def vidal_says_supplied(doc_id: str, agent: str, by_the_state: bool, verb: str, item: str, when: str, date: str,
                        outlet: str) -> object:
    """Chile's defence minister says `agent` (the Portuguese state, or a group it is not) `verb` `item` to Chile."""
    content = f"{agent} {verb} {item} to Chile{when}"
    d = Doc(doc_id, f"{content}, the Chilean defence minister Ana Vidal said.", "en", date, outlet)
    if by_the_state:
        d.entity("e1", "Government of Portugal", "ORG", agent)
    d.entity("e2", "Chile", "GPE", "Chile")
    d.entity("e3", "Ana Vidal", "PERSON", "Ana Vidal")
    d.attribution("a1", "the Chilean defence minister Ana Vidal", "named_person", content, entity="e3")
    d.event("v1", "SUPPLY", verb, "a1", agent=(agent, "e1" if by_the_state else None), recipient=("Chile", "e2"),
            item=(item, None))
    return d.analysis


def state_supply(n: int, item: str, outlet: str) -> object:
    return vidal_says_supplied(f"state-{item}-{n}", "The Portuguese government", True, "sent", item, " last month",
                               f"2025-03-{n + 2:02d}", outlet)


def firms_supply() -> object:
    return vidal_says_supplied("firms-drones", "Portuguese companies", False, "sold", "drones", "", "2025-03-09",
                               "Quay Review")


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
