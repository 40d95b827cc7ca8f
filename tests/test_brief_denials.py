"""Support needs assertion, denials answer what they name across articles, and the brief lists
denials apart from allegations (invented sentences and articles)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.assertion import answers, is_charge, unasserted
from claimgraph.graph.denials import in_window, link
from claimgraph.graph.sanity import is_outlet_name
from claimgraph.graph.verdict import verdict
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin

from graph_docs import Doc, denial, store_with, times_en, wire

runner = CliRunner()


def asked(text: str, words: str) -> bool:
    start = text.index(words)
    return unasserted(text, start, start + len(words))


def test_questions_conditions_and_open_questions_assert_nothing() -> None:
    assert asked("Reste à savoir si Ruritanie livrera un jour des obus à Osterlich.", "Ruritanie livrera")
    assert asked("Une question revient : Ruritanie a-t-elle armé Osterlich ?", "Ruritanie a-t-elle armé")
    assert asked("Si elles étaient confirmées, ces livraisons montreraient que des obus fabriqués en Ruritanie arrivent.",
                 "obus fabriqués")
    assert asked("If confirmed, the shipments would show that Ruritania arms Osterlich.", "Ruritania arms")
    assert asked("Officials are trying to establish whether Ruritania knew about the shipments.",
                 "Officials are trying to establish whether Ruritania knew")
    # The journalist's question is not the answer's: the claim after the comma is asserted.
    assert not asked("Asked whether Ruritania would investigate, the minister said he had no information.",
                     "the minister said he had no information")
    assert not asked("The company shipped shells to Osterlich, officials said.", "The company shipped shells")


def test_a_denial_answers_what_it_names() -> None:
    assert answers("never supplied lethal weapons", "a batch of military drones", same_article=False)
    assert not answers("never supplied lethal weapons", "drone engines", same_article=False)
    assert not answers("toute livraison d'armes", "éviter de nouvelles sanctions", same_article=True, remark=True)
    # Naming no item ("the case"), it answers its own article only, and a remark only when it is a charge.
    assert answers("the case", "drone engines", same_article=True)
    assert not answers("the case", "drone engines", same_article=False)
    assert answers("rejected the charge", "Ruritania is a key enabler of the war", same_article=True, remark=True)
    assert not answers("rejected the charge", "the government seeks to avoid new sanctions", same_article=True,
                       remark=True)
    assert is_charge("Ruritania knew about the shipments") and not is_charge("Ruritania fears new sanctions")


def test_outlet_names() -> None:
    assert is_outlet_name("the Evening Courier") and is_outlet_name("Harbour Gazette")
    assert is_outlet_name("Le Veilleur de l'Est")
    assert not is_outlet_name("Ministry of Foreign Affairs of Ruritania") and not is_outlet_name("Lin Jian")


def evidence(claim_id: str, doc: str, date: str, text: str, origin: Origin, stance: str = "supports",
             certainty: str = "certain") -> Evidence:
    return Evidence(claim_id=claim_id, document_id=doc, record_id="v1", stance=stance, certainty=certainty,
                    polarity="positive", quote=Span(0, len(text), text), chain=(ChainLink(origin.name, "organization"),),
                    origin=origin, date=date, lang="en")


def test_denials_link_across_articles_by_actor_item_and_date() -> None:
    wire_origin = Origin("src:harbour wire", "Harbour Wire", "media")
    state = Origin("state:RU", "Pavel Orlov (Government of Russia)", "organization")
    allegation = ClaimSummary(id="c1", type="SUPPLY", label="Russian firms supply drones to Osterlich",
                              arguments={"agent": "Russian companies (unnamed)"}, origins=[wire_origin],
                              articles=["a1"], languages=["en"], first_seen="2024-03-02", last_seen="2024-03-05",
                              evidence=[evidence("c1", "a1", "2024-03-02", "Russian firms shipped drones", wire_origin)])
    engines = ClaimSummary(id="c2", type="SUPPLY", label="Russian firms supply engines to Osterlich",
                           arguments={"agent": "Russian companies (unnamed)"}, origins=[wire_origin], articles=["a1"],
                           languages=["en"], first_seen="2024-03-02", last_seen="2024-03-02")
    deny = ClaimSummary(id="d1", type="DENY", label="Government of Russia denies the reports",
                        arguments={"agent": "Government of Russia"}, origins=[state], articles=["a2", "a3", "a4"],
                        languages=["en", "fr"], evidence=[
                            evidence("d1", "a2", "2024-03-04", "Moscow has never supplied weapons to anyone", state),
                            evidence("d1", "a3", "2025-01-10", "Moscow has never supplied weapons to anyone", state),
                            evidence("d1", "a4", "2024-03-06", "La Russie n'a jamais livré d'armes, selon le Courrier",
                                     Origin("src:le courrier", "Le Courrier", "media"))])
    roles = {"c1": {"agent": "grp:RU:company"}, "c2": {"agent": "grp:RU:company"}, "d1": {"agent": "state:RU"}}
    link([allegation, engines], [deny], roles, {}, {"c1": "drones", "c2": "engines"})
    against = [e for e in allegation.evidence if e.stance == "denies"]
    assert [e.document_id for e in against] == ["a2", "a4"], "in the date window only"
    assert [o.name for o in allegation.denied_by] == ["Government of Russia"], "the state, not its spokesman or the paper"
    assert against[1].origin.key == "state:RU", "the outlet reporting the denial is replaced by the denier"
    assert not engines.denied_by, "a denial of weapons leaves engines open"
    assert in_window("2024-02", "2024-03-02", None) and not in_window("2023-12-01", "2024-03-02", "2024-03-02")


def test_a_claim_only_denied_is_not_speculation() -> None:
    only_denied = ClaimSummary(id="c9", type="STATEMENT", label="Ruritania is not a party to the war", arguments={},
                               denied_by=[Origin("state:RT", "Government of Ruritania", "organization")],
                               certainty="underspecified")
    text = verdict("Is Ruritania involved?", [], [only_denied])
    assert "Government of Ruritania" in text and "speculated" not in text


def test_the_brief_lists_denials_apart_with_relay_trees_timelines_and_offsets(tmp_path: Path) -> None:
    store = store_with(tmp_path, [times_en(), wire("wire-a", "Reuters", "2024-09-25"), denial()], "b.db")
    store.close()
    db = str(tmp_path / "b.db")
    result = runner.invoke(app, ["brief", "Is China supplying weapons?", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert all(c["type"] != "DENY" for c in answer["claims"]), "a denial is not one more allegation"
    for claim in answer["claims"]:
        details = answer["details"][claim["id"]]
        assert details["relay_trees"] and details["timeline"]
    markdown = runner.invoke(app, ["brief", "Is China supplying weapons?", "--db", db])
    assert markdown.exit_code == 0 and " chars " in markdown.stdout and "Relay tree:" in markdown.stdout
    for limit in ("1", "2"):
        limited = json.loads(runner.invoke(app, ["brief", "Is China supplying weapons?", "--db", db, "--format",
                                                 "json", "--limit", limit]).stdout)
        assert len(limited["claims"]) + len(limited["denials"]) <= int(limit)


def test_an_outlet_that_could_not_verify_a_denied_act_is_not_a_denier(tmp_path: Path) -> None:
    d = Doc("courier", "Ruritania has denied sending shells to Osterlich. The account could not be verified by the "
            "Evening Courier.", "en", "2024-05-02")
    d.entity("e1", "Ruritania", "GPE", "Ruritania")
    d.entity("e2", "Osterlich", "GPE", "Osterlich")
    d.entity("e3", "Evening Courier", "ORG", "Evening Courier")
    d.attribution("a1", "the Evening Courier", "organization", "The account", entity="e3")
    d.event("v1", "SUPPLY", "sending", polarity="negative", agent=("Ruritania", "e1"), recipient=("Osterlich", "e2"),
            item=("shells", None))
    store = store_with(tmp_path, [d.analysis], "c.db")
    from claimgraph.graph.audit import report

    with store.engine.connect() as connection:
        assert report(connection)["outlet_deniers"] == 0
    store.close()


def test_a_negated_remark_denies_only_for_whom_it_speaks() -> None:
    from claimgraph.graph import claim_mentions

    d = Doc("remarks", "China cannot keep arming the rebels, the NATO chief said. China is not a party to "
            "the conflict, its foreign ministry said.", "en", "2024-05-02")
    d.entity("e1", "China", "GPE", "China", ("China", "said."))
    d.entity("e2", "NATO", "ORG", "NATO")
    d.entity("e3", "Ministry of Foreign Affairs of China", "ORG", "its foreign ministry")
    d.attribution("a1", "the NATO chief", "named_person", "China cannot keep arming the rebels", entity="e2",
                  polarity="negative")
    d.attribution("a2", "its foreign ministry", "organization", ("China is not a party to the conflict", "said."),
                  entity="e3", polarity="negative")
    stances = {m.record_id: m.stance for m in claim_mentions(d.analysis) if m.type == "STATEMENT"}
    assert stances["a1"] == "supports", "NATO asserts its own negated remark; it denies nothing"
    assert stances["a2"] == "denies", "the ministry speaks for China: a denial"
