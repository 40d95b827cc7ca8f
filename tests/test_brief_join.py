"""A statement that says an allegation again joins it (our own sentences), and the verdict names one origin once."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.brief_join import join_statements
from claimgraph.graph.verdict import verdict
from claimgraph.graph.verdict_scope import denials_miss
from claimgraph.model.claims import ClaimSummary, Evidence, Origin
from claimgraph.model.records import Span

from graph_docs import Doc, outlet_reports_building, store_with

LEAGUE = Origin("src:league", "The Harbour League", "organization")


def _row(claim: str, doc: str, start: int, text: str, origin: Origin = LEAGUE, stance: str = "supports") -> Evidence:
    return Evidence(claim_id=claim, document_id=doc, record_id=f"a{start}", stance=stance, certainty="certain",
                    polarity="positive", quote=Span(start, start + len(text), text), chain=(), origin=origin,
                    date="2024-03-04", lang="en")


def _act() -> ClaimSummary:
    return ClaimSummary(id="act", type="SUPPLY", label="Xland supplies «dual-use components» to Yland",
                        arguments={"agent": "Xland", "item": "dual-use components"}, origins=[LEAGUE],
                        articles=["d1"], languages=["en"], first_seen="2024-03-04", last_seen="2024-03-04",
                        evidence=[_row("act", "d1", 100, "Xland ships dual-use components to Yland")])


def _statement(claim: str, text: str, doc: str = "d2", start: int = 0, origins: tuple[Origin, ...] = (LEAGUE,)
               ) -> ClaimSummary:
    return ClaimSummary(id=claim, type="STATEMENT", label=text, arguments={"about0": "Xland"}, origins=list(origins),
                        articles=[doc], languages=["en"], first_seen="2024-03-05", last_seen="2024-03-05",
                        evidence=[_row(claim, doc, start, text, origins[0])])


ROLES = {"act": {"agent": "state:XX", "item": "txt:dual-use components"}, "s1": {"about0": "state:XX"},
         "s2": {"about0": "state:XX"}, "s3": {"about0": "state:XX"}, "s4": {"about0": "state:ZZ"}}


def test_a_statement_by_the_same_origin_naming_the_item_joins_the_allegation() -> None:
    naming = _statement("s1", "Xland is the main backer of Yland's war through its supply of electronic components")
    sharing = _statement("s2", "Xland ships dual-use components to Yland, the League said", doc="d1", start=90)
    other_origin = _statement("s3", "Xland sends components to Yland",
                              origins=(Origin("src:courier", "The Courier", "media"),))
    other_actor = _statement("s4", "Zland is the main backer of Yland's war through its supply of components")
    act = _act()
    kept = join_statements([act, naming, sharing, other_origin, other_actor], ROLES)
    assert [c.id for c in kept] == ["act", "s3", "s4"]
    assert act.origins == [LEAGUE], "joining adds no origin"
    assert set(act.articles) == {"d1", "d2"} and act.last_seen == "2024-03-05"
    assert len(act.evidence) == 3


def test_a_statement_that_says_something_else_stays() -> None:
    apart = _statement("s1", "Xland cannot keep fuelling the war without paying for it")
    kept = join_statements([_act(), apart], ROLES)
    assert [c.id for c in kept] == ["act", "s1"]


def test_the_verdict_names_one_origin_by_its_plain_name() -> None:
    act = _act()
    said = ClaimSummary(id="two", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"},
                        origins=[Origin("src:league", "The final communiqué (via The Harbour League)", "organization")],
                        articles=["d3"], languages=["en"], first_seen="2024-03-04")
    text = verdict("Does Xland arm Yland?", [act, said])
    assert "communiqué" not in text and "from 1 distinct independent origin" in text


def test_what_the_denials_name_is_listed_with_commas() -> None:
    act = _act()
    act.denied_by = [Origin("state:XX", "Government of Xland", "organization")]
    act.evidence += [_row("act", "d4", 0, "Xland never sent drones, engines or weapons", act.denied_by[0], "denies")]
    missed = denials_miss(act)
    assert missed is not None and "drones, engines and weapons" in missed


def _league(doc_id: str, date: str) -> object:
    d = Doc(doc_id, "Orrin Motors ships dual-use components to Yland, the Harbour League said.", "en", date, "Morning Courier")
    d.entity("e1", "Orrin Motors", "ORG", "Orrin Motors")
    d.entity("e2", "Harbour League", "ORG", "the Harbour League")
    d.entity("e3", "Yland", "ORG", "Yland")
    d.attribution("a1", "the Harbour League", "organization", "Orrin Motors ships dual-use components to Yland", entity="e2")
    d.event("v1", "SUPPLY", "ships", "a1", agent=("Orrin Motors", "e1"), recipient=("Yland", "e3"),
            item=("dual-use components", None))
    return d.analysis


def _backer(doc_id: str) -> object:
    d = Doc(doc_id, "The Harbour League called Orrin Motors the main backer of the war through its supply of electronic components.",
            "en", "2024-03-06", "Evening Post")
    d.entity("e1", "Orrin Motors", "ORG", "Orrin Motors")
    d.entity("e2", "Harbour League", "ORG", "The Harbour League")
    d.attribution("a1", "The Harbour League", "organization",
                  "Orrin Motors the main backer of the war through its supply of electronic components", entity="e2")
    return d.analysis


def test_a_short_brief_reads_a_few_claims_more_so_joined_statements_leave_no_hole(tmp_path: Path) -> None:
    import json
    from typer.testing import CliRunner
    from claimgraph.cli.app import app
    builds = outlet_reports_building("p1", "Orrin Motors", "ORG", "attack gliders", "near the coast", "Evening Post",
                                     "2024-03-07")
    store_with(tmp_path, [_league("l1", "2024-03-04"), _league("l2", "2024-03-05"), _backer("b1"), builds],
               "reserve.db").close()
    result = CliRunner().invoke(app, ["brief", "Is Orrin Motors involved?", "--db", str(tmp_path / "reserve.db"),
                                      "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    assert [c["type"] for c in claims] == ["SUPPLY", "PRODUCE"], "--limit 2: two claims, no statement of its own"
    assert len(claims[0]["articles"]) == 3, "the League's words in a third article joined its supply claim"


def _accusation(claim: str, text: str, doc: str = "d1", start: int = 90, target: str = "state:XX",
                origins: tuple[Origin, ...] = (LEAGUE,)) -> ClaimSummary:
    ROLES[claim] = {"agent": "ent:league", "target": target}
    return ClaimSummary(id=claim, type="ACCUSE", label=f"The Harbour League accuses Xland of «{text}»",
                        arguments={"agent": "The Harbour League", "target": "Xland", "item": text},
                        origins=list(origins), articles=[doc], languages=["en"], first_seen="2024-03-04",
                        last_seen="2024-03-04", evidence=[_row(claim, doc, start, text, origins[0])])


def test_an_accusation_of_the_acts_actor_by_its_origin_joins_it() -> None:
    # "The League accuses Xland of shipping dual-use components to Yland": one passage with the act.
    same = _accusation("x1", "The League accuses Xland of shipping dual-use components to Yland")
    other_target = _accusation("x2", "The League accuses Zland of shipping dual-use components to Yland",
                               target="state:ZZ")
    other_origin = _accusation("x3", "The Courier accuses Xland of shipping dual-use components to Yland",
                               origins=(Origin("src:courier", "The Courier", "media"),))
    elsewhere = _accusation("x4", "The League accuses Xland of hosting the summit badly", doc="d9", start=0)
    act = _act()
    kept = join_statements([act, same, other_target, other_origin, elsewhere], ROLES)
    assert [c.id for c in kept] == ["act", "x2", "x3", "x4"]
    assert act.origins == [LEAGUE] and len(act.evidence) == 2


def test_a_joining_claim_brings_only_the_denials_that_answer_the_act() -> None:
    xland = Origin("state:XX", "Government of Xland", "organization")
    accusation = _accusation("x5", "The League accuses Xland of shipping dual-use components to Yland")
    accusation.denied_by = [xland]
    accusation.evidence += [_row("x5", "d7", 0, "Xland has never sent weapons to either side.", xland, "denies"),
                            _row("x5", "d1", 300, "Xland rejected the charge.", xland, "denies")]
    act = _act()
    join_statements([act, accusation], ROLES)
    denying = [e.quote.text for e in act.evidence if e.stance == "denies"]
    assert denying == ["Xland rejected the charge."], "a denial of weapons does not answer components"
    assert act.denied_by == [xland]
    lone = _accusation("x6", "The League accuses Xland of shipping dual-use components to Yland")
    lone.denied_by = [xland]
    lone.evidence.append(_row("x6", "d7", 0, "Xland has never sent weapons to either side.", xland, "denies"))
    act = _act()
    join_statements([act, lone], ROLES)
    assert act.denied_by == [] and all(e.stance == "supports" for e in act.evidence)
