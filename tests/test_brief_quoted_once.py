"""A passage shared by two claims of a brief is quoted in full once; after that the brief says where it was quoted
(invented sentences)."""
from __future__ import annotations

from claimgraph.graph.brief_tidy import quoted_above
from claimgraph.graph.render import brief_markdown
from claimgraph.model import Span
from claimgraph.model.claims import Brief, ClaimSummary, Evidence, Origin

ALLIANCE = Origin("ent:alliance", "Northern Alliance", "organization")
STATE = Origin("state:RU", "Government of Ruritania", "organization")
SENTENCE = "Ruritania has become a key helper of Osterlich's war by supplying dual-use machine parts."
DENIAL = "The Ruritanian foreign ministry rejected the accusations as baseless."


def row(claim_id: str, text: str, start: int, origin: Origin, stance: str = "supports") -> Evidence:
    return Evidence(claim_id=claim_id, document_id="doc-1", record_id="v1", stance=stance, certainty="certain",
                    polarity="positive", quote=Span(start, start + len(text), text), chain=(), origin=origin,
                    date="2025-04-02", lang="en")


def claims() -> list[ClaimSummary]:
    supply = ClaimSummary(id="c1", type="SUPPLY", label="Ruritania supplies «machine parts» to Osterlich",
                          arguments={}, origins=[ALLIANCE], denied_by=[STATE], articles=["doc-1"], languages=["en"],
                          evidence=[row("c1", SENTENCE, 100, ALLIANCE), row("c1", DENIAL, 400, STATE, "denies")])
    statement = ClaimSummary(id="c2", type="STATEMENT", label=SENTENCE, arguments={}, origins=[ALLIANCE],
                             denied_by=[STATE], articles=["doc-1"], languages=["en"],
                             evidence=[row("c2", SENTENCE, 100, ALLIANCE), row("c2", "key helper", 125, ALLIANCE),
                                       row("c2", DENIAL, 400, STATE, "denies"),
                                       row("c2", "Another sentence about Osterlich.", 300, ALLIANCE)])
    return [supply, statement]


def test_a_passage_shown_under_an_earlier_claim_is_recalled_not_quoted_again() -> None:
    first, second = claims()
    above = quoted_above([first, second])
    assert above == {"c2": {"doc-1:100-189": first.label, "doc-1:125-135": first.label,
                            "doc-1:400-469": first.label}}, above
    brief = Brief(question="Is Ruritania involved?", claims=[first, second], sections=[("Ruritania", ["c1", "c2"])],
                  details={"c2": {"quoted_above": above["c2"]}})
    text = brief_markdown(brief)
    assert text.count(SENTENCE) == 3, "the statement in the table and as a title, its passage in full once"
    assert text.count(DENIAL) == 1, "the ministry's rejection is quoted in full once"
    assert "(quoted in full above, under «Ruritania supplies «machine parts» to Osterlich»)" in text
    assert "Another sentence about Osterlich." in text, "a passage shown nowhere else is quoted"
    assert "chars 400-469" in text.split("### " + SENTENCE)[1], "the recalled row keeps its article and offsets"


def test_a_wider_passage_is_still_quoted_in_full() -> None:
    first, second = claims()
    first.evidence[0] = row("c1", "key helper", 125, ALLIANCE)
    above = quoted_above([first, second])
    assert "doc-1:100-189" not in above.get("c2", {}), "only part of it was shown above"


def test_claims_of_the_item_class_the_question_asks_about_answer_it_first() -> None:
    from claimgraph.graph.brief import _off_item

    def supply(item: str) -> ClaimSummary:
        return ClaimSummary(id=item, type="SUPPLY", label=f"Ruritania supplies «{item}» to Osterlich", arguments={})
    off = _off_item("La Ruritanie fournit-elle des armes à l'Osterlich ?")
    assert not off(supply("des fusils")) and off(supply("microchips")), "weapons asked: rifles answer, chips do not"
    assert not _off_item("Is Ruritania involved?")(supply("microchips")), "no item asked: no claim is off it"


def test_one_state_named_two_ways_is_one_actor() -> None:
    from claimgraph.graph.brief_keys import one_name_per_state
    from claimgraph.graph.verdict import verdict

    paper = Origin("src:p", "Paper", "media")
    acts = ClaimSummary(id="c1", type="SUPPLY", label="France supplies «rifles» to Osterlich", origins=[paper],
                        arguments={"agent": "France", "recipient": "Osterlich"}, articles=["a"], languages=["en"])
    accused = ClaimSummary(id="c2", type="ACCUSE", label="Paper accuses Government of France of «arming Osterlich»",
                           origins=[paper], arguments={"agent": "Paper", "target": "Government of France"},
                           articles=["b"], languages=["en"])
    firms = ClaimSummary(id="c3", type="SUPPLY", label="French companies (unnamed) supply «rifles» to Osterlich",
                         origins=[paper], arguments={"agent": "French companies (unnamed)"}, articles=["c"],
                         languages=["en"])
    roles = {"c1": {"agent": "state:FR", "recipient": "ent:osterlich"}, "c2": {"agent": "src:p", "target": "state:FR"},
             "c3": {"agent": "grp:FR:company"}}
    one_name_per_state([acts, accused, firms], roles)
    assert acts.arguments == {"agent": "Government of France", "recipient": "Osterlich"}
    text = verdict("Is France involved?", [acts, accused, firms])
    assert "about Government of France (2), French companies (unnamed) (1)" in text, text
